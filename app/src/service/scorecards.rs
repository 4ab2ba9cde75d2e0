//! The rules behind every read and write of a scorecard, for the pages'
//! server functions (`api::scorecard_form`) and the JSON routes alike:
//!
//! - A card is written only by the interviewer on its interview.
//! - Independent scoring: someone on a candidate's panel reads nobody
//!   else's card for that candidate until every card of their own for that
//!   candidate is submitted. That holds for every role, admins included.
//! - Others (the panel after submitting, the people running the
//!   requisition) read submitted cards only, and never the private notes.
//! - Every write names the version it was based on; a stale one is
//!   refused with the stored card, so nothing is overwritten silently.

use crate::access::internal;
use crate::api::scorecards::{
    CandidateScorecards, CardContent, CardResult, CardStatus, HistoryView, ItemResult, PanelCard,
    RenderedNotes, ScorecardItem, ScorecardView, VersionView,
};
use crate::db::{assignments, requisitions, scorecards, Db};
use crate::domain::accounts::CurrentUser;
use crate::domain::keys::{AssignmentId, CandidateId};
use crate::domain::kit_item::KitItemRef;
use crate::domain::plan::PlanItem;
use crate::domain::requisition::{Assignment, Candidate, Requisition};
use crate::domain::scorecard::ScorecardState;
use crate::domain::scorecard::{
    self, check_reason, check_submittable, item_key, parse_item_key, Scorecard, ScorecardBody,
    ScorecardInput,
};
use crate::domain::Kit;
use crate::error::AppError;
use crate::markdown::to_safe_html_once;
use crate::service::refusal::Refusal;
use std::collections::BTreeMap;

fn no_such_card() -> AppError {
    AppError::NotFound("There is no scorecard at this address.".into())
}

fn blind(candidate_name: &str) -> AppError {
    AppError::Forbidden(format!(
        "Panelists score independently: submit your own scorecard for {candidate_name} before you read anyone else's."
    ))
}

/// Whether this person is on the candidate's panel with a card of
/// their own still unsubmitted, and so may read no one else's.
async fn is_blind(
    db: &Db,
    user: &CurrentUser,
    candidate_id: &CandidateId,
) -> Result<bool, AppError> {
    Ok(scorecards::unsubmitted_own(db, candidate_id, &user.id)
        .await
        .map_err(internal)?
        > 0)
}

async fn assignment(db: &Db, id: &AssignmentId) -> Result<(Assignment, Requisition), AppError> {
    let assignment = assignments::get(db, id)
        .await
        .map_err(internal)?
        .ok_or_else(no_such_card)?;
    // The actor's seat has no card: they play, the interviewers score.
    if assignment.part == crate::domain::requisition::Part::Actor {
        return Err(AppError::Conflict(format!(
            "This is the actor's part in the role-play, which has no scorecard: the interviewers score. The brief is at /interviews/{}/brief.",
            assignment.id
        )));
    }
    let requisition = requisitions::get(db, &assignment.requisition_id)
        .await
        .map_err(internal)?
        .ok_or(AppError::Internal)?;
    Ok((assignment, requisition))
}

/// The kit a card is scored against: its requisition's sub-role and
/// level at the card's own rubric version.
async fn card_kit(
    db: &Db,
    requisition: &Requisition,
    version: &str,
) -> Result<std::sync::Arc<Kit>, AppError> {
    if requisition.rubric_version == version {
        return crate::service::kits::frozen_kit(db, requisition).await;
    }
    let mut at_version = requisition.clone();
    at_version.rubric_version = version.to_string();
    crate::service::kits::frozen_kit(db, &at_version).await
}

/// The round's items in the requisition's plan.
fn round_items(requisition: &Requisition, round: &str) -> Vec<PlanItem> {
    requisition
        .plan
        .as_ref()
        .and_then(|p| p.rounds.iter().find(|r| r.round == round))
        .map(|r| r.items.clone())
        .unwrap_or_default()
}

/// The round's items, then any other kit item the card already holds.
fn card_items(round: &[PlanItem], body: &ScorecardBody, kit: &Kit) -> Vec<(PlanItem, bool)> {
    let mut items: Vec<(PlanItem, bool)> = round.iter().map(|i| (i.clone(), true)).collect();
    for key in body.items.keys() {
        if let Some(item) = parse_item_key(key) {
            if !round.contains(&item) && kit.item(&item).is_some() {
                items.push((item, false));
            }
        }
    }
    items
}

fn content(body: &ScorecardBody, mine: bool) -> CardContent {
    CardContent {
        items: body.items.clone(),
        private_notes: mine.then(|| body.private_notes.clone()),
        recommendation: body.recommendation,
        takeaways: body.takeaways.clone(),
    }
}

fn render(markdown: &str) -> String {
    if markdown.trim().is_empty() {
        String::new()
    } else {
        to_safe_html_once(markdown)
    }
}

/// `kit` is the card's: see [`card_kit`].
fn view(
    kit: &Kit,
    assignment: &Assignment,
    requisition: &Requisition,
    card: &Scorecard,
    mine: bool,
) -> ScorecardView {
    let round = round_items(requisition, &card.round);
    let items = card_items(&round, &card.body, kit)
        .into_iter()
        .filter_map(|(item, in_plan)| {
            crate::service::panel::interviews::interview_item(kit, &item).map(|shown| {
                ScorecardItem {
                    key: item_key(&item),
                    in_plan,
                    item: shown,
                }
            })
        })
        .collect();
    ScorecardView {
        id: card.id.to_string(),
        requisition_id: card.requisition_id.to_string(),
        candidate_id: card.candidate_id.to_string(),
        candidate_name: assignment.candidate_name.clone(),
        round: card.round.clone(),
        round_name: kit.round_name(&card.round).to_string(),
        interviewer_email: assignment.interviewer_email.clone(),
        state: card.state,
        version: card.version,
        rubric_version: card.rubric_version.clone(),
        submitted_at: card.submitted_at.clone(),
        updated_at: card.updated_at.clone(),
        mine,
        items,
        body: content(&card.body, mine),
        html: RenderedNotes {
            items: card
                .body
                .items
                .iter()
                .filter(|(_, s)| !s.notes.trim().is_empty())
                .map(|(k, s)| (k.clone(), render(&s.notes)))
                .collect(),
            takeaways: render(&card.body.takeaways),
        },
    }
}

/// A card someone other than its interviewer may read: they reach the
/// candidate, are not blind, and the card is submitted.
async fn readable_by_other(
    db: &Db,
    user: &CurrentUser,
    assignment: &Assignment,
) -> Result<Scorecard, AppError> {
    let (candidate, _) = crate::access::candidate(db, user, &assignment.candidate_id).await?;
    if is_blind(db, user, &candidate.id).await? {
        return Err(blind(&candidate.name));
    }
    match scorecards::get(db, &assignment.id)
        .await
        .map_err(internal)?
    {
        Some(card) if card.state == ScorecardState::Submitted => Ok(card),
        _ => Err(AppError::Forbidden(format!(
            "{}'s scorecard for this round is not submitted yet; the panel reads it once it is.",
            assignment.interviewer_email
        ))),
    }
}

/// A card, for its interviewer (created on first read) or for someone
/// who may read it.
pub async fn read(
    db: &Db,
    user: &CurrentUser,
    id: &AssignmentId,
) -> Result<ScorecardView, AppError> {
    read_with_kit(db, user, id).await.map(|(card, _)| card)
}

/// The card as [`read`] gives it, with the countdowns' lengths from the
/// kit it is scored against: minutes by item key, one per timed
/// exercise.
pub async fn read_with_timers(
    db: &Db,
    user: &CurrentUser,
    id: &AssignmentId,
) -> Result<(ScorecardView, BTreeMap<String, u32>), AppError> {
    use crate::domain::kit_item::Exercise;
    let (card, kit) = read_with_kit(db, user, id).await?;
    let timers = Exercise::ALL
        .into_iter()
        .filter_map(|e| Some((item_key(&e.into()), kit.exercise(e).minutes()?)))
        .collect();
    Ok((card, timers))
}

async fn read_with_kit(
    db: &Db,
    user: &CurrentUser,
    id: &AssignmentId,
) -> Result<(ScorecardView, std::sync::Arc<Kit>), AppError> {
    let (assignment, requisition) = assignment(db, id).await?;
    let mine = assignment.interviewer_id == user.id;
    let card = if mine {
        scorecards::get_or_create(db, &assignment, &requisition.rubric_version)
            .await
            .map_err(internal)?
    } else {
        readable_by_other(db, user, &assignment).await?
    };
    let kit = card_kit(db, &requisition, &card.rubric_version).await?;
    Ok((view(&kit, &assignment, &requisition, &card, mine), kit))
}

/// The submission and its amendments, each whole; private notes for
/// the author only.
pub async fn history(
    db: &Db,
    user: &CurrentUser,
    id: &AssignmentId,
) -> Result<HistoryView, AppError> {
    let (assignment, _) = assignment(db, id).await?;
    let mine = assignment.interviewer_id == user.id;
    if !mine {
        readable_by_other(db, user, &assignment).await?;
    }
    let versions = scorecards::history(db, &assignment.id)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|v| VersionView {
            version: v.version,
            kind: v.kind,
            author_email: v.author_email,
            author_name: v.author_name,
            saved_at: v.saved_at,
            reason: v.reason,
            body: content(&v.body, mine),
        })
        .collect();
    Ok(HistoryView {
        id: assignment.id.into(),
        versions,
        times: Default::default(),
    })
}

/// The writer's own card, with what checking a write needs.
async fn own_card(
    db: &Db,
    user: &CurrentUser,
    id: &AssignmentId,
) -> Result<(Assignment, Requisition, Scorecard, std::sync::Arc<Kit>), AppError> {
    let (assignment, requisition) = assignment(db, id).await?;
    if assignment.interviewer_id != user.id {
        // Someone who may not even read it learns no more than that.
        return Err(AppError::Forbidden(
            "Only the interviewer on this interview writes its scorecard.".into(),
        ));
    }
    let card = scorecards::get_or_create(db, &assignment, &requisition.rubric_version)
        .await
        .map_err(internal)?;
    let kit = card_kit(db, &requisition, &card.rubric_version).await?;
    Ok((assignment, requisition, card, kit))
}

/// A refused write with the card as stored (a card's rubric version
/// never changes, so `kit` is still its kit).
fn stale(
    kit: &Kit,
    assignment: &Assignment,
    requisition: &Requisition,
    current: &Scorecard,
    message: String,
) -> Refusal {
    Refusal::StaleCard {
        message,
        current: Box::new(view(kit, assignment, requisition, current, true)),
    }
}

fn changed_elsewhere(based_on: i64, current: &Scorecard) -> String {
    format!(
        "Not saved: this scorecard changed elsewhere (another tab or device) after you opened it. You sent a change to version {based_on}; the stored one is version {}. The stored text is kept and shown; copy what you need from yours and save again.",
        current.version
    )
}

/// Saves the card's content: a draft save, or, once submitted, an
/// amendment, which needs a reason. Returns the new version.
pub async fn save(
    db: &Db,
    user: &CurrentUser,
    id: &AssignmentId,
    based_on: i64,
    input: &ScorecardInput,
    reason: Option<&str>,
) -> Result<i64, Refusal> {
    let (assignment, requisition, card, kit) = own_card(db, user, id).await?;
    if card.version != based_on {
        let message = changed_elsewhere(based_on, &card);
        return Err(stale(&kit, &assignment, &requisition, &card, message));
    }
    let round = round_items(&requisition, &card.round);
    let allowed: Vec<PlanItem> = card_items(&round, &card.body, &kit)
        .into_iter()
        .map(|(item, _)| item)
        .collect();
    let reason = match card.state {
        ScorecardState::Draft => Ok(None),
        ScorecardState::Submitted => check_reason(reason).map(Some),
    };
    let (body, reason) = match (scorecard::parse(input, &allowed, &kit), reason) {
        (Ok(body), Ok(reason)) => (body, reason),
        (parsed, reason) => {
            let mut errors = parsed.err().unwrap_or_default();
            errors.extend(reason.err());
            return Err(Refusal::Fields(errors));
        }
    };
    let written = match reason {
        None => scorecards::save_draft(db, &card.id, based_on, &body).await,
        Some(reason) => scorecards::amend(db, &card.id, based_on, &body, &reason, &user.id).await,
    }
    .map_err(internal)?;
    match written {
        scorecards::Write::Saved { version } => Ok(version),
        scorecards::Write::Stale(current) => {
            let message = changed_elsewhere(based_on, &current);
            Err(stale(&kit, &assignment, &requisition, &current, message))
        }
    }
}

/// Submits the card as stored at `based_on`. Returns the new version.
pub async fn submit(
    db: &Db,
    user: &CurrentUser,
    id: &AssignmentId,
    based_on: i64,
) -> Result<i64, Refusal> {
    let (assignment, requisition, card, kit) = own_card(db, user, id).await?;
    let already = |card: &Scorecard| {
        format!(
            "This scorecard was submitted{}. To change it, save an amendment with a reason.",
            card.submitted_at
                .as_deref()
                .map(|at| format!(" at {}", crate::domain::zone::stamp(at, user.zone())))
                .unwrap_or_default()
        )
    };
    if card.state == ScorecardState::Submitted {
        let message = already(&card);
        return Err(stale(&kit, &assignment, &requisition, &card, message));
    }
    if card.version != based_on {
        let message = changed_elsewhere(based_on, &card);
        return Err(stale(&kit, &assignment, &requisition, &card, message));
    }
    let round = round_items(&requisition, &card.round);
    check_submittable(&card.body, &round, &kit).map_err(Refusal::Fields)?;
    match scorecards::submit(db, &card.id, based_on, &user.id)
        .await
        .map_err(internal)?
    {
        scorecards::Write::Saved { version } => Ok(version),
        scorecards::Write::Stale(current) => {
            let message = if current.state == ScorecardState::Submitted {
                already(&current)
            } else {
                changed_elsewhere(based_on, &current)
            };
            Err(stale(&kit, &assignment, &requisition, &current, message))
        }
    }
}

fn result(card: &Scorecard, kit: &Kit, round: &[PlanItem]) -> CardResult {
    let items = card_items(round, &card.body, kit)
        .into_iter()
        .map(|(item, _)| {
            let key = item_key(&item);
            let score = card.body.items.get(&key).cloned().unwrap_or_default();
            let (positive, negative) = scorecard::ticked(kit, &item, &score);
            let found = kit.item(&item);
            ItemResult {
                title: found.map_or_else(|| key.clone(), KitItemRef::title),
                competency: found.and_then(KitItemRef::competency).map(str::to_string),
                rating: score.rating,
                positive,
                negative,
                notes_html: render(&score.notes),
                notes: score.notes,
                key,
            }
        })
        .collect();
    CardResult {
        version: card.version,
        rubric_version: card.rubric_version.clone(),
        submitted_at: card.submitted_at.clone().unwrap_or_default(),
        updated_at: card.updated_at.clone(),
        recommendation: card.body.recommendation,
        takeaways: card.body.takeaways.clone(),
        takeaways_html: render(&card.body.takeaways),
        items,
    }
}

/// The panel's cards for a candidate: for the people running the
/// requisition every slot (drafts and unopened cards without content),
/// for a panelist who has submitted their own the submitted cards.
pub async fn for_candidate(
    db: &Db,
    user: &CurrentUser,
    candidate_id: &CandidateId,
) -> Result<CandidateScorecards, AppError> {
    let (candidate, access) = crate::access::candidate(db, user, candidate_id).await?;
    if is_blind(db, user, &candidate.id).await? {
        return Err(blind(&candidate.name));
    }
    let runs = access == crate::access::CandidateAccess::Runs;
    panel_cards(db, &candidate, runs).await
}

async fn panel_cards(
    db: &Db,
    candidate: &Candidate,
    runs: bool,
) -> Result<CandidateScorecards, AppError> {
    let requisition = requisitions::get(db, &candidate.requisition_id)
        .await
        .map_err(internal)?
        .ok_or(AppError::Internal)?;
    let mut cards = scorecards::for_candidate(db, &candidate.id, scorecards::Detail::Whole)
        .await
        .map_err(internal)?;
    let mut kits: BTreeMap<String, std::sync::Arc<Kit>> = BTreeMap::new();
    let mut out = Vec::new();
    for a in assignments::for_candidate(db, &candidate.id)
        .await
        .map_err(internal)?
    {
        let card = cards.remove(&a.id);
        let state = CardStatus::of(card.as_ref());
        if !runs && state != CardStatus::Submitted {
            continue;
        }
        let version = card
            .as_ref()
            .map_or(requisition.rubric_version.clone(), |c| {
                c.rubric_version.clone()
            });
        if !kits.contains_key(&version) {
            let kit = card_kit(db, &requisition, &version).await?;
            kits.insert(version.clone(), kit);
        }
        let kit = &kits[&version];
        let result = card
            .filter(|c| c.state == ScorecardState::Submitted)
            .map(|c| result(&c, kit, &round_items(&requisition, &c.round)));
        out.push(PanelCard {
            round_name: kit.round_name(&a.round).to_string(),
            id: a.id.into(),
            interviewer_email: a.interviewer_email,
            round: a.round,
            state,
            result,
        });
    }
    Ok(CandidateScorecards {
        candidate_id: candidate.id.to_string(),
        candidate_name: candidate.name.clone(),
        scorecards: out,
    })
}

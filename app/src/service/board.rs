//! The panel board of one requisition, whole or in part, and the debrief
//! decisions recorded beside it. Who sees what:
//!
//! - The people running the requisition see every candidate; an
//!   interviewer on its panels sees the candidates they interview.
//! - Independent scoring holds here too: while someone has a card of their
//!   own for a candidate unsubmitted, that candidate's ratings, notes and
//!   recommendations are hidden from them (the row still shows who owes
//!   which card).
//! - Drafts never count: only submitted cards are ratings.

use crate::access::{internal, BoardReach};
use crate::api::board::{CandidateBoard, MAX_RATIONALE_CHARS, MIN_RATIONALE_CHARS};
use crate::api::form_error::FormError;
use crate::db::{assignments, candidates, decisions, now, scorecards, Db};
use crate::domain::accounts::CurrentUser;
use crate::domain::board::{
    self, Board, BoardInput, CandidateInfo, Decision, Outcome, RatingRecord, Slot,
};
use crate::domain::jd::FieldError;
use crate::domain::keys::{CandidateId, RequisitionId, UserId};
use crate::domain::plan::PlanItem;
use crate::domain::scorecard::{item_key, parse_item_key, ticked, CardStatus, ScorecardState};
use crate::error::AppError;
use foldhash::HashSet;
use std::collections::BTreeSet;

/// How much of the board to build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope<'a> {
    /// Everything the viewer may see: every rating with its notes and
    /// ticked indicators, every slot (the JSON API and the exports).
    Full,
    /// What the board page shows: the rows (without the counts per
    /// item) and the calibration. The cards are read without their
    /// notes, and the ratings and slots are not kept.
    Page,
    /// One candidate's row, ratings and slots, from that candidate's
    /// cards only (the candidate view). Its calibration covers this
    /// candidate's ratings alone; the requisition's is on the board.
    Candidate(&'a CandidateId),
}

/// The whole board as this person may see it.
pub async fn load(
    db: &Db,
    user: &CurrentUser,
    requisition_id: &RequisitionId,
) -> Result<Board, AppError> {
    load_scoped(db, user, requisition_id, Scope::Full).await
}

/// The board as this person may see it, built to `scope`.
pub async fn load_scoped(
    db: &Db,
    user: &CurrentUser,
    requisition_id: &RequisitionId,
    scope: Scope<'_>,
) -> Result<Board, AppError> {
    let (requisition, reach) = crate::access::board(db, user, requisition_id).await?;
    let kit = crate::service::kits::frozen_kit(db, &requisition).await?;
    let detail = if scope == Scope::Page {
        scorecards::Detail::RatingsOnly
    } else {
        scorecards::Detail::Whole
    };
    let (panel, cards) = match scope {
        Scope::Candidate(id) => (
            assignments::for_candidate(db, id).await,
            scorecards::for_candidate(db, id, detail).await,
        ),
        Scope::Full | Scope::Page => (
            assignments::for_requisition(db, &requisition.id).await,
            scorecards::for_requisition(db, &requisition.id, detail).await,
        ),
    };
    let (mut panel, mut cards) = (panel.map_err(internal)?, cards.map_err(internal)?);
    // The actor owes no card: the board counts interviewers' seats.
    panel.retain(|a| a.part == crate::domain::requisition::Part::Interviewer);
    let interviews: HashSet<&str> = panel
        .iter()
        .filter(|a| a.interviewer_id == user.id)
        .map(|a| a.candidate_id.as_str())
        .collect();
    let listed = match scope {
        // Only that candidate's row, and only on this requisition.
        Scope::Candidate(id) => candidates::get(db, id).await.map(|c| {
            c.into_iter()
                .filter(|c| c.requisition_id == requisition.id)
                .collect()
        }),
        Scope::Full | Scope::Page => candidates::list(db, &requisition.id).await,
    };
    let candidates: Vec<CandidateInfo> = listed
        .map_err(internal)?
        .into_iter()
        .filter(|c| reach == BoardReach::Runs || interviews.contains(c.id.as_str()))
        .map(|c| CandidateInfo {
            id: c.id.into(),
            name: c.name,
            stage: c.stage,
        })
        .collect();
    let shown: HashSet<&str> = candidates.iter().map(|c| c.id.as_str()).collect();

    let mut items: Vec<PlanItem> = requisition
        .plan
        .iter()
        .flat_map(|p| &p.rounds)
        .flat_map(|r| r.items.iter().cloned())
        .collect();
    // Items a card holds that the plan no longer does (moved out after
    // the interview) still show; `known` (their keys) keeps the check
    // per rating cheap.
    let mut known: HashSet<String> = items.iter().map(item_key).collect();
    let mut slots = Vec::new();
    let mut ratings = Vec::new();
    let mut hidden = BTreeSet::new();
    for a in panel
        .iter()
        .filter(|a| shown.contains(a.candidate_id.as_str()))
    {
        let card = cards.remove(&a.id);
        let state = CardStatus::of(card.as_ref());
        if a.interviewer_id == user.id && state != CardStatus::Submitted {
            hidden.insert(a.candidate_id.to_string());
        }
        let round_name = kit.round_name(&a.round).to_string();
        let mut submitted = card.filter(|c| c.state == ScorecardState::Submitted);
        if let Some(card) = &mut submitted {
            // The page's board keeps no ratings (see below): `build`
            // counts them by candidate, item and interviewer, so only
            // those are copied for it, 36,000 times on a large board.
            let page = scope == Scope::Page;
            let kept = |text: &str| {
                if page {
                    String::new()
                } else {
                    text.to_string()
                }
            };
            for (key, score) in std::mem::take(&mut card.body.items) {
                let Some(rating) = score.rating else {
                    continue;
                };
                let listed = known.contains(&key);
                // A key the plan lists is well formed: the page, which
                // shows no ticked indicators, need not parse it.
                let item = if page && listed {
                    None
                } else {
                    let Some(item) = parse_item_key(&key) else {
                        continue;
                    };
                    Some(item)
                };
                let (positive, negative) = match &item {
                    Some(item) if !page => ticked(&kit, item, &score),
                    _ => (Vec::new(), Vec::new()),
                };
                if let (false, Some(item)) = (listed, item) {
                    known.insert(key.clone());
                    items.push(item);
                }
                ratings.push(RatingRecord {
                    slot_id: kept(a.id.as_str()),
                    candidate_id: a.candidate_id.to_string(),
                    interviewer_id: a.interviewer_id.to_string(),
                    interviewer_email: a.interviewer_email.clone(),
                    round: kept(&a.round),
                    round_name: kept(&round_name),
                    item_key: key,
                    rating,
                    positive,
                    negative,
                    notes: score.notes,
                    submitted_at: card.submitted_at.as_deref().map(kept).unwrap_or_default(),
                });
            }
        }
        slots.push(Slot {
            id: a.id.to_string(),
            candidate_id: a.candidate_id.to_string(),
            interviewer_id: a.interviewer_id.to_string(),
            interviewer_email: a.interviewer_email.clone(),
            round: a.round.clone(),
            round_name,
            starts_at: a.starts_at.clone(),
            minutes: a.minutes,
            state,
            submitted_at: submitted.as_ref().and_then(|c| c.submitted_at.clone()),
            updated_at: submitted.as_ref().map(|c| c.updated_at.clone()),
            recommendation: submitted.as_ref().and_then(|c| c.body.recommendation),
            takeaways: submitted.map(|c| c.body.takeaways).unwrap_or_default(),
        });
    }
    let (columns, items) = board::layout(&kit, &items);
    // Every decision of the candidates shown, oldest first.
    let decisions: Vec<Decision> = decisions::for_requisition(db, &requisition.id)
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|d| shown.contains(d.candidate_id.as_str()))
        .collect();
    let mut board = board::build(BoardInput {
        requisition_id: requisition.id.to_string(),
        title: requisition.title.clone(),
        columns,
        items,
        candidates,
        slots,
        ratings,
        decisions,
        hidden,
        now: now(),
        coverage: match reach {
            BoardReach::Runs => board::Coverage::Requisition,
            BoardReach::Panelist => board::Coverage::OwnCandidates,
        },
    });
    board.people = panel
        .iter()
        .filter(|a| a.interviewer_name != a.interviewer_email)
        .map(|a| (a.interviewer_email.clone(), a.interviewer_name.clone()))
        .collect();
    if scope != Scope::Full {
        board.times = crate::domain::zone::times(board.stored_times(), user.zone());
        board.updated = crate::domain::zone::clock(&board.generated_at, user.zone());
    }
    if scope == Scope::Page && reach == BoardReach::Runs {
        let mut people: Vec<(UserId, String)> = panel
            .iter()
            .map(|a| (a.interviewer_id.clone(), a.interviewer_email.clone()))
            .collect();
        people.sort();
        people.dedup();
        let ids: Vec<UserId> = people.iter().map(|(id, _)| id.clone()).collect();
        let mut scores = crate::service::calibration::panel_scores(db, &ids).await?;
        board.practice = people
            .into_iter()
            .map(|(id, email)| (email, scores.remove(&id).unwrap_or_default()))
            .collect();
    }
    if scope == Scope::Page {
        board.ratings = Vec::new();
        board.slots = Vec::new();
        // The page shows columns, not items, and how many items are to
        // discuss, not which: the counts per item and the flags (with
        // their titles and who rated what) are for the candidate view
        // and the exports.
        for row in &mut board.candidates {
            row.items.clear();
            row.flags.clear();
        }
    }
    Ok(board)
}

pub async fn candidate_board(
    db: &Db,
    user: &CurrentUser,
    candidate_id: &CandidateId,
) -> Result<CandidateBoard, AppError> {
    let (candidate, access) = crate::access::candidate(db, user, candidate_id).await?;
    let board = load_scoped(
        db,
        user,
        &candidate.requisition_id,
        Scope::Candidate(&candidate.id),
    )
    .await?;
    if board.candidate(&candidate.id).is_none() {
        // On the requisition, but not someone who sees this candidate.
        return Err(AppError::Forbidden(
            "You are not on this candidate's requisition or panel.".into(),
        ));
    }
    let render = |markdown: &str| crate::markdown::to_safe_html_once(markdown);
    let notes_html = board
        .ratings
        .iter()
        .filter(|r| !r.notes.trim().is_empty())
        .map(|r| (format!("{}/{}", r.slot_id, r.item_key), render(&r.notes)))
        .collect();
    let takeaways_html = board
        .slots
        .iter()
        .filter(|s| !s.takeaways.trim().is_empty())
        .map(|s| (s.id.clone(), render(&s.takeaways)))
        .collect();
    Ok(CandidateBoard {
        board,
        candidate_id: candidate.id.into(),
        notes_html,
        takeaways_html,
        may_decide: access == crate::access::CandidateAccess::Runs,
    })
}

fn check_rationale(rationale: &str) -> Result<String, FieldError> {
    let text = rationale.trim();
    let chars = text.chars().count();
    if chars < MIN_RATIONALE_CHARS {
        Err(FieldError {
            field: "rationale".into(),
            message: format!(
                "Say why the panel decided this, in at least {MIN_RATIONALE_CHARS} characters: the rationale is what a later reader checks the decision against."
            ),
        })
    } else if chars > MAX_RATIONALE_CHARS {
        Err(FieldError {
            field: "rationale".into(),
            message: format!(
                "The rationale has {chars} characters; keep it within {MAX_RATIONALE_CHARS}."
            ),
        })
    } else {
        Ok(text.to_string())
    }
}

/// Records a decision for someone who runs the candidate's requisition.
pub async fn decide(
    db: &Db,
    user: &CurrentUser,
    candidate_id: &CandidateId,
    outcome: &str,
    rationale: &str,
) -> Result<(), FormError> {
    let candidate = crate::access::candidate_to_run(db, user, candidate_id).await?;
    let mut errors = Vec::new();
    let parsed = match outcome.trim().parse::<Outcome>() {
        Ok(o) => Some(o),
        Err(_) => {
            errors.push(FieldError {
                field: "outcome".into(),
                message: format!(
                    "Choose the panel's decision: {}.",
                    Outcome::ALL.map(Outcome::label).join(", ")
                ),
            });
            None
        }
    };
    let rationale_checked = check_rationale(rationale).map_err(|e| errors.push(e)).ok();
    match (parsed, rationale_checked) {
        (Some(chosen), Some(text)) if errors.is_empty() => {
            decisions::record(
                db,
                &candidate.requisition_id,
                &candidate.id,
                chosen,
                &text,
                &user.id,
            )
            .await
            .map_err(internal)?;
            crate::db::audit::note(
                db,
                user,
                crate::db::audit::Action::Changed,
                Some(&candidate.requisition_id),
                Some(&candidate.id),
                &format!("debrief decision: {}", chosen.id()),
            )
            .await
            .map_err(internal)?;
            Ok(())
        }
        _ => Err(FormError::fields(
            errors,
            &[("outcome", outcome), ("rationale", rationale)],
        )),
    }
}

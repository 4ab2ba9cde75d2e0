//! The scorecard page's server functions. The form posts flat field names
//! (so it works without JavaScript) which are decoded here into the
//! scorecard input; the rules live in `service::scorecards`.
//!
//! Field names, all under `card[...]`:
//! - `items.<item key>.rating`: exceeds, meets, below, no-evidence or empty;
//! - `items.<item key>.positive.<n>` / `items.<item key>.negative.<n>`:
//!   present when indicator n was seen;
//! - `items.<item key>.notes`, `private_notes`, `recommendation`,
//!   `takeaways`.
//!
//! The names match the fields the domain's errors name, so a refused form
//! is drawn again with what was typed and the message under its field.

use super::form_error::FormError;
use super::scorecards::{HistoryView, ScorecardView};
use crate::domain::scorecard::{ItemInput, ScorecardInput};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use std::collections::BTreeMap;

/// The field a stale write's message is shown under.
pub const STALE_FIELD: &str = "version";

/// Decodes the form's fields. Unknown names are ignored (the browser sends
/// only what the page drew); a malformed indicator index is reported.
pub fn decode(card: &BTreeMap<String, String>) -> Result<ScorecardInput, FormError> {
    let mut input = ScorecardInput::default();
    let mut errors = Vec::new();
    for (name, value) in card {
        match name.as_str() {
            "private_notes" => input.private_notes = value.clone(),
            "takeaways" => input.takeaways = value.clone(),
            "recommendation" => input.recommendation = Some(value.clone()),
            _ => {
                let Some(rest) = name.strip_prefix("items.") else {
                    continue;
                };
                let Some((key, part)) = rest.rsplit_once('.') else {
                    continue;
                };
                let (key, part, index) = match key.rsplit_once('.') {
                    Some((k, list @ ("positive" | "negative"))) => (k, list, Some(part)),
                    _ => (key, part, None),
                };
                let item: &mut ItemInput = input.items.entry(key.to_string()).or_default();
                match (part, index) {
                    ("rating", None) => item.rating = Some(value.clone()),
                    ("notes", None) => item.notes = value.clone(),
                    (list, Some(index)) => match index.parse::<usize>() {
                        Ok(i) if list == "positive" => item.positive.push(i),
                        Ok(i) => item.negative.push(i),
                        Err(_) => errors.push(crate::domain::jd::FieldError {
                            field: format!("items.{key}.{list}"),
                            message: format!("`{index}` is not an indicator number"),
                        }),
                    },
                    _ => {}
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(input)
    } else {
        Err(FormError::Fields {
            errors,
            values: card.clone(),
        })
    }
}

/// What the scorecard page draws: the card and its countdowns' lengths
/// (minutes by item key, one per timed exercise of the card's kit).
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ScorecardPage {
    pub card: ScorecardView,
    pub timers: BTreeMap<String, u32>,
    /// When it was submitted, on the reader's clocks.
    pub times: crate::time_text::Times,
}

/// The viewer's own card (created on first read), or a submitted card
/// they may read, with its countdowns.
///
/// One server function, not one for the card and another for the timers
/// awaited after it: while the server renders the page, a resource's
/// fetcher may no longer reach the request (who is signed in) after its
/// first await. The second call then failed as signed out, the page's
/// HTML and the data sent to hydrate it disagreed about the countdown,
/// and the browser's hydration stopped part-way, leaving a card that
/// never redrew after a save.
#[server(prefix = "/api/fn", endpoint = "scorecard", input = GetUrl)]
pub async fn open_scorecard(id: String) -> Result<ScorecardPage, AppError> {
    let id = crate::domain::keys::AssignmentId::from(id);
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let (card, timers) = crate::service::scorecards::read_with_timers(&db, &user, &id).await?;
    let times = crate::domain::zone::times(card.submitted_at.as_deref(), user.zone());
    Ok(ScorecardPage {
        card,
        timers,
        times,
    })
}

#[server(prefix = "/api/fn", endpoint = "scorecard-history", input = GetUrl)]
pub async fn scorecard_history(id: String) -> Result<HistoryView, AppError> {
    let id = crate::domain::keys::AssignmentId::from(id);
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let mut history = crate::service::scorecards::history(&db, &user, &id).await?;
    history.times = crate::domain::zone::times(
        history.versions.iter().map(|v| v.saved_at.as_str()),
        user.zone(),
    );
    Ok(history)
}

/// Saves the card as a draft (`intent` save), saves and submits it
/// (`intent` submit), or, once submitted, saves an amendment with its
/// `reason`. Returns the card's new version.
#[server(prefix = "/api/fn", endpoint = "save-scorecard")]
pub async fn save_scorecard(
    id: String,
    version: i64,
    #[server(default)] card: BTreeMap<String, String>,
    #[server(default)] intent: String,
    #[server(default)] reason: String,
) -> Result<i64, FormError> {
    let id = crate::domain::keys::AssignmentId::from(id);
    use crate::service::refusal::Refusal;
    use crate::service::scorecards as rules;

    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let mut values = card.clone();
    values.insert("reason".into(), reason.clone());
    let typed: Vec<(&str, &str)> = values
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let refused = |e: Refusal| match e {
        // Its answer travels in the address: the message goes under the
        // version field, and the page it returns to reads the stored card.
        Refusal::StaleCard { message, .. } if crate::error::is_plain_form_post() => {
            FormError::field(STALE_FIELD, message, &typed)
        }
        other => other.into_form(&typed),
    };
    let input = decode(&card).map_err(|e| match e {
        FormError::Fields { errors, .. } => FormError::fields(errors, &typed),
        other => other,
    })?;
    let reason = (!reason.trim().is_empty()).then_some(reason.as_str());
    let saved = rules::save(&db, &user, &id, version, &input, reason)
        .await
        .map_err(&refused)?;
    if intent == "submit" {
        return rules::submit(&db, &user, &id, saved)
            .await
            .map_err(&refused);
    }
    Ok(saved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_fields_decode_into_the_card() {
        let card: BTreeMap<String, String> = [
            ("items.competency:mid-q1.rating", "meets"),
            ("items.competency:mid-q1.positive.0", "on"),
            ("items.competency:mid-q1.positive.2", "on"),
            ("items.competency:mid-q1.negative.1", "on"),
            ("items.competency:mid-q1.notes", "Good *story*"),
            ("items.exercise:simulation.rating", ""),
            ("private_notes", "mine"),
            ("recommendation", "hire"),
            ("takeaways", "solid"),
            ("something-else", "ignored"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let input = decode(&card).unwrap();
        let q1 = &input.items["competency:mid-q1"];
        assert_eq!(q1.rating.as_deref(), Some("meets"));
        assert_eq!(q1.positive, vec![0, 2]);
        assert_eq!(q1.negative, vec![1]);
        assert_eq!(q1.notes, "Good *story*");
        assert_eq!(
            input.items["exercise:simulation"].rating.as_deref(),
            Some("")
        );
        assert_eq!(input.private_notes, "mine");
        assert_eq!(input.recommendation.as_deref(), Some("hire"));
        assert_eq!(input.takeaways, "solid");
        assert_eq!(input.items.len(), 2);
    }

    #[test]
    fn a_bad_indicator_number_is_named() {
        let card: BTreeMap<String, String> = [(
            "items.competency:mid-q1.positive.x".to_string(),
            "on".to_string(),
        )]
        .into();
        match decode(&card) {
            Err(FormError::Fields { errors, .. }) => {
                assert_eq!(errors[0].field, "items.competency:mid-q1.positive")
            }
            other => panic!("{other:?}"),
        }
    }
}

/// What the colleague playing the partner in the role-play reads: the
/// scenario and the persona, never the anchors or indicators (they would
/// steer the performance towards the scoring).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ActorBriefView {
    pub assignment_id: String,
    pub candidate_name: String,
    pub round_name: String,
    pub title: String,
    pub scenario: String,
    pub problem: String,
    pub minutes: u32,
    pub persona: crate::domain::rubric::Persona,
}

#[server(prefix = "/api/fn", endpoint = "actor-brief", input = GetUrl)]
pub async fn actor_brief(id: String) -> Result<ActorBriefView, AppError> {
    let id = crate::domain::keys::AssignmentId::from(id);
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    // The interviewer on the slot or the people running the requisition.
    let (assignment, requisition, _) =
        crate::service::panel::assignment_for(&db, &user, &id).await?;
    let kit = crate::service::kits::frozen_kit(&db, &requisition).await?;
    let s = &kit.simulation;
    Ok(ActorBriefView {
        round_name: kit.round_name(&assignment.round).to_string(),
        assignment_id: assignment.id.into(),
        candidate_name: assignment.candidate_name,
        title: s.title.clone(),
        scenario: s.scenario.clone(),
        problem: s.problem.clone(),
        minutes: s.minutes,
        persona: s.persona.clone(),
    })
}

//! The resume screen of one candidate: every resume criterion of the
//! requisition's frozen kit rated against its anchors, saved as a draft as
//! the screener goes, then a decision (advance or archive, with a reason)
//! that moves the candidate's stage.

use super::form_error::FormError;
use crate::domain::kit::KitResumeCriterion;
use crate::domain::requisition::Screening;
use crate::domain::screening::ScreenSummary;
#[cfg(feature = "ssr")]
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::service::screening::closed_reason;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest screen notes kept.
pub const MAX_NOTES_CHARS: usize = 10_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScreenView {
    pub criteria: Vec<KitResumeCriterion>,
    /// The saved screen; empty before the first save.
    pub screening: Screening,
    pub summary: ScreenSummary,
    /// Why this candidate cannot be screened yet, if so.
    pub closed: Option<String>,
}

/// Saves the screen (`intent` = `save`) or saves it with a decision
/// (`advance` or `archive`). A refused decision still saves the ratings and
/// notes, and hands everything typed back to the form.
#[server(prefix = "/api/fn", endpoint = "screen-candidate")]
pub async fn screen_candidate(
    candidate_id: String,
    #[server(default)] ratings: BTreeMap<String, String>,
    #[server(default)] notes: String,
    #[server(default)] intent: String,
    #[server(default)] reason: String,
) -> Result<(), FormError> {
    use crate::access::internal;
    use crate::db::{requisitions, screenings};
    use crate::domain::jd::FieldError;
    use crate::domain::screening::{check_decision, check_ratings, Decision};

    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let candidate = crate::access::candidate_to_run(&db, &user, &candidate_id).await?;
    closed_reason(&candidate)?;
    let requisition = requisitions::get(&db, &candidate.requisition_id)
        .await
        .map_err(internal)?
        .ok_or(AppError::Internal)?;
    let kit = crate::service::kits::frozen_kit(&db, &requisition).await?;

    let mut values: BTreeMap<String, String> = ratings
        .iter()
        .map(|(id, v)| (format!("criterion.{id}"), v.clone()))
        .collect();
    values.insert("notes".into(), notes.clone());
    values.insert("reason".into(), reason.clone());
    let refuse = |errors: Vec<FieldError>| FormError::Fields {
        errors,
        values: values.clone(),
    };

    let checked = check_ratings(&kit, &ratings).map_err(&refuse)?;
    let notes_chars = notes.chars().count();
    if notes_chars > MAX_NOTES_CHARS {
        return Err(refuse(vec![FieldError {
            field: "notes".into(),
            message: format!(
                "the notes have {notes_chars} characters; the limit is {MAX_NOTES_CHARS}"
            ),
        }]));
    }
    let notes = notes.trim();

    let decision = match intent.as_str() {
        "" | "save" => None,
        other => match other.parse::<Decision>() {
            Ok(d) => Some(d),
            Err(_) => {
                return Err(refuse(vec![FieldError {
                    field: "intent".into(),
                    message: format!("`{other}` is not save, advance or archive"),
                }]))
            }
        },
    };
    let done = match decision {
        None => {
            screenings::save(&db, &candidate.id, &checked, notes, &user.id)
                .await
                .map_err(internal)?;
            "screen-saved"
        }
        Some(decision) => {
            if let Err(errors) = check_decision(&kit, &checked, decision, &reason) {
                // Keep what was rated so far even though the decision waits.
                screenings::save(&db, &candidate.id, &checked, notes, &user.id)
                    .await
                    .map_err(internal)?;
                return Err(refuse(errors));
            }
            screenings::decide(
                &db,
                &candidate.id,
                &checked,
                notes,
                decision,
                reason.trim(),
                &user.id,
            )
            .await
            .map_err(internal)?;
            crate::db::audit::note(
                &db,
                &user,
                crate::db::audit::Action::Changed,
                Some(&candidate.requisition_id),
                Some(&candidate.id),
                match decision {
                    Decision::Advance => "screened: advanced to interviews",
                    Decision::Archive => "screened: archived",
                },
            )
            .await
            .map_err(internal)?;
            match decision {
                Decision::Advance => "advanced",
                Decision::Archive => "archived",
            }
        }
    };
    leptos_axum::redirect(&format!("/candidates/{}?done={done}#screen", candidate.id));
    Ok(())
}

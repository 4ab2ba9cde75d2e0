//! The resume screen of one candidate: the screen rated against the
//! frozen kit's resume criteria, and the decision that moves the stage.

use crate::api::form_error::FormError;
use crate::domain::keys::CandidateId;
use crate::error::AppError;
use std::collections::BTreeMap;

use crate::api::screening::*;

pub async fn screen_view(
    db: &crate::db::Db,
    kit: &crate::domain::Kit,
    candidate: &crate::domain::requisition::Candidate,
) -> Result<ScreenView, AppError> {
    let screening = crate::db::screenings::get(db, &candidate.id)
        .await
        .map_err(crate::access::internal)?
        .unwrap_or_default();
    Ok(ScreenView {
        criteria: kit.resume_criteria.clone(),
        summary: crate::domain::screening::screen_summary(kit, &screening.ratings),
        screening,
        closed: closed_reason(candidate).err().map(|e| e.to_string()),
    })
}

/// A screen needs a finished application: one still being filled in, or
/// one that stopped at a knock-out question, has nothing to screen.
pub fn closed_reason(candidate: &crate::domain::requisition::Candidate) -> Result<(), AppError> {
    use crate::domain::candidate::Stage;
    match candidate.stage {
        Stage::Applying => Err(AppError::Conflict(format!(
            "{} has not submitted their application yet; the screen opens when they do.",
            candidate.name
        ))),
        Stage::KnockedOut => Err(AppError::Conflict(format!(
            "{} stopped at a knock-out question, which ends the application.",
            candidate.name
        ))),
        Stage::Screening | Stage::Interviewing | Stage::Archived => Ok(()),
    }
}

/// Saves the screen (`intent` = `save`) or saves it with a decision
/// (`advance` or `archive`). A refused decision still saves the ratings and
/// notes, and hands everything typed back to the form.
///
/// Answers with the page to show next (the form redirects there).
pub async fn screen_candidate(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
    candidate_id: CandidateId,
    ratings: BTreeMap<String, String>,
    notes: String,
    intent: String,
    reason: String,
) -> Result<String, FormError> {
    use crate::access::internal;
    use crate::db::{requisitions, screenings};
    use crate::domain::jd::FieldError;
    use crate::domain::screening::{check_decision, check_ratings, Decision};

    let candidate = crate::access::candidate_to_run(db, user, &candidate_id).await?;
    closed_reason(&candidate)?;
    let requisition = requisitions::get(db, &candidate.requisition_id)
        .await
        .map_err(internal)?
        .ok_or(AppError::Internal)?;
    let kit = crate::service::kits::frozen_kit(db, &requisition).await?;

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
            screenings::save(db, &candidate.id, &checked, notes, &user.id)
                .await
                .map_err(internal)?;
            "screen-saved"
        }
        Some(decision) => {
            if let Err(errors) = check_decision(&kit, &checked, decision, &reason) {
                // Keep what was rated so far even though the decision waits.
                screenings::save(db, &candidate.id, &checked, notes, &user.id)
                    .await
                    .map_err(internal)?;
                return Err(refuse(errors));
            }
            screenings::decide(
                db,
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
                db,
                user,
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
    Ok(format!("/candidates/{}?done={done}#screen", candidate.id))
}

//! The resume screen of one candidate: the screen rated against the
//! frozen kit's resume criteria, and the decision that moves the stage.

use crate::api::screening::*;
use crate::error::AppError;

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

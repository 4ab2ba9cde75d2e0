//! Candidates' data rights: erasing the candidates whose requisition closed
//! longer ago than the retention period.

use crate::api::data_rights::ERASE_CONFIRMATION;
use crate::api::form_error::FormError;
use crate::domain::keys::CandidateId;

/// Erases every candidate whose requisition closed more than `days` days
/// before `now`; returns how many.
pub async fn apply_retention(
    db: &crate::db::Db,
    days: u32,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<usize, crate::db::DbError> {
    let cutoff = crate::db::stamp(now - chrono::Duration::days(i64::from(days)));
    let due = crate::db::erasure::due(db, &cutoff).await?;
    let why = format!("the retention period of {days} days after the requisition closed");
    for id in &due {
        crate::db::erasure::erase(db, id, None, &why).await?;
    }
    Ok(due.len())
}

/// Erases a candidate's personal data at their request: their details,
/// files, the notes written about them and the messages to them. Ratings
/// stay for the statistics. Only the people running the requisition may,
/// and they type [`ERASE_CONFIRMATION`] to confirm.
///
/// Answers with the page to show next (the form redirects there).
pub async fn erase_candidate(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
    id: CandidateId,
    confirm: String,
) -> Result<String, FormError> {
    let candidate = crate::access::candidate_to_run(db, user, &id).await?;
    if confirm.trim() != ERASE_CONFIRMATION {
        return Err(FormError::field(
            "confirm",
            format!("type {ERASE_CONFIRMATION} to confirm: the erasure cannot be undone"),
            &[("confirm", &confirm)],
        ));
    }
    crate::db::erasure::erase(db, &candidate.id, Some(user), "at the candidate's request")
        .await
        .map_err(crate::access::internal)?;
    Ok(format!(
        "/requisitions/{}/candidates?erased=1",
        candidate.requisition_id
    ))
}

//! Candidates' data rights: erasing the candidates whose requisition closed
//! longer ago than the retention period.

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

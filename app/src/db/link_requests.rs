//! "Applied already?" requests waiting for the mail worker (see migration
//! 0017): the public page only writes one, whatever the address, so its
//! answer takes the same time for an address that applied and one that
//! did not. The worker answers each request once, even with several
//! instances: taking a request is deleting its row.

use super::{new_id, now, Db, DbError};
use crate::domain::keys::RequisitionId;

/// A request as the worker takes it (a row, read by column name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkRequest {
    pub id: String,
    pub requisition_id: RequisitionId,
    pub email: String,
    pub asked_at: String,
}
super::from_row!(LinkRequest {
    id,
    requisition_id,
    email,
    asked_at
});

/// Writes a request for the links of `email`'s applications to one job.
pub async fn ask(db: &Db, requisition_id: &RequisitionId, email: &str) -> Result<(), DbError> {
    let _turn = db.write_turn().await;
    sqlx::query(
        "INSERT INTO link_requests (id, requisition_id, email, asked_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(new_id())
    .bind(requisition_id)
    .bind(email)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The oldest waiting requests, at most `limit`.
pub async fn waiting(db: &Db, limit: i64) -> Result<Vec<LinkRequest>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, requisition_id, email, asked_at FROM link_requests \
         ORDER BY asked_at, id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await?)
}

/// Answers one request: takes it (deletes its row; `false` when another
/// worker took it first), reads the links of the applications made with
/// its address, and queues what `message` makes of them, all in one
/// transaction. No application, no message.
pub async fn answer(
    db: &Db,
    request: &LinkRequest,
    message: impl FnOnce(&[String]) -> crate::domain::mail::Mail,
) -> Result<bool, DbError> {
    let mut tx = db.begin_write().await?;
    let taken = sqlx::query("DELETE FROM link_requests WHERE id = $1")
        .bind(&request.id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1;
    if !taken {
        tx.rollback().await?;
        return Ok(false);
    }
    let tokens =
        super::candidates::application_tokens(&mut *tx, &request.requisition_id, &request.email)
            .await?;
    if !tokens.is_empty() {
        super::outbox::enqueue(&mut *tx, &message(&tokens)).await?;
    }
    tx.commit().await?;
    Ok(true)
}

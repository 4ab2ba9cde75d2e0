//! The audit log of candidate data: who viewed, exported, changed or
//! erased it. Appended, never changed.

use super::{new_id, now, Db, DbError};
use crate::api::data_rights::AuditEntry;
use crate::domain::accounts::CurrentUser;

/// What was done to candidate data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Viewed,
    Exported,
    Changed,
    Erased,
}

impl Action {
    pub fn id(self) -> &'static str {
        match self {
            Action::Viewed => "viewed",
            Action::Exported => "exported",
            Action::Changed => "changed",
            Action::Erased => "erased",
        }
    }
}

/// Appends one entry on `executor` (the transaction of the change it
/// records, where there is one). `actor` is `None` for the retention job.
pub async fn record<'e, X>(
    executor: X,
    actor: Option<&CurrentUser>,
    action: Action,
    requisition_id: Option<&str>,
    candidate_id: Option<&str>,
    detail: &str,
) -> Result<(), DbError>
where
    X: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor_id, actor_email, action, requisition_id, candidate_id, detail) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(new_id())
    .bind(now())
    .bind(actor.map(|a| a.id.as_str()))
    .bind(actor.map(|a| a.email.as_str()).unwrap_or(""))
    .bind(action.id())
    .bind(requisition_id)
    .bind(candidate_id)
    .bind(detail)
    .execute(executor)
    .await?;
    Ok(())
}

/// Appends one entry that has no transaction of its own to join (a view,
/// an export).
pub async fn note(
    db: &Db,
    actor: &CurrentUser,
    action: Action,
    requisition_id: Option<&str>,
    candidate_id: Option<&str>,
    detail: &str,
) -> Result<(), DbError> {
    let _turn = db.write_turn().await;
    record(
        &db.pool,
        Some(actor),
        action,
        requisition_id,
        candidate_id,
        detail,
    )
    .await
}

/// The newest entries first.
pub async fn recent(db: &Db, limit: i64) -> Result<Vec<AuditEntry>, DbError> {
    type Row = (
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        String,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT at, actor_email, action, requisition_id, candidate_id, detail FROM audit_log \
         ORDER BY at DESC, id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(at, actor_email, action, requisition_id, candidate_id, detail)| AuditEntry {
                at,
                actor_email,
                action,
                requisition_id,
                candidate_id,
                detail,
            },
        )
        .collect())
}

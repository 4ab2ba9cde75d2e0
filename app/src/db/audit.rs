//! The audit log of candidate data: who viewed, exported, changed or
//! erased it. Appended, never changed.

use super::{new_id, now, Db, DbError};
use crate::api::data_rights::AuditEntry;
use crate::domain::accounts::CurrentUser;
use crate::domain::keys::{CandidateId, RequisitionId};

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
    requisition_id: Option<&RequisitionId>,
    candidate_id: Option<&CandidateId>,
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
    requisition_id: Option<&RequisitionId>,
    candidate_id: Option<&CandidateId>,
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

/// How long a view stands for the reads after it: a page read again
/// within this time by the same person (it reloads after each change made
/// on it) is the same view.
pub const VIEW_LASTS_MINUTES: i64 = 60;

/// Appends a view of `what` (of one candidate, or of a requisition's
/// candidates without `candidate_id`) unless the same person viewed it
/// within [`VIEW_LASTS_MINUTES`]: looking costs a read, not a write.
pub async fn note_view(
    db: &Db,
    actor: &CurrentUser,
    requisition_id: &RequisitionId,
    candidate_id: Option<&CandidateId>,
    what: &str,
) -> Result<(), DbError> {
    let since = super::stamp(chrono::Utc::now() - chrono::Duration::minutes(VIEW_LASTS_MINUTES));
    let seen: Option<(String,)> = sqlx::query_as(
        "SELECT id FROM audit_log WHERE actor_id = $1 AND COALESCE(candidate_id, '') = $2 \
         AND at > $3 AND action = 'viewed' AND requisition_id = $4 AND detail = $5 LIMIT 1",
    )
    .bind(&actor.id)
    .bind(candidate_id.map_or("", |id| id.as_str()))
    .bind(&since)
    .bind(requisition_id)
    .bind(what)
    .fetch_optional(&db.pool)
    .await?;
    if seen.is_some() {
        return Ok(());
    }
    note(
        db,
        actor,
        Action::Viewed,
        Some(requisition_id),
        candidate_id,
        what,
    )
    .await
}

/// Appends one entry per candidate of `candidate_ids`, in one transaction
/// (an import of many).
pub async fn note_each(
    db: &Db,
    actor: &CurrentUser,
    action: Action,
    requisition_id: &RequisitionId,
    candidate_ids: &[CandidateId],
    detail: &str,
) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    for id in candidate_ids {
        record(
            &mut *tx,
            Some(actor),
            action,
            Some(requisition_id),
            Some(id),
            detail,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
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

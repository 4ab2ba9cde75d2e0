//! Debrief decisions: appended, never updated, so each earlier call and
//! its rationale stay on record.

use super::{new_id, now, Db, DbError};
use crate::domain::board::{Decision, Outcome};
use crate::domain::keys::{CandidateId, RequisitionId};

pub async fn record(
    db: &Db,
    requisition_id: &RequisitionId,
    candidate_id: &CandidateId,
    outcome: Outcome,
    rationale: &str,
    by: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO debrief_decisions (id, requisition_id, candidate_id, outcome, rationale, decided_by, decided_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new_id())
    .bind(requisition_id)
    .bind(candidate_id)
    .bind(outcome.id())
    .bind(rationale)
    .bind(by)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// A decision with the name (or, without one, the email) of whoever made
/// it, read by column name.
struct Row {
    candidate_id: String,
    outcome: String,
    rationale: String,
    decided_by: String,
    decided_at: String,
}
super::from_row!(Row {
    candidate_id,
    outcome,
    rationale,
    decided_by,
    decided_at
});

/// Every decision of a requisition, oldest first, with who made it.
pub async fn for_requisition(
    db: &Db,
    requisition_id: &RequisitionId,
) -> Result<Vec<Decision>, DbError> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT d.candidate_id, d.outcome, d.rationale, COALESCE(NULLIF(u.display_name, ''), u.email) AS decided_by, d.decided_at \
         FROM debrief_decisions d JOIN users u ON u.id = d.decided_by \
         WHERE d.requisition_id = $1 ORDER BY d.decided_at, d.id",
    )
    .bind(requisition_id)
    .fetch_all(&db.pool)
    .await?;
    rows.into_iter()
        .map(
            |Row {
                 candidate_id,
                 outcome,
                 rationale,
                 decided_by,
                 decided_at,
             }| {
                Ok(Decision {
                    candidate_id,
                    outcome: outcome
                        .parse::<Outcome>()
                        .map_err(|e| DbError::Sqlx(sqlx::Error::Decode(Box::new(e))))?,
                    rationale,
                    decided_by,
                    decided_at,
                })
            },
        )
        .collect()
}

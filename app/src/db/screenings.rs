//! The resume screen of each candidate: ratings and notes as a draft, then
//! a decision that moves the candidate on or archives them.

use super::{decode_json, encode_json, now, Db, DbError};
use crate::domain::candidate::Stage;
use crate::domain::keys::{CandidateId, RequisitionId};
use crate::domain::requisition::Screening;
use crate::domain::scoring::Rating;
use crate::domain::screening::Decision;
use std::collections::BTreeMap;

const COLUMNS: &str =
    "s.ratings_json, s.notes, s.decision, s.reason, s.screened_by, s.updated_at, s.decided_at";

/// A screening as `COLUMNS` selects it, read by column name.
struct Row {
    ratings_json: String,
    notes: String,
    decision: Option<String>,
    reason: String,
    screened_by: String,
    updated_at: String,
    decided_at: Option<String>,
}
super::from_row!(Row {
    ratings_json,
    notes,
    decision,
    reason,
    screened_by,
    updated_at,
    decided_at
});

fn from_row(
    Row {
        ratings_json: ratings,
        notes,
        decision,
        reason,
        screened_by,
        updated_at,
        decided_at,
    }: Row,
) -> Result<Screening, DbError> {
    Ok(Screening {
        ratings: decode_json(&ratings)?,
        notes,
        decision,
        reason,
        screened_by,
        updated_at,
        decided_at,
    })
}

pub async fn get(db: &Db, candidate_id: &CandidateId) -> Result<Option<Screening>, DbError> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM screenings s WHERE s.candidate_id = $1"
    ))
    .bind(candidate_id)
    .fetch_optional(&db.pool)
    .await?;
    row.map(from_row).transpose()
}

/// Saves the ratings and notes (a decision already made stays).
pub async fn save(
    db: &Db,
    candidate_id: &CandidateId,
    ratings: &BTreeMap<String, Rating>,
    notes: &str,
    by: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO screenings (candidate_id, ratings_json, notes, decision, reason, screened_by, updated_at, decided_at) \
         VALUES ($1, $2, $3, NULL, '', $4, $5, NULL) \
         ON CONFLICT (candidate_id) DO UPDATE SET ratings_json = $2, notes = $3, screened_by = $4, updated_at = $5",
    )
    .bind(candidate_id)
    .bind(encode_json(ratings)?)
    .bind(notes)
    .bind(by)
    .bind(now())
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Saves the screen with its decision and moves the candidate, together.
pub async fn decide(
    db: &Db,
    candidate_id: &CandidateId,
    ratings: &BTreeMap<String, Rating>,
    notes: &str,
    decision: Decision,
    reason: &str,
    by: &str,
) -> Result<(), DbError> {
    let now = now();
    let stage = match decision {
        Decision::Advance => Stage::Interviewing,
        Decision::Archive => Stage::Archived,
    };
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO screenings (candidate_id, ratings_json, notes, decision, reason, screened_by, updated_at, decided_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) \
         ON CONFLICT (candidate_id) DO UPDATE SET ratings_json = $2, notes = $3, decision = $4, reason = $5, \
         screened_by = $6, updated_at = $7, decided_at = $7",
    )
    .bind(candidate_id)
    .bind(encode_json(ratings)?)
    .bind(notes)
    .bind(decision.id())
    .bind(reason)
    .bind(by)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE candidates SET stage = $1, stage_reason = $2, updated_at = $3 WHERE id = $4",
    )
    .bind(stage.id())
    .bind(reason)
    .bind(&now)
    .bind(candidate_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A screening row with its candidate's id.
struct KeyedRow {
    candidate_id: CandidateId,
    screening: Row,
}
super::from_row!(KeyedRow { candidate_id } flatten { screening });

/// Every screen of a requisition's candidates, by candidate id, for the
/// candidate list (one query instead of one per candidate).
pub async fn for_requisition(
    db: &Db,
    requisition_id: &RequisitionId,
) -> Result<std::collections::HashMap<CandidateId, Screening>, DbError> {
    let rows: Vec<KeyedRow> = sqlx::query_as(&format!(
        "SELECT s.candidate_id, {COLUMNS} FROM screenings s JOIN candidates c ON c.id = s.candidate_id \
         WHERE c.requisition_id = $1"
    ))
    .bind(requisition_id)
    .fetch_all(&db.pool)
    .await?;
    rows.into_iter()
        .map(|row| Ok((row.candidate_id, from_row(row.screening)?)))
        .collect()
}

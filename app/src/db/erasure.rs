//! Erasing a candidate's personal data: on request, or when the retention
//! period after their requisition closed has passed. Their row stays with
//! nothing personal in it, and the panel's ratings of them stay (without
//! the notes written about them), so the requisition's statistics hold.
//! One transaction: all of it or none.

use super::{audit, decode_json, encode_json, now, Db, DbError};
use crate::domain::accounts::CurrentUser;
use crate::domain::keys::{CandidateId, RequisitionId};
use crate::domain::scorecard::ScorecardBody;

/// The name an erased candidate is shown by.
pub const ERASED_NAME: &str = "Erased candidate";

/// Takes out every notes field written about the candidate, keeping the
/// ratings, ticked indicators and recommendation.
fn scrub(body: &mut ScorecardBody) {
    for item in body.items.values_mut() {
        item.notes.clear();
    }
    body.private_notes.clear();
    body.takeaways.clear();
}

/// Erases the candidate and the later applications that repeat theirs.
/// False when there is no such candidate; erasing twice changes nothing
/// more. `actor` is `None` for the retention job; `why` goes to the log.
pub async fn erase(
    db: &Db,
    candidate_id: &CandidateId,
    actor: Option<&CurrentUser>,
    why: &str,
) -> Result<bool, DbError> {
    let mut tx = db.begin_write().await?;
    let found: Option<(RequisitionId, String)> =
        sqlx::query_as("SELECT requisition_id, email FROM candidates WHERE id = $1")
            .bind(candidate_id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((requisition_id, email)) = found else {
        return Ok(false);
    };
    let repeats: Vec<(CandidateId, String)> =
        sqlx::query_as("SELECT id, email FROM candidates WHERE repeat_of = $1")
            .bind(candidate_id)
            .fetch_all(&mut *tx)
            .await?;
    let at = now();
    let mut people = vec![(candidate_id.clone(), email)];
    people.extend(repeats);
    for (id, email) in &people {
        // A request for their links, not answered yet, names them.
        sqlx::query(
            "DELETE FROM link_requests WHERE requisition_id = $1 AND LOWER(email) = LOWER($2)",
        )
        .bind(&requisition_id)
        .bind(email)
        .execute(&mut *tx)
        .await?;
        // Files first: their chunks go with them.
        sqlx::query(
            "DELETE FROM file_chunks WHERE file_id IN (SELECT id FROM candidate_files WHERE candidate_id = $1)",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM candidate_files WHERE candidate_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE candidates SET name = $1, email = $2, phone = '', links_json = '[]', knockouts_json = '[]', \
             application_token = NULL, stage_reason = '', erased_at = COALESCE(erased_at, $3), updated_at = $3 \
             WHERE id = $4",
        )
        .bind(ERASED_NAME)
        .bind(format!("erased-{id}@erased.invalid"))
        .bind(&at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE screenings SET notes = '', reason = '' WHERE candidate_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE debrief_decisions SET rationale = '' WHERE candidate_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        // Messages to them still waiting, or kept after sending, hold their
        // address and often their private link.
        sqlx::query("DELETE FROM outbox WHERE recipient = $1")
            .bind(email)
            .execute(&mut *tx)
            .await?;
        let cards: Vec<(String, String)> =
            sqlx::query_as("SELECT id, body_json FROM scorecards WHERE candidate_id = $1")
                .bind(id)
                .fetch_all(&mut *tx)
                .await?;
        for (card, json) in cards {
            let mut body: ScorecardBody = decode_json(&json)?;
            scrub(&mut body);
            sqlx::query("UPDATE scorecards SET body_json = $1 WHERE id = $2")
                .bind(encode_json(&body)?)
                .bind(&card)
                .execute(&mut *tx)
                .await?;
            let versions: Vec<(i64, String)> = sqlx::query_as(
                "SELECT version, body_json FROM scorecard_versions WHERE scorecard_id = $1",
            )
            .bind(&card)
            .fetch_all(&mut *tx)
            .await?;
            for (version, json) in versions {
                let mut body: ScorecardBody = decode_json(&json)?;
                scrub(&mut body);
                sqlx::query(
                    "UPDATE scorecard_versions SET body_json = $1, reason = '' WHERE scorecard_id = $2 AND version = $3",
                )
                .bind(encode_json(&body)?)
                .bind(&card)
                .bind(version)
                .execute(&mut *tx)
                .await?;
            }
        }
        audit::record(
            &mut *tx,
            actor,
            audit::Action::Erased,
            Some(&requisition_id),
            Some(id),
            why,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// The candidates whose requisition closed before `closed_before` and who
/// are not erased yet: what the retention period takes.
pub async fn due(db: &Db, closed_before: &str) -> Result<Vec<CandidateId>, DbError> {
    let rows: Vec<(CandidateId,)> = sqlx::query_as(
        "SELECT c.id FROM candidates c JOIN requisitions r ON r.id = c.requisition_id \
         WHERE r.status = 'closed' AND r.closed_at < $1 AND c.erased_at IS NULL AND c.repeat_of IS NULL",
    )
    .bind(closed_before)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

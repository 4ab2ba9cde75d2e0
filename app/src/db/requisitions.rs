//! Requisitions. For now each is a draft saved from the JD studio; the
//! interview plan, candidates and panel build on it.

use super::{Db, DbError};
use crate::domain::jd::Outcome;
use crate::domain::requisition::RequisitionDraft;

/// Stores a draft and returns its id. The id is random (128 bits) because,
/// until accounts arrive, knowing the link is what grants access.
pub async fn create_draft(
    db: &Db,
    title: &str,
    outcome: &Outcome,
    jd_markdown: &str,
    rubric_version: &str,
) -> Result<String, DbError> {
    let id = uuid::Uuid::new_v4().simple().to_string();
    let outcome_json = serde_json::to_string(outcome)
        .map_err(|e| DbError::Sqlx(sqlx::Error::Encode(Box::new(e))))?;
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    sqlx::query(
        "INSERT INTO requisitions (id, status, title, sub_role, level, outcome_json, jd_markdown, rubric_version, created_at) \
         VALUES ($1, 'draft', $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(title)
    .bind(outcome.sub_role.id())
    .bind(outcome.level.id())
    .bind(outcome_json)
    .bind(jd_markdown)
    .bind(rubric_version)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(id)
}

type Row = (String, String, String, String, String, String, String);

pub async fn get(db: &Db, id: &str) -> Result<Option<RequisitionDraft>, DbError> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, status, title, outcome_json, jd_markdown, rubric_version, created_at FROM requisitions WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some((id, status, title, outcome_json, jd_markdown, rubric_version, created_at)) = row
    else {
        return Ok(None);
    };
    let outcome: Outcome = serde_json::from_str(&outcome_json)
        .map_err(|e| DbError::Sqlx(sqlx::Error::Decode(Box::new(e))))?;
    Ok(Some(RequisitionDraft {
        id,
        status,
        title,
        outcome,
        jd_markdown,
        jd_html: String::new(),
        rubric_version,
        created_at,
    }))
}

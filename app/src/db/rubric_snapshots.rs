//! Every rubric library version the server has run with, stored whole, so a
//! requisition or scorecard can always be read against the exact kit it was
//! scored with, whatever happens to the YAML later.

use super::{Db, DbError};
use crate::domain::Library;

/// Stores the library under its version unless that version is already
/// stored. Returns whether it was new.
pub async fn record(db: &Db, library: &Library) -> Result<bool, DbError> {
    let json = serde_json::to_string(library)
        .map_err(|e| DbError::Sqlx(sqlx::Error::Encode(Box::new(e))))?;
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let result = sqlx::query(
        "INSERT INTO rubric_snapshots (version, first_loaded_at, library_json) VALUES ($1, $2, $3) \
         ON CONFLICT (version) DO NOTHING",
    )
    .bind(&library.version)
    .bind(now)
    .bind(json)
    .execute(&db.pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// The versions stored, newest first.
pub async fn versions(db: &Db) -> Result<Vec<String>, DbError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT version FROM rubric_snapshots ORDER BY first_loaded_at DESC, version",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|(v,)| v).collect())
}

/// The library exactly as it was at `version`.
pub async fn library(db: &Db, version: &str) -> Result<Option<Library>, DbError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT library_json FROM rubric_snapshots WHERE version = $1")
            .bind(version)
            .fetch_optional(&db.pool)
            .await?;
    row.map(|(json,)| super::decode_json(&json)).transpose()
}

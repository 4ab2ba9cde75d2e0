//! The record of each uploaded file; the bytes live under the data
//! directory (the server's upload module writes and reads them).

use super::{new_id, now, Db, DbError};
use crate::domain::requisition::CandidateFile;

/// What an upload stores.
pub struct NewFile<'a> {
    pub candidate_id: &'a str,
    pub kind: &'a str,
    pub prompt_id: &'a str,
    pub content_type: &'a str,
    pub original_name: &'a str,
    pub size_bytes: i64,
    pub stored_name: &'a str,
}

/// Records a file in its slot (the resume, or one video prompt), replacing
/// what was there. Returns the stored name of the replaced file, which the
/// caller deletes.
pub async fn put(db: &Db, file: &NewFile<'_>) -> Result<Option<String>, DbError> {
    let mut tx = db.begin_write().await?;
    // Write first: on SQLite a transaction that reads and then writes fails
    // at once (SQLITE_BUSY_SNAPSHOT) when another upload committed in
    // between, whereas one that starts by writing waits its turn.
    let old: Vec<(String,)> = sqlx::query_as(
        "DELETE FROM candidate_files WHERE candidate_id = $1 AND kind = $2 AND prompt_id = $3 \
         RETURNING stored_name",
    )
    .bind(file.candidate_id)
    .bind(file.kind)
    .bind(file.prompt_id)
    .fetch_all(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO candidate_files (id, candidate_id, kind, prompt_id, content_type, original_name, size_bytes, stored_name, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(new_id())
    .bind(file.candidate_id)
    .bind(file.kind)
    .bind(file.prompt_id)
    .bind(file.content_type)
    .bind(file.original_name)
    .bind(file.size_bytes)
    .bind(file.stored_name)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(old.into_iter().next().map(|(name,)| name))
}

type Row = (String, String, String, String, String, String, i64, String);

fn from_row(
    (id, candidate_id, kind, prompt_id, content_type, original_name, size_bytes, created_at): Row,
) -> CandidateFile {
    CandidateFile {
        id,
        candidate_id,
        kind,
        prompt_id,
        content_type,
        original_name,
        size_bytes,
        created_at,
    }
}

const COLUMNS: &str =
    "id, candidate_id, kind, prompt_id, content_type, original_name, size_bytes, created_at";

pub async fn list(db: &Db, candidate_id: &str) -> Result<Vec<CandidateFile>, DbError> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM candidate_files WHERE candidate_id = $1 ORDER BY kind DESC, prompt_id"
    ))
    .bind(candidate_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// A file row with the stored name behind it.
type StoredRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    String,
    String,
);

/// A file's record and where its bytes are stored.
pub async fn get(db: &Db, id: &str) -> Result<Option<(CandidateFile, String)>, DbError> {
    let row: Option<StoredRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS}, stored_name FROM candidate_files WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|(a, b, c, d, e, f, g, h, stored)| (from_row((a, b, c, d, e, f, g, h)), stored)))
}

//! Each uploaded file: its record in `candidate_files` and its bytes in
//! `file_chunks`, both in the database so every server behind a load
//! balancer reads every file. A file is written whole in one transaction
//! with its record, so no half-stored file is ever listed.
//!
//! Rows written before the files moved into the database still say
//! `content_in = 'disk'`; the server moves their bytes in at start
//! ([`on_disk`], [`move_in`]).

use super::{new_id, now, Backend, Db, DbError};
use crate::domain::keys::CandidateId;
use crate::domain::requisition::CandidateFile;
use tokio::io::{AsyncRead, AsyncReadExt};

/// Bytes per chunk row: a 50 MB video is 200 rows, not one, and serving a
/// range reads only the chunks it overlaps.
pub const CHUNK_BYTES: usize = 256 * 1024;

const IN_DATABASE: &str = "database";
const ON_DISK: &str = "disk";

/// What an upload stores.
pub struct NewFile<'a> {
    pub candidate_id: &'a CandidateId,
    pub kind: &'a str,
    pub prompt_id: &'a str,
    pub content_type: &'a str,
    pub original_name: &'a str,
    /// The length of the content, checked against what is read.
    pub size_bytes: i64,
    /// A video's length, when it could be read from the file.
    pub duration_ms: Option<i64>,
}

/// Where a file's bytes are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Content {
    /// In `file_chunks`, cut every `chunk_bytes`.
    Database { chunk_bytes: u64 },
    /// Still at `data_dir/uploads/<stored_name>` (written before files
    /// moved into the database, and not yet moved in).
    Disk { stored_name: String },
}

/// What was replaced when a slot got a new file.
#[derive(Debug, Default)]
pub struct Replaced {
    /// Stored names of replaced files whose bytes were still on disk, for
    /// the caller to delete.
    pub on_disk: Vec<String>,
}

/// Fills `buf` from `reader`, short only at the end of the content.
async fn fill<R: AsyncRead + Unpin + ?Sized>(
    reader: &mut R,
    buf: &mut [u8],
) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        let n = reader.read(&mut buf[filled..]).await?;
        if n == 0 {
            break;
        }
        filled += n;
    }
    Ok(filled)
}

fn io_error(e: std::io::Error) -> DbError {
    DbError::Sqlx(sqlx::Error::Io(e))
}

/// Writes `content` as the chunks of `file_id` in `tx`; returns its length.
async fn write_chunks<R: AsyncRead + Unpin + ?Sized>(
    tx: &mut super::WriteTx,
    file_id: &str,
    content: &mut R,
) -> Result<u64, DbError> {
    let mut buf = vec![0u8; CHUNK_BYTES];
    let mut total: u64 = 0;
    let mut seq: i64 = 0;
    loop {
        let n = fill(content, &mut buf).await.map_err(io_error)?;
        if n == 0 {
            break;
        }
        sqlx::query("INSERT INTO file_chunks (file_id, seq, bytes) VALUES ($1, $2, $3)")
            .bind(file_id)
            .bind(seq)
            .bind(buf[..n].to_vec())
            .execute(&mut **tx)
            .await?;
        total += n as u64;
        seq += 1;
        if n < CHUNK_BYTES {
            break;
        }
    }
    Ok(total)
}

fn length_mismatch(expected: i64, read: u64) -> DbError {
    io_error(std::io::Error::new(
        std::io::ErrorKind::UnexpectedEof,
        format!("the file changed while it was stored: expected {expected} bytes, read {read}"),
    ))
}

/// Stores a file in its slot (the resume, or one video prompt) with its
/// bytes read from `content`, replacing what was there: the old record and
/// its chunks go in the same transaction, so the slot always holds exactly
/// one whole file. Returns the new file's id.
///
/// Two uploads to the same slot at once both succeed, one after the
/// other; the later one is kept.
pub async fn put<R: AsyncRead + Unpin + ?Sized>(
    db: &Db,
    file: &NewFile<'_>,
    content: &mut R,
) -> Result<(String, Replaced), DbError> {
    // Waits for a turn without a timeout (see `Db::file_writes`). The
    // semaphore is never closed, so acquiring cannot fail.
    let _turn = db.file_writes.acquire().await.ok();
    let mut tx = db.begin_write().await?;
    if db.backend == Backend::Postgres {
        // Two uploads to one candidate queue on the candidate's row, so the
        // second sees the first's file and replaces it instead of both
        // inserting into the slot (a duplicate key). On SQLite the
        // transaction already holds the write lock (BEGIN IMMEDIATE).
        sqlx::query("SELECT id FROM candidates WHERE id = $1 FOR UPDATE")
            .bind(file.candidate_id)
            .fetch_optional(&mut *tx)
            .await?;
    }
    // Chunks first: their rows point at the record. Explicit rather than
    // left to ON DELETE CASCADE, which SQLite applies only with its
    // foreign_keys pragma on.
    sqlx::query(
        "DELETE FROM file_chunks WHERE file_id IN (SELECT id FROM candidate_files \
         WHERE candidate_id = $1 AND kind = $2 AND prompt_id = $3)",
    )
    .bind(file.candidate_id)
    .bind(file.kind)
    .bind(file.prompt_id)
    .execute(&mut *tx)
    .await?;
    let old: Vec<(String, String)> = sqlx::query_as(
        "DELETE FROM candidate_files WHERE candidate_id = $1 AND kind = $2 AND prompt_id = $3 \
         RETURNING content_in, stored_name",
    )
    .bind(file.candidate_id)
    .bind(file.kind)
    .bind(file.prompt_id)
    .fetch_all(&mut *tx)
    .await?;
    let id = new_id();
    sqlx::query(
        "INSERT INTO candidate_files (id, candidate_id, kind, prompt_id, content_type, original_name, \
         size_bytes, stored_name, created_at, content_in, chunk_bytes, duration_ms) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, '', $8, $9, $10, $11)",
    )
    .bind(&id)
    .bind(file.candidate_id)
    .bind(file.kind)
    .bind(file.prompt_id)
    .bind(file.content_type)
    .bind(file.original_name)
    .bind(file.size_bytes)
    .bind(now())
    .bind(IN_DATABASE)
    .bind(CHUNK_BYTES as i64)
    .bind(file.duration_ms)
    .execute(&mut *tx)
    .await?;
    let written = write_chunks(&mut tx, &id, content).await?;
    if i64::try_from(written).ok() != Some(file.size_bytes) {
        // Dropping the transaction rolls it back: nothing is stored.
        return Err(length_mismatch(file.size_bytes, written));
    }
    tx.commit().await?;
    let on_disk = old
        .into_iter()
        .filter(|(content_in, name)| content_in == ON_DISK && !name.is_empty())
        .map(|(_, name)| name)
        .collect();
    Ok((id, Replaced { on_disk }))
}

/// A file's record as `COLUMNS` selects it, read by column name.
struct Row {
    id: String,
    candidate_id: CandidateId,
    kind: String,
    prompt_id: String,
    content_type: String,
    original_name: String,
    size_bytes: i64,
    created_at: String,
    duration_ms: Option<i64>,
}
super::from_row!(Row {
    id,
    candidate_id,
    kind,
    prompt_id,
    content_type,
    original_name,
    size_bytes,
    created_at,
    duration_ms
});

fn from_row(
    Row {
        id,
        candidate_id,
        kind,
        prompt_id,
        content_type,
        original_name,
        size_bytes,
        created_at,
        duration_ms,
    }: Row,
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
        duration_ms,
    }
}

const COLUMNS: &str =
    "id, candidate_id, kind, prompt_id, content_type, original_name, size_bytes, created_at, duration_ms";

pub async fn list(db: &Db, candidate_id: &CandidateId) -> Result<Vec<CandidateFile>, DbError> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM candidate_files WHERE candidate_id = $1 ORDER BY kind DESC, prompt_id"
    ))
    .bind(candidate_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// A record with where its bytes are: `content_in`, `stored_name`,
/// `chunk_bytes` after the listed columns.
struct StoredRow {
    file: Row,
    content_in: String,
    stored_name: String,
    chunk_bytes: i64,
}
super::from_row!(StoredRow { content_in, stored_name, chunk_bytes } flatten { file });

/// A file's record and where its bytes are.
pub async fn get(db: &Db, id: &str) -> Result<Option<(CandidateFile, Content)>, DbError> {
    let row: Option<StoredRow> = sqlx::query_as(&format!(
        "SELECT {COLUMNS}, content_in, stored_name, chunk_bytes FROM candidate_files WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(
        |StoredRow {
             file,
             content_in,
             stored_name,
             chunk_bytes,
         }| {
            let content = match (content_in.as_str(), u64::try_from(chunk_bytes)) {
                (IN_DATABASE, Ok(chunk_bytes)) if chunk_bytes > 0 => {
                    Content::Database { chunk_bytes }
                }
                _ => Content::Disk { stored_name },
            };
            (from_row(file), content)
        },
    ))
}

/// Chunk `seq` of a file stored in the database, if there is one.
pub async fn chunk(db: &Db, file_id: &str, seq: u64) -> Result<Option<Vec<u8>>, DbError> {
    let seq = i64::try_from(seq).unwrap_or(i64::MAX);
    let row: Option<(Vec<u8>,)> =
        sqlx::query_as("SELECT bytes FROM file_chunks WHERE file_id = $1 AND seq = $2")
            .bind(file_id)
            .bind(seq)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.map(|(bytes,)| bytes))
}

/// Records whose bytes are still on disk: `(id, stored_name)`.
pub async fn on_disk(db: &Db) -> Result<Vec<(String, String)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, stored_name FROM candidate_files WHERE content_in = $1 ORDER BY created_at",
    )
    .bind(ON_DISK)
    .fetch_all(&db.pool)
    .await?)
}

/// Records moved in whose disk copy may still be there (the server
/// stopped between moving a file in and deleting its copy):
/// `(id, stored_name)`.
pub async fn moved_with_disk_copy(db: &Db) -> Result<Vec<(String, String)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, stored_name FROM candidate_files WHERE content_in = $1 AND stored_name <> ''",
    )
    .bind(IN_DATABASE)
    .fetch_all(&db.pool)
    .await?)
}

/// Forgets the disk name of a moved file once its copy is gone.
pub async fn forget_disk_copy(db: &Db, id: &str) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE candidate_files SET stored_name = '' WHERE id = $1 AND content_in = $2")
        .bind(id)
        .bind(IN_DATABASE)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Moves the bytes of a record still on disk into the database, in one
/// transaction. Returns false when there was nothing to move (another
/// server moved it first, or the record is gone). The record keeps its
/// disk name until [`forget_disk_copy`], so a copy left behind by a stop
/// between the two is found again at the next start.
pub async fn move_in<R: AsyncRead + Unpin + ?Sized>(
    db: &Db,
    id: &str,
    content: &mut R,
) -> Result<bool, DbError> {
    let _turn = db.file_writes.acquire().await.ok();
    let mut tx = db.begin_write().await?;
    // Write first: on PostgreSQL a second server moving the same file waits
    // here and then finds it moved.
    let claimed = sqlx::query(
        "UPDATE candidate_files SET content_in = $1, chunk_bytes = $2 WHERE id = $3 AND content_in = $4",
    )
    .bind(IN_DATABASE)
    .bind(CHUNK_BYTES as i64)
    .bind(id)
    .bind(ON_DISK)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if claimed == 0 {
        return Ok(false);
    }
    sqlx::query("DELETE FROM file_chunks WHERE file_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let written = write_chunks(&mut tx, id, content).await?;
    // The bytes on disk are the truth; the record's size follows them.
    sqlx::query("UPDATE candidate_files SET size_bytes = $1 WHERE id = $2")
        .bind(i64::try_from(written).unwrap_or(i64::MAX))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

//! Where uploaded files' bytes live. The default and only store today is
//! the database the installation already runs (SQLite or PostgreSQL), so
//! several servers behind a load balancer read every file with nothing
//! else to install; [`FileStore`] is the seam an S3-compatible store
//! would fill later.
//!
//! Also the one-time move, at start, of files an older version kept under
//! `data_dir/uploads/`.

use app::db::candidate_files::{self, Content, NewFile};
use app::db::{Db, DbError};
use axum::body::Bytes;
use futures_util::stream::{self, BoxStream, StreamExt};
use std::io;
use std::path::{Path, PathBuf};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncSeekExt};

/// A stored file's bytes, streamed out.
pub type ByteStream = BoxStream<'static, io::Result<Bytes>>;

/// Stores and reads files' bytes.
#[async_trait::async_trait]
pub trait FileStore: Send + Sync {
    /// Stores `content` (exactly `file.size_bytes` bytes) as the file in
    /// its slot, replacing the slot's previous file: all or nothing, and
    /// the record is listed only once the bytes are all stored. Returns
    /// the new file's id.
    async fn put(
        &self,
        file: &NewFile<'_>,
        content: &mut (dyn AsyncRead + Unpin + Send),
    ) -> Result<String, DbError>;

    /// Bytes `start..=end` of a stored file, read as they are sent.
    fn read(&self, file_id: &str, content: &Content, start: u64, end: u64) -> ByteStream;
}

/// Files in the database's `file_chunks` table.
#[derive(Clone, Debug)]
pub struct DatabaseFiles {
    db: Db,
    /// Where files written by older versions still wait to be moved in.
    legacy_dir: PathBuf,
}

impl DatabaseFiles {
    pub fn new(db: Db, data_dir: &Path) -> Self {
        DatabaseFiles {
            db,
            legacy_dir: legacy_dir(data_dir),
        }
    }
}

/// Where older versions kept uploaded files.
pub fn legacy_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("uploads")
}

/// Where uploads are written while they arrive, before they are typed and
/// stored. Only this server's partial files are here.
pub fn staging_dir(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("staging")
}

/// Removes partial uploads a stopped server left behind (a `TempUpload`
/// in `http/uploads.rs` is deleted when dropped, which a killed process
/// never does), here and where older versions staged them.
pub fn clear_staging(data_dir: &std::path::Path) {
    for dir in [staging_dir(data_dir), legacy_dir(data_dir)] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().ends_with(".part") {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// Names older versions gave stored files: `db::new_id()`, 32 hex digits.
/// Checked before any file-system call, so a bad row can never point
/// elsewhere.
pub fn is_stored_name(name: &str) -> bool {
    name.len() == 32 && name.bytes().all(|b| b.is_ascii_hexdigit())
}

/// How much of a file still on disk one step of its stream reads.
const DISK_READ_BYTES: u64 = 64 * 1024;

#[async_trait::async_trait]
impl FileStore for DatabaseFiles {
    async fn put(
        &self,
        file: &NewFile<'_>,
        content: &mut (dyn AsyncRead + Unpin + Send),
    ) -> Result<String, DbError> {
        let (id, replaced) = candidate_files::put(&self.db, file, content).await?;
        // A replaced file an older version wrote, never moved in (its move
        // failed at start): its bytes are no longer referenced.
        for name in replaced.on_disk.iter().filter(|n| is_stored_name(n)) {
            if let Err(e) = tokio::fs::remove_file(self.legacy_dir.join(name)).await {
                if e.kind() != io::ErrorKind::NotFound {
                    tracing::warn!(error = %e, file = %name, "could not delete a replaced upload");
                }
            }
        }
        Ok(id)
    }

    fn read(&self, file_id: &str, content: &Content, start: u64, end: u64) -> ByteStream {
        match content {
            Content::Database { chunk_bytes } => chunks(
                self.db.clone(),
                file_id.to_string(),
                *chunk_bytes,
                start,
                end,
            ),
            Content::Disk { stored_name } if is_stored_name(stored_name) => {
                from_disk(self.legacy_dir.join(stored_name), start, end)
            }
            Content::Disk { .. } => stream::once(async {
                Err(io::Error::other(
                    "a file record has a malformed stored name",
                ))
            })
            .boxed(),
        }
    }
}

/// Streams `start..=end` from the chunks of a file, one chunk row per
/// query: a slow download holds no connection or transaction between
/// chunks, and a range reads only the chunks it covers.
fn chunks(db: Db, file_id: String, chunk_bytes: u64, start: u64, end: u64) -> ByteStream {
    stream::try_unfold(start, move |next| {
        let db = db.clone();
        let file_id = file_id.clone();
        async move {
            if next > end {
                return Ok(None);
            }
            let seq = next / chunk_bytes;
            let chunk = candidate_files::chunk(&db, &file_id, seq)
                .await
                .map_err(io::Error::other)?
                .ok_or_else(|| {
                    // Replaced while it was being sent: the answer is cut
                    // short rather than mixing two files.
                    io::Error::other(format!("file {file_id} has no chunk {seq}"))
                })?;
            let offset = usize::try_from(next - seq * chunk_bytes).map_err(io::Error::other)?;
            if offset >= chunk.len() {
                return Err(io::Error::other(format!(
                    "file {file_id} chunk {seq} is shorter than its record says"
                )));
            }
            let wanted = usize::try_from(end - next + 1).unwrap_or(usize::MAX);
            let take = wanted.min(chunk.len() - offset);
            let bytes = Bytes::from(chunk).slice(offset..offset + take);
            Ok(Some((bytes, next + take as u64)))
        }
    })
    .boxed()
}

/// Streams `start..=end` of a file an older version wrote to disk.
fn from_disk(path: PathBuf, start: u64, end: u64) -> ByteStream {
    stream::try_unfold((None::<tokio::fs::File>, start), move |(file, next)| {
        let path = path.clone();
        async move {
            if next > end {
                return Ok(None);
            }
            let mut file = match file {
                Some(file) => file,
                None => {
                    let mut file = tokio::fs::File::open(&path).await?;
                    file.seek(io::SeekFrom::Start(next)).await?;
                    file
                }
            };
            let want = (end - next + 1).min(DISK_READ_BYTES) as usize;
            let mut buf = vec![0u8; want];
            let n = file.read(&mut buf).await?;
            if n == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!("{} is shorter than its record says", path.display()),
                ));
            }
            buf.truncate(n);
            Ok(Some((Bytes::from(buf), (Some(file), next + n as u64))))
        }
    })
    .boxed()
}

/// What the start-up move did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Moved {
    /// Files moved into the database and deleted from disk.
    pub moved: usize,
    /// Records whose file is not in this data directory (left as they
    /// are, with a warning: another server may hold it).
    pub missing: usize,
    /// Files that could not be moved this time (left as they are).
    pub failed: usize,
}

/// Moves files an older version kept under `data_dir/uploads/` into the
/// database: one transaction per file, then the disk copy is deleted.
/// Safe to run at every start and on several servers at once: a file is
/// moved once, a file missing here is left for the server that has it,
/// and nothing is deleted before its bytes are committed.
pub async fn move_disk_files_in(db: &Db, data_dir: &Path) -> Result<Moved, DbError> {
    let dir = legacy_dir(data_dir);
    let mut outcome = Moved::default();
    for (id, stored_name) in candidate_files::on_disk(db).await? {
        if !is_stored_name(&stored_name) {
            tracing::warn!(file = %id, "a file record has a malformed stored name: left as it is");
            outcome.failed += 1;
            continue;
        }
        let path = dir.join(&stored_name);
        let mut file = match tokio::fs::File::open(&path).await {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                tracing::warn!(
                    file = %id,
                    path = %path.display(),
                    "an uploaded file is not in this data directory: its record is left as it is"
                );
                outcome.missing += 1;
                continue;
            }
            Err(e) => {
                tracing::error!(error = %e, path = %path.display(), "could not open an uploaded file");
                outcome.failed += 1;
                continue;
            }
        };
        match candidate_files::move_in(db, &id, &mut file).await {
            Ok(true) => {
                drop(file);
                delete_copy(db, &id, &path).await;
                outcome.moved += 1;
            }
            // Moved by another server meanwhile; its copy is deleted below.
            Ok(false) => {}
            Err(e) => {
                tracing::error!(error = %e, file = %id, "could not move an uploaded file into the database");
                outcome.failed += 1;
            }
        }
    }
    // Copies left by a stop between a move's commit and the deletion.
    for (id, stored_name) in candidate_files::moved_with_disk_copy(db).await? {
        if is_stored_name(&stored_name) {
            delete_copy(db, &id, &dir.join(&stored_name)).await;
        }
    }
    // Once everything is in, the folder goes too (only if empty).
    let _ = tokio::fs::remove_dir(&dir).await;
    Ok(outcome)
}

/// Deletes the disk copy of a file now in the database, then forgets its
/// disk name. The name is kept until this server deleted the copy: a
/// server with another data directory finds nothing here and must not
/// forget a copy the server that moved it has yet to delete.
async fn delete_copy(db: &Db, id: &str, path: &Path) {
    match tokio::fs::remove_file(path).await {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return,
        Err(e) => {
            tracing::warn!(error = %e, path = %path.display(), "could not delete a file moved into the database");
            return;
        }
    }
    if let Err(e) = candidate_files::forget_disk_copy(db, id).await {
        tracing::warn!(error = %e, file = %id, "could not record that a moved file's copy is gone");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_own_names_are_stored_names() {
        assert!(is_stored_name(&app::db::new_id()));
        for bad in [
            "",
            "../x",
            "0123456789abcdef0123456789abcde/",
            "x".repeat(32).as_str(),
        ] {
            assert!(!is_stored_name(bad), "{bad}");
        }
    }
}

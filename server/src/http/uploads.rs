//! The candidate's uploads and final submission, as plain form posts from
//! the application page (`/apply/:id/:token`):
//!
//! - `POST /apply/{id}/{token}/resume` (multipart, field `resume`)
//! - `POST /apply/{id}/{token}/videos/{prompt_id}` (multipart, field `video`)
//! - `POST /apply/{id}/{token}/submit`
//!
//! Each answers 303 back to the application page, with `?error=<code>` when
//! something was refused (the page words it) or `?saved=...` when a file was
//! stored, and 413 with a page that names the limit when a file is too
//! large. Files are typed by their bytes, capped by kind, and stored in the
//! database (`crate::storage`); nothing of the sender's file name is used
//! but as display text.
//!
//! A body is streamed, never held whole: chunk by chunk into a temporary
//! file under `data_dir/staging` (`capped.rs` does the counting), stopping
//! as soon as the file's cap is passed; a declared Content-Length over the
//! cap is refused before a byte of the body is read. Only a whole, typed
//! file is then copied into the database, in one transaction with its
//! record: a slow sender never holds a database transaction open.

use super::capped::{copy_capped, CopyError};
use super::notice::notice_page;
use super::AppState;
use app::api::apply::{problem, ApplicationState, ApplicationView, KIND_RESUME, KIND_VIDEO};
use app::db::candidate_files::NewFile;
use app::domain::keys::{CandidateId, RequisitionId};
use app::error::AppError;
use app::service::apply::{application_view, find_application};
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use std::path::PathBuf;
use tokio::io::AsyncWriteExt;

use app::domain::upload::{
    sniff_resume, sniff_video, VideoType, MAX_RESUME_BYTES, MAX_VIDEO_BYTES,
};
use app::domain::webm;

/// Room for the multipart framing (boundary lines, part headers) around
/// the one file a form sends.
const FORM_SLACK_BYTES: usize = 64 * 1024;

/// The largest request the upload routes read at all: the video cap plus
/// the framing. Each route refuses less (its own file's cap plus the
/// framing); this also bounds a body sent without a Content-Length.
pub const MAX_UPLOAD_BODY_BYTES: usize = MAX_VIDEO_BYTES + FORM_SLACK_BYTES;

/// Buffer between the body's chunks and the temporary file.
const WRITE_BUFFER_BYTES: usize = 64 * 1024;

/// Longest display name kept for a file, in characters.
const MAX_NAME_CHARS: usize = 100;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/apply/{id}/{token}/resume", post(resume))
        .route("/apply/{id}/{token}/videos/{prompt_id}", post(video))
        .route("/apply/{id}/{token}/submit", post(submit))
        .layer(DefaultBodyLimit::max(MAX_UPLOAD_BODY_BYTES))
}

/// Which slot of the application a file goes into.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Slot {
    Resume,
    Video(String),
}

impl Slot {
    fn field(&self) -> &'static str {
        match self {
            Slot::Resume => "resume",
            Slot::Video(_) => "video",
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Slot::Resume => KIND_RESUME,
            Slot::Video(_) => KIND_VIDEO,
        }
    }

    fn prompt_id(&self) -> &str {
        match self {
            Slot::Resume => "",
            Slot::Video(id) => id,
        }
    }

    fn cap(&self) -> usize {
        match self {
            Slot::Resume => MAX_RESUME_BYTES,
            Slot::Video(_) => MAX_VIDEO_BYTES,
        }
    }

    /// The largest request body this slot takes: its file plus the framing.
    fn body_cap(&self) -> u64 {
        (self.cap() + FORM_SLACK_BYTES) as u64
    }

    /// How many leading bytes the type check needs: a .docx is known by
    /// entry names anywhere in the archive, so all of a resume (at most its
    /// 5 MB cap); a video by its first twelve bytes.
    fn sniff_len(&self) -> usize {
        match self {
            Slot::Resume => MAX_RESUME_BYTES,
            Slot::Video(_) => 64,
        }
    }

    /// How the limit reads in a message.
    fn limit_text(&self) -> String {
        let mb = self.cap() / (1024 * 1024);
        match self {
            Slot::Resume => format!("the \u{201c}resume\u{201d} field takes files up to {mb} MB"),
            Slot::Video(_) => format!("the \u{201c}video\u{201d} field takes files up to {mb} MB"),
        }
    }

    fn problems(&self) -> (&'static str, &'static str, &'static str) {
        match self {
            Slot::Resume => (
                problem::RESUME_MISSING,
                problem::RESUME_EMPTY,
                problem::RESUME_TYPE,
            ),
            Slot::Video(_) => (
                problem::VIDEO_MISSING,
                problem::VIDEO_EMPTY,
                problem::VIDEO_TYPE,
            ),
        }
    }

    /// The content type and extension the bytes prove, or why not.
    fn sniff(&self, bytes: &[u8]) -> Option<(&'static str, &'static str)> {
        match self {
            Slot::Resume => sniff_resume(bytes)
                .ok()
                .map(|t| (t.content_type(), t.extension())),
            Slot::Video(_) => sniff_video(bytes)
                .ok()
                .map(|t| (t.content_type(), t.extension())),
        }
    }
}

async fn resume(
    State(state): State<AppState>,
    Path((id, token)): Path<(RequisitionId, String)>,
    request: Request,
) -> Response {
    upload(state, id, token, Slot::Resume, request).await
}

async fn video(
    State(state): State<AppState>,
    Path((id, token, prompt_id)): Path<(RequisitionId, String, String)>,
    request: Request,
) -> Response {
    upload(state, id, token, Slot::Video(prompt_id), request).await
}

/// Back to the application page with a problem code (and the prompt it is
/// about). Built from stored ids only, never from the request path.
fn back(view: &ApplicationView, query: &[(&str, &str)]) -> Response {
    let mut url = view.url();
    if !query.is_empty() {
        let encoded = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(query)
            .finish();
        url.push('?');
        url.push_str(&encoded);
    }
    Redirect::to(&url).into_response()
}

fn problem_back(view: &ApplicationView, slot: &Slot, code: &str) -> Response {
    match slot {
        Slot::Resume => back(view, &[("error", code)]),
        Slot::Video(id) => back(view, &[("error", code), ("prompt", id)]),
    }
}

/// A small page for the answers that cannot go back to the application
/// (there is none at this address, or the server failed).
fn page(status: StatusCode, title: &str, message: &str, link: Option<&str>) -> Response {
    notice_page(
        status,
        title,
        message,
        link.map(|href| (href, "Back to your application")),
    )
}

fn app_error_page(e: AppError) -> Response {
    match e {
        AppError::NotFound(m) => page(StatusCode::NOT_FOUND, "Application not found", &m, None),
        other => {
            tracing::error!(error = %other, "application upload failed");
            page(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Something went wrong",
                "Something went wrong on our side and nothing was saved. Please try again in a few minutes.",
                None,
            )
        }
    }
}

/// The application this link opens, if it can still change.
async fn open_application(
    state: &AppState,
    id: &RequisitionId,
    token: &str,
) -> Result<(ApplicationView, CandidateId), Response> {
    let (requisition, candidate) = find_application(&state.db, id, token)
        .await
        .map_err(app_error_page)?;
    let view = application_view(&state.db, &requisition, &candidate, token)
        .await
        .map_err(app_error_page)?;
    Ok((view, candidate.id))
}

fn declared_length(request: &Request) -> Option<u64> {
    request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
}

/// 413, naming the field and its limit, with the way back.
fn too_large(view: &ApplicationView, slot: &Slot) -> Response {
    page(
        StatusCode::PAYLOAD_TOO_LARGE,
        "The file is too large",
        &format!(
            "The file was not saved: it is over the upload limit ({}). Choose a smaller file and try again.",
            slot.limit_text()
        ),
        Some(&view.url()),
    )
}

/// A file being written under the staging folder. Deleted when dropped,
/// so a stored, refused, failed or abandoned upload (the client going away
/// drops the handler mid-stream) leaves nothing behind.
struct TempUpload {
    path: PathBuf,
}

impl TempUpload {
    async fn create(dir: &std::path::Path) -> Result<(Self, tokio::fs::File), String> {
        tokio::fs::create_dir_all(dir)
            .await
            .map_err(|e| format!("create {}: {e}", dir.display()))?;
        let path = dir.join(format!(".{}.part", app::db::new_id()));
        let file = tokio::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .await
            .map_err(|e| format!("create {}: {e}", path.display()))?;
        Ok((TempUpload { path }, file))
    }
}

impl Drop for TempUpload {
    fn drop(&mut self) {
        // A small unlink; Drop cannot await.
        let _ = std::fs::remove_file(&self.path);
    }
}

/// What the form sent in the slot's field.
enum Received {
    File {
        temp: TempUpload,
        len: u64,
        /// The first bytes, for the type check.
        head: Vec<u8>,
        name: String,
    },
    /// Over the slot's cap: not kept.
    OverCap,
    /// A file was chosen but it has no bytes.
    Empty,
    /// No file chosen.
    Nothing,
}

enum ReadError {
    /// The body went over the route's limit mid-stream.
    TooLarge,
    /// Cut off, or not a well-formed multipart body.
    Broken,
    /// The temporary file could not be written.
    Store(String),
}

fn read_error(e: axum::extract::multipart::MultipartError) -> ReadError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ReadError::TooLarge
    } else {
        ReadError::Broken
    }
}

fn copy_error(e: CopyError<axum::extract::multipart::MultipartError>) -> ReadError {
    match e {
        CopyError::Read(e) => read_error(e),
        CopyError::OverCap => ReadError::TooLarge,
        CopyError::Write(e) => ReadError::Store(e.to_string()),
    }
}

/// Reads the form, streaming the slot's file into a temporary file. Over
/// the cap, the rest of the body is read past (not kept) only when its
/// length was declared, which bounds it by the slot's body cap: the
/// browser then gets the answer instead of a reset connection. A body of
/// unknown length is left unread.
async fn receive(
    mut multipart: Multipart,
    slot: &Slot,
    dir: &std::path::Path,
    read_rest: bool,
) -> Result<Received, ReadError> {
    let mut received = Received::Nothing;
    let mut over_cap = false;
    while let Some(mut field) = multipart.next_field().await.map_err(read_error)? {
        if over_cap || field.name() != Some(slot.field()) || !matches!(received, Received::Nothing)
        {
            // Other fields (and a second file) are read past, not kept.
            copy_capped(&mut field, u64::MAX, 0, &mut tokio::io::sink())
                .await
                .map_err(copy_error)?;
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_string();
        let (temp, file) = TempUpload::create(dir).await.map_err(ReadError::Store)?;
        let mut sink = tokio::io::BufWriter::with_capacity(WRITE_BUFFER_BYTES, file);
        let copied = copy_capped(&mut field, slot.cap() as u64, slot.sniff_len(), &mut sink).await;
        // Closes the file before it is renamed or deleted.
        let _ = sink.shutdown().await;
        drop(sink);
        received = match copied {
            Ok(c) if c.len == 0 && name.is_empty() => Received::Nothing,
            Ok(c) if c.len == 0 => Received::Empty,
            Ok(c) => Received::File {
                temp,
                len: c.len,
                head: c.head,
                name,
            },
            Err(CopyError::OverCap) => {
                drop(temp);
                if !read_rest {
                    return Ok(Received::OverCap);
                }
                over_cap = true;
                copy_capped(&mut field, u64::MAX, 0, &mut tokio::io::sink())
                    .await
                    .map_err(copy_error)?;
                Received::OverCap
            }
            Err(e) => return Err(copy_error(e)),
        };
    }
    Ok(received)
}

async fn upload(
    state: AppState,
    id: RequisitionId,
    token: String,
    slot: Slot,
    request: Request,
) -> Response {
    let (view, candidate_id) = match open_application(&state, &id, &token).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    if let Slot::Video(prompt_id) = &slot {
        if view.prompt_number(prompt_id).is_none() {
            return page(
                StatusCode::NOT_FOUND,
                "Video question not found",
                "This application has no video question at this address.",
                Some(&view.url()),
            );
        }
    }
    if view.state != ApplicationState::InProgress {
        return problem_back(&view, &slot, problem::CLOSED);
    }
    let declared = declared_length(&request);
    if declared.is_some_and(|n| n > slot.body_cap()) {
        // Refused at once, before a byte of the body is read.
        return too_large(&view, &slot);
    }
    let multipart = match Multipart::from_request(request, &state).await {
        Ok(m) => m,
        Err(_) => return problem_back(&view, &slot, problem::UPLOAD_FAILED),
    };
    let (missing, empty, wrong_type) = slot.problems();
    let dir = crate::storage::staging_dir(&state.data_dir);
    let (temp, len, head, sent_name) =
        match receive(multipart, &slot, &dir, declared.is_some()).await {
            Ok(Received::File {
                temp,
                len,
                head,
                name,
            }) => (temp, len, head, name),
            Ok(Received::OverCap) | Err(ReadError::TooLarge) => return too_large(&view, &slot),
            Ok(Received::Empty) => return problem_back(&view, &slot, empty),
            Ok(Received::Nothing) => return problem_back(&view, &slot, missing),
            Err(ReadError::Broken) => return problem_back(&view, &slot, problem::UPLOAD_FAILED),
            Err(ReadError::Store(e)) => {
                tracing::error!(error = %e, "could not write an uploaded file");
                return problem_back(&view, &slot, problem::SERVER);
            }
        };
    let Some((content_type, extension)) = slot.sniff(&head) else {
        return problem_back(&view, &slot, wrong_type);
    };
    let name = display_name(&sent_name, slot.field(), extension);
    let (temp, len, duration_ms) = if content_type == VideoType::Webm.content_type() {
        with_duration(&dir, temp, len).await
    } else {
        (temp, len, None)
    };
    let file = StoredFile {
        content_type,
        name: &name,
        len,
        duration_ms,
    };
    match store(&state, &candidate_id, &slot, &file, temp).await {
        Ok(()) => match &slot {
            Slot::Resume => back(&view, &[("saved", "resume")]),
            Slot::Video(id) => back(&view, &[("saved", "video"), ("prompt", id)]),
        },
        Err(e) => {
            tracing::error!(error = %e, "could not store an uploaded file");
            problem_back(&view, &slot, problem::SERVER)
        }
    }
}

/// What the bytes proved and what to show for them.
struct StoredFile<'a> {
    content_type: &'a str,
    name: &'a str,
    len: u64,
    duration_ms: Option<i64>,
}

/// A WebM video with its length: a recording from the browser has no
/// Duration, so a player shows 0:00 and cannot seek; it is added (see
/// `app::domain::webm`) into a second staged file, which replaces the
/// first. A file that cannot be read as WebM, or safely changed, is kept
/// as it was.
async fn with_duration(
    dir: &std::path::Path,
    temp: TempUpload,
    len: u64,
) -> (TempUpload, u64, Option<i64>) {
    let (fixed, output) = match TempUpload::create(dir).await {
        Ok(created) => created,
        Err(e) => {
            tracing::warn!(error = %e, "could not stage a video's rewrite: stored as sent");
            return (temp, len, None);
        }
    };
    let output = output.into_std().await;
    let input = temp.path.clone();
    let measured = tokio::task::spawn_blocking(move || -> Result<_, webm::NotWebm> {
        let analysis = webm::analyse(std::io::BufReader::new(std::fs::File::open(&input)?))?;
        let duration_ms = analysis.duration_ms().and_then(|ms| i64::try_from(ms).ok());
        if analysis.edits.is_empty() {
            return Ok((None, duration_ms));
        }
        let written = webm::rewrite(
            std::io::BufReader::new(std::fs::File::open(&input)?),
            &analysis.edits,
            std::io::BufWriter::new(output),
        )?;
        Ok((Some(written), duration_ms))
    })
    .await;
    match measured {
        // Dropping the first staged file deletes it.
        Ok(Ok((Some(written), duration_ms))) => (fixed, written, duration_ms),
        Ok(Ok((None, duration_ms))) => (temp, len, duration_ms),
        Ok(Err(e)) => {
            tracing::debug!(error = %e, "a WebM video was stored as sent");
            (temp, len, None)
        }
        Err(e) => {
            tracing::error!(error = %e, "reading a WebM video failed");
            (temp, len, None)
        }
    }
}

/// Copies the staged file into the store, in the slot, with its record.
async fn store(
    state: &AppState,
    candidate_id: &CandidateId,
    slot: &Slot,
    file: &StoredFile<'_>,
    temp: TempUpload,
) -> Result<(), String> {
    let mut content = tokio::fs::File::open(&temp.path)
        .await
        .map_err(|e| format!("open {}: {e}", temp.path.display()))?;
    let record = NewFile {
        candidate_id,
        kind: slot.kind(),
        prompt_id: slot.prompt_id(),
        content_type: file.content_type,
        original_name: file.name,
        size_bytes: i64::try_from(file.len).unwrap_or(i64::MAX),
        duration_ms: file.duration_ms,
    };
    let stored = state.files().put(&record, &mut content).await;
    // The staged copy goes whatever happened (dropping `temp` deletes it).
    drop(content);
    drop(temp);
    stored.map(|_| ()).map_err(|e| e.to_string())
}

/// The sender's file name as display text only: the last path segment,
/// printable letters, digits and a few marks, at most 100 characters, and
/// ending in the extension of the type the bytes proved.
pub fn display_name(sent: &str, fallback_stem: &str, extension: &str) -> String {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .map(|c| {
            if c.is_alphanumeric()
                || matches!(c, ' ' | '.' | '-' | '_' | '(' | ')' | '[' | ']' | '+' | ',')
            {
                c
            } else {
                '_'
            }
        })
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c == ' ' || c == '_');
    let stem = match cleaned.rsplit_once('.') {
        Some((stem, ext)) if ext.eq_ignore_ascii_case(extension) => stem.trim_end(),
        _ => cleaned,
    };
    let stem = if stem.is_empty() { fallback_stem } else { stem };
    let room = MAX_NAME_CHARS - extension.len() - 1;
    let stem: String = stem.chars().take(room).collect();
    format!("{}.{extension}", stem.trim_end())
}

/// `POST /apply/{id}/{token}/submit`: needs the resume and every video
/// answer; then the application goes to the resume screen.
async fn submit(
    State(state): State<AppState>,
    Path((id, token)): Path<(RequisitionId, String)>,
) -> Response {
    let (view, candidate_id) = match open_application(&state, &id, &token).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    match view.state {
        // Submitting twice (a double click, a resent form) is not an error.
        ApplicationState::Submitted => return back(&view, &[]),
        ApplicationState::Stopped(_) => return back(&view, &[("error", problem::CLOSED)]),
        ApplicationState::InProgress => {}
    }
    if !view.missing().is_empty() {
        return back(&view, &[("error", problem::INCOMPLETE)]);
    }
    match app::db::candidates::submit_application(&state.db, &candidate_id).await {
        Ok(()) => back(&view, &[]),
        Err(e) => {
            tracing::error!(error = %e, "could not submit an application");
            back(&view, &[("error", problem::SERVER)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_are_plain_text_with_the_proven_extension() {
        assert_eq!(
            display_name("C:\\Users\\ada\\CV 2026.pdf", "resume", "pdf"),
            "CV 2026.pdf"
        );
        assert_eq!(
            display_name("../../etc/passwd", "resume", "pdf"),
            "passwd.pdf"
        );
        assert_eq!(
            display_name("<script>x.PDF", "resume", "pdf"),
            "script_x.pdf"
        );
        assert_eq!(display_name("cv.pdf", "resume", "docx"), "cv.pdf.docx");
        assert_eq!(display_name("", "video", "webm"), "video.webm");
        assert_eq!(display_name("...", "video", "webm"), "video.webm");
        assert_eq!(
            display_name("Lebenslauf-Müller.docx", "resume", "docx"),
            "Lebenslauf-Müller.docx"
        );
        let long = format!("{}.pdf", "a".repeat(300));
        let name = display_name(&long, "resume", "pdf");
        assert_eq!(name.chars().count(), MAX_NAME_CHARS);
        assert!(name.ends_with(".pdf"));
        assert!(!display_name("a\"b\r\nc.pdf", "resume", "pdf").contains(['"', '\r', '\n']));
    }
}

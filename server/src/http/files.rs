//! `GET /files/{file_id}`: a candidate's resume or video answer, for the
//! people who reach that candidate (the requisition's members and admins,
//! or an interviewer assigned to them). The bytes come from the file store
//! (the database), streamed as they are sent; a `Range` request (a video
//! being seeked) gets just that part, read from the chunks that hold it.
//! The response is locked down so an uploaded file can never run as a page
//! of this site.

use super::AppState;
use crate::error::ApiError;
use app::api::apply::KIND_VIDEO;
use app::db::candidate_files;
use app::domain::accounts::CurrentUser;
use app::domain::byte_range::{self, RangeAnswer};
use app::domain::requisition::CandidateFile;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};

/// No scripts, no plugins, no forms, no embedding: a file opened directly
/// in a tab is inert. `media-src 'self'` lets a video play in the player.
pub const FILE_CSP: &str = "sandbox; default-src 'none'; media-src 'self'";

pub fn router() -> Router<AppState> {
    Router::new().route("/files/{file_id}", get(serve))
}

/// The Range header to answer, if any. With `If-Range` the whole file is
/// sent: we keep no validator (ETag, Last-Modified) it could match, and
/// RFC 9110 (13.1.5) then asks for the full representation.
fn range_header(headers: &HeaderMap) -> Option<&str> {
    if headers.contains_key(header::IF_RANGE) {
        return None;
    }
    headers.get(header::RANGE).and_then(|v| v.to_str().ok())
}

/// Whether a request is someone opening the file (the audit log's view)
/// rather than a player fetching the next part of it: no range, or one
/// from the first byte.
fn opens_the_file(range: Option<&str>) -> bool {
    match range {
        None => true,
        Some(r) => r
            .trim()
            .strip_prefix("bytes=")
            .is_some_and(|spec| spec.trim_start().starts_with("0-")),
    }
}

async fn serve(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(file_id): Path<String>,
    request_headers: HeaderMap,
) -> Result<Response, ApiError> {
    // The sign-in gate turns anonymous requests away before this runs.
    let Some(Extension(user)) = user else {
        return Err(ApiError::Unauthorized(
            "sign in to see candidates' files".into(),
        ));
    };
    let not_found = || ApiError::NotFound("There is no file at this address.".into());
    let (file, content) = candidate_files::get(&state.db, &file_id)
        .await?
        .ok_or_else(not_found)?;
    let (candidate, _) = app::access::candidate(&state.db, &user, &file.candidate_id).await?;
    if opens_the_file(range_header(&request_headers)) {
        app::db::audit::note_view(
            &state.db,
            &user,
            &candidate.requisition_id,
            Some(&candidate.id),
            &format!("file {}", file.original_name),
        )
        .await?;
    }
    let len = u64::try_from(file.size_bytes).map_err(|_| {
        ApiError::Internal(format!("candidate file {} has a negative size", file.id))
    })?;
    // What to send: the status, which bytes (`start..=end`, or no body),
    // and the Content-Range.
    let (status, part, range) = match byte_range::answer(range_header(&request_headers), len) {
        RangeAnswer::Full => (StatusCode::OK, len.checked_sub(1).map(|end| (0, end)), None),
        RangeAnswer::Partial { start, end } => (
            StatusCode::PARTIAL_CONTENT,
            Some((start, end)),
            Some(format!("bytes {start}-{end}/{len}")),
        ),
        RangeAnswer::Unsatisfiable => (
            StatusCode::RANGE_NOT_SATISFIABLE,
            None,
            Some(format!("bytes */{len}")),
        ),
    };
    let (body, content_length) = match part {
        Some((start, end)) => (
            Body::from_stream(state.files().read(&file.id, &content, start, end)),
            end - start + 1,
        ),
        None => (Body::empty(), 0),
    };
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(content_length));
    if let Some(value) = range.and_then(|r| HeaderValue::from_str(&r).ok()) {
        headers.insert(header::CONTENT_RANGE, value);
    }
    headers.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
    if status != StatusCode::RANGE_NOT_SATISFIABLE {
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_str(&file.content_type)
                .unwrap_or(HeaderValue::from_static("application/octet-stream")),
        );
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(FILE_CSP),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    if let Ok(value) = HeaderValue::from_str(&content_disposition(&file)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// Videos play inline in a `<video>`; resumes always download. The name
/// is given plainly (ASCII, no quotes) and in full as RFC 5987 UTF-8.
pub fn content_disposition(file: &CandidateFile) -> String {
    let disposition = if file.kind == KIND_VIDEO {
        "inline"
    } else {
        "attachment"
    };
    let ascii: String = file
        .original_name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = file
        .original_name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("{disposition}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(kind: &str, name: &str) -> CandidateFile {
        CandidateFile {
            id: "f".into(),
            candidate_id: "c".into(),
            kind: kind.into(),
            prompt_id: String::new(),
            content_type: "application/pdf".into(),
            original_name: name.into(),
            size_bytes: 1,
            created_at: String::new(),
            duration_ms: None,
        }
    }

    #[test]
    fn resumes_download_and_videos_play() {
        assert_eq!(
            content_disposition(&file("resume", "CV 2026.pdf")),
            "attachment; filename=\"CV 2026.pdf\"; filename*=UTF-8''CV%202026.pdf"
        );
        assert!(content_disposition(&file("video", "answer.webm")).starts_with("inline;"));
        let d = content_disposition(&file("resume", "Müller \"x\".pdf"));
        assert!(d.contains("filename=\"M_ller _x_.pdf\""), "{d}");
        assert!(
            d.contains("filename*=UTF-8''M%C3%BCller%20%22x%22.pdf"),
            "{d}"
        );
    }
}

//! `GET /interviews/{id}/invite.ics`: the calendar invite of one interview,
//! for the interviewer on it and the people running the requisition. Its
//! URL and description link to the interview's page on this server.

use super::AppState;
use crate::error::{ApiError, ApiResult};
use app::domain::accounts::CurrentUser;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};

pub fn router() -> Router<AppState> {
    Router::new().route("/interviews/{id}/invite.ics", get(invite))
}

async fn invite(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let Some(Extension(user)) = user else {
        return Err(ApiError::Unauthorized(
            "sign in to download the invite".into(),
        ));
    };
    let base = base_url(&state, &headers);
    let (filename, ics) = app::api::panel::invite(&state.db, &user, &id, &base).await?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            // Names, emails and times of a hiring process: not for shared caches.
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        ics,
    )
        .into_response())
}

/// Where people reach this server, for the link in the invite: the Host
/// the browser used (behind a proxy, the proxy forwards it), over https
/// when the proxy says so or when the server sets Secure cookies (it is
/// then served over HTTPS). A Host with characters no host name has is
/// ignored in favour of the address the server listens on.
fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    let header = |name: header::HeaderName| headers.get(name).and_then(|v| v.to_str().ok());
    let forwarded_https = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"));
    let scheme = if forwarded_https || state.secure_cookies {
        "https"
    } else {
        "http"
    };
    let host = header(header::HOST)
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        })
        .map(str::to_string)
        .unwrap_or_else(|| state.leptos_options.site_addr.to_string());
    format!("{scheme}://{host}")
}

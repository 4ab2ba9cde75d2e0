//! `GET /interviews/{id}/invite.ics`: the calendar invite of one interview,
//! for the interviewer on it and the people running the requisition. Its
//! URL and description link to the interview's page on this server.

use super::AppState;
use crate::error::{ApiError, ApiResult};
use app::domain::accounts::CurrentUser;
use app::domain::keys::AssignmentId;
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
    Path(id): Path<AssignmentId>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let Some(Extension(user)) = user else {
        return Err(ApiError::Unauthorized(
            "sign in to download the invite".into(),
        ));
    };
    let base = base_url(&state, &headers);
    let (filename, ics) = app::service::panel::invite(&state.db, &user, &id, &base).await?;
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

/// Where people reach this server, for the link in the invite (see
/// `app::site::origin`); https also when the server sets Secure cookies.
fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    app::site::origin(
        headers,
        state.secure_cookies,
        &state.leptos_options.site_addr.to_string(),
    )
}

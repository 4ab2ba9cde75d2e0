//! Two middlewares: the first turns the session into a `CurrentUser` in the
//! request's extensions (pages and server functions read it from there); the
//! second refuses anonymous requests everywhere except the few public paths.

use super::USER_ID_KEY;
use crate::http::AppState;
use app::db::users;
use app::domain::accounts::{safe_next, CurrentUser};
use app::domain::keys::UserId;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Json;
use serde_json::json;
use tower_sessions::Session;

pub async fn resolve_user(
    State(state): State<AppState>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    let user_id = session.get::<UserId>(USER_ID_KEY).await.ok().flatten();
    if let Some(id) = user_id {
        match users::active_by_id(&state.db, &id).await {
            Ok(Some(user)) => {
                request.extensions_mut().insert(user);
            }
            // Switched off or removed since signing in: end the session.
            Ok(None) => {
                let _ = session.flush().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "could not resolve the session's account");
                return (
                    StatusCode::SERVICE_UNAVAILABLE,
                    Json(json!({ "error": "the database is not answering; try again shortly" })),
                )
                    .into_response();
            }
        }
    }
    next.run(request).await
}

/// Paths anyone may reach: signing in, the candidate's application, static
/// files, the health check and the API description.
fn is_public(path: &str) -> bool {
    matches!(
        path,
        "/sign-in" | "/api/session" | "/api/health" | "/api/openapi.json" | "/favicon.ico"
    ) || [app::CANDIDATE_PAGES, "/assets/", "/pkg/", "/api/fn/apply-"]
        .iter()
        .any(|prefix| path.starts_with(prefix))
}

pub async fn require_sign_in(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if request.extensions().get::<CurrentUser>().is_some() || is_public(path) {
        return next.run(request).await;
    }
    if path.starts_with("/api/") {
        return (
            StatusCode::UNAUTHORIZED,
            Json(
                json!({ "error": "sign in first: POST /api/session with your email and password" }),
            ),
        )
            .into_response();
    }
    // Pages: to the sign-in page, and back here afterwards; a path that
    // would not be followed after sign-in (`//host`) is not carried along.
    let back = match (request.method(), request.uri().path_and_query()) {
        (&Method::GET, Some(pq)) if pq.as_str() != "/" && safe_next(pq.as_str()) != "/" => {
            format!("/sign-in?next={}", url_escape(pq.as_str()))
        }
        _ => "/sign-in".to_string(),
    };
    Redirect::to(&back).into_response()
}

/// Percent-encodes everything but unreserved characters and `/`.
fn url_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sign_in_application_and_static_paths_are_public() {
        for public in [
            "/sign-in",
            "/apply/abc",
            "/assets/hiring-kit.css",
            "/pkg/hiring-kit.js",
            "/api/session",
            "/api/health",
        ] {
            assert!(is_public(public), "{public}");
        }
        for private in [
            "/",
            "/jd",
            "/kits/partner-manager/mid",
            "/api/kits",
            "/api/fn/save-jd",
            "/requisitions/x",
            "/sign-in/x",
            "/applications",
        ] {
            assert!(!is_public(private), "{private}");
        }
    }

    #[test]
    fn the_way_back_is_escaped() {
        assert_eq!(url_escape("/jd?a=b&c"), "/jd%3Fa%3Db%26c");
    }
}

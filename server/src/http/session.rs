//! Signing in and out: `POST /api/session` (JSON) and the sign-in page's
//! form (`POST /sign-in`), `DELETE /api/session` and `POST /sign-out`.

use super::body::json_body;
use super::AppState;
use crate::auth::sign_in;
use crate::error::{ApiError, ApiResult};
use app::domain::accounts::{landing, safe_next, CurrentUser};
use app::domain::jd::FieldError;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Extension, Form, Json, Router};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/session", post(create).get(show).delete(destroy))
        .route("/sign-in", post(form_sign_in))
        .route("/sign-out", post(form_sign_out))
}

#[derive(Deserialize)]
struct Credentials {
    email: Option<String>,
    password: Option<String>,
}

#[derive(Serialize)]
struct SessionBody {
    user: CurrentUser,
}

fn required(value: Option<String>, field: &str, errors: &mut Vec<FieldError>) -> String {
    match value {
        Some(v) if !v.trim().is_empty() => v,
        _ => {
            errors.push(FieldError {
                field: field.into(),
                message: format!("the {field} is required"),
            });
            String::new()
        }
    }
}

async fn create(
    State(state): State<AppState>,
    session: Session,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<SessionBody>> {
    let credentials: Credentials = json_body(&headers, &body)?;
    let mut errors = Vec::new();
    let email = required(credentials.email, "email", &mut errors);
    let password = required(credentials.password, "password", &mut errors);
    if !errors.is_empty() {
        return Err(ApiError::Invalid(errors));
    }
    let user = sign_in(&state.db, &session, &email, &password).await?;
    Ok(Json(SessionBody { user }))
}

async fn show(user: Option<Extension<CurrentUser>>) -> ApiResult<Json<SessionBody>> {
    match user {
        Some(Extension(user)) => Ok(Json(SessionBody { user })),
        None => Err(ApiError::Unauthorized("nobody is signed in".into())),
    }
}

async fn destroy(session: Session) -> ApiResult<StatusCode> {
    session
        .flush()
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
    /// The browser's time zone, sent by the page's script.
    #[serde(default)]
    time_zone: String,
}

async fn form_sign_in(
    State(state): State<AppState>,
    session: Session,
    Form(form): Form<SignInForm>,
) -> Response {
    let next = safe_next(&form.next).to_string();
    match sign_in(&state.db, &session, &form.email, &form.password).await {
        Ok(user) => {
            // Someone who never chose a time zone gets their browser's.
            if user.time_zone.is_empty() {
                if let Ok(zone) = app::domain::zone::parse_zone(&form.time_zone) {
                    if !zone.is_empty() {
                        if let Err(e) =
                            app::db::users::set_time_zone(&state.db, &user.id, &zone).await
                        {
                            tracing::warn!(error = %e, "could not keep the browser's time zone");
                        }
                    }
                }
            }
            Redirect::to(landing(user.role, &next)).into_response()
        }
        Err(e) => {
            let problem = match &e {
                crate::auth::SignInError::BadCredentials => "credentials".to_string(),
                crate::auth::SignInError::TooManyAttempts(s) => format!("wait-{s}"),
                _ => {
                    tracing::error!(error = %e, "sign-in failed");
                    "server".to_string()
                }
            };
            let query = query_string(&[
                ("error", problem.as_str()),
                ("email", form.email.trim()),
                ("next", next.as_str()),
            ]);
            Redirect::to(&format!("/sign-in?{query}")).into_response()
        }
    }
}

async fn form_sign_out(session: Session) -> Response {
    if let Err(e) = session.flush().await {
        tracing::error!(error = %e, "sign-out could not delete the session");
    }
    Redirect::to("/sign-in?signed_out=1").into_response()
}

fn query_string(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

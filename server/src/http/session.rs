//! Signing in and out: `POST /api/session` (JSON) and the sign-in page's
//! form (`POST /sign-in`), `DELETE /api/session` and `POST /sign-out`.

use super::body::json_body;
use super::openapi::{Invalid, NotJson};
use super::AppState;
use crate::auth::sign_in;
use crate::error::{ApiError, ApiResult};
use crate::error::{ErrorBody, TooManyAttemptsBody};
use app::domain::accounts::{landing, safe_next, CurrentUser};
use app::domain::jd::FieldError;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Extension, Form, Json};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create, show, destroy))
        .route("/sign-in", post(form_sign_in))
        .route("/sign-out", post(form_sign_out))
}

/// Both are required; a missing one is reported by name (422).
#[derive(Deserialize, ToSchema)]
struct Credentials {
    #[schema(required = true, format = "email", value_type = String)]
    email: Option<String>,
    #[schema(required = true, format = "password", value_type = String)]
    password: Option<String>,
}

/// Who is signed in.
#[derive(Serialize, ToSchema)]
#[schema(as = Session)]
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

/// Sign in
///
/// Checks the email and password and starts a session: the answer sets the
/// `hk_session` cookie (with a new session id). A wrong email and a wrong
/// password get the same answer. After 5 failures for one email within an hour,
/// each further attempt must wait, twice as long after each failure (up to 15
/// minutes).
#[utoipa::path(
    post,
    path = "/api/session",
    tag = "session",
    operation_id = "signIn",
    request_body = Credentials,
    responses(
        (status = 200, description = "Signed in.", body = SessionBody, headers(("Set-Cookie" = String, description = "`hk_session=...; HttpOnly; SameSite=Lax; Path=/`"))),
        (status = 401, description = "The email or password is not right.", body = ErrorBody),
        (status = 403, description = "the request came from another site (an `Origin` that is not this host, or `Sec-Fetch-Site: cross-site`); every POST and DELETE is refused so a page on another site cannot sign a visitor in.", body = ErrorBody),
        (status = 415, response = NotJson),
        (status = 422, response = Invalid),
        (status = 429, description = "Too many failed sign-ins for this email; try again after the given wait.", body = TooManyAttemptsBody, headers(("Retry-After" = i64, description = "Seconds to wait."))),
    ),
    security(()),
)]
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

/// Who is signed in
#[utoipa::path(
    get,
    path = "/api/session",
    tag = "session",
    operation_id = "getSession",
    responses(
        (status = 200, description = "The account of this session.", body = SessionBody),
        (status = 401, description = "Nobody is signed in.", body = ErrorBody),
    ),
    security(()),
)]
async fn show(user: Option<Extension<CurrentUser>>) -> ApiResult<Json<SessionBody>> {
    match user {
        Some(Extension(user)) => Ok(Json(SessionBody { user })),
        None => Err(ApiError::Unauthorized("nobody is signed in".into())),
    }
}

/// Sign out
///
/// Ends the session (if any) and deletes it on the server.
#[utoipa::path(
    delete,
    path = "/api/session",
    tag = "session",
    operation_id = "signOut",
    responses(
        (status = 204, description = "Signed out; there is no body."),
        (status = 403, description = "the request came from another site (an `Origin` that is not this host, or `Sec-Fetch-Site: cross-site`); every POST and DELETE is refused so a page on another site cannot sign a visitor out.", body = ErrorBody),
    ),
    security(()),
)]
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

//! The HTTP layer's error: each variant maps once to a status and a JSON
//! body. Internal details are logged, never sent.

use app::db::DbError;
use app::domain::jd::FieldError;
use app::domain::{Level, SubRole, UnknownId};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

// The bodies below are what every error answer is made of, so the OpenAPI
// document (generated from them) describes exactly what is sent.

/// The body of every error answer.
#[derive(Serialize, ToSchema)]
#[schema(as = Error)]
pub struct ErrorBody {
    /// What went wrong, in plain English, written to be shown to a person.
    pub error: String,
}

impl ErrorBody {
    fn new(error: impl Into<String>) -> Json<ErrorBody> {
        Json(ErrorBody {
            error: error.into(),
        })
    }
}

/// 422: the input was refused; nothing was stored.
#[derive(Serialize, ToSchema)]
#[schema(as = ValidationError)]
pub struct ValidationErrorBody {
    /// Always `invalid input`.
    pub error: String,
    /// Every bad field at once, so a client can fix them all in one pass.
    pub fields: Vec<FieldError>,
}

/// 404 for a kit: the sub-role or level in the path is not one of ours.
#[derive(Serialize, ToSchema)]
#[schema(as = UnknownKitError)]
pub struct UnknownKitBody {
    /// Names the id that is not valid and lists the valid ones.
    pub error: String,
    #[schema(value_type = Vec<SubRole>)]
    pub valid_sub_roles: Vec<&'static str>,
    #[schema(value_type = Vec<Level>)]
    pub valid_levels: Vec<&'static str>,
}

/// 429: too many requests. For sign-in: too many failed sign-ins for this
/// email recently; the wait doubles with each further failure, up to 15
/// minutes.
#[derive(Serialize, ToSchema)]
#[schema(as = TooManyAttempts)]
pub struct TooManyAttemptsBody {
    pub error: String,
    /// Seconds to wait before trying again; the same value as the
    /// `Retry-After` header.
    #[schema(minimum = 1)]
    pub retry_after_seconds: u64,
}

/// 409 for a stale write: the message and the object as stored now.
#[derive(Serialize)]
struct StaleBody {
    error: String,
    current: serde_json::Value,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A sub-role or level id in the path is not one of ours.
    #[error(transparent)]
    UnknownKit(#[from] UnknownId),
    /// Input that fails validation: every bad field with its reason.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// Nobody is signed in (or the credentials were wrong).
    #[error("{0}")]
    Unauthorized(String),
    /// Signed in, but not allowed; the message says why.
    #[error("{0}")]
    Forbidden(String),
    /// No such object, or not one this person may know about.
    #[error("{0}")]
    NotFound(String),
    /// The request clashes with what is stored; the message says how.
    #[error("{0}")]
    Conflict(String),
    /// A write based on a version that is no longer stored: the message
    /// says so and `current` is the object as stored now (409).
    #[error("{message}")]
    Stale {
        message: String,
        current: serde_json::Value,
    },
    /// The body is not of a type this route reads; the message says which.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// Too many failed sign-ins; try again after this many seconds.
    #[error("too many failed sign-ins: try again in {0} seconds")]
    TooManyAttempts(i64),
    /// A failure whose details belong in the log only.
    #[error("internal error: {0}")]
    Internal(String),
    /// No API route at this path.
    #[error("no API route at this path")]
    NoRoute,
    #[error(transparent)]
    Db(#[from] DbError),
    /// Over a per-address rate limit (see `http/throttle.rs`); the message
    /// says what and how long to wait.
    #[error("{message}")]
    RateLimited { message: String, retry_after: u64 },
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::UnknownKit(e) => (
                StatusCode::NOT_FOUND,
                Json(UnknownKitBody {
                    error: e.to_string(),
                    valid_sub_roles: SubRole::ALL.map(SubRole::id).to_vec(),
                    valid_levels: Level::ALL.map(Level::id).to_vec(),
                }),
            )
                .into_response(),
            ApiError::Invalid(fields) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                Json(ValidationErrorBody {
                    error: "invalid input".into(),
                    fields,
                }),
            )
                .into_response(),
            ApiError::NoRoute => (
                StatusCode::NOT_FOUND,
                ErrorBody::new("no API route at this path; see /api/kits and /api/health"),
            )
                .into_response(),
            ApiError::Unauthorized(message) => {
                (StatusCode::UNAUTHORIZED, ErrorBody::new(message)).into_response()
            }
            ApiError::Forbidden(message) => {
                (StatusCode::FORBIDDEN, ErrorBody::new(message)).into_response()
            }
            ApiError::NotFound(message) => {
                (StatusCode::NOT_FOUND, ErrorBody::new(message)).into_response()
            }
            ApiError::Conflict(message) => {
                (StatusCode::CONFLICT, ErrorBody::new(message)).into_response()
            }
            ApiError::Stale { message, current } => (
                StatusCode::CONFLICT,
                Json(StaleBody {
                    error: message,
                    current,
                }),
            )
                .into_response(),
            ApiError::UnsupportedMediaType(message) => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, ErrorBody::new(message)).into_response()
            }
            ApiError::TooManyAttempts(seconds) => too_many(
                format!("too many failed sign-ins for this email: try again in {seconds} seconds"),
                seconds.max(1).unsigned_abs(),
            ),
            ApiError::Internal(detail) => {
                tracing::error!(error = %detail, "internal error");
                internal()
            }
            ApiError::Db(e) => {
                tracing::error!(error = %e, "database error");
                internal()
            }
            ApiError::RateLimited {
                message,
                retry_after,
            } => too_many(message, retry_after),
        }
    }
}

fn too_many(error: String, retry_after_seconds: u64) -> Response {
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(
            axum::http::header::RETRY_AFTER,
            retry_after_seconds.to_string(),
        )],
        Json(TooManyAttemptsBody {
            error,
            retry_after_seconds,
        }),
    )
        .into_response()
}

fn internal() -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        ErrorBody::new("internal error; the details are in the server log"),
    )
        .into_response()
}

pub type ApiResult<T> = Result<T, ApiError>;

impl From<crate::auth::SignInError> for ApiError {
    fn from(e: crate::auth::SignInError) -> Self {
        use crate::auth::SignInError;
        match e {
            SignInError::BadCredentials => ApiError::Unauthorized(e.to_string()),
            SignInError::TooManyAttempts(seconds) => ApiError::TooManyAttempts(seconds),
            SignInError::Db(e) => ApiError::Db(e),
            SignInError::Session(e) => ApiError::Internal(e.to_string()),
        }
    }
}

/// A rule's refusal as the JSON routes answer it. An import's lines are
/// answered by the import route itself (422 with every line); here they
/// become field errors named by line, should another route meet one.
impl From<app::service::refusal::Refusal> for ApiError {
    fn from(refused: app::service::refusal::Refusal) -> Self {
        use app::service::refusal::Refusal;
        match refused {
            Refusal::Fields(errors) => ApiError::Invalid(errors),
            Refusal::Rows(rows) => ApiError::Invalid(
                rows.into_iter()
                    .map(|row| FieldError {
                        field: format!("line {}: {}", row.line, row.field),
                        message: row.message,
                    })
                    .collect(),
            ),
            Refusal::Duplicate { message, .. } => ApiError::Conflict(message),
            Refusal::StaleCard { message, current } => stale(message, current),
            Refusal::StalePlan { message, current } => stale(message, current),
            Refusal::App(e) => e.into(),
        }
    }
}

/// A stale write's answer: the message and the object as stored now.
fn stale(message: String, current: impl serde::Serialize) -> ApiError {
    match serde_json::to_value(current) {
        Ok(current) => ApiError::Stale { message, current },
        Err(e) => ApiError::Internal(format!("the stored object could not be encoded: {e}")),
    }
}

impl From<app::error::AppError> for ApiError {
    fn from(e: app::error::AppError) -> Self {
        use app::error::AppError;
        match e {
            AppError::NotFound(m) => ApiError::NotFound(m),
            AppError::Invalid(m) => ApiError::Invalid(vec![app::domain::jd::FieldError {
                field: "body".into(),
                message: m,
            }]),
            AppError::Malformed(m) => ApiError::Invalid(vec![app::domain::jd::FieldError {
                field: "body".into(),
                message: m,
            }]),
            AppError::Unauthorized => ApiError::Unauthorized(e.to_string()),
            AppError::Forbidden(m) => ApiError::Forbidden(m),
            AppError::Conflict(m) => ApiError::Conflict(m),
            AppError::Internal | AppError::Transport(_) => ApiError::Internal(e.to_string()),
        }
    }
}

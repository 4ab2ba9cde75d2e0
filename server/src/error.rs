//! The HTTP layer's error: each variant maps once to a status and a JSON
//! body. Internal details are logged, never sent.

use app::db::DbError;
use app::domain::jd::FieldError;
use app::domain::{Level, SubRole, UnknownId};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A sub-role or level id in the path is not one of ours.
    #[error(transparent)]
    UnknownKit(#[from] UnknownId),
    /// Input that fails validation: every bad field with its reason.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// No API route at this path.
    #[error("no API route at this path")]
    NoRoute,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::UnknownKit(e) => (
                StatusCode::NOT_FOUND,
                Json(json!({
                    "error": e.to_string(),
                    "valid_sub_roles": SubRole::ALL.map(SubRole::id),
                    "valid_levels": Level::ALL.map(Level::id),
                })),
            )
                .into_response(),
            ApiError::Invalid(fields) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                Json(json!({ "error": "invalid input", "fields": fields })),
            )
                .into_response(),
            ApiError::NoRoute => (
                StatusCode::NOT_FOUND,
                Json(
                    json!({ "error": "no API route at this path; see /api/kits and /api/health" }),
                ),
            )
                .into_response(),
            ApiError::Db(e) => {
                tracing::error!(error = %e, "database error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Json(json!({ "error": "internal error; the details are in the server log" })),
                )
                    .into_response()
            }
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

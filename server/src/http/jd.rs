//! `POST /api/jd` (outcome in, JD and findings out) and `POST /api/jd/lint`.

use super::body::json_body;
use super::openapi::{Invalid, NotJson, Unauthorized};
use super::requisitions::require_runner;
use super::AppState;
use crate::error::ErrorBody;
use crate::error::{ApiError, ApiResult};
use app::api::jd::{generate_jd, lint_text, GeneratedJd};
use app::domain::accounts::CurrentUser;
use app::domain::jd::{Finding, OutcomeInput};
use app::domain::{Level, SubRole};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create))
        .routes(routes!(lint))
}

/// Write a JD from an operating outcome
///
/// Validates the outcome, writes the job description from it and the rubric
/// library, and lints it. Nothing is stored (see `POST /api/requisitions` to
/// keep it).
#[utoipa::path(
    post,
    path = "/api/jd",
    tag = "jd",
    operation_id = "generateJd",
    request_body = OutcomeInput,
    responses(
        (status = 200, description = "The JD and what the linter found in it.", body = GeneratedJd),
        (status = 401, response = Unauthorized),
        (status = 403, description = "the request came from another site (an `Origin` that is not this host, or `Sec-Fetch-Site: cross-site`); every POST and DELETE is refused so.", body = ErrorBody),
        (status = 415, response = NotJson),
        (status = 422, response = Invalid),
    ),
)]
async fn create(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<GeneratedJd>> {
    require_runner(&user)?;
    let input: OutcomeInput = json_body(&headers, &body)?;
    let (_, jd) = generate_jd(&state.library, &input).map_err(ApiError::Invalid)?;
    Ok(Json(jd))
}

#[derive(Deserialize, ToSchema)]
struct LintRequest {
    /// Required: the JD to check, at most 100 KB (102,400 bytes of UTF-8).
    #[schema(required = true, value_type = String)]
    text: Option<String>,
    /// Optional hint; with `level`, enables the sub-role and level rules.
    #[schema(value_type = Option<SubRole>)]
    sub_role: Option<String>,
    /// Optional hint.
    #[schema(value_type = Option<Level>)]
    level: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct LintResponse {
    findings: Vec<Finding>,
}

/// Check any JD for known hiring failures
#[utoipa::path(
    post,
    path = "/api/jd/lint",
    tag = "jd",
    operation_id = "lintJd",
    request_body = LintRequest,
    responses(
        (status = 200, description = "The findings (an empty list when none).", body = LintResponse),
        (status = 401, response = Unauthorized),
        (status = 403, description = "the request came from another site (an `Origin` that is not this host, or `Sec-Fetch-Site: cross-site`); every POST and DELETE is refused so.", body = ErrorBody),
        (status = 415, response = NotJson),
        (status = 422, response = Invalid),
    ),
)]
async fn lint(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<LintResponse>> {
    require_runner(&user)?;
    let req: LintRequest = json_body(&headers, &body)?;
    let findings = lint_text(
        &state.library,
        req.text.as_deref().unwrap_or(""),
        req.sub_role.as_deref(),
        req.level.as_deref(),
    )
    .map_err(ApiError::Invalid)?;
    Ok(Json(LintResponse { findings }))
}

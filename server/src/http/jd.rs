//! `POST /api/jd` (outcome in, JD and findings out) and `POST /api/jd/lint`.

use super::body::json_body;
use super::requisitions::require_runner;
use super::AppState;
use crate::error::{ApiError, ApiResult};
use app::api::jd::{generate_jd, lint_text, GeneratedJd};
use app::domain::accounts::CurrentUser;
use app::domain::jd::{Finding, OutcomeInput};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::post;
use axum::{Extension, Json, Router};
use serde::{Deserialize, Serialize};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/jd", post(create))
        .route("/api/jd/lint", post(lint))
}

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

#[derive(Deserialize)]
struct LintRequest {
    text: Option<String>,
    sub_role: Option<String>,
    level: Option<String>,
}

#[derive(Serialize)]
struct LintResponse {
    findings: Vec<Finding>,
}

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

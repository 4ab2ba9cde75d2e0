//! `POST /api/jd` (outcome in, JD and findings out) and `POST /api/jd/lint`.

use super::AppState;
use crate::error::{ApiError, ApiResult};
use app::api::jd::{generate_jd, lint_text, GeneratedJd};
use app::domain::jd::{FieldError, Finding, OutcomeInput};
use axum::body::Bytes;
use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/jd", post(create))
        .route("/api/jd/lint", post(lint))
}

/// Parses the body ourselves so a malformed one is a JSON 422 that says
/// where, like every other bad input.
fn parse_body<T: serde::de::DeserializeOwned>(body: &Bytes) -> ApiResult<T> {
    serde_json::from_slice(body).map_err(|e| {
        ApiError::Invalid(vec![FieldError {
            field: "body".into(),
            message: format!("not the expected JSON: {e}"),
        }])
    })
}

async fn create(State(state): State<AppState>, body: Bytes) -> ApiResult<Json<GeneratedJd>> {
    let input: OutcomeInput = parse_body(&body)?;
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

async fn lint(State(state): State<AppState>, body: Bytes) -> ApiResult<Json<LintResponse>> {
    let req: LintRequest = parse_body(&body)?;
    let findings = lint_text(
        &state.library,
        req.text.as_deref().unwrap_or(""),
        req.sub_role.as_deref(),
        req.level.as_deref(),
    )
    .map_err(ApiError::Invalid)?;
    Ok(Json(LintResponse { findings }))
}

//! Scorecards over HTTP. `GET`/`PUT /api/scorecards/{id}` (the id is the
//! interview's), `POST /api/scorecards/{id}/submit`,
//! `GET /api/scorecards/{id}/history` and
//! `GET /api/candidates/{id}/scorecards`. The rules (who reads what, the
//! independent-scoring rule, versions) live in `app::api::scorecards`, so
//! pages and this API apply the same ones.

use super::body::json_body;
use super::AppState;
use crate::error::{ApiError, ApiResult};
use app::api::scorecards::{self, CandidateScorecards, HistoryView, ScorecardView};
use app::domain::accounts::CurrentUser;
use app::domain::jd::FieldError;
use app::domain::scorecard::ScorecardInput;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use serde::Deserialize;
use serde_json::json;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/scorecards/{id}", get(show).put(save))
        .route("/api/scorecards/{id}/submit", post(submit))
        .route("/api/scorecards/{id}/history", get(history))
        .route("/api/candidates/{id}/scorecards", get(for_candidate))
}

fn signed_in(user: Option<Extension<CurrentUser>>) -> ApiResult<CurrentUser> {
    user.map(|Extension(u)| u)
        .ok_or_else(|| ApiError::Unauthorized("sign in first: POST /api/session".into()))
}

fn missing_version() -> FieldError {
    FieldError {
        field: "version".into(),
        message: "give the version of the scorecard you read (GET /api/scorecards/{id} returns it), so a change made elsewhere in the meantime is not overwritten".into(),
    }
}

async fn show(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<String>,
) -> ApiResult<Json<ScorecardView>> {
    let user = signed_in(user)?;
    Ok(Json(scorecards::read(&state.db, &user, &id).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SaveBody {
    version: Option<i64>,
    body: Option<ScorecardInput>,
    /// Required once the card is submitted: the change is an amendment.
    reason: Option<String>,
}

async fn save(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<serde_json::Value>> {
    let user = signed_in(user)?;
    let request: SaveBody = json_body(&headers, &body)?;
    let (version, input) = match (request.version, request.body) {
        (Some(version), Some(input)) => (version, input),
        (version, input) => {
            let mut fields = Vec::new();
            if version.is_none() {
                fields.push(missing_version());
            }
            if input.is_none() {
                fields.push(FieldError {
                    field: "body".into(),
                    message: "give the scorecard's content: items, private_notes, recommendation and takeaways (what GET returns as `body`)".into(),
                });
            }
            return Err(ApiError::Invalid(fields));
        }
    };
    // A refusal is 422 with the fields, or 409 with the card as stored.
    let version = scorecards::save(
        &state.db,
        &user,
        &id,
        version,
        &input,
        request.reason.as_deref(),
    )
    .await?;
    Ok(Json(json!({ "version": version })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubmitBody {
    version: Option<i64>,
}

async fn submit(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<serde_json::Value>> {
    let user = signed_in(user)?;
    let request: SubmitBody = json_body(&headers, &body)?;
    let version = request
        .version
        .ok_or_else(|| ApiError::Invalid(vec![missing_version()]))?;
    let version = scorecards::submit(&state.db, &user, &id, version).await?;
    Ok(Json(json!({ "version": version, "state": "submitted" })))
}

async fn history(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<String>,
) -> ApiResult<Json<HistoryView>> {
    let user = signed_in(user)?;
    Ok(Json(scorecards::history(&state.db, &user, &id).await?))
}

async fn for_candidate(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<String>,
) -> ApiResult<Json<CandidateScorecards>> {
    let user = signed_in(user)?;
    Ok(Json(
        scorecards::for_candidate(&state.db, &user, &id).await?,
    ))
}

//! Scorecards over HTTP. `GET`/`PUT /api/scorecards/{id}` (the id is the
//! interview's), `POST /api/scorecards/{id}/submit`,
//! `GET /api/scorecards/{id}/history` and
//! `GET /api/candidates/{id}/scorecards`. The rules (who reads what, the
//! independent-scoring rule, versions) live in `app::service::scorecards`, so
//! pages and this API apply the same ones.

use super::body::json_body;
use super::openapi::{NotJson, Unauthorized};
use super::AppState;
use crate::error::{ApiError, ApiResult};
use crate::error::{ErrorBody, ValidationErrorBody};
use app::api::scorecards::{CandidateScorecards, HistoryView, ScorecardView};
use app::domain::accounts::CurrentUser;
use app::domain::jd::FieldError;
use app::domain::keys::{AssignmentId, CandidateId};
use app::domain::scorecard::ScorecardInput;
use app::domain::scorecard::ScorecardState;
use app::service::scorecards;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(show, save))
        .routes(routes!(submit))
        .routes(routes!(history))
        .routes(routes!(for_candidate))
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

/// One scorecard
///
/// For its interviewer: their card, created as an empty draft on first read,
/// with their private notes. For anyone else who reaches the candidate (the
/// panel, the people running the requisition): the card once it is submitted,
/// without private notes, and only if they have no unsubmitted card of their
/// own for this candidate (independent scoring).
#[utoipa::path(
    get,
    path = "/api/scorecards/{id}",
    tag = "scorecards",
    operation_id = "getScorecard",
    params(
        ("id" = String, Path, description = "The scorecard's id: the id of its interview (assignment), as `GET /api/requisitions/{id}/assignments` lists it."),
    ),
    responses(
        (status = 200, description = "The scorecard: the round's items from the requisition's frozen kit, and what was recorded.", body = ScorecardView),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not on this candidate's requisition or panel; or on the panel with your own scorecard for this candidate not yet submitted; or the card is not submitted yet.", body = ErrorBody),
        (status = 404, description = "There is no interview with this id.", body = ErrorBody),
    ),
)]
async fn show(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<AssignmentId>,
) -> ApiResult<Json<ScorecardView>> {
    let user = signed_in(user)?;
    Ok(Json(scorecards::read(&state.db, &user, &id).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = SaveScorecard)]
struct SaveBody {
    /// The version you read.
    #[schema(required = true, value_type = i64)]
    version: Option<i64>,
    #[schema(required = true, value_type = ScorecardInput)]
    body: Option<ScorecardInput>,
    /// Required once the card is submitted (the save is then an
    /// amendment): 3 to 1000 characters.
    reason: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct SavedScorecard {
    /// The card's version now: what the next write names.
    version: i64,
}

#[derive(Serialize, ToSchema)]
struct SubmittedScorecard {
    version: i64,
    /// `submitted`.
    state: ScorecardState,
}

/// 409: nothing was saved.
// The shape `ApiError::Stale` sends for a scorecard (error.rs), named here
// for the OpenAPI document.
#[derive(ToSchema)]
#[allow(dead_code)]
struct StaleScorecard {
    /// Why, in plain English.
    error: String,
    /// The scorecard as stored now.
    current: ScorecardView,
}

/// Save a scorecard (draft, or amendment once submitted)
///
/// Replaces the card's content with `body`, if the card is still at `version`.
/// A draft save is not kept in the history; once the card is submitted, a save
/// is an amendment: it needs a `reason` and is kept in the history.
#[utoipa::path(
    put,
    path = "/api/scorecards/{id}",
    tag = "scorecards",
    operation_id = "saveScorecard",
    params(
        ("id" = String, Path, description = "The scorecard's id: the id of its interview (assignment), as `GET /api/requisitions/{id}/assignments` lists it."),
    ),
    request_body = SaveBody,
    responses(
        (status = 200, description = "Saved; the card is now at `version`.", body = SavedScorecard),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not this scorecard's interviewer: only they write it. Or the request came from another site; every POST, PUT and DELETE is refused so.", body = ErrorBody),
        (status = 404, description = "There is no interview with this id.", body = ErrorBody),
        (status = 409, description = "Stale: the scorecard changed since the version you sent (another tab or device), or is no longer in the state this needs. Nothing was saved; `current` is the scorecard as stored.", body = StaleScorecard),
        (status = 415, response = NotJson),
        (status = 422, description = "Refused input, each problem with its field: an item that is not on this card (`items.<key>`), a rating that is not one of exceeds, meets, below, no-evidence (`items.<key>.rating`), an indicator index out of range, a note over 20,000 characters, an unknown recommendation, or a missing `reason` for an amendment. Nothing was stored.", body = ValidationErrorBody),
    ),
)]
async fn save(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<AssignmentId>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<SavedScorecard>> {
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
    Ok(Json(SavedScorecard { version }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = SubmitScorecard)]
struct SubmitBody {
    /// The version you read; that stored content is what is submitted.
    #[schema(required = true, value_type = i64)]
    version: Option<i64>,
}

/// Submit a scorecard
///
/// Submits the card as stored at `version`. Every item of the round must be
/// rated ("no-evidence" counts) and a recommendation chosen. Once submitted,
/// the panel may read it and it changes only by amendment.
#[utoipa::path(
    post,
    path = "/api/scorecards/{id}/submit",
    tag = "scorecards",
    operation_id = "submitScorecard",
    params(
        ("id" = String, Path, description = "The scorecard's id: the id of its interview (assignment), as `GET /api/requisitions/{id}/assignments` lists it."),
    ),
    request_body = SubmitBody,
    responses(
        (status = 200, description = "Submitted; kept as the first version of the history.", body = SubmittedScorecard),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not this scorecard's interviewer. Or the request came from another site; every POST, PUT and DELETE is refused so.", body = ErrorBody),
        (status = 404, description = "There is no interview with this id.", body = ErrorBody),
        (status = 409, description = "Stale: the scorecard changed since the version you sent (another tab or device), or is no longer in the state this needs. Nothing was saved; `current` is the scorecard as stored.", body = StaleScorecard),
        (status = 415, response = NotJson),
        (status = 422, description = "What is missing: each unrated item (`items.<key>.rating`) and the recommendation; or no `version`.", body = ValidationErrorBody),
    ),
)]
async fn submit(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<AssignmentId>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<SubmittedScorecard>> {
    let user = signed_in(user)?;
    let request: SubmitBody = json_body(&headers, &body)?;
    let version = request
        .version
        .ok_or_else(|| ApiError::Invalid(vec![missing_version()]))?;
    let version = scorecards::submit(&state.db, &user, &id, version).await?;
    Ok(Json(SubmittedScorecard {
        version,
        state: ScorecardState::Submitted,
    }))
}

/// A scorecard's submission and amendments
///
/// Every kept version, oldest first, with who saved it, when and why. Readable
/// by whoever may read the card; private notes for its interviewer only.
#[utoipa::path(
    get,
    path = "/api/scorecards/{id}/history",
    tag = "scorecards",
    operation_id = "getScorecardHistory",
    params(
        ("id" = String, Path, description = "The scorecard's id: the id of its interview (assignment), as `GET /api/requisitions/{id}/assignments` lists it."),
    ),
    responses(
        (status = 200, description = "The history.", body = HistoryView),
        (status = 401, response = Unauthorized),
        (status = 403, description = "As for `GET /api/scorecards/{id}`.", body = ErrorBody),
        (status = 404, description = "There is no interview with this id.", body = ErrorBody),
    ),
)]
async fn history(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<AssignmentId>,
) -> ApiResult<Json<HistoryView>> {
    let user = signed_in(user)?;
    Ok(Json(scorecards::history(&state.db, &user, &id).await?))
}

/// The panel's scorecards for a candidate
///
/// For the people running the requisition: every interview of the candidate,
/// with the content of submitted cards and only the state of the others. For a
/// panelist who has submitted every card of their own for this candidate: the
/// submitted cards. Private notes are never included.
#[utoipa::path(
    get,
    path = "/api/candidates/{id}/scorecards",
    tag = "scorecards",
    operation_id = "listCandidateScorecards",
    params(
        ("id" = String, Path, description = "The candidate's id (32 hexadecimal characters)."),
    ),
    responses(
        (status = 200, description = "The candidate's scorecards.", body = CandidateScorecards),
        (status = 401, response = Unauthorized),
        (status = 403, description = "On this candidate's panel with your own scorecard not yet submitted (panelists score independently), or not on this candidate's requisition or panel.", body = ErrorBody),
        (status = 404, description = "There is no candidate with this id.", body = ErrorBody),
    ),
)]
async fn for_candidate(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(id): Path<CandidateId>,
) -> ApiResult<Json<CandidateScorecards>> {
    let user = signed_in(user)?;
    Ok(Json(
        scorecards::for_candidate(&state.db, &user, &id).await?,
    ))
}

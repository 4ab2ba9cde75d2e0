//! `POST /api/requisitions` (from a saved draft or straight from an
//! outcome), `GET /api/requisitions` and `GET /api/requisitions/{id}`.

use super::body::json_body;
use super::openapi::{Invalid, NotJson, NotRunner, Unauthorized};
use super::AppState;
use crate::error::ErrorBody;
use crate::error::{ApiError, ApiResult};
use app::access;
use app::api::jd::generate_jd;
use app::api::requisitions::RequisitionView;
use app::domain::accounts::CurrentUser;
use app::domain::jd::OutcomeInput;
use app::domain::keys::RequisitionId;
use app::domain::requisition::RequisitionSummary;
use app::service::requisitions::{open, requisition_view, store_draft};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::{Extension, Json};
use serde::Deserialize;
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(show))
}

/// Requisitions and JDs are for admins, recruiters and hiring managers.
pub(crate) fn require_runner(user: &CurrentUser) -> ApiResult<()> {
    if user.runs_requisitions() {
        Ok(())
    } else {
        Err(ApiError::Forbidden(format!(
            "this is for admins, recruiters and hiring managers; {} is an {}",
            user.email, user.role
        )))
    }
}

async fn view_of(
    state: &AppState,
    headers: &HeaderMap,
    requisition: app::domain::requisition::Requisition,
) -> ApiResult<RequisitionView> {
    let mut view = requisition_view(&state.db, requisition).await?;
    let origin = app::site::origin(
        headers,
        state.secure_cookies,
        &state.leptos_options.site_addr.to_string(),
    );
    view.apply_url = format!("{origin}/apply/{}", view.requisition.id);
    Ok(view)
}

/// The requisitions this account runs
///
/// Admins see all; recruiters and hiring managers the ones they are on.
#[utoipa::path(
    get,
    path = "/api/requisitions",
    tag = "requisitions",
    operation_id = "listRequisitions",
    responses(
        (status = 200, description = "The requisitions, newest first.", body = [RequisitionSummary]),
        (status = 401, response = Unauthorized),
        (status = 403, response = NotRunner),
    ),
)]
async fn list(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
) -> ApiResult<Json<Vec<RequisitionSummary>>> {
    require_runner(&user)?;
    Ok(Json(
        app::db::requisitions::list_for(&state.db, &user).await?,
    ))
}

/// One requisition
#[utoipa::path(
    get,
    path = "/api/requisitions/{id}",
    tag = "requisitions",
    operation_id = "getRequisition",
    params(
        ("id" = String, Path, description = "The requisition's id (32 hexadecimal characters)."),
    ),
    responses(
        (status = 200, description = "The requisition with its plan, members and application link.", body = RequisitionView),
        (status = 401, response = Unauthorized),
        (status = 403, description = "This account is not on this requisition.", body = ErrorBody),
        (status = 404, description = "There is no requisition with this id.", body = ErrorBody),
    ),
)]
async fn show(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    headers: HeaderMap,
    Path(id): Path<RequisitionId>,
) -> ApiResult<Json<RequisitionView>> {
    let requisition = access::requisition(&state.db, &user, &id).await?;
    Ok(Json(view_of(&state, &headers, requisition).await?))
}

/// Either `{"draft_id": ...}` to open a JD saved as a draft from the
/// studio, or the outcome fields of `POST /api/jd` to write the JD, save it
/// and open it in one step. When `draft_id` is present the outcome fields
/// are ignored.
#[derive(Deserialize, ToSchema)]
#[schema(as = CreateRequisition)]
struct CreateRequest {
    /// A draft requisition's id.
    draft_id: Option<String>,
    #[serde(flatten)]
    outcome: OutcomeInput,
}

/// Open a requisition
///
/// Opens a saved draft, or writes, saves and opens a JD from an outcome.
/// Opening freezes the kit at the draft's rubric version and lays out the
/// interview plan from it. Opening an already open requisition changes nothing
/// and answers 201 with it.
#[utoipa::path(
    post,
    path = "/api/requisitions",
    tag = "requisitions",
    operation_id = "createRequisition",
    request_body = CreateRequest,
    responses(
        (status = 201, description = "The open requisition.", body = RequisitionView),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Signed in as an interviewer, or the draft belongs to a requisition this account is not on; or the request came from another site (an `Origin` that is not this host, or `Sec-Fetch-Site: cross-site`); every POST and DELETE is refused so.", body = ErrorBody),
        (status = 404, description = "There is no draft with this `draft_id`.", body = ErrorBody),
        (status = 415, response = NotJson),
        (status = 422, response = Invalid),
    ),
)]
async fn create(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<RequisitionView>)> {
    require_runner(&user)?;
    let request: CreateRequest = json_body(&headers, &body)?;
    let id = match request.draft_id {
        Some(id) => RequisitionId::from(id),
        None => {
            let (outcome, jd) =
                generate_jd(&state.library, &request.outcome).map_err(ApiError::Invalid)?;
            store_draft(&state.db, &state.library, &user, &outcome, &jd.markdown).await?
        }
    };
    let requisition = access::requisition(&state.db, &user, &id).await?;
    open(&state.db, &requisition).await?;
    let requisition = access::requisition(&state.db, &user, &id).await?;
    Ok((
        StatusCode::CREATED,
        Json(view_of(&state, &headers, requisition).await?),
    ))
}

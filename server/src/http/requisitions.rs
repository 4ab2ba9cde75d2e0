//! `POST /api/requisitions` (from a saved draft or straight from an
//! outcome), `GET /api/requisitions` and `GET /api/requisitions/{id}`.

use super::body::json_body;
use super::AppState;
use crate::error::{ApiError, ApiResult};
use app::access;
use app::api::jd::generate_jd;
use app::api::requisitions::{open, requisition_view, store_draft, RequisitionView};
use app::domain::accounts::CurrentUser;
use app::domain::jd::OutcomeInput;
use app::domain::requisition::RequisitionSummary;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::get;
use axum::{Extension, Json, Router};
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/requisitions", get(list).post(create))
        .route("/api/requisitions/{id}", get(show))
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

async fn list(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
) -> ApiResult<Json<Vec<RequisitionSummary>>> {
    require_runner(&user)?;
    Ok(Json(
        app::db::requisitions::list_for(&state.db, &user).await?,
    ))
}

async fn show(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> ApiResult<Json<RequisitionView>> {
    let requisition = access::requisition(&state.db, &user, &id).await?;
    Ok(Json(view_of(&state, &headers, requisition).await?))
}

/// Either `{"draft_id": "..."}` (open a JD saved from the studio) or the
/// outcome fields of `POST /api/jd` (write the JD, save and open it).
#[derive(Deserialize)]
struct CreateRequest {
    draft_id: Option<String>,
    #[serde(flatten)]
    outcome: OutcomeInput,
}

async fn create(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<RequisitionView>)> {
    require_runner(&user)?;
    let request: CreateRequest = json_body(&headers, &body)?;
    let id = match request.draft_id {
        Some(id) => id,
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

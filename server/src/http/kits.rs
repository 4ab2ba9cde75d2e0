//! `GET /api/kits` and `GET /api/kits/{sub_role}/{level}`: the kit library
//! as JSON, from the same domain code the pages use.

use super::openapi::Unauthorized;
use super::AppState;
use crate::error::ApiResult;
use crate::error::UnknownKitBody;
use app::domain::{Kit, KitSummary, Level, SubRole};
use axum::extract::{Path, State};
use axum::Json;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(one))
}

/// The kit index
///
/// Every sub-role at every level, in library order.
#[utoipa::path(
    get,
    path = "/api/kits",
    tag = "kits",
    operation_id = "listKits",
    responses(
        (status = 200, description = "The kits.", body = [KitSummary]),
        (status = 401, response = Unauthorized),
    ),
)]
async fn list(State(state): State<AppState>) -> Json<Vec<KitSummary>> {
    Json(state.library.kit_summaries())
}

/// One interview kit
///
/// The kit in the rubric library as loaded now (a requisition's own kit is
/// frozen at its `rubric_version`).
#[utoipa::path(
    get,
    path = "/api/kits/{sub_role}/{level}",
    tag = "kits",
    operation_id = "getKit",
    params(
        ("sub_role" = SubRole, Path, description = "The sub-role."),
        ("level" = Level, Path, description = "The level."),
    ),
    responses(
        (status = 200, description = "The kit.", body = Kit),
        (status = 401, response = Unauthorized),
        (status = 404, description = "The sub-role or level is not one of ours; the body lists the valid ids.", body = UnknownKitBody),
    ),
)]
async fn one(
    State(state): State<AppState>,
    Path((sub_role, level)): Path<(String, String)>,
) -> ApiResult<Json<Kit>> {
    let sub_role: SubRole = sub_role.parse()?;
    let level: Level = level.parse()?;
    // The loader guarantees every sub-role is in the library.
    let kit = state
        .library
        .kit(sub_role, level)
        .ok_or(crate::error::ApiError::NoRoute)?;
    Ok(Json(kit))
}

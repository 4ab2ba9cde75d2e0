//! `GET /api/kits` and `GET /api/kits/{sub_role}/{level}`: the kit library
//! as JSON, from the same domain code the pages use.

use super::AppState;
use crate::error::ApiResult;
use app::domain::{Kit, KitSummary, Level, SubRole};
use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/kits", get(list))
        .route("/api/kits/{sub_role}/{level}", get(one))
}

async fn list(State(state): State<AppState>) -> Json<Vec<KitSummary>> {
    Json(state.library.kit_summaries())
}

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

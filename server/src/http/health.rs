//! `GET /api/health`: is the server up, which database, which rubrics.

use super::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(health))
}

#[derive(Serialize, ToSchema)]
#[schema(as = Health)]
pub struct HealthBody {
    /// `ok`, or `database unreachable`.
    status: &'static str,
    /// The database this instance uses: `sqlite` or `postgres`.
    database: &'static str,
    /// The version (a content hash) of the rubric library the server loaded.
    rubric_version: String,
}

// 200 when the database answers, 503 otherwise, so a load balancer can
// take an instance out of rotation.
/// Is the server up
///
/// For load balancers and monitoring: 200 when the database answers, 503
/// otherwise.
#[utoipa::path(
    get,
    path = "/api/health",
    tag = "service",
    operation_id = "health",
    responses(
        (status = 200, description = "The server and its database are up.", body = HealthBody),
        (status = 503, description = "The database does not answer (`status` says so).", body = HealthBody),
    ),
    security(()),
)]
async fn health(State(state): State<AppState>) -> (StatusCode, Json<HealthBody>) {
    let database_ok = match state.db.ping().await {
        Ok(()) => true,
        Err(e) => {
            tracing::warn!(error = %e, "health check: database unreachable");
            false
        }
    };
    let status = if database_ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        Json(HealthBody {
            status: if database_ok {
                "ok"
            } else {
                "database unreachable"
            },
            database: state.db.backend.name(),
            rubric_version: state.library.version.clone(),
        }),
    )
}

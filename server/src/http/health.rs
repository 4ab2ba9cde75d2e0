//! `GET /api/health`: is the server up, which database, which rubrics.

use super::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

pub fn router() -> Router<AppState> {
    Router::new().route("/api/health", get(health))
}

/// 200 when the database answers, 503 otherwise, so a load balancer can
/// take an instance out of rotation.
async fn health(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
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
        Json(json!({
            "status": if database_ok { "ok" } else { "database unreachable" },
            "database": state.db.backend.name(),
            "rubric_version": state.library.version,
        })),
    )
}

//! The stylesheet and the application page's script, embedded in the binary.

use super::AppState;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(app::STYLESHEET_PATH, get(stylesheet))
        .route(app::pages::apply::RECORDER_SCRIPT, get(recorder))
        .route(app::PAGE_ACTIONS_PATH, get(page_actions))
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            // Revalidated on each load: a new release must restyle at once.
            (header::CACHE_CONTROL, "no-cache"),
        ],
        app::STYLESHEET,
    )
}

/// The application page's recorder and draft keeper: a plain ES module,
/// embedded like the stylesheet so it needs no build step.
const RECORDER_JS: &str = include_str!("../../../app/assets/recorder.js");

async fn recorder() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        RECORDER_JS,
    )
}

async fn page_actions() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        app::PAGE_ACTIONS_SCRIPT,
    )
}

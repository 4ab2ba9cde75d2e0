//! The stylesheet, embedded in the binary.

use super::AppState;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new().route(app::STYLESHEET_PATH, get(stylesheet))
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

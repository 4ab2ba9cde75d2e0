//! The stylesheet and the pages' two scripts, embedded in the binary. Pages
//! link them with a fingerprint of their content (`?v=…`, see
//! `app::assets`): at that address the answer is kept by browsers for a
//! year, so a repeat visit downloads nothing; at any other (an old page, a
//! hand-typed address) it is revalidated on each load.

use super::AppState;
use axum::http::{header, HeaderValue, Uri};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            app::STYLESHEET_PATH,
            get(|uri: Uri| async move {
                serve(
                    &uri,
                    "text/css; charset=utf-8",
                    app::STYLESHEET,
                    app::STYLESHEET_VERSION,
                )
            }),
        )
        .route(
            app::pages::apply::RECORDER_SCRIPT,
            get(|uri: Uri| async move {
                serve(
                    &uri,
                    JAVASCRIPT,
                    app::pages::apply::RECORDER_SCRIPT_TEXT,
                    app::pages::apply::RECORDER_SCRIPT_VERSION,
                )
            }),
        )
        .route(
            app::PAGE_ACTIONS_PATH,
            get(|uri: Uri| async move {
                serve(
                    &uri,
                    JAVASCRIPT,
                    app::PAGE_ACTIONS_SCRIPT,
                    app::PAGE_ACTIONS_VERSION,
                )
            }),
        )
}

const JAVASCRIPT: &str = "text/javascript; charset=utf-8";

/// For the fingerprinted address: keep for good.
pub const KEEP: &str = "public, max-age=31536000, immutable";
/// Otherwise: ask again each time (a new release must apply at once).
pub const REVALIDATE: &str = "no-cache";

fn serve(
    uri: &Uri,
    content_type: &'static str,
    text: &'static str,
    version: u64,
) -> impl IntoResponse {
    let cache = if app::assets::is_current(uri.query(), version) {
        KEEP
    } else {
        REVALIDATE
    };
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        text,
    )
}

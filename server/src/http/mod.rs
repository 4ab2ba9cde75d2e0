//! The HTTP surface: JSON routes (one module per resource, each owning its
//! router), the stylesheet, and the Leptos pages and server functions.

mod assets;
mod assignments;
mod board;
mod body;
mod bundle;
mod candidates;
mod capped;
mod compression;

pub use bundle::{
    pkg_dir as bundle_pkg_dir, script as bundle_script, OUTPUT_NAME as BUNDLE_OUTPUT_NAME,
};
mod cross_origin;
mod csp;
mod files;
mod health;
mod invites;
mod jd;
mod jd_check;
mod jd_download;
mod kits;
mod notice;
mod openapi;
mod requisitions;
mod scorecards;
pub mod serve;
mod session;
pub mod throttle;
mod uploads;

use crate::auth;
use crate::error::ApiError;
use app::api::SharedLibrary;
use app::db::Db;
use app::domain::Library;
use axum::extract::FromRef;
use axum::http::{header, HeaderValue};
use axum::routing::any;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::path::PathBuf;
use std::sync::Arc;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

/// Requests larger than this are refused before a handler runs. Forms and
/// JSON are small; uploads get their own limit on their own route.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub library: Arc<Library>,
    /// Uploads are staged under `data_dir/staging` while they arrive;
    /// files from before they moved into the database wait under
    /// `data_dir/uploads` until the start-up move.
    pub data_dir: PathBuf,
    /// Mark the session cookie Secure (set when served over HTTPS).
    pub secure_cookies: bool,
    /// Where links in email point, and whether mail is sent.
    pub mail: app::api::mail::MailSettings,
}

impl AppState {
    /// Where uploaded files' bytes are stored and read: the database.
    pub fn files(&self) -> Box<dyn crate::storage::FileStore> {
        Box::new(crate::storage::DatabaseFiles::new(
            self.db.clone(),
            &self.data_dir,
        ))
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The pages' routes, listed once per process. Listing them runs the app
/// with resource loading switched off through a process-wide flag in
/// leptos_server (`SuppressResourceLoad`): any page that starts loading a
/// resource while a listing runs waits for it forever. A second listing
/// while pages are being served (the test suite builds a router per test,
/// `hiring-kit bench` builds its own) left about one page in a few hundred
/// unanswered.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App)).clone()
}

/// The JSON API under `/api/`: each route registered with its OpenAPI
/// description, so the document served at `/api/openapi.json` lists exactly
/// these (see openapi.rs).
fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .merge(health::router())
        .merge(openapi::router())
        .merge(session::router())
        .merge(kits::router())
        .merge(jd::router())
        .merge(requisitions::router())
        .merge(candidates::router())
        .merge(assignments::router())
        .merge(scorecards::router())
        .merge(board::router())
}

/// The OpenAPI description of the JSON API, as `/api/openapi.json` serves
/// it (`hiring-kit openapi` prints it).
pub fn openapi() -> utoipa::openapi::OpenApi {
    api_routes().into_openapi()
}

/// The whole application as a router, so tests can serve it on port 0,
/// with the default rate limits and the peer address as the client's.
pub fn build_app(state: AppState) -> Router {
    build_app_with(state, &throttle::RateLimits::default())
}

/// The application with the given rate limits (and trusted proxy header).
pub fn build_app_with(state: AppState, limits: &throttle::RateLimits) -> Router {
    let routes = route_list();
    // What server functions and pages find in their Leptos context.
    let context = {
        let library = state.library.clone();
        let db = state.db.clone();
        let mail = state.mail.clone();
        let first_admin = app::api::accounts::FirstAdminFile(
            state.data_dir.join(app::api::accounts::FIRST_ADMIN_FILE),
        );
        move || {
            provide_context(SharedLibrary(library.clone()));
            provide_context(db.clone());
            provide_context(first_admin.clone());
            provide_context(mail.clone());
            // leptos_axum makes a nonce of its own; the one in the CSP header
            // is the request's (see csp.rs), so it replaces that one here.
            if let Some(nonce) =
                use_context::<axum::http::request::Parts>().and_then(|p| csp::request_nonce(&p))
            {
                provide_context(nonce);
            }
        }
    };
    let shell = {
        let options = state.leptos_options.clone();
        move || app::shell(options.clone())
    };
    Router::new()
        .merge(Router::from(api_routes()))
        .merge(invites::router())
        .merge(jd_download::router())
        .merge(jd_check::router(context.clone(), shell.clone()))
        .merge(assets::router())
        .merge(files::router())
        .merge(bundle::router(std::path::Path::new(
            &*state.leptos_options.site_root,
        )))
        .route("/api/{*rest}", any(|| async { ApiError::NoRoute }))
        .leptos_routes_with_context(&state, routes, context.clone(), shell)
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, app::shell))
        // Everything above takes small bodies; the upload routes merged
        // below have their own, larger limit (see uploads.rs).
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .merge(uploads::router())
        // Inside `resolve_user`, so signed-in staff are told apart.
        .layer(axum::middleware::from_fn_with_state(
            throttle::Throttle::new(limits),
            throttle::limit,
        ))
        .layer(axum::middleware::from_fn(auth::require_sign_in))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::resolve_user,
        ))
        .layer(auth::session_layer(
            auth::DbSessionStore::new(state.db.clone()),
            state.secure_cookies,
        ))
        .layer(axum::middleware::from_fn(cross_origin::refuse_cross_site))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(axum::middleware::from_fn(csp::content_security_policy))
        .layer(compression::layer())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

//! Alliance Hiring Kit: the Leptos application. Pages render on the server
//! and read fully without JavaScript; the `hydrate` build adds live behaviour
//! in the browser. Domain logic in `domain` is pure and shared by both sides.
#![forbid(unsafe_code)]
#![recursion_limit = "256"]

#[cfg(feature = "ssr")]
pub mod access;
pub mod api;
pub mod assets;
#[cfg(feature = "ssr")]
pub mod auth;
pub mod components;
#[cfg(feature = "ssr")]
pub mod db;
pub mod domain;
pub mod error;
pub mod escape;
#[cfg(feature = "ssr")]
pub mod markdown;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod site;
#[cfg(feature = "ssr")]
pub mod standalone_page;
pub mod time_text;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, Lazy, SsrMode};
use pages::routes;

/// The stylesheet, served by the server at [`STYLESHEET_PATH`]. Embedded so
/// the page is styled even before the WASM bundle is built.
pub const STYLESHEET: &str = concat!(
    include_str!("../style/main.css"),
    include_str!("../style/application.css")
);
pub const STYLESHEET_PATH: &str = "/assets/hiring-kit.css";
pub const STYLESHEET_VERSION: u64 = assets::fingerprint(STYLESHEET);

/// The stylesheet's address as pages link it (with its fingerprint).
pub fn stylesheet_href() -> String {
    assets::href(STYLESHEET_PATH, STYLESHEET_VERSION)
}

/// The small script behind print and copy buttons (see its header), served
/// by the server at [`PAGE_ACTIONS_PATH`] and loaded by every page.
pub const PAGE_ACTIONS_SCRIPT: &str = include_str!("../assets/page-actions.js");
pub const PAGE_ACTIONS_PATH: &str = "/assets/page-actions.js";
pub const PAGE_ACTIONS_VERSION: u64 = assets::fingerprint(PAGE_ACTIONS_SCRIPT);

/// The page-actions script's address as pages link it.
pub fn page_actions_href() -> String {
    assets::href(PAGE_ACTIONS_PATH, PAGE_ACTIONS_VERSION)
}

/// Where candidates apply: `/apply/...`.
pub const CANDIDATE_PAGES: &str = "/apply/";

/// True while rendering a candidate's page on the server.
fn is_candidate_page() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .is_some_and(|parts| parts.uri.path().starts_with(CANDIDATE_PAGES))
    }
    #[cfg(not(feature = "ssr"))]
    {
        false
    }
}

/// The HTML document around the app, rendered on the server.
///
/// Candidates' pages come without the WASM bundle: they are plain forms
/// (each works as a normal POST) and the recorder script, so someone
/// applying on a slow connection downloads a few kilobytes instead of the
/// whole app before they can record. `data-static` tells the recorder not
/// to wait for hydration.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let candidate_page = is_candidate_page();
    view! {
        <!DOCTYPE html>
        <html lang="en" data-static=candidate_page.then_some("true")>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                {(!candidate_page).then(|| view! { <HydrationScripts options/> })}
                // Scripts run only with this response's nonce (the
                // Content-Security-Policy header carries the same one).
                <script type="module" src=page_actions_href() nonce=leptos::nonce::use_nonce()></script>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet id="hiring-kit" href=stylesheet_href()/>
        <Title text="Alliance Hiring Kit"/>
        <Router>
            <components::site_header::SiteHeader/>
            <main>
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view={Lazy::<routes::HomeRoute>::new()}/>
                    // Async: the status (404 for an unknown id) depends on the data,
                    // so the page is rendered whole before headers are sent.
                    <Route path=path!("/kits/:sub_role/:level") view={Lazy::<routes::KitRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/jd") view={Lazy::<routes::JdStudioRoute>::new()} ssr=SsrMode::Async/>
                    // The candidate's public application (open requisitions only).
                    <Route path=path!("/apply/:id") view={Lazy::<routes::ApplyRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/apply/:id/:token") view={Lazy::<routes::ApplicationRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/requisitions/:id") view={Lazy::<routes::RequisitionRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/requisitions/:id/candidates") view={Lazy::<routes::CandidatesRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/requisitions/:id/board") view={Lazy::<routes::BoardRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/candidates/:id") view={Lazy::<routes::CandidateRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/candidates/:id/board") view={Lazy::<routes::CandidateBoardRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/interviews") view={Lazy::<routes::InterviewsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/interviews/:id") view={Lazy::<routes::InterviewRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/interviews/:id/brief") view={Lazy::<routes::ActorBriefRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/requisitions") view={Lazy::<routes::RequisitionsRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/sign-in") view={Lazy::<routes::SignInRoute>::new()}/>
                    <Route path=path!("/account") view={Lazy::<routes::AccountRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/calibration") view={Lazy::<routes::CalibrationRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users") view={Lazy::<routes::AdminUsersRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/audit") view={Lazy::<routes::AdminAuditRoute>::new()} ssr=SsrMode::Async/>
                    <Route path=path!("/admin/outbox") view={Lazy::<routes::AdminOutboxRoute>::new()} ssr=SsrMode::Async/>
                </Routes>
            </main>
        </Router>
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Lazy routes: the page in view hydrates once its chunk has loaded.
    leptos::mount::hydrate_lazy(App);
}

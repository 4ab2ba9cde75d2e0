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
pub mod site;
#[cfg(feature = "ssr")]
pub mod standalone_page;
pub mod time_text;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

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
    // Lets people (and the browser tests) tell a hydrated page from the
    // server-rendered HTML: effects only run in the browser.
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
    view! {
        <Stylesheet id="hiring-kit" href=stylesheet_href()/>
        <Title text="Alliance Hiring Kit"/>
        <Router>
            <components::site_header::SiteHeader/>
            <main>
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::home::HomePage/>
                    // Async: the status (404 for an unknown id) depends on the data,
                    // so the page is rendered whole before headers are sent.
                    <Route path=path!("/kits/:sub_role/:level") view=pages::kit::KitPage ssr=SsrMode::Async/>
                    <Route path=path!("/jd") view=pages::jd_studio::JdStudioPage ssr=SsrMode::Async/>
                    // The candidate's public application (open requisitions only).
                    <Route path=path!("/apply/:id") view=pages::apply::ApplyPage ssr=SsrMode::Async/>
                    <Route path=path!("/apply/:id/:token") view=pages::apply::ApplicationPage ssr=SsrMode::Async/>
                    <Route path=path!("/requisitions/:id") view=pages::requisition::RequisitionPage ssr=SsrMode::Async/>
                    <Route path=path!("/requisitions/:id/candidates") view=pages::candidates::CandidatesPage ssr=SsrMode::Async/>
                    <Route path=path!("/requisitions/:id/board") view=pages::board::BoardPage ssr=SsrMode::Async/>
                    <Route path=path!("/candidates/:id") view=pages::candidate::CandidatePage ssr=SsrMode::Async/>
                    <Route path=path!("/candidates/:id/board") view=pages::candidate_board::CandidateBoardPage ssr=SsrMode::Async/>
                    <Route path=path!("/interviews") view=pages::interviews::InterviewsPage ssr=SsrMode::Async/>
                    <Route path=path!("/interviews/:id") view=pages::interviews::InterviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/interviews/:id/brief") view=pages::scorecard::ActorBriefPage ssr=SsrMode::Async/>
                    <Route path=path!("/requisitions") view=pages::requisitions::RequisitionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/sign-in") view=pages::sign_in::SignInPage/>
                    <Route path=path!("/account") view=pages::account::AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/calibration") view=pages::calibration::CalibrationPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users") view=pages::admin_users::AdminUsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/audit") view=pages::admin_audit::AdminAuditPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/outbox") view=pages::admin_outbox::AdminOutboxPage ssr=SsrMode::Async/>
                </Routes>
            </main>
        </Router>
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}

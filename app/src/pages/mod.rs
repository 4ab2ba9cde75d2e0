//! One page component per file.

pub mod account;
pub mod actor_brief;
pub mod admin_audit;
pub mod admin_outbox;
pub mod admin_users;
pub mod apply;
pub mod board;
pub mod calibration;
pub mod candidate;
pub mod candidate_board;
pub mod candidates;
pub mod home;
pub mod interviews;
pub mod jd_studio;
pub mod kit;
pub mod kit_sections;
pub mod not_found;
pub mod requisition;
pub mod requisitions;
pub mod routes;
pub mod scorecard;
pub mod sign_in;

use crate::error::AppError;
use leptos::prelude::*;

/// A page whose data could not load: the status set to match (see
/// [`set_error_status`]) and the reason, in place of the content.
pub fn load_error(error: &AppError) -> AnyView {
    set_error_status(error);
    view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any()
}

/// A whole page that cannot be shown (no such id, or not the reader's),
/// with the status set to match, the reason and the ways back.
pub fn unavailable(heading: &'static str, error: &AppError) -> AnyView {
    set_error_status(error);
    view! {
        <section class="page narrow">
            <h1>{heading}</h1>
            <p class="error" role="alert">{error.to_string()}</p>
            <p><a href="/requisitions">"Your requisitions"</a>" · "<a href="/interviews">"My interviews"</a></p>
        </section>
    }
    .into_any()
}

/// Gives a failed page its HTTP status on the server (404, 403, ...), so
/// browsers, crawlers and tests see what the page says.
pub fn set_error_status(error: &AppError) {
    #[cfg(feature = "ssr")]
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        let status = http::StatusCode::from_u16(error.status_code())
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = error;
}

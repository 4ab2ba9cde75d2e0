//! One page component per file.

pub mod account;
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

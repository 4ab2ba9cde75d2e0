//! Authentication on the server (`ssr` only). The server resolves the
//! session into a [`CurrentUser`] in the request's extensions before any
//! page or server function runs; this module reads it back for them.

pub mod password;

use crate::domain::accounts::{CurrentUser, Role};
use crate::error::AppError;
use leptos::prelude::use_context;

/// The signed-in person of the request being served, if any.
pub fn current_user() -> Option<CurrentUser> {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CurrentUser>().cloned())
}

/// The signed-in person, or `Unauthorized`.
pub fn require_user() -> Result<CurrentUser, AppError> {
    current_user().ok_or(AppError::Unauthorized)
}

/// The signed-in person if their role is one of `roles`.
pub fn require_role(roles: &[Role]) -> Result<CurrentUser, AppError> {
    let user = require_user()?;
    if roles.contains(&user.role) {
        Ok(user)
    } else {
        Err(AppError::Forbidden(format!(
            "This needs one of these roles: {}. You are signed in as {}.",
            roles.iter().map(|r| r.id()).collect::<Vec<_>>().join(", "),
            user.role
        )))
    }
}

pub use crate::domain::accounts::REQUISITION_ROLES;

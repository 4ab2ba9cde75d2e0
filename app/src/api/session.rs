//! Who is signed in, for the header and role-dependent pages.

use crate::domain::accounts::CurrentUser;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// The signed-in person; `None` on public pages.
#[server(prefix = "/api/fn", endpoint = "whoami", input = GetUrl)]
pub async fn whoami() -> Result<Option<CurrentUser>, AppError> {
    Ok(crate::auth::current_user())
}

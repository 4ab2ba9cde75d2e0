//! Account management for admins: list, create, change role, switch off.

use crate::domain::accounts::Role;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::service::accounts::rename;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// One account as the admin page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
    pub created_at: String,
}

#[server(prefix = "/api/fn", endpoint = "accounts", input = GetUrl)]
pub async fn list_accounts() -> Result<Vec<AccountRow>, AppError> {
    crate::auth::require_role(&[Role::Admin])?;
    let db = super::context::db()?;
    let rows = crate::db::users::list(&db)
        .await
        .map_err(crate::access::internal)?;
    Ok(rows
        .into_iter()
        .map(|a| AccountRow {
            id: a.id,
            email: a.email,
            name: a.name,
            role: a.role,
            active: a.active,
            created_at: a.created_at,
        })
        .collect())
}

/// Creates an account with a first password the admin hands over.
#[server(prefix = "/api/fn", endpoint = "create-account")]
pub async fn create_account(
    email: String,
    #[server(default)] name: String,
    role: String,
    password: String,
) -> Result<(), AppError> {
    let db = super::context::db()?;
    crate::service::accounts::create_account(&db, email, name, role, password).await
}

/// An admin gives an account its display name ('' clears it).
#[server(prefix = "/api/fn", endpoint = "rename-account")]
pub async fn rename_account(id: String, #[server(default)] name: String) -> Result<(), AppError> {
    let id = crate::domain::keys::UserId::from(id);
    crate::auth::require_role(&[Role::Admin])?;
    let db = super::context::db()?;
    rename(&db, &id, &name).await
}

/// The signed-in person's account as stored now, with the time zones
/// they can choose from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountPageView {
    pub user: crate::domain::accounts::CurrentUser,
    pub time_zones: Vec<String>,
}

#[server(prefix = "/api/fn", endpoint = "my-account", input = GetUrl)]
pub async fn my_account() -> Result<AccountPageView, AppError> {
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let user = crate::db::users::active_by_id(&db, &user.id)
        .await
        .map_err(crate::access::internal)?
        .ok_or(AppError::Unauthorized)?;
    Ok(AccountPageView {
        user,
        time_zones: crate::domain::zone::names()
            .into_iter()
            .map(str::to_string)
            .collect(),
    })
}

/// Anyone signed in chooses the time zone their times are shown in.
#[server(prefix = "/api/fn", endpoint = "my-time-zone")]
pub async fn set_my_time_zone(#[server(default)] time_zone: String) -> Result<(), AppError> {
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let zone = crate::domain::zone::parse_zone(&time_zone)
        .map_err(|e| AppError::Invalid(format!("time_zone: {e}")))?;
    crate::db::users::set_time_zone(&db, &user.id, &zone)
        .await
        .map_err(crate::access::internal)?;
    Ok(())
}

/// Anyone signed in sets the name they go by.
#[server(prefix = "/api/fn", endpoint = "my-name")]
pub async fn set_my_name(#[server(default)] name: String) -> Result<(), AppError> {
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    rename(&db, &user.id, &name).await
}

/// Changes an account's role, or switches it off (or on again). The last
/// active admin cannot be demoted or switched off: nobody could manage
/// accounts any more.
#[server(prefix = "/api/fn", endpoint = "update-account")]
pub async fn update_account(
    id: String,
    role: String,
    #[server(default)] active: Option<String>,
) -> Result<(), AppError> {
    let id = crate::domain::keys::UserId::from(id);
    crate::auth::require_role(&[Role::Admin])?;
    let db = super::context::db()?;
    let role: Role = role
        .parse()
        .map_err(|e| AppError::Invalid(format!("role: {e}")))?;
    let active = active.is_some_and(|v| v == "on" || v == "true");
    use crate::db::users::AccountUpdate;
    match crate::db::users::update_keeping_an_admin(&db, &id, role, active)
        .await
        .map_err(crate::access::internal)?
    {
        AccountUpdate::Updated => Ok(()),
        AccountUpdate::NoSuchAccount => Err(AppError::NotFound("There is no such account.".into())),
        AccountUpdate::LastAdmin(email) => Err(AppError::Conflict(format!(
            "{email} is the last active admin: make another account admin first."
        ))),
    }
}

/// What the sign-in page tells the first visitors of a new installation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FirstRun {
    /// There is no account yet: whoever runs the server makes the first
    /// admin (the server prints the command when it starts).
    NoAccounts,
    /// The only account is the admin `scripts/run` made; its email and
    /// password are in this file on the machine that runs the server.
    FirstAdminFile(String),
}

/// Where `scripts/run` writes the first admin's email and password: this
/// name in the server's data folder. Looked at on each visit, so the
/// note goes once the file is deleted.
#[derive(Clone, Debug)]
pub struct FirstAdminFile(pub std::path::PathBuf);

/// The name of that file in the data folder.
pub const FIRST_ADMIN_FILE: &str = "first-admin.txt";

/// `None` once the installation has more than its first account: then
/// the page says nothing about setting up.
#[server(prefix = "/api/fn", endpoint = "first-run", input = GetUrl)]
pub async fn first_run_note() -> Result<Option<FirstRun>, AppError> {
    // Context first: after an await the request may be out of reach.
    let db = super::context::db()?;
    let file = use_context::<FirstAdminFile>()
        .map(|f| f.0)
        .filter(|file| file.is_file())
        .map(|file| file.display().to_string());
    let accounts = crate::db::users::count(&db)
        .await
        .map_err(crate::access::internal)?;
    Ok(match accounts {
        0 => Some(FirstRun::NoAccounts),
        1 => file.map(FirstRun::FirstAdminFile),
        _ => None,
    })
}

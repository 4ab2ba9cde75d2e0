//! Accounts: an admin creating one (email, name, role, first password),
//! and a person's display name, checked and stored (from their own account
//! page or an admin's).

use crate::domain::accounts::Role;
use crate::domain::keys::UserId;
use crate::error::AppError;

pub async fn rename(db: &crate::db::Db, id: &UserId, name: &str) -> Result<(), AppError> {
    let name = crate::domain::accounts::parse_name(name)
        .map_err(|e| AppError::Invalid(format!("name: {e}")))?;
    if crate::db::users::set_name(db, id, &name)
        .await
        .map_err(crate::access::internal)?
    {
        Ok(())
    } else {
        Err(AppError::NotFound("There is no such account.".into()))
    }
}

/// Creates an account with a first password the admin hands over.
pub async fn create_account(
    db: &crate::db::Db,
    email: String,
    name: String,
    role: String,
    password: String,
) -> Result<(), AppError> {
    use crate::domain::accounts::{check_password, parse_name, Email};
    crate::auth::require_role(&[Role::Admin])?;
    let mut problems = Vec::new();
    let name = parse_name(&name)
        .map_err(|e| problems.push(format!("name: {e}")))
        .unwrap_or_default();
    let email = Email::parse(&email)
        .map_err(|e| problems.push(format!("email: {e}")))
        .ok();
    let role = role
        .parse::<Role>()
        .map_err(|e| problems.push(format!("role: {e}")))
        .ok();
    if let Err(e) = check_password(&password) {
        problems.push(format!("password: {e}"));
    }
    let (Some(email), Some(role), true) = (email, role, problems.is_empty()) else {
        return Err(AppError::Invalid(problems.join("; ")));
    };
    let hash = crate::auth::password::hash(&password).map_err(|_| AppError::Internal)?;
    crate::db::users::create(db, &email, &name, role, &hash)
        .await
        .map_err(|e| match e {
            crate::db::DbError::Conflict(m) => AppError::Invalid(format!("email: {m}")),
            other => crate::access::internal(other),
        })?;
    Ok(())
}

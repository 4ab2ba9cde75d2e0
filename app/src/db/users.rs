//! Accounts.

use super::{Db, DbError};
use crate::domain::accounts::{Email, Role};

/// Creates an account; an email already in use is `DbError::Conflict`.
pub async fn create(
    db: &Db,
    email: &Email,
    role: Role,
    password_hash: &str,
) -> Result<String, DbError> {
    let id = uuid::Uuid::new_v4().simple().to_string();
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    sqlx::query("INSERT INTO users (id, email, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(&id)
        .bind(email.as_str())
        .bind(role.id())
        .bind(password_hash)
        .bind(now)
        .execute(&db.pool)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(d) if d.is_unique_violation() => DbError::Conflict(format!("an account for {} already exists", email.as_str())),
            _ => DbError::Sqlx(e),
        })?;
    Ok(id)
}

/// The role and password hash of the account with this email.
pub async fn credentials(
    db: &Db,
    email: &Email,
) -> Result<Option<(String, Role, String)>, DbError> {
    let row: Option<(String, String, String)> =
        sqlx::query_as("SELECT id, role, password_hash FROM users WHERE email = $1")
            .bind(email.as_str())
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.and_then(|(id, role, hash)| role.parse().ok().map(|role| (id, role, hash))))
}

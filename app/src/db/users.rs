//! Accounts.

use super::{Db, DbError};
use crate::domain::accounts::{CurrentUser, Email, Role};
use crate::domain::keys::UserId;

/// Creates an account; an email already in use is `DbError::Conflict`.
/// `name` is the display name ('' for none), already tidied.
pub async fn create(
    db: &Db,
    email: &Email,
    name: &str,
    role: Role,
    password_hash: &str,
) -> Result<UserId, DbError> {
    let id = UserId::from(uuid::Uuid::new_v4().simple().to_string());
    let now = super::now();
    sqlx::query("INSERT INTO users (id, email, role, password_hash, created_at, display_name) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(&id)
        .bind(email.as_str())
        .bind(role.id())
        .bind(password_hash)
        .bind(now)
        .bind(name)
        .execute(&db.pool)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(d) if d.is_unique_violation() => DbError::Conflict(format!("an account for {} already exists", email.as_str())),
            _ => DbError::Sqlx(e),
        })?;
    Ok(id)
}

/// The account with this email and its password hash, if it is active.
pub async fn credentials(db: &Db, email: &Email) -> Result<Option<(CurrentUser, String)>, DbError> {
    let row: Option<CredentialsRow> = sqlx::query_as(
        "SELECT id, email, role, display_name, time_zone, password_hash FROM users WHERE email = $1 AND active = 1",
    )
    .bind(email.as_str())
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.and_then(|row| person(row.person).map(|user| (user, row.password_hash))))
}

/// The active account with this id: what a session resolves to.
pub async fn active_by_id(db: &Db, id: &UserId) -> Result<Option<CurrentUser>, DbError> {
    let row: Option<PersonRow> = sqlx::query_as(
        "SELECT id, email, role, display_name, time_zone FROM users WHERE id = $1 AND active = 1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.and_then(person))
}

/// The active account with this email (for assigning interviewers).
pub async fn active_by_email(db: &Db, email: &Email) -> Result<Option<CurrentUser>, DbError> {
    let row: Option<PersonRow> = sqlx::query_as(
        "SELECT id, email, role, display_name, time_zone FROM users WHERE email = $1 AND active = 1",
    )
    .bind(email.as_str())
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.and_then(person))
}

/// A person as selected (`id, email, role, display_name, time_zone`),
/// read by column name.
pub(crate) struct PersonRow {
    id: String,
    email: String,
    role: String,
    display_name: String,
    time_zone: String,
}
super::from_row!(PersonRow {
    id,
    email,
    role,
    display_name,
    time_zone
});

/// A person and their password hash, as sign-in reads them.
struct CredentialsRow {
    person: PersonRow,
    password_hash: String,
}
super::from_row!(CredentialsRow { password_hash } flatten { person });

/// A person read back; a role the code no longer knows is left out.
pub(crate) fn person(row: PersonRow) -> Option<CurrentUser> {
    row.role.parse().ok().map(|role| CurrentUser {
        id: row.id.into(),
        email: row.email,
        name: row.display_name,
        role,
        time_zone: row.time_zone,
    })
}

/// Sets an account's time zone (a checked IANA name, '' for none).
pub async fn set_time_zone(db: &Db, id: &UserId, zone: &str) -> Result<bool, DbError> {
    let _turn = db.write_turn().await;
    let result = sqlx::query("UPDATE users SET time_zone = $1 WHERE id = $2")
        .bind(zone)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// Gives an account its display name ('' clears it). False when there is
/// no such account.
pub async fn set_name(db: &Db, id: &UserId, name: &str) -> Result<bool, DbError> {
    let _turn = db.write_turn().await;
    let result = sqlx::query("UPDATE users SET display_name = $1 WHERE id = $2")
        .bind(name)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// One row of the admin's account list.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Account {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
    pub created_at: String,
}

pub async fn list(db: &Db) -> Result<Vec<Account>, DbError> {
    struct AccountRow {
        person: PersonRow,
        active: i64,
        created_at: String,
    }
    super::from_row!(AccountRow { active, created_at } flatten { person });
    let rows: Vec<AccountRow> = sqlx::query_as(
        "SELECT id, email, role, display_name, time_zone, active, created_at FROM users ORDER BY email",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            person(row.person).map(|user| Account {
                id: user.id.into(),
                email: user.email,
                name: user.name,
                role: user.role,
                active: row.active == 1,
                created_at: row.created_at,
            })
        })
        .collect())
}

/// Active accounts with this role, by email (interviewer pickers).
pub async fn active_with_role(db: &Db, role: Role) -> Result<Vec<CurrentUser>, DbError> {
    let rows: Vec<PersonRow> = sqlx::query_as(
        "SELECT id, email, role, display_name, time_zone FROM users WHERE role = $1 AND active = 1 ORDER BY email",
    )
    .bind(role.id())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().filter_map(person).collect())
}

/// Changes an account's role and whether it may sign in. Returns false when
/// there is no such account.
pub async fn update(db: &Db, id: &UserId, role: Role, active: bool) -> Result<bool, DbError> {
    let result = sqlx::query("UPDATE users SET role = $1, active = $2 WHERE id = $3")
        .bind(role.id())
        .bind(i64::from(active))
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(result.rows_affected() == 1)
}

/// What changing an account came to.
#[derive(Debug, PartialEq, Eq)]
pub enum AccountUpdate {
    Updated,
    NoSuchAccount,
    /// Refused: this is the last active admin (its email).
    LastAdmin(String),
}

/// Changes an account's role and whether it may sign in, unless that would
/// leave no active admin. The check and the write are one transaction, and
/// every active admin row is locked before counting (PostgreSQL; SQLite's
/// write lock does the same), so two admins demoting each other at once
/// are taken one after the other and the second is refused.
pub async fn update_keeping_an_admin(
    db: &Db,
    id: &UserId,
    role: Role,
    active: bool,
) -> Result<AccountUpdate, DbError> {
    let lock = match db.backend {
        super::Backend::Postgres => " FOR UPDATE",
        super::Backend::Sqlite => "",
    };
    let mut tx = db.begin_write().await?;
    let admins: Vec<(String,)> = sqlx::query_as(&format!(
        "SELECT id FROM users WHERE role = 'admin' AND active = 1 ORDER BY id{lock}"
    ))
    .fetch_all(&mut *tx)
    .await?;
    let account: Option<(String,)> = sqlx::query_as("SELECT email FROM users WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some((email,)) = account else {
        return Ok(AccountUpdate::NoSuchAccount);
    };
    let is_admin = admins.iter().any(|(a,)| a == id);
    let loses_admin = is_admin && (role != Role::Admin || !active);
    if loses_admin && admins.len() <= 1 {
        return Ok(AccountUpdate::LastAdmin(email));
    }
    sqlx::query("UPDATE users SET role = $1, active = $2 WHERE id = $3")
        .bind(role.id())
        .bind(i64::from(active))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(AccountUpdate::Updated)
}

pub async fn count(db: &Db) -> Result<i64, DbError> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users")
        .fetch_one(&db.pool)
        .await?;
    Ok(n)
}

/// Failed (or not yet checked) sign-ins on record for an email: (count,
/// unix time of the last), or `None` when there are none.
pub async fn sign_in_failures(db: &Db, email: &str) -> Result<Option<(i64, i64)>, DbError> {
    Ok(
        sqlx::query_as("SELECT failures, last_failed_at FROM sign_in_failures WHERE email = $1")
            .bind(email)
            .fetch_optional(&db.pool)
            .await?,
    )
}

/// Counts one sign-in attempt for an email, provided its record still is
/// `seen` (what the caller read and decided on): one statement that either
/// moves the record from `seen` to `(failures, now)` or changes nothing.
/// Returns whether it did; false means another attempt got there first and
/// the caller must read and decide again. Checked this way, a burst of
/// parallel attempts is admitted one at a time on both backends: SQLite
/// runs one writer at a time, and PostgreSQL re-checks the `WHERE` against
/// the row a concurrent update left (and `ON CONFLICT DO NOTHING` loses to
/// a concurrent insert).
pub async fn count_sign_in_attempt(
    db: &Db,
    email: &str,
    seen: Option<(i64, i64)>,
    failures: i64,
    now: i64,
) -> Result<bool, DbError> {
    let result = match seen {
        None => sqlx::query(
            "INSERT INTO sign_in_failures (email, failures, last_failed_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (email) DO NOTHING",
        )
        .bind(email)
        .bind(failures)
        .bind(now)
        .execute(&db.pool)
        .await?,
        Some((seen_failures, seen_last)) => {
            sqlx::query(
                "UPDATE sign_in_failures SET failures = $2, last_failed_at = $3 \
                 WHERE email = $1 AND failures = $4 AND last_failed_at = $5",
            )
            .bind(email)
            .bind(failures)
            .bind(now)
            .bind(seen_failures)
            .bind(seen_last)
            .execute(&db.pool)
            .await?
        }
    };
    Ok(result.rows_affected() == 1)
}

pub async fn clear_sign_in_failures(db: &Db, email: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sign_in_failures WHERE email = $1")
        .bind(email)
        .execute(&db.pool)
        .await?;
    Ok(())
}

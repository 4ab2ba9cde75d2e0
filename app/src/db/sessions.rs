//! Session records (see the server's session store). The data is opaque
//! JSON here; expiry is Unix seconds so both backends compare it as a number.
//! `id` is whatever key the store gives (a hash of the cookie's value).

use super::{Db, DbError};

/// Inserts a new session; false when the id is already taken, so the caller
/// draws another.
pub async fn create(db: &Db, id: &str, data: &str, expires_at: i64) -> Result<bool, DbError> {
    let _turn = db.write_turn().await;
    let result = sqlx::query(
        "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(data)
    .bind(expires_at)
    .execute(&db.pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// Writes a live session's data and its renewed expiry. Runs after every
/// request of a signed-in person (that is what makes the expiry idle time),
/// so it writes only when the data changed or the stored expiry is more
/// than `RENEW_AFTER_SECS` behind. An UPDATE, never an insert: a request
/// still running when its session was signed out or cycled must not bring
/// the session back.
pub async fn save(db: &Db, id: &str, data: &str, expires_at: i64) -> Result<(), DbError> {
    let _turn = db.write_turn().await;
    sqlx::query(
        "UPDATE sessions SET data = $2, expires_at = $3 \
         WHERE id = $1 AND (data <> $2 OR expires_at < $4)",
    )
    .bind(id)
    .bind(data)
    .bind(expires_at)
    .bind(expires_at - RENEW_AFTER_SECS)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// How stale a stored expiry may get before a request renews it: a minute
/// of idle time is not worth a write per request.
pub const RENEW_AFTER_SECS: i64 = 60;

/// The session's data and expiry, unless it has expired.
pub async fn load(db: &Db, id: &str, now: i64) -> Result<Option<(String, i64)>, DbError> {
    Ok(
        sqlx::query_as("SELECT data, expires_at FROM sessions WHERE id = $1 AND expires_at > $2")
            .bind(id)
            .bind(now)
            .fetch_optional(&db.pool)
            .await?,
    )
}

pub async fn delete(db: &Db, id: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sessions WHERE id = $1")
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Removes expired sessions; returns how many.
pub async fn delete_expired(db: &Db, now: i64) -> Result<u64, DbError> {
    let result = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now)
        .execute(&db.pool)
        .await?;
    Ok(result.rows_affected())
}

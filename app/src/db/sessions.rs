//! Session records (see the server's session store). The data is opaque
//! JSON here; expiry is Unix seconds so both backends compare it as a number.

use super::{Db, DbError};

/// Inserts a new session; false when the id is already taken, so the caller
/// draws another.
pub async fn create(db: &Db, id: &str, data: &str, expires_at: i64) -> Result<bool, DbError> {
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

pub async fn save(db: &Db, id: &str, data: &str, expires_at: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) \
         ON CONFLICT (id) DO UPDATE SET data = $2, expires_at = $3",
    )
    .bind(id)
    .bind(data)
    .bind(expires_at)
    .execute(&db.pool)
    .await?;
    Ok(())
}

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

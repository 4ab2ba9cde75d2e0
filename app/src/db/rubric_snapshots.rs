//! Every rubric library version the server has run with, stored whole, so a
//! requisition or scorecard can always be read against the exact kit it was
//! scored with, whatever happens to the YAML later.

use super::{Db, DbError};
use crate::domain::{Kit, Level, Library, SubRole};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// The kits read from stored snapshots, each decoded once per server and
/// then shared: a snapshot never changes once stored (its version is a
/// hash of its content), so nothing here ever needs to be refreshed, and
/// every instance behind a load balancer builds the same kits from the same
/// rows. Bounded by the versions ever stored times twelve kits.
#[derive(Clone, Debug, Default)]
pub struct KitCache(Arc<RwLock<HashMap<KitKey, Arc<Kit>>>>);

/// A rubric version, sub-role and level.
type KitKey = (String, SubRole, Level);

impl KitCache {
    fn get(&self, version: &str, sub_role: SubRole, level: Level) -> Option<Arc<Kit>> {
        let kits = self.0.read().ok()?;
        kits.get(&(version.to_string(), sub_role, level)).cloned()
    }

    fn keep(&self, version: &str, library: &Library) {
        if let Ok(mut kits) = self.0.write() {
            for sub_role in SubRole::ALL {
                for level in Level::ALL {
                    if let Some(kit) = library.kit(sub_role, level) {
                        kits.insert((version.to_string(), sub_role, level), Arc::new(kit));
                    }
                }
            }
        }
    }
}

/// Stores the library under its version unless that version is already
/// stored. Returns whether it was new.
pub async fn record(db: &Db, library: &Library) -> Result<bool, DbError> {
    let json = serde_json::to_string(library)
        .map_err(|e| DbError::Sqlx(sqlx::Error::Encode(Box::new(e))))?;
    let now = super::now();
    let result = sqlx::query(
        "INSERT INTO rubric_snapshots (version, first_loaded_at, library_json) VALUES ($1, $2, $3) \
         ON CONFLICT (version) DO NOTHING",
    )
    .bind(&library.version)
    .bind(now)
    .bind(json)
    .execute(&db.pool)
    .await?;
    Ok(result.rows_affected() == 1)
}

/// The versions stored, newest first.
pub async fn versions(db: &Db) -> Result<Vec<String>, DbError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT version FROM rubric_snapshots ORDER BY first_loaded_at DESC, version",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(|(v,)| v).collect())
}

/// The kit for a sub-role and level exactly as it was at `version`, decoded
/// from the stored snapshot the first time any kit of that version is
/// asked for, and shared after that.
pub async fn kit(
    db: &Db,
    version: &str,
    sub_role: SubRole,
    level: Level,
) -> Result<Option<Arc<Kit>>, DbError> {
    if let Some(kit) = db.kits.get(version, sub_role, level) {
        return Ok(Some(kit));
    }
    let Some(library) = library(db, version).await? else {
        return Ok(None);
    };
    db.kits.keep(version, &library);
    Ok(db.kits.get(version, sub_role, level))
}

/// The library exactly as it was at `version`.
pub async fn library(db: &Db, version: &str) -> Result<Option<Library>, DbError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT library_json FROM rubric_snapshots WHERE version = $1")
            .bind(version)
            .fetch_optional(&db.pool)
            .await?;
    row.map(|(json,)| super::decode_json(&json)).transpose()
}

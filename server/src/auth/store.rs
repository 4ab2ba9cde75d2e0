//! tower-sessions' store trait over our database, so sessions survive a
//! restart and are shared by every server instance on PostgreSQL.
//!
//! The table keys each session by the SHA-256 of its id, never the id
//! itself: the id is the bearer credential in the cookie, and someone who
//! reads the table (a backup, a leaked dump) must not be able to replay it.
//! The id is 128 random bits, so a fast unsalted hash is enough.

use app::db::{sessions, Db, DbError};
use async_trait::async_trait;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, Result};
use tower_sessions::SessionStore;

#[derive(Clone, Debug)]
pub struct DbSessionStore {
    db: Db,
    stored: Stored,
}

/// What this server last read from or wrote to the table per session key:
/// the data and the expiry. The session layer saves after every request
/// (see `session_layer`); when the data is unchanged and the stored expiry
/// is recent, the save is skipped here without touching the database. On
/// SQLite even an UPDATE that changes nothing takes the single write lock,
/// so every request of every signed-in person queued behind the others'
/// writes. Another server renewing the session only makes the stored
/// expiry later than remembered, so skipping stays safe with several
/// servers; the worst a stale entry causes is an early renewal.
#[derive(Clone, Debug, Default)]
struct Stored(Arc<Mutex<HashMap<String, (String, i64)>>>);

/// Past this many sessions the memory is cleared and refills as people
/// come back: it costs one write each.
const REMEMBERED_SESSIONS: usize = 20_000;

impl Stored {
    fn remember(&self, key: &str, data: &str, expires: i64) {
        if let Ok(mut stored) = self.0.lock() {
            if stored.len() >= REMEMBERED_SESSIONS && !stored.contains_key(key) {
                stored.clear();
            }
            stored.insert(key.to_string(), (data.to_string(), expires));
        }
    }

    fn forget(&self, key: &str) {
        if let Ok(mut stored) = self.0.lock() {
            stored.remove(key);
        }
    }

    /// True when the table already holds `data` with an expiry recent
    /// enough that `expires` need not be written.
    fn is_current(&self, key: &str, data: &str, expires: i64) -> bool {
        self.0.lock().is_ok_and(|stored| {
            stored.get(key).is_some_and(|(kept, kept_expires)| {
                kept == data && *kept_expires >= expires - sessions::RENEW_AFTER_SECS
            })
        })
    }
}

impl DbSessionStore {
    pub fn new(db: Db) -> Self {
        DbSessionStore {
            db,
            stored: Stored::default(),
        }
    }

    /// Removes expired sessions; the server calls this now and then.
    pub async fn delete_expired(&self) -> std::result::Result<u64, DbError> {
        sessions::delete_expired(&self.db, now()).await
    }
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The key a session is stored under: SHA-256 of the cookie's value, hex.
pub fn stored_key(id: &Id) -> String {
    Sha256::digest(id.to_string().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn backend(e: DbError) -> Error {
    Error::Backend(e.to_string())
}

fn encode(record: &Record) -> Result<String> {
    serde_json::to_string(&record.data).map_err(|e| Error::Encode(e.to_string()))
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> Result<()> {
        let data = encode(record)?;
        // A 128-bit random id colliding is next to impossible, but the
        // trait asks stores not to overwrite: draw again if it happens.
        loop {
            let key = stored_key(&record.id);
            let expires = record.expiry_date.unix_timestamp();
            if sessions::create(&self.db, &key, &data, expires)
                .await
                .map_err(backend)?
            {
                self.stored.remember(&key, &data, expires);
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let data = encode(record)?;
        let key = stored_key(&record.id);
        let expires = record.expiry_date.unix_timestamp();
        if self.stored.is_current(&key, &data, expires) {
            return Ok(());
        }
        sessions::save(&self.db, &key, &data, expires)
            .await
            .map_err(backend)?;
        // Not remembered as written: the UPDATE does nothing when the
        // session was signed out meanwhile, and the next load tells.
        self.stored.forget(&key);
        Ok(())
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let key = stored_key(id);
        let Some((text, expires)) = sessions::load(&self.db, &key, now())
            .await
            .map_err(backend)?
        else {
            self.stored.forget(&key);
            return Ok(None);
        };
        self.stored.remember(&key, &text, expires);
        let data = serde_json::from_str(&text).map_err(|e| Error::Decode(e.to_string()))?;
        let expiry_date =
            tower_sessions::cookie::time::OffsetDateTime::from_unix_timestamp(expires)
                .map_err(|e| Error::Decode(e.to_string()))?;
        Ok(Some(Record {
            id: *id,
            data,
            expiry_date,
        }))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        let key = stored_key(id);
        self.stored.forget(&key);
        sessions::delete(&self.db, &key).await.map_err(backend)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_is_skipped_only_when_the_table_holds_it_already() {
        let stored = Stored::default();
        assert!(!stored.is_current("k", "{}", 1_000), "never read");
        stored.remember("k", "{}", 1_000);
        assert!(stored.is_current("k", "{}", 1_000));
        assert!(
            stored.is_current("k", "{}", 1_000 + sessions::RENEW_AFTER_SECS),
            "a renewal by less than a minute is not worth a write"
        );
        assert!(
            !stored.is_current("k", "{}", 1_001 + sessions::RENEW_AFTER_SECS),
            "an older expiry is renewed"
        );
        assert!(!stored.is_current("k", "{\"a\":1}", 1_000), "changed data");
        assert!(!stored.is_current("other", "{}", 1_000));
        stored.forget("k");
        assert!(!stored.is_current("k", "{}", 1_000), "forgotten");
    }
}

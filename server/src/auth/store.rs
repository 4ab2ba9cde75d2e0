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
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, Result};
use tower_sessions::SessionStore;

#[derive(Clone, Debug)]
pub struct DbSessionStore {
    db: Db,
}

impl DbSessionStore {
    pub fn new(db: Db) -> Self {
        DbSessionStore { db }
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
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let data = encode(record)?;
        sessions::save(
            &self.db,
            &stored_key(&record.id),
            &data,
            record.expiry_date.unix_timestamp(),
        )
        .await
        .map_err(backend)
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let Some((data, expires)) = sessions::load(&self.db, &stored_key(id), now())
            .await
            .map_err(backend)?
        else {
            return Ok(None);
        };
        let data = serde_json::from_str(&data).map_err(|e| Error::Decode(e.to_string()))?;
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
        sessions::delete(&self.db, &stored_key(id))
            .await
            .map_err(backend)
    }
}

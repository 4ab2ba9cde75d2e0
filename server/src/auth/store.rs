//! tower-sessions' store trait over our database, so sessions survive a
//! restart and are shared by every server instance on PostgreSQL.

use app::db::{sessions, Db, DbError};
use async_trait::async_trait;
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
            let id = record.id.to_string();
            let expires = record.expiry_date.unix_timestamp();
            if sessions::create(&self.db, &id, &data, expires)
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
            &record.id.to_string(),
            &data,
            record.expiry_date.unix_timestamp(),
        )
        .await
        .map_err(backend)
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let Some((data, expires)) = sessions::load(&self.db, &id.to_string(), now())
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
        sessions::delete(&self.db, &id.to_string())
            .await
            .map_err(backend)
    }
}

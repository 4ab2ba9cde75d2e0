//! The database: one pool for SQLite (the embedded default) or PostgreSQL
//! (several servers behind a load balancer), chosen by the URL. Queries use
//! sqlx's `Any` driver with `$1` placeholders, which both backends accept,
//! so each query is written once. Server-only (`ssr`).

pub mod assignments;
pub mod audit;
pub mod candidate_files;
pub mod candidates;
pub mod decisions;
pub mod erasure;
pub mod link_requests;
pub mod outbox;
pub mod practice;
pub mod requisitions;
pub mod rubric_snapshots;
pub mod scorecards;
pub mod screenings;
pub mod sessions;
pub mod users;

use sqlx::any::AnyPoolOptions;
use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};
use sqlx::AnyConnection;
use sqlx::{AnyPool, Executor};
use std::borrow::Cow;
use std::sync::Arc;
use std::time::Duration;

// Each backend's migration files, `(file name, SQL)`, embedded by build.rs
// from migrations/<backend>/ in file-name order. Read here rather than by
// `sqlx::migrate!`, whose proc macro compiles a second copy of sqlx's
// drivers for the build host; the versions, descriptions and checksums are
// the ones it gives, so databases it migrated carry on.
static SQLITE_MIGRATIONS: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/sqlite_migrations.rs"));
static POSTGRES_MIGRATIONS: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/postgres_migrations.rs"));

/// Embedded migration files, read the way sqlx reads a migrations folder:
/// `<version>_<description>.sql`, the SQL's checksum recorded when it runs.
#[derive(Debug)]
struct Embedded(&'static [(&'static str, &'static str)]);

impl<'s> MigrationSource<'s> for Embedded {
    #[allow(clippy::type_complexity)]
    fn resolve(
        self,
    ) -> std::pin::Pin<
        Box<
            dyn std::future::Future<Output = Result<Vec<Migration>, sqlx::error::BoxDynError>>
                + Send
                + 's,
        >,
    > {
        Box::pin(async move { self.migrations().map_err(Into::into) })
    }
}

impl Embedded {
    fn migrations(&self) -> Result<Vec<Migration>, String> {
        self.0
            .iter()
            .map(|&(file, sql)| {
                let (version, rest) = file
                    .split_once('_')
                    .filter(|(_, rest)| rest.ends_with(".sql"))
                    .ok_or_else(|| {
                        format!("migration {file}: expected <version>_<description>.sql")
                    })?;
                let version = version.parse().map_err(|_| {
                    format!("migration {file}: the version before `_` is not a number")
                })?;
                let kind = MigrationType::from_filename(rest);
                let description = rest.trim_end_matches(kind.suffix()).replace('_', " ");
                Ok(Migration::new(
                    version,
                    Cow::Owned(description),
                    kind,
                    Cow::Borrowed(sql),
                    sql.starts_with("-- no-transaction"),
                ))
            })
            .collect()
    }
}

/// Implements `sqlx::FromRow` for a struct read by column name: each field
/// in the braces from the column of its name, each `flatten` field from
/// the same row by its own `FromRow`. Written out rather than derived, as
/// the derive's proc macro would compile a second copy of sqlx's drivers
/// for the build host; the struct literal it expands to names every field,
/// so a field missing here, or one too many, does not compile.
macro_rules! from_row {
    ($row:ty { $($column:ident),* $(,)? } $(flatten { $($nested:ident),* $(,)? })?) => {
        impl<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> for $row {
            fn from_row(row: &'r sqlx::any::AnyRow) -> Result<Self, sqlx::Error> {
                use sqlx::Row as _;
                Ok(Self {
                    $($column: row.try_get(stringify!($column))?,)*
                    $($($nested: sqlx::FromRow::from_row(row)?,)*)?
                })
            }
        }
    };
}
pub(crate) use from_row;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }

    pub fn of_url(url: &str) -> Result<Backend, DbError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(DbError::UnsupportedUrl)
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("the database URL must start with sqlite: or postgres://")]
    UnsupportedUrl,
    /// A uniqueness rule refused the write; the message says which.
    #[error("{0}")]
    Conflict(String),
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// The shared pool and which backend it talks to.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// Frozen kits, decoded once per rubric version (see `rubric_snapshots`).
    pub kits: rubric_snapshots::KitCache,
    /// Turns for the long write transactions that store a whole file (up
    /// to 50 MB). On SQLite one at a time: the others queue here, where
    /// there is no timeout, instead of each holding a pooled connection
    /// while it waits for the write lock (the busy timeout and the pool's
    /// acquire timeout would end them under a burst of uploads, and short
    /// writes such as autosaves would find every connection taken). On
    /// PostgreSQL a few at once, so uploads never take the whole pool.
    pub(crate) file_writes: Arc<tokio::sync::Semaphore>,
    /// SQLite has one writer at a time. Write transactions take turns
    /// here, first come first served, before `BEGIN IMMEDIATE`: waiting on
    /// the database's own lock instead means polling it with sleeps that
    /// grow to 100 ms (SQLite's busy handler), which under a burst of
    /// autosaves made the slowest saves ten times slower than the rest.
    /// `None` on PostgreSQL, whose row locks let writers work side by side.
    write_turns: Option<Arc<tokio::sync::Mutex<()>>>,
}

/// A write transaction (see [`Db::begin_write`]); `&mut *tx` is the
/// connection to run its statements on. On SQLite it holds the writer's
/// turn until it commits, rolls back or is dropped.
pub struct WriteTx {
    // Declared first, so it is dropped (and rolled back) before the turn
    // passes on.
    tx: sqlx::Transaction<'static, sqlx::Any>,
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }

    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        self.tx.rollback().await
    }
}

impl std::ops::Deref for WriteTx {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

impl Db {
    /// Connects, applies any pending migrations, and returns the pool.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of_url(url)?;
        let options = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 8,
                Backend::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(10))
            // A SQLite connection is a file handle in this process: the
            // round trip that checks it before each use (sqlx's default,
            // meant for network connections) doubled the cost of a query.
            .test_before_acquire(backend == Backend::Postgres);
        let pool = match backend {
            Backend::Sqlite => {
                options
                    .after_connect(|conn, _| Box::pin(async move { sqlite_pragmas(conn).await }))
                    .connect(url)
                    .await?
            }
            Backend::Postgres => options.connect(url).await?,
        };
        let file_writes = Arc::new(tokio::sync::Semaphore::new(match backend {
            Backend::Sqlite => 1,
            Backend::Postgres => 4,
        }));
        let db = Db {
            pool,
            backend,
            kits: rubric_snapshots::KitCache::default(),
            file_writes,
            write_turns: (backend == Backend::Sqlite).then(Default::default),
        };
        db.migrate().await?;
        Ok(db)
    }

    async fn migrate(&self) -> Result<(), DbError> {
        let files = match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS,
            Backend::Postgres => POSTGRES_MIGRATIONS,
        };
        Migrator::new(Embedded(files))
            .await?
            .run(&self.pool)
            .await?;
        Ok(())
    }

    /// A write transaction. On SQLite it takes the write lock up front
    /// (`BEGIN IMMEDIATE`), so it waits for another writer within the busy
    /// timeout; a deferred transaction that reads first and then writes would
    /// instead fail at once with "database is locked" when another writer got
    /// in between. Every transaction that writes starts here. On SQLite it
    /// first waits for its turn among this server's writers (`write_turns`),
    /// so the write lock is usually free when it asks.
    pub async fn begin_write(&self) -> Result<WriteTx, DbError> {
        let turn = self.write_turn().await;
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(WriteTx { tx, _turn: turn })
    }

    /// The writer's turn on SQLite (see `write_turns`), for a write made
    /// of one statement, which needs no transaction of its own: hold it
    /// while the statement runs. `None` on PostgreSQL.
    pub async fn write_turn(&self) -> Option<tokio::sync::OwnedMutexGuard<()>> {
        match &self.write_turns {
            Some(turns) => Some(turns.clone().lock_owned().await),
            None => None,
        }
    }

    /// A round trip to the database, for the health check.
    pub async fn ping(&self) -> Result<(), DbError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }
}

/// A random 128-bit id: unguessable, so a link alone reveals nothing.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// Now as stored: RFC 3339 in UTC with milliseconds, which sorts as text.
pub fn now() -> String {
    stamp(chrono::Utc::now())
}

/// A time as every table stores it (see [`now`]), so stored times compare
/// as text.
pub fn stamp(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub(crate) fn encode_json<T: serde::Serialize>(value: &T) -> Result<String, DbError> {
    serde_json::to_string(value).map_err(|e| DbError::Sqlx(sqlx::Error::Encode(Box::new(e))))
}

pub(crate) fn decode_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, DbError> {
    serde_json::from_str(json).map_err(|e| DbError::Sqlx(sqlx::Error::Decode(Box::new(e))))
}

/// The rows of `query` (a `SELECT` with one `$1`, bound to `value`) as one
/// JSON array of objects keyed by `columns`, decoded into `T` by name.
/// The text of each column in `json_columns` is JSON and goes into the
/// array as the JSON it is, so it is parsed once, with the rest, straight
/// into its type (as a string it would be escaped by the database,
/// unescaped by serde and parsed again).
///
/// Why: sqlx hands over SQLite's rows one at a time from the connection's
/// own thread, each through a channel and copied into the `Any` driver's
/// values; for the thousand-odd small rows of a large requisition's board
/// that cost more than the query itself (14 ms for 1,200 assignments,
/// 5 ms as one row). The database builds the array, so the rows cross as
/// one value. The order of the array is not guaranteed: sort in Rust.
pub(crate) async fn fetch_as_json<T: serde::de::DeserializeOwned>(
    db: &Db,
    columns: &[&str],
    json_columns: &[&str],
    query: &str,
    value: &str,
) -> Result<Vec<T>, DbError> {
    let pairs = columns
        .iter()
        .map(|c| match (json_columns.contains(c), db.backend) {
            (false, _) => format!("'{c}', q.{c}"),
            (true, Backend::Sqlite) => format!("'{c}', json(q.{c})"),
            (true, Backend::Postgres) => format!("'{c}', q.{c}::json"),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let sql = match db.backend {
        Backend::Sqlite => format!("SELECT json_group_array(json_object({pairs})) FROM ({query}) q"),
        Backend::Postgres => format!(
            "SELECT COALESCE(json_agg(json_build_object({pairs})), '[]'::json)::text FROM ({query}) q"
        ),
    };
    let (json,): (String,) = sqlx::query_as(&sql).bind(value).fetch_one(&db.pool).await?;
    decode_json(&json)
}

/// A row written by compare-and-swap: the one way every versioned write
/// (a scorecard, a requisition's plan) changes its row. The write applies
/// only while the row is still at `based_on`, the version its writer read,
/// and moves the version on by one in the same statement, so of two writes
/// from the same version exactly one lands, on both backends.
pub(crate) struct Versioned<'a> {
    pub table: &'static str,
    pub version_column: &'static str,
    pub id: &'a str,
    pub based_on: i64,
    /// One more condition the row must meet, `(column, value)`: a card's
    /// state, so a submitted card is never changed as a draft.
    pub also: Option<(&'static str, &'a str)>,
}

impl Versioned<'_> {
    /// Applies `set`, SQL assignments whose values are `$1`, `$2`, …
    /// bound from `values` in order. False when the row has moved on (or
    /// is gone): nothing was changed.
    pub(crate) async fn swap<'e, X>(
        &self,
        executor: X,
        set: &str,
        values: &[&str],
    ) -> Result<bool, DbError>
    where
        X: sqlx::Executor<'e, Database = sqlx::Any>,
    {
        let n = values.len();
        let (table, version) = (self.table, self.version_column);
        let mut sql = format!(
            "UPDATE {table} SET {set}, {version} = {version} + 1 WHERE id = ${} AND {version} = ${}",
            n + 1,
            n + 2
        );
        if let Some((column, _)) = self.also {
            sql.push_str(&format!(" AND {column} = ${}", n + 3));
        }
        let mut query = sqlx::query(&sql);
        for value in values {
            query = query.bind(*value);
        }
        query = query.bind(self.id).bind(self.based_on);
        if let Some((_, value)) = self.also {
            query = query.bind(value);
        }
        Ok(query.execute(executor).await?.rows_affected() == 1)
    }
}

/// Turns a unique-constraint failure into a `Conflict` with this message.
pub(crate) fn conflict_on_unique(e: sqlx::Error, message: impl FnOnce() -> String) -> DbError {
    match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => DbError::Conflict(message()),
        _ => DbError::Sqlx(e),
    }
}

/// WAL lets readers work while one writer writes; the busy timeout makes a
/// second writer wait instead of failing with "database is locked"; foreign
/// keys are off by default in SQLite. (A memory map for reads was tried and
/// made autosaves under load a quarter slower: see `hiring-kit bench saves`.)
async fn sqlite_pragmas(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    for pragma in [
        "PRAGMA journal_mode = WAL",
        "PRAGMA busy_timeout = 5000",
        "PRAGMA foreign_keys = ON",
        "PRAGMA synchronous = NORMAL",
    ] {
        conn.execute(pragma).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded migrations must be exactly what sqlx reads from the
    /// folders (it did so through `migrate!` before): the same versions,
    /// descriptions, kinds and checksums, or a database it migrated would
    /// refuse to start.
    #[tokio::test]
    async fn the_embedded_migrations_are_the_folders_as_sqlx_reads_them() {
        for (backend, files) in [
            ("sqlite", SQLITE_MIGRATIONS),
            ("postgres", POSTGRES_MIGRATIONS),
        ] {
            let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../migrations")
                .join(backend);
            let from_folder = Migrator::new(folder.as_path()).await.unwrap();
            let embedded = Migrator::new(Embedded(files)).await.unwrap();
            let summary = |m: &Migrator| {
                m.iter()
                    .map(|m| {
                        (
                            m.version,
                            m.description.to_string(),
                            m.migration_type,
                            m.checksum.to_vec(),
                            m.no_tx,
                        )
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(summary(&embedded), summary(&from_folder), "{backend}");
            assert!(embedded.iter().next().is_some(), "{backend}: no migrations");
        }
    }

    #[test]
    fn a_misnamed_migration_file_is_named_in_the_error() {
        let e = Embedded(&[("init.sql", "SELECT 1")])
            .migrations()
            .unwrap_err();
        assert!(e.contains("init.sql"), "{e}");
        let e = Embedded(&[("v1_init.sql", "SELECT 1")])
            .migrations()
            .unwrap_err();
        assert!(
            e.contains("v1_init.sql") && e.contains("not a number"),
            "{e}"
        );
    }
}

//! The test harness: a real server on port 0 with a fresh database per test,
//! on SQLite or PostgreSQL.

pub mod applications;
pub mod browser;
pub mod harvest;
pub mod ical;
pub mod library_copy;
pub mod pages;
pub mod panel;
pub mod process;
pub mod raw;
pub mod smtp;
pub mod webm;
pub mod world;
pub mod xss;

use app::db::{users, Db};
use app::domain::accounts::{Email, Role};
use app::domain::Library;
use leptos::config::LeptosOptions;
use server::http::serve::{serve, Timeouts};
use server::http::throttle::RateLimits;
use server::http::{build_app_with, AppState};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn rubrics_dir() -> PathBuf {
    workspace_root().join("rubrics")
}

pub fn site_root() -> PathBuf {
    std::env::var_os("HIRING_KIT_SITE_ROOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target/site"))
}

/// The shipped library, loaded once per test binary.
pub fn library() -> Arc<Library> {
    static LIBRARY: OnceLock<Arc<Library>> = OnceLock::new();
    LIBRARY
        .get_or_init(|| {
            Arc::new(
                server::rubrics::load(&rubrics_dir()).expect("the shipped rubric library is valid"),
            )
        })
        .clone()
}

/// The PostgreSQL server to test against, or `None` (with a note) when the
/// suite runs without one. `HIRING_KIT_REQUIRE_POSTGRES=1` (set by CI) turns
/// a missing server into a failure.
pub fn postgres_admin_url() -> Option<String> {
    match std::env::var("HIRING_KIT_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            if std::env::var("HIRING_KIT_REQUIRE_POSTGRES").as_deref() == Ok("1") {
                panic!("HIRING_KIT_REQUIRE_POSTGRES=1 but HIRING_KIT_TEST_POSTGRES is not set");
            }
            eprintln!("PostgreSQL test SKIPPED: HIRING_KIT_TEST_POSTGRES is not set");
            None
        }
    }
}

pub struct TestApp {
    pub base: String,
    pub db: Db,
    /// What the server was built from, for tests that build another router.
    pub state: AppState,
    pub db_url: String,
    pub client: reqwest::Client,
    _dir: tempfile::TempDir,
    pg_cleanup: Option<(String, String)>,
    /// Send to begin the server's shutdown (see `served`).
    pub shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    /// The serve loop: ends after a shutdown, within its deadline.
    pub served: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

/// How a test's server is configured beyond its database.
#[derive(Clone, Debug, Default)]
pub struct Serving {
    pub limits: RateLimits,
    pub timeouts: Timeouts,
    /// Whether the outbox page says mail is sent (tests run the worker
    /// themselves, against their own SMTP server).
    pub mail_sending: bool,
}

impl Serving {
    /// Per-address limits far above anything one test sends from
    /// 127.0.0.1, for tests that send many anonymous requests on purpose
    /// and check something else (the per-email slow-down, the XSS corpus).
    pub fn unthrottled() -> Serving {
        use server::http::throttle::{Rate, RateLimits};
        let plenty = Rate {
            per_minute: 10_000,
            burst: 10_000,
        };
        Serving {
            limits: RateLimits {
                application_starts: plenty,
                uploads: plenty,
                sign_in: plenty,
                ..Default::default()
            },
            ..Default::default()
        }
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The server's data directory (uploads live under `uploads/`).
    pub fn data_dir(&self) -> &std::path::Path {
        self._dir.path()
    }

    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let res = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("request");
        let status = res.status().as_u16();
        (status, res.json().await.expect("JSON body"))
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let res = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("request");
        let status = res.status().as_u16();
        (status, res.text().await.expect("text body"))
    }
}

/// The password every test account gets.
pub const PASSWORD: &str = "a long test password";

/// The stored hash of [`PASSWORD`] for test accounts: argon2id at its
/// lightest parameters, computed once per run. The server verifies with the
/// parameters a hash carries, so signing in stays the real code path while
/// the suite no longer spends two full-cost hashes on every account. The
/// production hash is tested in `app::auth::password` and through
/// `hiring-kit user add` (user_cli.rs).
fn test_password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
        use argon2::password_hash::{rand_core::OsRng, PasswordHasher, SaltString};
        let light = argon2::Params::new(argon2::Params::MIN_M_COST, 1, 1, None).expect("params");
        argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, light)
            .hash_password(PASSWORD.as_bytes(), &SaltString::generate(&mut OsRng))
            .expect("hash")
            .to_string()
    })
}

impl TestApp {
    /// Creates an account (once) and returns its id.
    pub async fn user(&self, role: Role, email: &str) -> app::domain::keys::UserId {
        let email = Email::parse(email).expect("test email");
        if let Some((user, _)) = users::credentials(&self.db, &email).await.expect("lookup") {
            return user.id;
        }
        users::create(&self.db, &email, "", role, test_password_hash())
            .await
            .expect("create user")
    }

    /// A client with no session.
    pub fn anonymous(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            // A request that hangs fails its test with the path, instead
            // of stalling the suite.
            .timeout(std::time::Duration::from_secs(30))
            .build()
            .expect("client")
    }

    /// A client signed in through `POST /api/session` as a (new) account.
    pub async fn client_as(&self, role: Role, email: &str) -> reqwest::Client {
        self.user(role, email).await;
        let client = self.anonymous();
        let res = client
            .post(self.url("/api/session"))
            .json(&serde_json::json!({ "email": email, "password": PASSWORD }))
            .send()
            .await
            .expect("sign in");
        assert_eq!(res.status().as_u16(), 200, "sign-in as {email}");
        client
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Drop the per-test PostgreSQL database on a thread of its own: Drop
        // cannot await, and the test's runtime may be shutting down.
        if let Some((admin, name)) = self.pg_cleanup.take() {
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .ok()?;
                rt.block_on(async {
                    sqlx::any::install_default_drivers();
                    let pool = sqlx::AnyPool::connect(&admin).await.ok()?;
                    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&pool)
                        .await
                        .ok()
                })
            })
            .join();
        }
    }
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// The PostgreSQL database every test's database is copied from: empty,
/// with every migration applied, so a test starts from a copy instead of
/// running the migrations again. Named after a digest of the migrations,
/// so a changed migration makes a new one (and older ones are dropped); it
/// outlives the run and the next run reuses it.
fn postgres_template(admin: &str) -> String {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE
        .get_or_init(|| {
            // Made once, on a runtime of its own: each test has its own
            // runtime, and the first test's may end before the others'.
            let admin = admin.to_string();
            std::thread::spawn(move || {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime")
                    .block_on(make_postgres_template(&admin))
            })
            .join()
            .expect("the PostgreSQL template is made")
        })
        .clone()
}

async fn make_postgres_template(admin: &str) -> String {
    use sha2::{Digest, Sha256};
    let folder = workspace_root().join("migrations/postgres");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .expect("migrations/postgres")
        .map(|entry| entry.expect("a migration").path())
        .collect();
    files.sort();
    let mut digest = Sha256::new();
    for file in &files {
        digest.update(file.file_name().unwrap_or_default().as_encoded_bytes());
        digest.update(std::fs::read(file).expect("a migration's text"));
    }
    let hex: String = digest.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let name = format!("hk_template_{hex}");
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(admin)
        .await
        .expect("connect to the PostgreSQL admin database");
    let names = |pattern: &'static str| {
        let pool = pool.clone();
        async move {
            sqlx::query_as::<_, (String,)>(
                "SELECT datname::text FROM pg_database WHERE datname LIKE $1",
            )
            .bind(pattern)
            .fetch_all(&pool)
            .await
            .expect("list databases")
            .into_iter()
            .map(|(n,)| n)
            .collect::<Vec<_>>()
        }
    };
    for old in names("hk_template_%").await {
        if old != name {
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {old} WITH (FORCE)"))
                .execute(&pool)
                .await;
        }
    }
    if !names("hk_template_%").await.contains(&name) {
        // Made under a name of its own and renamed when complete, so a run
        // that stops half-way never leaves a template without every table.
        let making = format!("hk_making_{}", std::process::id());
        sqlx::query(&format!("DROP DATABASE IF EXISTS {making} WITH (FORCE)"))
            .execute(&pool)
            .await
            .expect("drop an unfinished template");
        sqlx::query(&format!("CREATE DATABASE {making}"))
            .execute(&pool)
            .await
            .expect("create the template");
        let (base, _) = admin.rsplit_once('/').expect("admin URL ends in /DATABASE");
        let db = Db::connect(&format!("{base}/{making}"))
            .await
            .expect("migrate the template");
        db.pool.close().await;
        let renamed = sqlx::query(&format!("ALTER DATABASE {making} RENAME TO {name}"))
            .execute(&pool)
            .await;
        if renamed.is_err() {
            // Another run made it meanwhile: use theirs.
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {making} WITH (FORCE)"))
                .execute(&pool)
                .await;
        }
    }
    pool.close().await;
    name
}

/// Starts the whole application on 127.0.0.1:0 with an empty database.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, Serving::default()).await
}

/// The same, with the given rate limits and timeouts, served by the
/// production accept loop.
pub async fn spawn_app_with(backend: Backend, serving: Serving) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let (url, pg_cleanup) = match backend {
        Backend::Sqlite => (
            format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display()),
            None,
        ),
        Backend::Postgres => {
            let admin =
                postgres_admin_url().expect("spawn_app(Postgres) needs HIRING_KIT_TEST_POSTGRES");
            let name = format!(
                "hk_test_{}_{}_{}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::SeqCst),
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.subsec_nanos())
                    .unwrap_or(0)
            );
            sqlx::any::install_default_drivers();
            let pool = sqlx::AnyPool::connect(&admin)
                .await
                .expect("connect to the PostgreSQL admin database");
            let template = postgres_template(&admin);
            sqlx::query(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
                .execute(&pool)
                .await
                .expect("create test database");
            pool.close().await;
            let (base, _) = admin.rsplit_once('/').expect("admin URL ends in /DATABASE");
            (format!("{base}/{name}"), Some((admin, name)))
        }
    };
    serve_database(url, dir, pg_cleanup, serving).await
}

/// A second server on the database of `first`, with a data directory of
/// its own: two instances behind a load balancer.
pub async fn spawn_app_sharing(first: &TestApp) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    serve_database(first.db_url.clone(), dir, None, Serving::default()).await
}

/// Serves the application on 127.0.0.1:0 over the database at `url`.
async fn serve_database(
    url: String,
    dir: tempfile::TempDir,
    pg_cleanup: Option<(String, String)>,
    serving: Serving,
) -> TestApp {
    let db_url = url.clone();
    let db = Db::connect(&url).await.expect("connect and migrate");
    let library = library();
    app::db::rubric_snapshots::record(&db, &library)
        .await
        .expect("record rubric snapshot");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind port 0");
    let addr = listener.local_addr().expect("local addr");
    let leptos_options = LeptosOptions::builder()
        .output_name(server::http::BUNDLE_OUTPUT_NAME)
        .site_root(site_root().to_string_lossy().to_string())
        .site_pkg_dir(server::http::bundle_pkg_dir(&site_root()))
        .site_addr(addr)
        .build();
    let state = AppState {
        leptos_options,
        db: db.clone(),
        library,
        data_dir: dir.path().to_path_buf(),
        secure_cookies: false,
        mail: app::api::mail::MailSettings {
            public_url: format!("http://{addr}"),
            sending: serving.mail_sending,
        },
    };
    let (shutdown, stop) = tokio::sync::oneshot::channel::<()>();
    let app_router = build_app_with(state.clone(), &serving.limits);
    let served = tokio::spawn(async move {
        serve(listener, app_router, serving.timeouts, async move {
            // A dropped sender is not a shutdown: the server runs for the
            // rest of the test.
            if stop.await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await
    });
    let mut app = TestApp {
        base: format!("http://{addr}"),
        db,
        state,
        db_url,
        client: reqwest::Client::new(),
        _dir: dir,
        pg_cleanup,
        shutdown: Some(shutdown),
        served: Some(served),
    };
    // Most tests act as an admin; authorisation tests make their own clients.
    app.client = app.client_as(Role::Admin, "admin@example.com").await;
    app
}

/// Runs a test body against a fresh app on SQLite, then on PostgreSQL when
/// one is configured (see [`postgres_admin_url`]).
pub async fn each_database<F, Fut>(body: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    body(spawn_app(Backend::Sqlite).await).await;
    if postgres_admin_url().is_some() {
        body(spawn_app(Backend::Postgres).await).await;
    }
}

/// The same with a configured server (`serving` is called per backend).
pub async fn each_database_with<S, F, Fut>(serving: S, body: F)
where
    S: Fn() -> Serving,
    F: Fn(TestApp) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    body(spawn_app_with(Backend::Sqlite, serving()).await).await;
    if postgres_admin_url().is_some() {
        body(spawn_app_with(Backend::Postgres, serving()).await).await;
    }
}

/// Declares a test that runs `body` on every database backend.
#[macro_export]
macro_rules! on_both_databases {
    ($name:ident, $body:ident) => {
        // A multi-thread runtime, like the server's own: the server under
        // test then runs the way it does in production.
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $name() {
            $crate::support::each_database($body).await
        }
    };
}

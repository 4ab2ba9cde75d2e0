//! What each subcommand does. Returns an exit code; messages go to stdout
//! (results) and stderr (problems).

use crate::cli::{CommonArgs, ServeArgs};
use crate::http::serve::Timeouts;
use crate::http::throttle::RateLimits;
use crate::http::{build_app_with, AppState};
use crate::rubrics::{self, Summary};
use app::db::{rubric_snapshots, scorecards, Db};
use leptos::config::LeptosOptions;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

/// `hiring-kit openapi`: the API's description, indented for reading.
pub fn openapi() -> ExitCode {
    match crate::http::openapi().to_pretty_json() {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("the OpenAPI document could not be encoded: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `hiring-kit rubrics check [DIR]`.
pub fn rubrics_check(dir: &Path) -> ExitCode {
    match rubrics::load(dir) {
        Ok(library) => {
            println!("{}", Summary::of(&library));
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!("{errors}");
            ExitCode::FAILURE
        }
    }
}

/// `hiring-kit lint eval [DIR]`: the linter against a labelled corpus.
pub fn lint_eval(rubrics_dir: &Path, dir: &Path) -> ExitCode {
    use crate::lint_eval::{below_floors, evaluate, load_corpus, load_floors, report};
    use std::io::Write as _;
    let library = match rubrics::load(rubrics_dir) {
        Ok(library) => library,
        Err(errors) => {
            eprintln!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    let cases = match load_corpus(dir) {
        Ok(cases) => cases,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let eval = evaluate(&cases, &library);
    // Written, not printed: `hiring-kit lint eval | head` closes the pipe
    // early, which is not an error worth a panic.
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(report(&eval).as_bytes());
    let floors_path = dir.join("floors.yaml");
    if !floors_path.exists() {
        return ExitCode::SUCCESS;
    }
    match load_floors(&floors_path) {
        Ok(floors) => {
            let below = below_floors(&eval, &floors);
            if below.is_empty() {
                let _ = writeln!(
                    out,
                    "\nEvery rule holds its floor ({}).",
                    floors_path.display()
                );
                ExitCode::SUCCESS
            } else {
                eprintln!("\nUnder the floors of {}:", floors_path.display());
                for line in below {
                    eprintln!("  {line}");
                }
                ExitCode::FAILURE
            }
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// `hiring-kit user add --email E --role R --password-stdin`.
pub async fn user_add(
    common: &CommonArgs,
    email: &str,
    name: &str,
    role: &str,
    password_stdin: bool,
) -> ExitCode {
    use app::domain::accounts::{check_password, parse_name, Email, Role};
    let fail = |message: String| {
        eprintln!("{message}");
        ExitCode::FAILURE
    };
    let email = match Email::parse(email) {
        Ok(e) => e,
        Err(e) => return fail(format!("--email: {e}")),
    };
    let role: Role = match role.parse() {
        Ok(r) => r,
        Err(e) => return fail(format!("--role: {e}")),
    };
    let name = match parse_name(name) {
        Ok(n) => n,
        Err(e) => return fail(format!("--name: {e}")),
    };
    if !password_stdin {
        return fail("pass --password-stdin and give the password on standard input".into());
    }
    let mut password = String::new();
    if let Err(e) = std::io::stdin().read_line(&mut password) {
        return fail(format!(
            "could not read the password from standard input: {e}"
        ));
    }
    let password = password.trim_end_matches(['\n', '\r']);
    if let Err(message) = check_password(password) {
        return fail(format!("password: {message}"));
    }
    let hash = match app::auth::password::hash(password) {
        Ok(h) => h,
        Err(e) => return fail(format!("could not hash the password: {e}")),
    };
    let db = match open_database(common).await {
        Ok(db) => db,
        Err(message) => return fail(message),
    };
    match app::db::users::create(&db, &email, &name, role, &hash).await {
        Ok(_) => {
            println!("Created {role} {}.", email.as_str());
            ExitCode::SUCCESS
        }
        Err(e) => fail(format!("the account was not created: {e}")),
    }
}

/// `hiring-kit demo`: the example of `crate::demo`, with how to sign in.
pub async fn demo(common: &CommonArgs) -> ExitCode {
    let library = match rubrics::load(&common.rubrics) {
        Ok(library) => library,
        Err(errors) => {
            eprintln!("{errors}");
            return ExitCode::FAILURE;
        }
    };
    let db = match open_database(common).await {
        Ok(db) => db,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = rubric_snapshots::record(&db, &library).await {
        eprintln!("could not record the rubric version: {e}");
        return ExitCode::FAILURE;
    }
    match crate::demo::load(&db, &library).await {
        Ok(demo) => {
            println!("Loaded the example requisition ({}).", demo.requisition);
            println!("Every example account has the password {}:", demo.password);
            for (email, role) in &demo.accounts {
                println!("  {email} ({})", role.id());
            }
            println!(
                "Its board is at /requisitions/{}/board; sign in as the recruiter or the hiring manager to see it.",
                demo.requisition
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("the example was not loaded: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The configured database, migrated; a message for the user on failure.
async fn open_database(common: &CommonArgs) -> Result<Db, String> {
    let url = common.resolve_database_url().map_err(|e| {
        format!(
            "could not create the data directory {}: {e}",
            common.data_dir.display()
        )
    })?;
    Db::connect(&url)
        .await
        .map_err(|e| format!("could not open the database: {e}"))
}

/// `hiring-kit serve`: refuses to start on an invalid library or an
/// unreachable database, before it listens.
pub async fn serve(common: &CommonArgs, serve: &ServeArgs) -> ExitCode {
    let library = match rubrics::load(&common.rubrics) {
        Ok(library) => Arc::new(library),
        Err(errors) => {
            eprintln!("{errors}");
            eprintln!("The server did not start: fix the rubric library and run again.");
            return ExitCode::FAILURE;
        }
    };
    let url = match common.resolve_database_url() {
        Ok(url) => url,
        Err(e) => {
            eprintln!(
                "could not create the data directory {}: {e}",
                common.data_dir.display()
            );
            return ExitCode::FAILURE;
        }
    };
    let db = match Db::connect(&url).await {
        Ok(db) => db,
        Err(e) => {
            eprintln!("could not open the database: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = rubric_snapshots::record(&db, &library).await {
        eprintln!("could not record the rubric version: {e}");
        return ExitCode::FAILURE;
    }
    crate::storage::clear_staging(&common.data_dir);
    // Files an older version kept under data/uploads move into the
    // database once; a failure is logged per file and retried at the next
    // start, and the files stay served from disk meanwhile.
    match crate::storage::move_disk_files_in(&db, &common.data_dir).await {
        Ok(moved) if moved == crate::storage::Moved::default() => {}
        Ok(moved) => tracing::info!(
            moved = moved.moved,
            missing = moved.missing,
            failed = moved.failed,
            "moved uploaded files from the data directory into the database"
        ),
        Err(e) => tracing::error!(error = %e, "could not move uploaded files into the database"),
    }
    // Cards written before the board's light copy of their ratings (or by
    // an older server beside this one) get it now; until then the board
    // reads them whole, so this only makes it faster.
    match scorecards::fill_ratings(&db).await {
        Ok(0) => {}
        Ok(filled) => tracing::info!(filled, "wrote the board's copy of older cards' ratings"),
        Err(e) => {
            tracing::error!(error = %e, "could not write the board's copy of older cards' ratings")
        }
    }
    let leptos_options = LeptosOptions::builder()
        .output_name(crate::http::BUNDLE_OUTPUT_NAME)
        .site_root(serve.site_root.to_string_lossy().to_string())
        .site_pkg_dir(crate::http::bundle_pkg_dir(&serve.site_root))
        .site_addr(serve.addr)
        .build();
    if !crate::http::bundle_script(&serve.site_root).exists() {
        tracing::warn!(
            site_root = %serve.site_root.display(),
            "no browser bundle found: pages render and work without JavaScript, but live behaviour needs scripts/build-site"
        );
    }
    let mail = match crate::mail::public_url(serve.public_url.as_deref(), serve.addr) {
        Ok(public_url) => app::api::mail::MailSettings {
            public_url,
            sending: serve.smtp_url.is_some(),
        },
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let worker = match crate::mail::Worker::new(
        db.clone(),
        serve.smtp_url.as_deref(),
        &serve.mail_from,
        mail.clone(),
    ) {
        Ok(worker) => worker,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let state = AppState {
        leptos_options,
        db: db.clone(),
        library: library.clone(),
        data_dir: common.data_dir.clone(),
        secure_cookies: serve.secure_cookies,
        mail: mail.clone(),
    };
    spawn_session_cleanup(db.clone());
    worker.spawn(std::time::Duration::from_secs(serve.mail_every.max(1)));
    if let Some(days) = serve.retention_days {
        spawn_retention(db.clone(), days);
    }
    let listener = match tokio::net::TcpListener::bind(serve.addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("could not listen on {}: {e}", serve.addr);
            return ExitCode::FAILURE;
        }
    };
    println!(
        "Alliance Hiring Kit is running at http://{}/ (database: {}, rubric version {})",
        serve.addr,
        db.backend.name(),
        library.version
    );
    match app::db::users::count(&db).await {
        Ok(0) => {
            let program = std::env::args()
                .next()
                .unwrap_or_else(|| "hiring-kit".into());
            let url = common.database_url.as_deref();
            println!(
                "There are no accounts yet. Create the first admin with (type the password, then Enter):\n  {}",
                crate::first_admin::command(&program, &common.data_dir, url)
            );
            if crate::first_admin::hides_password(url) {
                println!("  (put the database password where the command says PASSWORD)");
            }
        }
        Ok(_) => println!(
            "Sign in with an account an admin created (admins manage accounts at /admin/users)."
        ),
        Err(e) => eprintln!("could not count accounts: {e}"),
    }
    if mail.sending {
        println!(
            "Email goes out through --smtp-url, with links to {}.",
            mail.public_url
        );
    } else {
        println!("No SMTP server is set (--smtp-url): email waits in the outbox at /admin/outbox.");
    }
    match serve.retention_days {
        Some(days) => println!(
            "Candidates' personal data is erased {days} days after their requisition closes (--retention-days)."
        ),
        None => println!(
            "Candidates' personal data is kept until erased (set --retention-days to erase it after a requisition closes)."
        ),
    }
    println!("Stop with Ctrl-C.");
    let limits = RateLimits {
        trusted_proxy_header: serve.trusted_proxy_header.clone(),
        ..RateLimits::default()
    };
    match crate::http::serve::serve(
        listener,
        build_app_with(state, &limits),
        Timeouts::default(),
        shutdown_signal(),
    )
    .await
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("server error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Every hour, erases the candidates whose requisition closed more than
/// `days` days ago (see `app::service::data_rights::apply_retention`).
fn spawn_retention(db: Db, days: u32) {
    tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every_hour.tick().await;
            match app::service::data_rights::apply_retention(&db, days, chrono::Utc::now()).await {
                Ok(0) => {}
                Ok(erased) => {
                    tracing::info!(erased, days, "erased candidates past the retention period")
                }
                Err(e) => tracing::error!(error = %e, "the retention period could not be applied"),
            }
        }
    });
}

/// Expired sessions are refused when read; this only keeps the table small.
fn spawn_session_cleanup(db: Db) {
    tokio::spawn(async move {
        let store = crate::auth::DbSessionStore::new(db);
        let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every_hour.tick().await;
            if let Err(e) = store.delete_expired().await {
                tracing::warn!(error = %e, "could not delete expired sessions");
            }
        }
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}

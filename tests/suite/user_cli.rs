//! `hiring-kit user add`, run as the real binary against a fresh database.

use crate::on_both_databases;
use crate::support::TestApp;
use app::domain::accounts::{Email, Role};
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn user_add(db_url: &str, email: &str, role: &str, password: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hiring-kit"))
        .args([
            "user",
            "add",
            "--email",
            email,
            "--role",
            role,
            "--password-stdin",
            "--database-url",
            db_url,
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run hiring-kit");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{password}\n").as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

async fn the_first_admin_is_created_from_the_command_line(app: TestApp) {
    let out = user_add(
        &app.db_url,
        "  Owner@Example.com",
        "admin",
        "correct horse battery staple",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "Created admin owner@example.com."
    );
    let email = Email::parse("owner@example.com").unwrap();
    let (user, hash) = app::db::users::credentials(&app.db, &email)
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(user.role, Role::Admin);
    assert!(
        app::auth::password::verify("correct horse battery staple", &hash),
        "the password is stored as a verifiable hash"
    );
    assert!(!hash.contains("correct horse"));

    // The same email again is refused, and the first account is untouched.
    let again = user_add(
        &app.db_url,
        "owner@example.com",
        "recruiter",
        "another long password",
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let (user, _) = app::db::users::credentials(&app.db, &email)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.role, Role::Admin);
}
on_both_databases!(
    user_add_creates_admin,
    the_first_admin_is_created_from_the_command_line
);

async fn bad_input_is_refused_with_what_is_wrong(app: TestApp) {
    let cases = [
        (
            "not-an-email",
            "admin",
            "correct horse battery staple",
            "--email",
        ),
        (
            "a@example.com",
            "owner",
            "correct horse battery staple",
            "hiring-manager",
        ),
        ("a@example.com", "admin", "short", "at least 12"),
    ];
    let before: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    for (email, role, password, expected) in cases {
        let out = user_add(&app.db_url, email, role, password);
        assert!(!out.status.success(), "{email} {role} accepted");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{stderr}");
    }
    let count: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(count.0, before.0, "no account was created");
}
on_both_databases!(
    user_add_refuses_bad_input,
    bad_input_is_refused_with_what_is_wrong
);

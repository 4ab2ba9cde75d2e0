//! `hiring-kit demo`, run as the real binary: a new installation filled
//! with an example whose board, debrief and stages have something to show.

use crate::on_both_databases;
use crate::support::{rubrics_dir, TestApp};
use app::domain::candidate::Stage;
use app::domain::keys::RequisitionId;
use std::collections::BTreeSet;
use std::process::{Command, Output};

fn demo(db_url: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hiring-kit"))
        .arg("demo")
        .arg("--database-url")
        .arg(db_url)
        .arg("--rubrics")
        .arg(rubrics_dir())
        .output()
        .expect("run hiring-kit demo")
}

async fn the_demo_fills_a_new_installation(app: TestApp) {
    let out = demo(&app.db_url);
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let requisition = RequisitionId::from(
        stdout
            .split("Loaded the example requisition (")
            .nth(1)
            .and_then(|rest| rest.split(')').next())
            .expect("the requisition's id"),
    );
    let password = stdout
        .split("password ")
        .nth(1)
        .and_then(|rest| rest.split(':').next())
        .expect("the password")
        .to_string();
    assert!(
        stdout.contains("rita.recruiter@example.com (recruiter)"),
        "{stdout}"
    );

    let candidates = app::db::candidates::list(&app.db, &requisition)
        .await
        .unwrap();
    assert_eq!(candidates.len(), 6);
    let stages: BTreeSet<&str> = candidates.iter().map(|c| c.stage.id()).collect();
    let every: BTreeSet<&str> = Stage::ALL.iter().map(|s| s.id()).collect();
    assert_eq!(stages, every, "a candidate at every stage");
    let states: Vec<(String, i64)> = sqlx::query_as(
        "SELECT state, COUNT(*) FROM scorecards WHERE requisition_id = $1 GROUP BY state ORDER BY state",
    )
    .bind(&requisition)
    .fetch_all(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(
        states,
        vec![("draft".to_string(), 1), ("submitted".to_string(), 20)]
    );
    let decisions = app::db::decisions::for_requisition(&app.db, &requisition)
        .await
        .unwrap();
    assert_eq!(decisions.len(), 1);
    let queued: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM outbox")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(queued.0, 0, "nobody real is behind the example's addresses");

    // The recruiter signs in with the printed password and sees the board.
    let rita = app.anonymous();
    let res = rita
        .post(app.url("/api/session"))
        .json(&serde_json::json!({ "email": "rita.recruiter@example.com", "password": password }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let board = rita
        .get(app.url(&format!("/requisitions/{requisition}/board")))
        .send()
        .await
        .unwrap();
    assert_eq!(board.status(), 200);
    let board = board.text().await.unwrap();
    assert!(board.contains("Adaeze Okafor") && board.contains("Bruno Salgado"));
    assert!(
        board.contains("Omar Farouk"),
        "interviewers by name: {board}"
    );
    assert!(
        board.contains("Practice on sample answers"),
        "the panel's calibration practice: {board}"
    );
    let (practised,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM practice_ratings")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(practised, 48);
    assert!(
        board.contains("items rated by two or more interviewers (")
            && !board.contains("not computed yet"),
        "the agreement figure has enough to go on: {board}"
    );

    let again = demo(&app.db_url);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already has 1 requisition"));
}

on_both_databases!(
    demo_fills_a_new_installation,
    the_demo_fills_a_new_installation
);

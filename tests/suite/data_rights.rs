//! Candidates' data rights: erasure on request and after the retention
//! period, with their ratings kept for the statistics, and the audit log of
//! who viewed, exported, changed or erased their data.

use crate::on_both_databases;
use crate::support::applications::{apply, candidate_at, upload, PDF};
use crate::support::pages::call_fn;
use crate::support::{panel, TestApp};
use app::domain::keys::CandidateId;

/// What the database still holds about a candidate: (name, email, files,
/// notes written on their cards, ratings on their cards).
async fn held(app: &TestApp, id: &CandidateId) -> (String, String, i64, usize, usize) {
    let (name, email): (String, String) =
        sqlx::query_as("SELECT name, email FROM candidates WHERE id = $1")
            .bind(id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    let (files,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM candidate_files WHERE candidate_id = $1")
            .bind(id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    let cards = app::db::scorecards::for_candidate(&app.db, id, app::db::scorecards::Detail::Whole)
        .await
        .unwrap();
    let notes = cards
        .values()
        .flat_map(|c| c.body.items.values())
        .filter(|i| !i.notes.is_empty())
        .count()
        + cards
            .values()
            .filter(|c| !c.body.takeaways.is_empty())
            .count();
    let ratings = cards
        .values()
        .flat_map(|c| c.body.items.values())
        .filter(|i| i.rating.is_some())
        .count();
    (name, email, files, notes, ratings)
}

async fn a_candidate_is_erased_on_request_and_the_ratings_stay(app: TestApp) {
    // A candidate with a resume, and the scored panel's first candidate.
    let p = panel::panel(&app).await;
    let page = apply(&app, &p.requisition, "ada.applicant@example.com", None).await;
    let applicant = candidate_at(&app, &page).await;
    let res = upload(
        &app,
        &format!("{page}/resume"),
        "resume",
        "cv.pdf",
        PDF.to_vec(),
    )
    .await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    let ada = p.candidates[0].clone();
    let before = held(&app, &ada).await;
    assert!(
        before.3 > 0 && before.4 > 0,
        "notes and ratings to begin with: {before:?}"
    );

    // The recruiter looks at Ada, then exports the board: both logged.
    let res = p
        .recruiter
        .get(app.url(&format!("/candidates/{ada}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = p
        .recruiter
        .get(app.url(&format!("/api/requisitions/{}/ratings.csv", p.requisition)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    // The hiring manager records a decision: a change, logged, whose
    // rationale the erasure will take out.
    let (status, body) = call_fn(
        &app,
        &p.manager,
        "record-decision",
        &[
            ("candidate_id", &ada),
            ("outcome", "hire"),
            (
                "rationale",
                "Ada showed first-hand evidence of a joint pipeline she built and kept honest.",
            ),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");

    // Only the people running the requisition erase, and only when sure.
    let (status, _) = call_fn(
        &app,
        &p.ivy,
        "erase-candidate",
        &[("id", &ada), ("confirm", "ERASE")],
    )
    .await;
    assert_eq!(status, 403);
    let (status, body) = call_fn(
        &app,
        &p.recruiter,
        "erase-candidate",
        &[("id", &ada), ("confirm", "yes")],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(
        held(&app, &ada).await,
        before,
        "nothing erased without the word"
    );
    for id in [&ada, applicant.id.as_str()] {
        let (status, body) = call_fn(
            &app,
            &p.recruiter,
            "erase-candidate",
            &[("id", id), ("confirm", "ERASE")],
        )
        .await;
        assert_eq!(status, 200, "{body}");
    }

    let (name, email, files, notes, ratings) = held(&app, &ada).await;
    assert_eq!(name, "Erased candidate");
    assert!(email.ends_with("@erased.invalid"), "{email}");
    assert_eq!(notes, 0, "no note about her is left");
    assert_eq!(ratings, before.4, "her ratings stay for the statistics");
    assert_eq!(held(&app, &applicant.id).await.2, 0, "the resume is gone");
    let (chunks,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM file_chunks")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(chunks, 0);
    let (mail,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE recipient = 'ada.applicant@example.com'")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(mail, 0, "her confirmation, with her private link, is gone");
    assert!(files == 0);
    // Her private link leads nowhere now.
    let res = app.anonymous().get(app.url(&page)).send().await.unwrap();
    assert_eq!(res.status(), 404);
    // The board still counts her ratings.
    let board = p
        .recruiter
        .get(app.url(&format!("/api/requisitions/{}/board", p.requisition)))
        .send()
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap();
    assert!(board.to_string().contains("Erased candidate"));

    // The audit log, for admins only.
    let (status, _) = call_fn(&app, &p.recruiter, "audit-log", &[]).await;
    assert!(status == 403 || status == 405, "{status}");
    let log: serde_json::Value = app
        .client
        .get(app.url("/api/fn/audit-log"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let actions: Vec<(String, String)> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_string(),
                e["actor_email"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for action in ["viewed", "exported", "erased"] {
        assert!(
            actions
                .iter()
                .any(|(a, who)| a == action && who == "rita@example.com"),
            "{action} by rita: {actions:?}"
        );
    }
    assert!(
        actions
            .iter()
            .any(|(a, who)| a == "changed" && who == "hank@example.com"),
        "the decision by hank: {actions:?}"
    );
    let (rationale,): (String,) =
        sqlx::query_as("SELECT rationale FROM debrief_decisions WHERE candidate_id = $1")
            .bind(&ada)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(rationale, "", "the rationale wrote about her");
    let (status, page) = app.get_text("/admin/audit").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("at the candidate&#x27;s request")
            || page.contains("at the candidate's request"),
        "{page}"
    );
}

on_both_databases!(
    erased_on_request,
    a_candidate_is_erased_on_request_and_the_ratings_stay
);

async fn the_retention_period_erases_candidates_of_closed_requisitions(app: TestApp) {
    let p = panel::panel(&app).await;
    let now = chrono::Utc::now();
    let days_ago = |d: i64| app::db::stamp(now - chrono::Duration::days(d));
    // Open: kept however long.
    assert_eq!(
        app::service::data_rights::apply_retention(&app.db, 30, now)
            .await
            .unwrap(),
        0
    );
    // Closed ten days ago: kept.
    let (status, body) = call_fn(
        &app,
        &p.recruiter,
        "close-requisition",
        &[("id", &p.requisition)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    sqlx::query("UPDATE requisitions SET closed_at = $1 WHERE id = $2")
        .bind(days_ago(10))
        .bind(&p.requisition)
        .execute(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(
        app::service::data_rights::apply_retention(&app.db, 30, now)
            .await
            .unwrap(),
        0
    );
    // Closed forty days ago: erased, once.
    sqlx::query("UPDATE requisitions SET closed_at = $1 WHERE id = $2")
        .bind(days_ago(40))
        .bind(&p.requisition)
        .execute(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(
        app::service::data_rights::apply_retention(&app.db, 30, now)
            .await
            .unwrap(),
        3
    );
    assert_eq!(
        app::service::data_rights::apply_retention(&app.db, 30, now)
            .await
            .unwrap(),
        0
    );
    for id in &p.candidates {
        let (name, _, _, notes, ratings) = held(&app, id).await;
        assert_eq!((name.as_str(), notes), ("Erased candidate", 0));
        assert!(ratings > 0);
    }
    let (by_job,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'erased' AND actor_email = '' AND detail LIKE '%retention period of 30 days%'",
    )
    .fetch_one(&app.db.pool)
    .await
    .unwrap();
    assert_eq!(by_job, 3);
}

on_both_databases!(
    retention_period,
    the_retention_period_erases_candidates_of_closed_requisitions
);

/// (action, actor, candidate, detail) of every audit entry, oldest first.
async fn audit_entries(app: &TestApp) -> Vec<(String, String, Option<String>, String)> {
    sqlx::query_as(
        "SELECT action, actor_email, candidate_id, detail FROM audit_log ORDER BY at, id",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap()
}

async fn candidates_added_and_imported_are_logged_and_a_reread_page_is_one_view(app: TestApp) {
    let p = panel::panel(&app).await;
    let ada = p.candidates[0].clone();
    let before = audit_entries(&app).await.len();

    // The candidate's page read three times (it reloads after each change
    // made on it), and the list: one view each.
    for _ in 0..3 {
        let res = p
            .recruiter
            .get(app.url(&format!("/candidates/{ada}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
    }
    // (The list page reads its list twice at once, so the JSON list
    // comes first here: two reads that race may both count.)
    for path in [
        format!("/api/requisitions/{}/candidates", p.requisition),
        format!("/requisitions/{}/candidates", p.requisition),
        format!("/api/requisitions/{}/candidates", p.requisition),
    ] {
        let res = p.recruiter.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
    }
    let (status, body) = call_fn(
        &app,
        &p.recruiter,
        "add-candidate",
        &[
            ("requisition_id", &p.requisition),
            ("name", "Dee Okafor"),
            ("email", "dee@example.net"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = call_fn(
        &app,
        &p.recruiter,
        "import-candidates",
        &[
            ("requisition_id", &p.requisition),
            (
                "text",
                "name,email\nEve Marsh,eve@example.net\nFinn Lowe,finn@example.net\n",
            ),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    // A refused import changes nothing, so logs nothing.
    let (status, _) = call_fn(
        &app,
        &p.recruiter,
        "import-candidates",
        &[
            ("requisition_id", &p.requisition),
            ("text", "name,email\nGus,not-an-address\n"),
        ],
    )
    .await;
    assert!(!(200..400).contains(&status), "{status}");

    let entries = audit_entries(&app).await.split_off(before);
    let by_rita = |detail: &str| {
        entries
            .iter()
            .filter(|(_, who, _, d)| who == "rita@example.com" && d == detail)
            .count()
    };
    assert_eq!(by_rita("the candidate's page"), 1, "{entries:?}");
    assert_eq!(by_rita("the candidate list"), 1, "{entries:?}");
    assert_eq!(by_rita("candidate added"), 1, "{entries:?}");
    assert_eq!(
        by_rita("candidate imported from a CSV file"),
        2,
        "{entries:?}"
    );
    assert!(entries
        .iter()
        .filter(|(_, _, _, d)| d.starts_with("candidate "))
        .all(|(action, _, candidate, _)| action == "changed" && candidate.is_some()));

    // Another person's look is theirs to account for.
    let res = p
        .manager
        .get(app.url(&format!("/candidates/{ada}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let views = audit_entries(&app)
        .await
        .into_iter()
        .filter(|(a, _, c, _)| a == "viewed" && c.as_deref() == Some(ada.as_str()))
        .count();
    assert_eq!(views, 2);
}

on_both_databases!(
    added_imported_and_viewed,
    candidates_added_and_imported_are_logged_and_a_reread_page_is_one_view
);

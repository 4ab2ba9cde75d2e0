//! The authorisation matrix: each role (and anonymous) against each route,
//! with the requisition, candidate and assignment they may or may not reach.

use crate::on_both_databases;
use crate::support::TestApp;
use app::db::{assignments, candidates, requisitions};
use app::domain::accounts::{Email, Role};
use app::domain::candidate::{NewCandidate, Source, Stage};
use reqwest::Method;
use serde_json::{json, Value};

/// The outcome fields of `POST /api/requisitions` (and `POST /api/jd`).
pub fn outcome() -> Value {
    json!({
        "sub_role": "partner-manager",
        "level": "mid",
        "partner": {"name": "Snowflake", "type": "technology"},
        "pipeline_target": {"amount": 4000000, "currency": "USD"},
        "cadence": ["monthly-joint-pipeline-review", "biweekly-deal-pairing"],
    })
}

/// Who asks, in the order of every row's expectations.
const WHO: [&str; 7] = [
    "anonymous",
    "admin",
    "recruiter on it",
    "hiring manager on it",
    "other recruiter",
    "assigned interviewer",
    "other interviewer",
];

/// A requisition with two candidates at the interview stage and ivy on the
/// first one's first round. `clients` are signed in as [`WHO`] lists, in
/// order: anonymous, admin, rita (recruiter on it), hank (hiring manager on
/// it), otto (another recruiter), ivy (assigned interviewer), iris (another
/// interviewer). Shared with the scorecard tests.
pub struct World {
    pub requisition: String,
    pub candidate: String,
    pub other_candidate: String,
    pub assignment: String,
    pub round: String,
    pub clients: Vec<reqwest::Client>,
}

pub async fn world(app: &TestApp) -> World {
    let recruiter = app.client_as(Role::Recruiter, "rita@example.com").await;
    let res = recruiter
        .post(app.url("/api/requisitions"))
        .json(&outcome())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let created: Value = res.json().await.unwrap();
    let requisition = created["requisition"]["id"].as_str().unwrap().to_string();
    assert_eq!(created["requisition"]["status"], "open");
    let round = created["plan"]["rounds"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();

    let manager_id = app.user(Role::HiringManager, "hank@example.com").await;
    requisitions::add_member(&app.db, &requisition, &manager_id)
        .await
        .unwrap();
    let add = |name: &str, email: &str| NewCandidate {
        name: name.into(),
        email: Email::parse(email).unwrap(),
        phone: None,
        links: vec![],
    };
    let (ada, bob) = (
        add("Ada Lovelace", "ada@example.com"),
        add("Bob Stone", "bob@example.com"),
    );
    let ids = candidates::create_all(&app.db, &requisition, &[ada, bob], Source::Added)
        .await
        .unwrap();
    for id in &ids {
        candidates::set_stage(&app.db, id, Stage::Interviewing, "strong resume")
            .await
            .unwrap();
    }
    let interviewer = app.user(Role::Interviewer, "ivy@example.com").await;
    let admin = app.user(Role::Admin, "admin@example.com").await;
    let assignment = assignments::create(
        &app.db,
        &assignments::NewAssignment {
            requisition_id: &requisition,
            candidate_id: &ids[0],
            round: &round,
            interviewer_id: &interviewer,
            starts_at: "2027-01-02T15:00:00.000Z",
            minutes: 45,
            created_by: &admin,
        },
    )
    .await
    .unwrap();
    let clients = vec![
        app.anonymous(),
        app.client.clone(),
        recruiter,
        app.client_as(Role::HiringManager, "hank@example.com").await,
        app.client_as(Role::Recruiter, "otto@example.com").await,
        app.client_as(Role::Interviewer, "ivy@example.com").await,
        app.client_as(Role::Interviewer, "iris@example.com").await,
    ];
    World {
        requisition,
        candidate: ids[0].clone(),
        other_candidate: ids[1].clone(),
        assignment,
        round,
        clients,
    }
}

async fn check(
    app: &TestApp,
    w: &World,
    method: Method,
    path: &str,
    body: Option<Value>,
    expected: [u16; 7],
) {
    for (i, client) in w.clients.iter().enumerate() {
        let mut req = client.request(method.clone(), app.url(path));
        if let Some(b) = &body {
            // Unique per caller, so a create is not refused as a duplicate.
            let text = b.to_string().replace("{who}", &i.to_string());
            req = req.header("content-type", "application/json").body(text);
        }
        let res = req.send().await.unwrap();
        let status = res.status().as_u16();
        if status != expected[i] {
            let body = res.text().await.unwrap_or_default();
            panic!(
                "{method} {path} as {}: {status}, expected {}: {body:.300}",
                WHO[i], expected[i]
            );
        }
    }
}

async fn every_role_reaches_exactly_what_it_should(app: TestApp) {
    let w = world(&app).await;
    let (r, c, a) = (
        w.requisition.clone(),
        w.candidate.clone(),
        w.assignment.clone(),
    );
    const RUNNERS: [u16; 7] = [401, 200, 200, 200, 403, 403, 403];
    const RUNNER_PAGES: [u16; 7] = [303, 200, 200, 200, 403, 403, 403];
    const ASSIGNED_PAGES: [u16; 7] = [303, 200, 200, 200, 403, 200, 403];

    // JSON API.
    check(
        &app,
        &w,
        Method::GET,
        "/api/kits",
        None,
        [401, 200, 200, 200, 200, 200, 200],
    )
    .await;
    check(
        &app,
        &w,
        Method::POST,
        "/api/jd/lint",
        Some(json!({"text": "x"})),
        [401, 200, 200, 200, 200, 403, 403],
    )
    .await;
    check(
        &app,
        &w,
        Method::GET,
        "/api/requisitions",
        None,
        [401, 200, 200, 200, 200, 403, 403],
    )
    .await;
    check(
        &app,
        &w,
        Method::POST,
        "/api/requisitions",
        Some(outcome()),
        [401, 201, 201, 201, 201, 403, 403],
    )
    .await;
    check(
        &app,
        &w,
        Method::GET,
        &format!("/api/requisitions/{r}"),
        None,
        RUNNERS,
    )
    .await;
    check(
        &app,
        &w,
        Method::GET,
        &format!("/api/requisitions/{r}/candidates"),
        None,
        RUNNERS,
    )
    .await;
    check(
        &app,
        &w,
        Method::POST,
        &format!("/api/requisitions/{r}/candidates"),
        Some(json!({"name": "Cand {who}", "email": "cand{who}@example.com"})),
        [401, 201, 201, 201, 403, 403, 403],
    )
    .await;
    check(
        &app,
        &w,
        Method::GET,
        &format!("/api/requisitions/{r}/assignments"),
        None,
        RUNNERS,
    )
    .await;
    // The first runner schedules; the next two reach the same slot (409),
    // which shows they got past the access check.
    check(
        &app,
        &w,
        Method::POST,
        &format!("/api/requisitions/{r}/assignments"),
        Some(json!({"candidate_id": w.other_candidate, "round": w.round, "interviewer_email": "iris@example.com", "starts_at": "2027-01-03T10:00:00Z"})),
        [401, 201, 409, 409, 403, 403, 403],
    )
    .await;
    // Server functions the pages call.
    check(
        &app,
        &w,
        Method::GET,
        &format!("/api/fn/requisition?id={r}"),
        None,
        RUNNERS,
    )
    .await;
    check(
        &app,
        &w,
        Method::GET,
        "/api/fn/accounts",
        None,
        [401, 200, 403, 403, 403, 403, 403],
    )
    .await;

    // Pages.
    check(
        &app,
        &w,
        Method::GET,
        &format!("/requisitions/{r}"),
        None,
        RUNNER_PAGES,
    )
    .await;
    check(
        &app,
        &w,
        Method::GET,
        &format!("/requisitions/{r}/candidates"),
        None,
        RUNNER_PAGES,
    )
    .await;
    check(
        &app,
        &w,
        Method::GET,
        &format!("/candidates/{c}"),
        None,
        ASSIGNED_PAGES,
    )
    .await;
    check(
        &app,
        &w,
        Method::GET,
        &format!("/interviews/{a}"),
        None,
        ASSIGNED_PAGES,
    )
    .await;
    check(
        &app,
        &w,
        Method::GET,
        &format!("/interviews/{a}/invite.ics"),
        None,
        ASSIGNED_PAGES,
    )
    .await;
    check(
        &app,
        &w,
        Method::GET,
        "/admin/users",
        None,
        [303, 200, 403, 403, 403, 403, 403],
    )
    .await;
    check(
        &app,
        &w,
        Method::GET,
        "/interviews",
        None,
        [303, 200, 200, 200, 200, 200, 200],
    )
    .await;
    // Each interviewer reaches only the candidate they interview: iris was
    // put on the other candidate's panel above, ivy was not.
    let other = format!("/candidates/{}", w.other_candidate);
    check(
        &app,
        &w,
        Method::GET,
        &other,
        None,
        [303, 200, 200, 200, 403, 403, 200],
    )
    .await;
}
on_both_databases!(
    authorisation_matrix,
    every_role_reaches_exactly_what_it_should
);

async fn a_refused_plan_edit_changes_nothing(app: TestApp) {
    let w = world(&app).await;
    let before = requisitions::get(&app.db, &w.requisition)
        .await
        .unwrap()
        .unwrap()
        .plan;
    let item = before.as_ref().unwrap().rounds[0].items[0].clone();
    let kind = serde_json::to_value(item.kind).unwrap();
    for client in [&w.clients[4], &w.clients[5]] {
        let res = client
            .post(app.url("/api/fn/edit-plan"))
            .form(&[
                ("id", w.requisition.as_str()),
                ("op", "drop"),
                ("kind", kind.as_str().unwrap()),
                ("item", item.id.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
    }
    let after = requisitions::get(&app.db, &w.requisition)
        .await
        .unwrap()
        .unwrap()
        .plan;
    assert_eq!(before, after);
    // The recruiter on it may.
    let res = w.clients[2]
        .post(app.url("/api/fn/edit-plan"))
        .form(&[
            ("id", w.requisition.as_str()),
            ("op", "drop"),
            ("kind", kind.as_str().unwrap()),
            ("item", item.id.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let after = requisitions::get(&app.db, &w.requisition)
        .await
        .unwrap()
        .unwrap()
        .plan
        .unwrap();
    assert!(after.round_of(&item).is_none(), "dropped");
}
on_both_databases!(refused_plan_edit, a_refused_plan_edit_changes_nothing);

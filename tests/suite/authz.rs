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

/// One line of the matrix: a request, and the status each of [`WHO`]
/// gets, in that order.
struct Row {
    method: Method,
    path: String,
    /// A JSON body; `{who}` in it becomes the caller's index, so a create
    /// is not refused as a duplicate.
    body: Option<Value>,
    expected: [u16; 7],
}

fn row(method: &Method, path: &str, body: Option<Value>, expected: [u16; 7]) -> Row {
    Row {
        method: method.clone(),
        path: path.to_string(),
        body,
        expected,
    }
}

/// Sends every row as every caller and reports every status that differs
/// from the table, not only the first.
async fn check(app: &TestApp, w: &World, matrix: &[Row]) {
    let mut wrong = Vec::new();
    for row in matrix {
        for (i, client) in w.clients.iter().enumerate() {
            let mut req = client.request(row.method.clone(), app.url(&row.path));
            if let Some(b) = &row.body {
                let text = b.to_string().replace("{who}", &i.to_string());
                req = req.header("content-type", "application/json").body(text);
            }
            let res = req.send().await.unwrap();
            let status = res.status().as_u16();
            if status != row.expected[i] {
                let body = res.text().await.unwrap_or_default();
                wrong.push(format!(
                    "{} {} as {}: {status}, expected {}: {body:.300}",
                    row.method, row.path, WHO[i], row.expected[i]
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

async fn every_role_reaches_exactly_what_it_should(app: TestApp) {
    let w = world(&app).await;
    let (r, c, a) = (&w.requisition, &w.candidate, &w.assignment);
    const RUNNERS: [u16; 7] = [401, 200, 200, 200, 403, 403, 403];
    const RUNNER_PAGES: [u16; 7] = [303, 200, 200, 200, 403, 403, 403];
    const ASSIGNED_PAGES: [u16; 7] = [303, 200, 200, 200, 403, 200, 403];
    let other = format!("/candidates/{}", w.other_candidate);
    let schedule = json!({"candidate_id": w.other_candidate, "round": w.round,
        "interviewer_email": "iris@example.com", "starts_at": "2027-01-03T10:00:00Z"});
    let candidate = json!({"name": "Cand {who}", "email": "cand{who}@example.com"});
    let lint = json!({"text": "x"});
    let (get, post) = (Method::GET, Method::POST);
    // Columns: anonymous, admin, recruiter on it, hiring manager on it,
    // other recruiter, assigned interviewer, other interviewer.
    #[rustfmt::skip]
    let matrix = [
        // JSON API.
        row(&get,  "/api/kits",                                 None,               [401, 200, 200, 200, 200, 200, 200]),
        row(&post, "/api/jd/lint",                              Some(lint),         [401, 200, 200, 200, 200, 403, 403]),
        row(&get,  "/api/requisitions",                         None,               [401, 200, 200, 200, 200, 403, 403]),
        row(&post, "/api/requisitions",                         Some(outcome()),    [401, 201, 201, 201, 201, 403, 403]),
        row(&get,  &format!("/api/requisitions/{r}"),           None,               RUNNERS),
        row(&get,  &format!("/api/requisitions/{r}/candidates"), None,              RUNNERS),
        row(&post, &format!("/api/requisitions/{r}/candidates"), Some(candidate),   [401, 201, 201, 201, 403, 403, 403]),
        row(&get,  &format!("/api/requisitions/{r}/assignments"), None,             RUNNERS),
        // The first runner schedules; the next two reach the same slot
        // (409), which shows they got past the access check.
        row(&post, &format!("/api/requisitions/{r}/assignments"), Some(schedule),   [401, 201, 409, 409, 403, 403, 403]),
        // Server functions the pages call.
        row(&get,  &format!("/api/fn/requisition?id={r}"),      None,               RUNNERS),
        row(&get,  "/api/fn/accounts",                          None,               [401, 200, 403, 403, 403, 403, 403]),
        // Pages.
        row(&get,  &format!("/requisitions/{r}"),               None,               RUNNER_PAGES),
        row(&get,  &format!("/requisitions/{r}/candidates"),    None,               RUNNER_PAGES),
        row(&get,  &format!("/candidates/{c}"),                 None,               ASSIGNED_PAGES),
        row(&get,  &format!("/interviews/{a}"),                 None,               ASSIGNED_PAGES),
        row(&get,  &format!("/interviews/{a}/invite.ics"),      None,               ASSIGNED_PAGES),
        row(&get,  "/admin/users",                              None,               [303, 200, 403, 403, 403, 403, 403]),
        row(&get,  "/interviews",                               None,               [303, 200, 200, 200, 200, 200, 200]),
        // Each interviewer reaches only the candidate they interview: iris
        // was put on the other candidate's panel above, ivy was not.
        row(&get,  &other,                                      None,               [303, 200, 200, 200, 403, 403, 200]),
    ];
    check(&app, &w, &matrix).await;
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

//! The authorisation matrix: each role (and anonymous) against each route,
//! with the requisition, candidate and assignment they may or may not reach.

use crate::on_both_databases;
use crate::support::world::{outcome, world, World};
use crate::support::TestApp;
use app::db::requisitions;
use reqwest::Method;
use serde_json::{json, Value};

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
            match &row.body {
                // Server functions take a form, as the pages post it.
                Some(Value::Object(fields)) if row.path.starts_with("/api/fn/") => {
                    let form: Vec<(String, String)> = fields
                        .iter()
                        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                        .collect();
                    req = req.form(&form);
                }
                Some(b) => {
                    let text = b.to_string().replace("{who}", &i.to_string());
                    req = req.header("content-type", "application/json").body(text);
                }
                None => {}
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
        row(&get,  "/api/fn/outbox",                            None,               [401, 200, 403, 403, 403, 403, 403]),
        row(&get,  "/api/fn/my-account",                        None,               [401, 200, 200, 200, 200, 200, 200]),
        row(&get,  "/api/fn/calibration",                       None,               [401, 200, 200, 200, 200, 200, 200]),
        row(&post, "/api/fn/require-calibration",               Some(json!({"requisition_id": r, "required": "off"})), RUNNERS),
        row(&post, "/api/fn/practice-rate",                     Some(json!({"sample": "0123456789abcdef", "rating": "meets"})), [401, 404, 404, 404, 404, 404, 404]),
        // Refused past the access check (no such person, a bad time, no
        // such message): only those allowed get that far.
        row(&post, "/api/fn/remove-member",                     Some(json!({"id": r, "user_id": "nobody"})), [401, 404, 404, 404, 403, 403, 403]),
        row(&post, "/api/fn/reschedule-interview",              Some(json!({"id": a, "starts_at": "soon"})), [401, 422, 422, 422, 403, 403, 403]),
        row(&post, "/api/fn/outbox-retry",                      Some(json!({"id": "nothing"})),              [401, 409, 403, 403, 403, 403, 403]),
        row(&post, "/api/fn/rename-account",                    Some(json!({"id": "nobody", "name": "X"})),  [401, 404, 403, 403, 403, 403, 403]),
        // Pages.
        row(&get,  &format!("/requisitions/{r}"),               None,               RUNNER_PAGES),
        row(&get,  &format!("/requisitions/{r}/candidates"),    None,               RUNNER_PAGES),
        row(&get,  &format!("/candidates/{c}"),                 None,               ASSIGNED_PAGES),
        row(&get,  &format!("/interviews/{a}"),                 None,               ASSIGNED_PAGES),
        row(&get,  &format!("/interviews/{a}/invite.ics"),      None,               ASSIGNED_PAGES),
        row(&get,  "/admin/users",                              None,               [303, 200, 403, 403, 403, 403, 403]),
        row(&get,  "/admin/outbox",                             None,               [303, 200, 403, 403, 403, 403, 403]),
        row(&get,  "/account",                                  None,               [303, 200, 200, 200, 200, 200, 200]),
        row(&get,  "/calibration",                              None,               [303, 200, 200, 200, 200, 200, 200]),
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

//! The requisition most tests start from: two candidates at the interview
//! stage, a panel slot, and a signed-in client for each kind of person.

use super::pages::location;
use super::TestApp;
use app::db::{assignments, candidates, requisitions};
use app::domain::accounts::{Email, Role};
use app::domain::candidate::{NewCandidate, Source, Stage};
use app::domain::keys::{AssignmentId, CandidateId, RequisitionId};
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

/// A requisition with two candidates at the interview stage and ivy on the
/// first one's first round. `clients`, in order: anonymous, admin, rita
/// (recruiter on it), hank (hiring manager on it), otto (another
/// recruiter), ivy (assigned interviewer), iris (another interviewer); the
/// authorisation matrix's columns follow the same order.
pub struct World {
    pub requisition: RequisitionId,
    pub candidate: CandidateId,
    pub other_candidate: CandidateId,
    pub assignment: AssignmentId,
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
    let requisition = RequisitionId::from(created["requisition"]["id"].as_str().unwrap());
    assert_eq!(created["requisition"]["status"], "open");
    let round = created["plan"]["rounds"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();

    let manager_id = app.user(Role::HiringManager, "hank@example.com").await;
    requisitions::add_member(&app.db, &requisition, &manager_id, None)
        .await
        .unwrap();
    let ids = interviewing(app, &requisition, &["Ada Lovelace", "Bob Stone"]).await;
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
            part: app::domain::requisition::Part::Interviewer,
        },
        |_| None,
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

/// The item keys of a card as `GET /api/scorecards/{id}` returns it.
pub fn keys(card: &Value) -> Vec<String> {
    card["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["key"].as_str().unwrap().to_string())
        .collect()
}

/// The JD studio's form for a co-sell ops manager, as a browser sends it.
pub const SAVE_FORM: &str = "query[mode]=generate&query[sub_role]=co-sell-ops&query[level]=mid&query[partner_name]=HubSpot\
&query[partner_type]=technology&query[amount]=2000000&query[currency]=USD&query[monthly]=1&query[pairing]=weekly-deal-pairing";

/// Saves a JD and opens it as `client` (who becomes its owner); returns
/// the requisition's id.
/// Candidates added by name (email: first name at example.com) and moved
/// to the interview stage, in order; returns their ids.
pub async fn interviewing(
    app: &TestApp,
    requisition: &RequisitionId,
    names: &[&str],
) -> Vec<CandidateId> {
    let new = |name: &&str| NewCandidate {
        name: name.to_string(),
        email: Email::parse(&format!(
            "{}@example.com",
            name.split(' ').next().unwrap_or(name).to_lowercase()
        ))
        .unwrap(),
        phone: None,
        links: vec![],
    };
    let new: Vec<NewCandidate> = names.iter().map(new).collect();
    let ids = candidates::create_all(&app.db, requisition, &new, Source::Added)
        .await
        .unwrap();
    for id in &ids {
        candidates::set_stage(&app.db, id, Stage::Interviewing, "strong resume")
            .await
            .unwrap();
    }
    ids
}

pub async fn open_requisition_as(app: &TestApp, client: &reqwest::Client) -> RequisitionId {
    let id = save_draft(app, client, SAVE_FORM).await;
    open_draft(app, client, &id).await;
    id
}

/// Saves the JD studio's form `form` (as a browser without JavaScript
/// sends it) as `client`; returns the draft requisition's id.
pub async fn save_draft(app: &TestApp, client: &reqwest::Client, form: &str) -> RequisitionId {
    let res = client
        .post(app.url("/api/fn/save-jd"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .header("origin", app.base.clone())
        .header("referer", app.url("/jd"))
        .body(form.to_string())
        .send()
        .await
        .unwrap();
    location(&res)
        .strip_prefix("/requisitions/")
        .expect("saved as a draft")
        .into()
}

/// Opens a draft requisition for candidates, as `client`.
pub async fn open_draft(app: &TestApp, client: &reqwest::Client, id: &str) {
    let res = client
        .post(app.url("/api/fn/open-requisition"))
        .form(&[("id", id)])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "open: {}", res.status());
}

/// Adds a candidate through the API and returns their id.
pub async fn add_candidate(
    app: &TestApp,
    client: &reqwest::Client,
    requisition: &str,
    name: &str,
    email: &str,
) -> CandidateId {
    let res = client
        .post(app.url(&format!("/api/requisitions/{requisition}/candidates")))
        .json(&json!({ "name": name, "email": email }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "add {email}");
    let body: Value = res.json().await.unwrap();
    body["id"].as_str().unwrap().into()
}

pub async fn candidate_count(app: &TestApp, requisition: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM candidates WHERE requisition_id = $1")
        .bind(requisition)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    n
}

//! Candidates applying: an open requisition, the application form, the
//! files a candidate uploads (small real PDF and WebM headers) and where
//! their bytes end up.

use super::world::{open_draft, save_draft};
use super::TestApp;
use app::db::{candidates, requisitions};
use app::domain::keys::RequisitionId;
use app::domain::Kit;
use reqwest::multipart::{Form, Part};

/// The JD studio's form for a partner manager, as a browser sends it.
const SAVE_FORM: &str = "query[mode]=generate&query[sub_role]=partner-manager&query[level]=mid&query[partner_name]=Snowflake\
&query[partner_type]=technology&query[amount]=4000000&query[currency]=USD&query[monthly]=1&query[pairing]=weekly-deal-pairing";

pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

pub const WEBM: &[u8] = &[0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01];

/// Saves a JD (a partner manager for Snowflake) as the admin and returns
/// the draft's id.
pub async fn draft_requisition(app: &TestApp) -> RequisitionId {
    save_draft(app, &app.client, SAVE_FORM).await
}

/// A requisition open for applications.
pub async fn open_requisition(app: &TestApp) -> RequisitionId {
    let id = draft_requisition(app).await;
    open_draft(app, &app.client, &id).await;
    id
}

pub async fn kit_of(app: &TestApp, id: &RequisitionId) -> std::sync::Arc<Kit> {
    let requisition = requisitions::get(&app.db, id).await.unwrap().unwrap();
    app::service::kits::frozen_kit(&app.db, &requisition)
        .await
        .unwrap()
}

/// The form a candidate posts: contact details and, for each knock-out,
/// the index of the answer (the first answer passes in every shipped kit).
pub fn application_form(
    kit: &Kit,
    name: &str,
    email: &str,
    fail: Option<usize>,
) -> Vec<(String, String)> {
    let mut form = vec![
        ("id".to_string(), String::new()),
        ("name".into(), name.into()),
        ("email".into(), email.into()),
        ("phone".into(), "+1 555 0100".into()),
        ("links".into(), "https://example.com/ada".into()),
    ];
    for (i, k) in kit.application.knockouts.iter().enumerate() {
        let answer = if Some(i) == fail {
            k.answers
                .iter()
                .position(|a| a.disqualifies)
                .expect("a disqualifying answer")
        } else {
            k.answers
                .iter()
                .position(|a| !a.disqualifies)
                .expect("a passing answer")
        };
        form.push((format!("knockout[{}]", k.id), answer.to_string()));
    }
    form
}

/// The first step of an application (`apply-start`) as a browser without
/// JavaScript posts it from the job's page: the answer is a redirect.
pub async fn post_application_form(
    app: &TestApp,
    id: &str,
    form: &[(String, String)],
) -> reqwest::Response {
    app.anonymous()
        .post(app.url("/api/fn/apply-start"))
        .header("accept", "text/html")
        .header("referer", app.url(&format!("/apply/{id}")))
        .form(form)
        .send()
        .await
        .unwrap()
}

/// Posts the application form as a plain browser form; returns the
/// candidate's page address.
pub async fn apply(app: &TestApp, id: &RequisitionId, email: &str, fail: Option<usize>) -> String {
    let kit = kit_of(app, id).await;
    let mut form = application_form(&kit, "Ada Lovelace", email, fail);
    form[0].1 = id.to_string();
    let res = post_application_form(app, id, &form).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        location.starts_with(&format!("/apply/{id}/")),
        "to the candidate's page: {location}"
    );
    location
}

pub async fn candidate_at(app: &TestApp, page: &str) -> app::domain::requisition::Candidate {
    let mut parts = page.trim_start_matches("/apply/").split('/');
    let (id, token) = (parts.next().unwrap(), parts.next().unwrap());
    candidates::by_token(&app.db, &id.into(), token)
        .await
        .unwrap()
        .expect("candidate stored")
}

pub async fn upload(
    app: &TestApp,
    url: &str,
    field: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let part = Part::bytes(bytes).file_name(name.to_string());
    app.anonymous()
        .post(app.url(url))
        .multipart(Form::new().part(field.to_string(), part))
        .send()
        .await
        .unwrap()
}

/// Everything that holds uploaded bytes: each file with chunks in the
/// database, then anything on disk (a staged part left behind, a file from
/// before files moved into the database).
pub async fn stored_files(app: &TestApp) -> Vec<String> {
    let mut stored: Vec<String> =
        sqlx::query_as::<_, (String,)>("SELECT DISTINCT file_id FROM file_chunks")
            .fetch_all(&app.db.pool)
            .await
            .unwrap()
            .into_iter()
            .map(|(id,)| id)
            .collect();
    for dir in ["staging", "uploads"] {
        if let Ok(entries) = std::fs::read_dir(app.data_dir().join(dir)) {
            stored.extend(
                entries.map(|e| format!("{dir}/{}", e.unwrap().file_name().to_string_lossy())),
            );
        }
    }
    stored
}

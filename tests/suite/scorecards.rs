//! Scorecards over HTTP: drafts that round-trip, refused input named field
//! by field, stale saves refused with the stored text, submission and
//! amendments with their history, the independent-scoring rule on every
//! route and page, private notes kept private, and many interviewers saving
//! at once without an error or a lost save.

use crate::on_both_databases;
use crate::support::world::keys;
use crate::support::world::{world, World};
use crate::support::{each_database_with, Serving, TestApp, PASSWORD};
use app::db::{assignments, requisitions, users};
use app::domain::accounts::{Email, Role};
use app::domain::keys::{AssignmentId, CandidateId, UserId};
use serde_json::{json, Value};
use tokio::task::JoinSet;

// Indices into `World::clients`.
const ANONYMOUS: usize = 0;
const ADMIN: usize = 1;
const RECRUITER: usize = 2;
const OTHER_RECRUITER: usize = 4;
const IVY: usize = 5;
const IRIS: usize = 6;

async fn send(req: reqwest::RequestBuilder) -> (u16, Value) {
    let res = req.send().await.expect("request");
    let status = res.status().as_u16();
    let text = res.text().await.expect("body");
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, Value) {
    send(client.get(app.url(path))).await
}

async fn put_card(
    app: &TestApp,
    client: &reqwest::Client,
    id: &str,
    request: Value,
) -> (u16, Value) {
    send(
        client
            .put(app.url(&format!("/api/scorecards/{id}")))
            .json(&request),
    )
    .await
}

async fn submit(app: &TestApp, client: &reqwest::Client, id: &str, version: i64) -> (u16, Value) {
    send(
        client
            .post(app.url(&format!("/api/scorecards/{id}/submit")))
            .json(&json!({ "version": version })),
    )
    .await
}

/// The card as its interviewer reads it (created on the first read).
async fn own_card(app: &TestApp, client: &reqwest::Client, id: &str) -> Value {
    let (status, card) = get(app, client, &format!("/api/scorecards/{id}")).await;
    assert_eq!(status, 200, "{card}");
    card
}

fn version(card: &Value) -> i64 {
    card["version"].as_i64().expect("a version")
}

/// A complete card: every item rated, its first positive indicator ticked,
/// notes marked with `tag`, a recommendation.
fn full_body(card: &Value, tag: &str) -> Value {
    let mut items = serde_json::Map::new();
    for item in card["items"].as_array().unwrap() {
        let key = item["key"].as_str().unwrap();
        let ticked: Vec<u64> = if item["positive"].as_array().is_some_and(|p| !p.is_empty()) {
            vec![0]
        } else {
            vec![]
        };
        items.insert(
            key.to_string(),
            json!({ "rating": "meets", "positive": ticked, "notes": format!("{tag} shared note on {key}") }),
        );
    }
    json!({
        "items": items,
        "private_notes": format!("{tag} PRIVATE note"),
        "recommendation": "hire",
        "takeaways": format!("{tag} take-aways"),
    })
}

/// Writes a complete card and submits it; returns the submitted version.
async fn fill_and_submit(app: &TestApp, client: &reqwest::Client, id: &str, tag: &str) -> i64 {
    let card = own_card(app, client, id).await;
    let (status, saved) = put_card(
        app,
        client,
        id,
        json!({ "version": version(&card), "body": full_body(&card, tag) }),
    )
    .await;
    assert_eq!(status, 200, "{saved}");
    let (status, submitted) = submit(app, client, id, saved["version"].as_i64().unwrap()).await;
    assert_eq!(status, 200, "{submitted}");
    submitted["version"].as_i64().unwrap()
}

/// The plan's round ids of the world's requisition.
async fn rounds(app: &TestApp, w: &World) -> Vec<String> {
    requisitions::get(&app.db, &w.requisition)
        .await
        .unwrap()
        .unwrap()
        .plan
        .unwrap()
        .rounds
        .into_iter()
        .map(|r| r.round)
        .collect()
}

async fn user_id(app: &TestApp, email: &str) -> UserId {
    users::credentials(&app.db, &Email::parse(email).unwrap())
        .await
        .unwrap()
        .expect("an account")
        .0
        .id
}

/// Puts someone on a round of a candidate's panel, as scheduling would.
async fn assign(
    app: &TestApp,
    w: &World,
    candidate: &CandidateId,
    round: &str,
    email: &str,
) -> AssignmentId {
    let interviewer = user_id(app, email).await;
    let admin = user_id(app, "admin@example.com").await;
    assignments::create(
        &app.db,
        &assignments::NewAssignment {
            requisition_id: &w.requisition,
            candidate_id: candidate,
            round,
            interviewer_id: &interviewer,
            starts_at: "2027-01-05T10:00:00.000Z",
            minutes: 45,
            created_by: &admin,
            part: app::domain::requisition::Part::Interviewer,
        },
        |_| None,
    )
    .await
    .unwrap()
}

async fn a_draft_round_trips_and_bad_input_is_named(app: TestApp) {
    let w = world(&app).await;
    let ivy = &w.clients[IVY];
    let card = own_card(&app, ivy, &w.assignment).await;
    assert_eq!(card["state"], "draft");
    assert_eq!(card["mine"], true);
    assert_eq!(version(&card), 1);
    assert_eq!(card["candidate_name"], "Ada Lovelace");
    assert_eq!(card["interviewer_email"], "ivy@example.com");
    let requisition = requisitions::get(&app.db, &w.requisition)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(card["rubric_version"], requisition.rubric_version.as_str());
    let keys = keys(&card);
    assert!(!keys.is_empty(), "the round has items: {card}");
    let first = &card["items"][0];
    assert!(first["title"].is_string() && first["anchors"]["meets"].is_string());
    assert_eq!(
        card["body"]["private_notes"], "",
        "the author's card has them"
    );

    let body = json!({
        "items": { keys[0].clone(): { "rating": "exceeds", "positive": [0], "notes": "**Named both partners.** <script>alert(1)</script>" } },
        "private_notes": "ivy remembers the coffee",
        "recommendation": "strong-hire",
        "takeaways": "Clear *thinker*.",
    });
    let (status, saved) = put_card(
        &app,
        ivy,
        &w.assignment,
        json!({ "version": 1, "body": body }),
    )
    .await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["version"], 2);

    let card = own_card(&app, ivy, &w.assignment).await;
    assert_eq!(version(&card), 2);
    let item = &card["body"]["items"][&keys[0]];
    assert_eq!(item["rating"], "exceeds");
    assert_eq!(item["positive"], json!([0]));
    assert_eq!(card["body"]["private_notes"], "ivy remembers the coffee");
    assert_eq!(card["body"]["recommendation"], "strong-hire");
    let html = card["html"]["items"][&keys[0]].as_str().unwrap();
    assert!(
        html.contains("<strong>Named both partners.</strong>"),
        "{html}"
    );
    assert!(!html.contains("<script"), "sanitised: {html}");
    assert_eq!(
        card["html"]["takeaways"],
        "<p>Clear <em>thinker</em>.</p>\n"
    );

    // A bad rating and an item that is not on the card: both named, nothing stored.
    let (status, refused) = put_card(
        &app,
        ivy,
        &w.assignment,
        json!({ "version": 2, "body": { "items": {
            keys[0].clone(): { "rating": "great" },
            "competency:no-such-question": { "rating": "meets" },
        } } }),
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    let fields: Vec<&str> = refused["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    let rating_field = format!("items.{}.rating", keys[0]);
    assert!(fields.contains(&rating_field.as_str()), "{refused}");
    assert!(
        fields.contains(&"items.competency:no-such-question"),
        "{refused}"
    );
    let text = refused.to_string();
    assert!(text.contains("`great`"), "{text}");
    assert!(
        text.contains("no-evidence"),
        "lists the valid ratings: {text}"
    );

    // A misspelt field and a missing version are refused too.
    let (status, refused) = put_card(
        &app,
        ivy,
        &w.assignment,
        json!({ "version": 2, "body": { "recomendation": "hire" } }),
    )
    .await;
    assert_eq!(status, 422);
    assert!(refused.to_string().contains("recomendation"), "{refused}");
    let (status, refused) = put_card(&app, ivy, &w.assignment, json!({ "body": {} })).await;
    assert_eq!(status, 422);
    assert_eq!(refused["fields"][0]["field"], "version");

    let card = own_card(&app, ivy, &w.assignment).await;
    assert_eq!(version(&card), 2, "nothing refused was stored");
    assert_eq!(card["body"]["items"][&keys[0]]["rating"], "exceeds");

    let (status, _) = get(&app, ivy, "/api/scorecards/no-such-card").await;
    assert_eq!(status, 404);
}
on_both_databases!(
    scorecard_round_trip,
    a_draft_round_trips_and_bad_input_is_named
);

async fn a_stale_save_is_refused_and_the_newer_text_kept(app: TestApp) {
    let w = world(&app).await;
    let ivy = &w.clients[IVY];
    let card = own_card(&app, ivy, &w.assignment).await;
    let v = version(&card);
    let key = keys(&card)[0].clone();
    let with_note = |note: &str| json!({ "items": { key.clone(): { "notes": note } } });

    // Two tabs read version v; the laptop saves first.
    let (status, _) = put_card(
        &app,
        ivy,
        &w.assignment,
        json!({ "version": v, "body": with_note("from the laptop") }),
    )
    .await;
    assert_eq!(status, 200);
    let (status, refused) = put_card(
        &app,
        ivy,
        &w.assignment,
        json!({ "version": v, "body": with_note("from the phone") }),
    )
    .await;
    assert_eq!(status, 409, "{refused}");
    assert!(
        refused["error"]
            .as_str()
            .unwrap()
            .contains("changed elsewhere"),
        "{refused}"
    );
    assert_eq!(refused["current"]["version"], v + 1);
    assert_eq!(
        refused["current"]["body"]["items"][&key]["notes"],
        "from the laptop"
    );
    let stored = own_card(&app, ivy, &w.assignment).await;
    assert_eq!(stored["body"]["items"][&key]["notes"], "from the laptop");
    assert_eq!(version(&stored), v + 1);

    // A submit based on the old version is refused the same way.
    let (status, refused) = submit(&app, ivy, &w.assignment, v).await;
    assert_eq!(status, 409, "{refused}");
    assert_eq!(refused["current"]["state"], "draft");
}
on_both_databases!(stale_save, a_stale_save_is_refused_and_the_newer_text_kept);

async fn submission_amendments_and_history(app: TestApp) {
    let w = world(&app).await;
    let ivy = &w.clients[IVY];
    let card = own_card(&app, ivy, &w.assignment).await;
    let keys = keys(&card);

    // Nothing rated yet: the 422 lists every item and the recommendation.
    let (status, refused) = submit(&app, ivy, &w.assignment, version(&card)).await;
    assert_eq!(status, 422, "{refused}");
    let fields: Vec<String> = refused["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_string())
        .collect();
    let mut expected: Vec<String> = keys.iter().map(|k| format!("items.{k}.rating")).collect();
    expected.push("recommendation".into());
    assert_eq!(fields, expected);
    let (status, _) = send(
        ivy.post(app.url(&format!("/api/scorecards/{}/submit", w.assignment)))
            .json(&json!({})),
    )
    .await;
    assert_eq!(status, 422, "no version");

    let submitted = fill_and_submit(&app, ivy, &w.assignment, "IVY").await;
    let card = own_card(&app, ivy, &w.assignment).await;
    assert_eq!(card["state"], "submitted");
    assert_eq!(version(&card), submitted);
    assert!(card["submitted_at"].is_string());

    // Submitting twice is a conflict; a change now needs a reason.
    let (status, refused) = submit(&app, ivy, &w.assignment, submitted).await;
    assert_eq!(status, 409, "{refused}");
    assert!(refused["error"].as_str().unwrap().contains("amendment"));
    let mut amended = full_body(&card, "IVY");
    amended["items"][&keys[0]]["rating"] = json!("below");
    let (status, refused) = put_card(
        &app,
        ivy,
        &w.assignment,
        json!({ "version": submitted, "body": amended }),
    )
    .await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!(refused["fields"][0]["field"], "reason");
    let (status, saved) = put_card(
        &app,
        ivy,
        &w.assignment,
        json!({ "version": submitted, "body": amended, "reason": "Re-read my notes: the example was the team's, not hers." }),
    )
    .await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["version"], submitted + 1);
    let card = own_card(&app, ivy, &w.assignment).await;
    assert_eq!(card["state"], "submitted", "an amendment stays submitted");
    assert_eq!(card["body"]["items"][&keys[0]]["rating"], "below");

    let (status, history) = get(
        &app,
        ivy,
        &format!("/api/scorecards/{}/history", w.assignment),
    )
    .await;
    assert_eq!(status, 200, "{history}");
    let versions = history["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2, "drafts are not history: {history}");
    assert_eq!(versions[0]["kind"], "submit");
    assert_eq!(versions[0]["version"], submitted);
    assert_eq!(versions[0]["author_email"], "ivy@example.com");
    assert_eq!(versions[0]["reason"], "");
    assert_eq!(versions[0]["body"]["items"][&keys[0]]["rating"], "meets");
    assert_eq!(versions[1]["kind"], "amend");
    assert_eq!(versions[1]["version"], submitted + 1);
    assert_eq!(versions[1]["author_email"], "ivy@example.com");
    assert_eq!(
        versions[1]["reason"],
        "Re-read my notes: the example was the team's, not hers."
    );
    assert_eq!(versions[1]["body"]["items"][&keys[0]]["rating"], "below");
    for v in versions {
        let at = v["saved_at"].as_str().unwrap();
        assert!(at.ends_with('Z') && at.len() == 24, "{at}");
        assert_eq!(
            v["body"]["private_notes"], "IVY PRIVATE note",
            "the author's own"
        );
    }
    assert!(versions[0]["saved_at"].as_str() <= versions[1]["saved_at"].as_str());

    // The people running the requisition read it, without the private notes.
    let (status, history) = get(
        &app,
        &w.clients[RECRUITER],
        &format!("/api/scorecards/{}/history", w.assignment),
    )
    .await;
    assert_eq!(status, 200, "{history}");
    assert_eq!(history["versions"].as_array().unwrap().len(), 2);
    assert!(!history.to_string().contains("PRIVATE"), "{history}");
}
on_both_databases!(submit_and_amend, submission_amendments_and_history);

/// Every route and page the blind rule covers, as `client`: none may show
/// `secret`.
async fn shows_nothing_of(app: &TestApp, client: &reqwest::Client, paths: &[String], secret: &str) {
    for path in paths {
        let res = client.get(app.url(path)).send().await.unwrap();
        let status = res.status().as_u16();
        let text = res.text().await.unwrap();
        assert!(
            !text.contains(secret),
            "{path} ({status}) shows `{secret}`: {text:.400}"
        );
    }
}

async fn panelists_score_independently(app: TestApp) {
    let w = world(&app).await;
    let rounds = rounds(&app, &w).await;
    assert!(rounds.len() >= 3, "{rounds:?}");
    let (ivy, iris, admin, rita) = (
        &w.clients[IVY],
        &w.clients[IRIS],
        &w.clients[ADMIN],
        &w.clients[RECRUITER],
    );
    let c = w.candidate.clone();
    let ivy_card = w.assignment.clone();
    let iris_card = assign(&app, &w, &c, &rounds[1], "iris@example.com").await;
    let admin_card = assign(&app, &w, &c, &rounds[2], "admin@example.com").await;

    // Iris submits; ivy has a draft.
    fill_and_submit(&app, iris, &iris_card, "IRIS").await;
    let card = own_card(&app, ivy, &ivy_card).await;
    let (status, _) = put_card(
        &app,
        ivy,
        &ivy_card,
        json!({ "version": version(&card), "body": full_body(&card, "IVY-DRAFT") }),
    )
    .await;
    assert_eq!(status, 200);

    // Before ivy submits, nothing of iris's card reaches her.
    let list = format!("/api/candidates/{c}/scorecards");
    let (status, refused) = get(&app, ivy, &list).await;
    assert_eq!(status, 403, "{refused}");
    assert!(
        refused["error"]
            .as_str()
            .unwrap()
            .contains("score independently"),
        "{refused}"
    );
    for path in [
        format!("/api/scorecards/{iris_card}"),
        format!("/api/scorecards/{iris_card}/history"),
    ] {
        let (status, body) = get(&app, ivy, &path).await;
        assert_eq!(status, 403, "{path}: {body}");
    }
    let (status, _) = put_card(&app, ivy, &iris_card, json!({ "version": 2, "body": {} })).await;
    assert_eq!(status, 403, "only iris writes her card");
    let (status, _) = submit(&app, ivy, &iris_card, 2).await;
    assert_eq!(status, 403);
    let everywhere = [
        list.clone(),
        format!("/api/scorecards/{iris_card}"),
        format!("/api/scorecards/{iris_card}/history"),
        format!("/candidates/{c}"),
        format!("/interviews/{ivy_card}"),
        format!("/interviews/{iris_card}"),
        "/interviews".to_string(),
        format!("/api/fn/candidate?id={c}"),
        format!("/api/fn/interview?id={ivy_card}"),
        format!("/api/fn/interview?id={iris_card}"),
        "/api/fn/my-interviews".to_string(),
    ];
    shows_nothing_of(&app, ivy, &everywhere, "IRIS").await;

    // An admin on the panel is held to the same rule until their own card is in.
    let (status, _) = get(&app, admin, &list).await;
    assert_eq!(status, 403);
    let (status, _) = get(&app, admin, &format!("/api/scorecards/{iris_card}")).await;
    assert_eq!(status, 403);
    shows_nothing_of(&app, admin, &everywhere, "IRIS").await;

    // Someone not on the candidate at all reaches nothing.
    for path in [&list, &format!("/api/scorecards/{iris_card}")] {
        let (status, _) = get(&app, &w.clients[OTHER_RECRUITER], path).await;
        assert_eq!(status, 403, "{path}");
    }
    let outsider = app.client_as(Role::Interviewer, "ian@example.com").await;
    for path in [
        list.clone(),
        format!("/api/scorecards/{iris_card}"),
        format!("/api/scorecards/{iris_card}/history"),
    ] {
        let (status, _) = get(&app, &outsider, &path).await;
        assert_eq!(status, 403, "{path}");
    }
    let (status, _) = get(&app, &w.clients[ANONYMOUS], &list).await;
    assert_eq!(status, 401);

    // The recruiter running it sees every slot, drafts without content.
    let (status, panel) = get(&app, rita, &list).await;
    assert_eq!(status, 200, "{panel}");
    let cards = panel["scorecards"].as_array().unwrap();
    assert_eq!(cards.len(), 3, "{panel}");
    let by_id = |id: &str| cards.iter().find(|s| s["id"] == id).unwrap().clone();
    let iris_entry = by_id(&iris_card);
    assert_eq!(iris_entry["state"], "submitted");
    assert_eq!(iris_entry["interviewer_email"], "iris@example.com");
    assert_eq!(iris_entry["recommendation"], "hire");
    assert!(iris_entry["submitted_at"].is_string());
    let first = &iris_entry["items"][0];
    assert_eq!(first["rating"], "meets");
    assert!(first["notes"]
        .as_str()
        .unwrap()
        .starts_with("IRIS shared note"));
    assert!(first["notes_html"]
        .as_str()
        .unwrap()
        .starts_with("<p>IRIS shared note"));
    let ivy_entry = by_id(&ivy_card);
    assert_eq!(ivy_entry["state"], "draft");
    assert_eq!(
        ivy_entry.as_object().unwrap().len(),
        5,
        "a draft is its slot only: {ivy_entry}"
    );
    assert_eq!(by_id(&admin_card)["state"], "not-started");
    let text = panel.to_string();
    assert!(!text.contains("IVY-DRAFT"), "{text}");
    assert!(!text.contains("PRIVATE"), "{text}");
    let (status, _) = get(&app, rita, &format!("/api/scorecards/{ivy_card}")).await;
    assert_eq!(status, 403, "a draft is its author's");
    let (status, card) = get(&app, rita, &format!("/api/scorecards/{iris_card}")).await;
    assert_eq!(status, 200);
    assert_eq!(card["mine"], false);
    assert!(card["body"].get("private_notes").is_none(), "{card}");
    let (status, _) = put_card(&app, rita, &iris_card, json!({ "version": 2, "body": {} })).await;
    assert_eq!(status, 403, "the hiring team reads, never writes");

    // Once ivy submits, she reads iris's card (not its private notes), and
    // only submitted cards: the admin's unopened slot is not listed.
    fill_and_submit(&app, ivy, &ivy_card, "IVY").await;
    let (status, panel) = get(&app, ivy, &list).await;
    assert_eq!(status, 200, "{panel}");
    let states: Vec<&str> = panel["scorecards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, vec!["submitted", "submitted"], "{panel}");
    assert!(panel.to_string().contains("IRIS shared note"));
    let (status, card) = get(&app, ivy, &format!("/api/scorecards/{iris_card}")).await;
    assert_eq!(status, 200, "{card}");
    assert!(card.to_string().contains("IRIS shared note"));
    let (status, _) = get(&app, ivy, &format!("/api/scorecards/{iris_card}/history")).await;
    assert_eq!(status, 200);
    shows_nothing_of(&app, ivy, &everywhere, "IRIS PRIVATE").await;
    // Still none of the admin's card, which is not submitted.
    let (status, _) = get(&app, ivy, &format!("/api/scorecards/{admin_card}")).await;
    assert_eq!(status, 403);

    // And the admin, once theirs is in.
    fill_and_submit(&app, admin, &admin_card, "ADMIN").await;
    let (status, panel) = get(&app, admin, &list).await;
    assert_eq!(status, 200, "{panel}");
    assert_eq!(panel["scorecards"].as_array().unwrap().len(), 3);
    shows_nothing_of(&app, admin, &everywhere, "PRIVATE note").await;

    // Only the author ever sees their private notes.
    let own = own_card(&app, iris, &iris_card).await;
    assert_eq!(own["body"]["private_notes"], "IRIS PRIVATE note");
}
on_both_databases!(independent_scoring, panelists_score_independently);

/// How many interviewers save at once.
const SAVERS: usize = 50;

/// 50 interviewers, each on their own card, save several times at once;
/// then 50 writers append to one card, retrying on 409. Every answer is 200
/// or 409 (never a 500 or "database is locked"), and every acknowledged
/// save is in the database at the end.
async fn many_savers_lose_nothing(app: TestApp) {
    let w = world(&app).await;
    let round = w.round.clone();

    // Accounts straight into the database with one hash: hashing 50
    // passwords would dominate the test.
    let hash = app::auth::password::hash(PASSWORD).unwrap();
    let mut sign_ins = JoinSet::new();
    for i in 0..SAVERS {
        let email = format!("saver{i}@example.com");
        users::create(
            &app.db,
            &Email::parse(&email).unwrap(),
            "",
            Role::Interviewer,
            &hash,
        )
        .await
        .unwrap();
        let card = assign(&app, &w, &w.candidate, &round, &email).await;
        let base = app.base.clone();
        sign_ins.spawn(async move {
            let client = reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap();
            let res = client
                .post(format!("{base}/api/session"))
                .json(&json!({ "email": email, "password": PASSWORD }))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), 200, "sign-in as {email}");
            (i, client, card)
        });
    }
    let mut savers = Vec::new();
    while let Some(joined) = sign_ins.join_next().await {
        savers.push(joined.unwrap());
    }
    savers.sort_by_key(|(i, _, _)| *i);

    // Each saver: read the card, then several saves in a row.
    const SAVES: i64 = 4;
    let mut tasks = JoinSet::new();
    for (i, client, card) in savers.clone() {
        let base = app.base.clone();
        tasks.spawn(async move {
            let url = format!("{base}/api/scorecards/{card}");
            let res = client.get(&url).send().await.unwrap();
            assert_eq!(res.status().as_u16(), 200);
            let read: Value = res.json().await.unwrap();
            let mut version = read["version"].as_i64().unwrap();
            for n in 0..SAVES {
                let res = client
                    .put(&url)
                    .json(&json!({ "version": version, "body": { "takeaways": format!("saver {i}, save {n}") } }))
                    .send()
                    .await
                    .unwrap();
                let status = res.status().as_u16();
                let body = res.text().await.unwrap();
                assert_eq!(status, 200, "saver {i}, save {n}: {body}");
                let saved: Value = serde_json::from_str(&body).unwrap();
                version = saved["version"].as_i64().unwrap();
            }
            (card, version)
        });
    }
    let mut acknowledged = Vec::new();
    while let Some(joined) = tasks.join_next().await {
        acknowledged.push(joined.unwrap());
    }
    assert_eq!(acknowledged.len(), SAVERS);
    // Read back through a connection of its own: what was acknowledged is
    // committed to the database, not held by the server's pool.
    let fresh = app::db::Db::connect(&app.db_url).await.unwrap();
    for (card, version) in &acknowledged {
        let stored = app::db::scorecards::get(&fresh, card)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.version, *version);
        assert_eq!(stored.version, 1 + SAVES);
        let i = savers.iter().find(|(_, _, c)| c == card).unwrap().0;
        assert_eq!(
            stored.body.takeaways,
            format!("saver {i}, save {}", SAVES - 1)
        );
    }

    // One card, 50 writers at once, each adding its own line: a writer
    // refused as stale merges its line into the stored text and retries.
    let (_, owner, card) = savers[0].clone();
    let mut tasks = JoinSet::new();
    for i in 0..SAVERS {
        let client = owner.clone();
        let url = app.url(&format!("/api/scorecards/{card}"));
        tasks.spawn(async move {
            let res = client.get(&url).send().await.unwrap();
            let mut current: Value = res.json().await.unwrap();
            let line = format!("line {i}\n");
            let mut conflicts = 0;
            loop {
                let takeaways = format!("{}{line}", current["body"]["takeaways"].as_str().unwrap());
                let res = client
                    .put(&url)
                    .json(&json!({ "version": current["version"], "body": { "takeaways": takeaways } }))
                    .send()
                    .await
                    .unwrap();
                let status = res.status().as_u16();
                let body: Value = res.json().await.unwrap();
                match status {
                    200 => return (line, body["version"].as_i64().unwrap(), conflicts),
                    409 => {
                        conflicts += 1;
                        assert!(conflicts < 500, "writer {i} never got through");
                        current = body["current"].clone();
                        // Back off a little, differently per writer, as a
                        // client would, so the 50 do not collide in lockstep.
                        let pause = (i as u64 * 7 + conflicts as u64 * 13) % 23;
                        tokio::time::sleep(std::time::Duration::from_millis(pause)).await;
                    }
                    other => panic!("writer {i}: {other} {body}"),
                }
            }
        });
    }
    let mut lines = Vec::new();
    let mut conflicts = 0;
    while let Some(joined) = tasks.join_next().await {
        let (line, _, c) = joined.unwrap();
        lines.push(line);
        conflicts += c;
    }
    let stored = app::db::scorecards::get(&fresh, &card)
        .await
        .unwrap()
        .unwrap();
    let base = format!("saver 0, save {}", SAVES - 1);
    let appended = stored.body.takeaways.strip_prefix(&base).unwrap();
    for line in &lines {
        assert_eq!(
            appended.matches(line.as_str()).count(),
            1,
            "`{line}` is in the stored text once: {appended}"
        );
    }
    assert_eq!(stored.version, 1 + SAVES + SAVERS as i64);
    eprintln!("{SAVERS} writers on one card: {conflicts} stale saves refused and retried");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_savers() {
    // All 50 interviewers sign in from one address within a second, more
    // than the per-address sign-in burst allows a real office.
    let serving = || Serving {
        limits: server::http::throttle::RateLimits {
            sign_in: server::http::throttle::Rate {
                per_minute: 60,
                burst: 2 * SAVERS as u32,
            },
            ..Default::default()
        },
        ..Default::default()
    };
    each_database_with(serving, many_savers_lose_nothing).await
}

//! Saving a JD as a requisition draft, and the cross-site refusal.

use crate::on_both_databases;
use crate::support::TestApp;
use app::domain::keys::RequisitionId;

const SAVE_FORM: &str = "query[mode]=generate&query[sub_role]=partner-manager&query[level]=mid&query[partner_name]=Snowflake\
&query[partner_type]=technology&query[amount]=4000000&query[currency]=USD&query[monthly]=1&query[pairing]=weekly-deal-pairing";

async fn save(app: &TestApp, body: &str, origin: Option<&str>) -> reqwest::Response {
    let mut req = app
        .client
        .post(app.url("/api/fn/save-jd"))
        .header("content-type", "application/x-www-form-urlencoded")
        // What a browser with JavaScript off sends when the form is posted.
        .header("accept", "text/html")
        .header("referer", format!("{}/jd", app.base))
        .body(body.to_string());
    if let Some(o) = origin {
        req = req.header("origin", o);
    }
    req.send().await.unwrap()
}

async fn a_saved_jd_becomes_a_draft_with_the_frozen_rubric_version(app: TestApp) {
    let origin = app.base.clone();
    let res = save(&app, SAVE_FORM, Some(&origin)).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let location = res.headers()["location"].to_str().unwrap().to_string();
    let id = RequisitionId::from(
        location
            .strip_prefix("/requisitions/")
            .expect("redirect to the draft"),
    );
    assert_eq!(id.len(), 32, "a random id: {id}");

    let draft = app::db::requisitions::get(&app.db, &id)
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(draft.status, "draft");
    assert_eq!(draft.rubric_version, crate::support::library().version);
    assert_eq!(draft.outcome.partner_name, "Snowflake");
    assert!(draft.jd_markdown.contains("$4M"));

    let (status, html) = app.get_text(&location).await;
    assert_eq!(status, 200);
    assert!(html.contains("Partner manager (single partner), Mid: Snowflake partnership"));
    assert!(html.contains(&crate::support::library().version));
    let (status, _) = app.get_text("/requisitions/0000").await;
    assert_eq!(status, 404);
}
on_both_databases!(
    save_jd_as_draft,
    a_saved_jd_becomes_a_draft_with_the_frozen_rubric_version
);

async fn an_invalid_outcome_is_not_saved(app: TestApp) {
    let origin = app.base.clone();
    let res = save(&app, "query[mode]=generate&query[level]=mid", Some(&origin)).await;
    assert!(
        !res.status().is_success()
            || res
                .headers()
                .get("location")
                .is_none_or(|l| !l.to_str().unwrap().starts_with("/requisitions/"))
    );
    let count: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM requisitions")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(count.0, 0);
}
on_both_databases!(invalid_not_saved, an_invalid_outcome_is_not_saved);

async fn cross_site_posts_are_refused(app: TestApp) {
    let res = save(&app, SAVE_FORM, Some("http://evil.example")).await;
    assert_eq!(res.status(), 403);
    let res = app
        .client
        .post(app.url("/api/jd/lint"))
        .header("sec-fetch-site", "cross-site")
        .json(&serde_json::json!({"text": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let count: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM requisitions")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(count.0, 0, "nothing was saved by the refused request");
    // The same request from the site itself goes through.
    let res = app
        .client
        .post(app.url("/api/jd/lint"))
        .header("sec-fetch-site", "same-origin")
        .header("origin", app.base.clone())
        .json(&serde_json::json!({"text": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}
on_both_databases!(cross_site_refused, cross_site_posts_are_refused);

async fn requisitions_open_from_an_outcome_or_a_saved_draft(app: TestApp) {
    let (id, body) = opened_from_an_outcome(&app).await;
    assert_eq!(body["requisition"]["status"], "open");
    assert_eq!(
        body["requisition"]["rubric_version"],
        crate::support::library().version
    );
    assert!(body["apply_url"]
        .as_str()
        .unwrap()
        .ends_with(&format!("/apply/{id}")));
    assert!(!body["plan"]["rounds"].as_array().unwrap().is_empty());
    assert_eq!(body["plan"]["coverage"].as_array().unwrap().len(), 7);
    assert_eq!(
        body["plan"]["warnings"].as_array().unwrap().len(),
        0,
        "the kit's plan covers every competency"
    );

    // A draft saved from the studio opens by id.
    let origin = app.base.clone();
    let saved = save(&app, SAVE_FORM, Some(&origin)).await;
    let draft = saved.headers()["location"]
        .to_str()
        .unwrap()
        .trim_start_matches("/requisitions/")
        .to_string();
    let res = app
        .client
        .post(app.url("/api/requisitions"))
        .json(&serde_json::json!({ "draft_id": draft }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["requisition"]["id"], draft.as_str());
    assert_eq!(body["requisition"]["status"], "open");

    let res = app
        .client
        .post(app.url("/api/requisitions"))
        .json(&serde_json::json!({ "draft_id": "0000" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let res = app
        .client
        .post(app.url("/api/requisitions"))
        .json(&serde_json::json!({ "sub_role": "vp", "level": "mid" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert!(
        body["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["field"] == "sub_role"),
        "{body}"
    );
}
on_both_databases!(
    open_requisitions,
    requisitions_open_from_an_outcome_or_a_saved_draft
);

async fn the_plan_is_fixed_once_an_interview_has_started(app: TestApp) {
    let (id, body) = opened_from_an_outcome(&app).await;
    let item = body["plan"]["rounds"][0]["items"][0]["item"].clone();
    let shared = &app;
    let edit = |op: &'static str| {
        let item = item.clone();
        let id = id.clone();
        async move {
            shared
                .client
                .post(shared.url("/api/fn/edit-plan"))
                .form(&[
                    ("id", id.as_str()),
                    ("op", op),
                    ("kind", item["kind"].as_str().unwrap()),
                    ("item", item["id"].as_str().unwrap()),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    assert_eq!(
        edit("down").await.status(),
        200,
        "adjustable before interviews"
    );

    let candidate =
        app::domain::candidate::NewCandidate::parse("Ada Lovelace", "ada@example.com", "", "")
            .unwrap();
    let ids = app::db::candidates::create_all(
        &app.db,
        &id,
        &[candidate],
        app::domain::candidate::Source::Added,
    )
    .await
    .unwrap();
    let interviewer = app
        .user(app::domain::accounts::Role::Interviewer, "ivy@example.com")
        .await;
    let round = body["plan"]["rounds"][0]["id"].as_str().unwrap();
    app::db::assignments::create(
        &app.db,
        &app::db::assignments::NewAssignment {
            requisition_id: &id,
            candidate_id: &ids[0],
            round,
            interviewer_id: &interviewer,
            starts_at: "2026-01-05T09:00:00.000Z",
            minutes: 45,
            created_by: &interviewer,
            part: app::domain::requisition::Part::Interviewer,
        },
        |_| None,
    )
    .await
    .unwrap();
    let before = app::db::requisitions::get(&app.db, &id)
        .await
        .unwrap()
        .unwrap()
        .plan;
    let res = edit("drop").await;
    assert_eq!(res.status(), 409);
    assert!(res.text().await.unwrap().contains("plan is fixed"));
    let after = app::db::requisitions::get(&app.db, &id)
        .await
        .unwrap()
        .unwrap()
        .plan;
    assert_eq!(before, after);
}
on_both_databases!(
    plan_fixed_after_start,
    the_plan_is_fixed_once_an_interview_has_started
);

/// Ten people each drop a different item at the same moment, all from the
/// page they opened at the same version: one change is stored and the other
/// nine are refused with 409, the current plan and their own edit to apply
/// again. Then ten more at once without a version (applied to the plan as
/// it is): each is stored or refused, and the stored plan lacks exactly the
/// items whose drop was answered 200. No acknowledged change is ever lost.
async fn concurrent_plan_edits_are_stored_or_refused_never_lost(app: TestApp) {
    let (id, body) = opened_from_an_outcome(&app).await;
    assert_eq!(body["plan"]["version"], 0);
    let items: Vec<(String, String)> = body["plan"]["rounds"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["items"].as_array().unwrap().clone())
        .map(|i| {
            (
                i["item"]["kind"].as_str().unwrap().to_string(),
                i["item"]["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let per_wave = (items.len() / 2).min(10);
    assert!(per_wave >= 5, "enough items to drop: {}", items.len());

    let drop_all = |wave: Vec<(String, String)>, version: Option<i64>| {
        let handles: Vec<_> = wave
            .into_iter()
            .map(|(kind, item)| {
                let client = app.client.clone();
                let url = app.url("/api/fn/edit-plan");
                let id = id.clone();
                tokio::spawn(async move {
                    let mut form = vec![
                        ("id", id.to_string()),
                        ("op", "drop".to_string()),
                        ("kind", kind),
                        ("item", item.clone()),
                    ];
                    if let Some(v) = version {
                        form.push(("version", v.to_string()));
                    }
                    let res = client.post(url).form(&form).send().await.unwrap();
                    let status = res.status().as_u16();
                    let body: serde_json::Value = res.json().await.unwrap_or_default();
                    (item, status, body)
                })
            })
            .collect();
        async move {
            let mut out = Vec::new();
            for h in handles {
                out.push(h.await.unwrap());
            }
            out
        }
    };
    let stored_items = || async {
        let plan = app::db::requisitions::get(&app.db, &id)
            .await
            .unwrap()
            .unwrap()
            .plan
            .unwrap();
        plan.rounds
            .iter()
            .flat_map(|r| r.items.iter().map(|i| i.id.clone()))
            .collect::<Vec<_>>()
    };

    let first_wave = drop_all(items[..per_wave].to_vec(), Some(0)).await;
    let saved: Vec<&String> = first_wave
        .iter()
        .filter(|(_, status, _)| *status == 200)
        .map(|(item, ..)| item)
        .collect();
    assert_eq!(
        saved.len(),
        1,
        "one edit from version 0 wins: {first_wave:?}"
    );
    for (item, status, body) in &first_wave {
        if *status == 200 {
            continue;
        }
        assert_eq!(*status, 409, "{item}: {body}");
        let stale = &body["StalePlan"];
        assert_eq!(
            stale["values"]["item"],
            item.as_str(),
            "the edit comes back"
        );
        assert_eq!(stale["plan"]["version"], 1, "with the current plan");
    }
    let now = stored_items().await;
    for (item, status, _) in &first_wave {
        assert_eq!(
            !now.contains(item),
            *status == 200,
            "{item}: dropped exactly when acknowledged"
        );
    }

    let second_wave = drop_all(items[per_wave..2 * per_wave].to_vec(), None).await;
    let now = stored_items().await;
    for (item, status, body) in &second_wave {
        assert!(matches!(status, 200 | 409), "{item}: {status} {body}");
        assert_eq!(
            !now.contains(item),
            *status == 200,
            "{item}: dropped exactly when acknowledged"
        );
    }
    let version = app::db::requisitions::get(&app.db, &id)
        .await
        .unwrap()
        .unwrap()
        .plan_version;
    let acknowledged = 1 + second_wave.iter().filter(|(_, s, _)| *s == 200).count();
    assert_eq!(
        version, acknowledged as i64,
        "one version per stored change"
    );
}
on_both_databases!(
    concurrent_plan_edits,
    concurrent_plan_edits_are_stored_or_refused_never_lost
);

/// Without JavaScript, a plan edit from a page that is out of date comes
/// back to the page: the current plan (with its new version in every
/// form), the message, and the person's own change ready to apply again.
async fn a_stale_plan_edit_comes_back_ready_to_apply_again(app: TestApp) {
    use crate::support::pages::{get_page, location, path_of, post_form};
    let (id, body) = opened_from_an_outcome(&app).await;
    let items = &body["plan"]["rounds"][0]["items"];
    let (first, second) = (&items[0]["item"], &items[1]["item"]);
    let page = format!("/requisitions/{id}");
    let drop = |item: &serde_json::Value| {
        vec![
            ("id", id.to_string()),
            ("op", "drop".to_string()),
            ("kind", item["kind"].as_str().unwrap().to_string()),
            ("item", item["id"].as_str().unwrap().to_string()),
            ("version", "0".to_string()),
        ]
    };
    let send = |form: Vec<(&'static str, String)>| {
        let page = page.clone();
        let app = &app;
        async move {
            let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post_form(app, &app.client, "/api/fn/edit-plan", &page, &pairs).await
        }
    };
    // A colleague drops the first item; this page still shows version 0.
    let res = send(drop(first)).await;
    assert!(!path_of(&app, &location(&res)).contains("__err="));
    let res = send(drop(second)).await;
    let back = path_of(&app, &location(&res));
    assert!(back.contains("__err="), "{back}");
    let (_, html) = get_page(&app, &app.client, &back).await;
    assert!(html.contains("Someone changed the plan"), "{html}");
    assert!(html.contains("plan-retry"), "{html}");
    assert!(
        html.contains(&format!("drop “{}”", second["id"].as_str().unwrap())),
        "the change in words: {html}"
    );
    assert!(
        !html.contains("name=\"version\" value=\"0\""),
        "every form names the current version: {html}"
    );
    assert!(html.contains("name=\"version\" value=\"1\""), "{html}");
    let plan = app::db::requisitions::get(&app.db, &id)
        .await
        .unwrap()
        .unwrap();
    let stored: Vec<&str> = plan
        .plan
        .as_ref()
        .unwrap()
        .rounds
        .iter()
        .flat_map(|r| r.items.iter().map(|i| i.id.as_str()))
        .collect();
    assert!(
        stored.contains(&second["id"].as_str().unwrap()),
        "not applied"
    );
    assert_eq!(plan.plan_version, 1);
}
on_both_databases!(
    stale_plan_edit_page,
    a_stale_plan_edit_comes_back_ready_to_apply_again
);

/// Opens a requisition from an outcome through the JSON API (201
/// Created): its id, and the answer (requisition and plan).
async fn opened_from_an_outcome(app: &TestApp) -> (RequisitionId, serde_json::Value) {
    let res = app
        .client
        .post(app.url("/api/requisitions"))
        .json(&crate::support::world::outcome())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let body: serde_json::Value = res.json().await.unwrap();
    let id = RequisitionId::from(body["requisition"]["id"].as_str().unwrap());
    (id, body)
}

/// Closing stops applications and scheduling, keeps everything readable,
/// and can be undone; only the people running the requisition may do it.
async fn a_closed_requisition_takes_no_applications_until_reopened(app: TestApp) {
    use crate::support::pages::call_fn;
    let w = crate::support::world::world(&app).await;
    let (rita, ivy) = (&w.clients[2], &w.clients[5]);
    let id = &w.requisition;

    let (status, _) = call_fn(&app, ivy, "close-requisition", &[("id", id)]).await;
    assert_eq!(status, 403, "an interviewer does not run the requisition");
    let (status, body) = call_fn(&app, rita, "close-requisition", &[("id", id)]).await;
    assert_eq!(status, 200, "{body}");
    let stored = app::db::requisitions::get(&app.db, id)
        .await
        .unwrap()
        .unwrap();
    assert!(stored.is_closed() && stored.closed_at.is_some());

    let job = app
        .anonymous()
        .get(app.url(&format!("/apply/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(job.status(), 404);
    assert!(job
        .text()
        .await
        .unwrap()
        .contains("This job is not taking applications"));
    let res = rita
        .post(app.url(&format!("/api/requisitions/{id}/assignments")))
        .json(&serde_json::json!({
            "candidate_id": w.other_candidate,
            "round": w.round,
            "interviewer_email": "iris@example.com",
            "starts_at": "2027-02-03T10:00:00Z",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 409);
    assert!(res.text().await.unwrap().contains("closed"));
    let page = rita
        .get(app.url(&format!("/requisitions/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("Reopen the requisition"), "{page}");
    let board = rita
        .get(app.url(&format!("/requisitions/{id}/board")))
        .send()
        .await
        .unwrap();
    assert_eq!(board.status(), 200, "the board stays readable");

    let (status, body) = call_fn(&app, rita, "reopen-requisition", &[("id", id)]).await;
    assert_eq!(status, 200, "{body}");
    let job = app
        .anonymous()
        .get(app.url(&format!("/apply/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(job.status(), 200);
    let stored = app::db::requisitions::get(&app.db, id)
        .await
        .unwrap()
        .unwrap();
    assert!(stored.is_open() && stored.closed_at.is_none());
}

on_both_databases!(
    closed_requisition,
    a_closed_requisition_takes_no_applications_until_reopened
);

/// Someone taken off a requisition loses it at once; its owner stays.
async fn members_can_be_taken_off_but_the_owner_stays(app: TestApp) {
    use crate::support::pages::call_fn;
    use app::domain::accounts::Role;
    let w = crate::support::world::world(&app).await;
    let (rita, hank, otto) = (&w.clients[2], &w.clients[3], &w.clients[4]);
    let id = &w.requisition;
    let rita_id = app.user(Role::Recruiter, "rita@example.com").await;
    let hank_id = app.user(Role::HiringManager, "hank@example.com").await;
    let page = |client: &reqwest::Client| {
        let request = client.get(app.url(&format!("/requisitions/{id}")));
        async move { request.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(page(hank).await, 200);

    let (status, _) = call_fn(
        &app,
        otto,
        "remove-member",
        &[("id", id), ("user_id", &hank_id)],
    )
    .await;
    assert_eq!(status, 403, "someone not on it cannot take people off");
    let (status, body) = call_fn(
        &app,
        rita,
        "remove-member",
        &[("id", id), ("user_id", &rita_id)],
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("owner"), "{body}");
    let (status, body) = call_fn(
        &app,
        rita,
        "remove-member",
        &[("id", id), ("user_id", &hank_id)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(page(hank).await, 403, "hank no longer runs it");
    let (status, _) = call_fn(
        &app,
        rita,
        "remove-member",
        &[("id", id), ("user_id", &hank_id)],
    )
    .await;
    assert_eq!(status, 404, "not on it any more");
    let members = app::db::requisitions::members(&app.db, id).await.unwrap();
    assert_eq!(
        members.iter().map(|m| m.email.as_str()).collect::<Vec<_>>(),
        vec!["rita@example.com"]
    );
}

on_both_databases!(
    members_removed,
    members_can_be_taken_off_but_the_owner_stays
);

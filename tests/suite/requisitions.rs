//! Saving a JD as a requisition draft, and the cross-site refusal.

use crate::on_both_databases;
use crate::support::TestApp;

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
    let id = location
        .strip_prefix("/requisitions/")
        .expect("redirect to the draft")
        .to_string();
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

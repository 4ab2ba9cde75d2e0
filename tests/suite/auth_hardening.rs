//! Security issue 11, the sign-in and input side: the sign-in slow-down
//! holds against parallel guesses, `next` stays on this site, malformed
//! input is a 4xx, emails that could break out of a link are refused
//! everywhere they come in, the JD studio refuses interviewers on the page
//! as the API does, and sessions are stored hashed and end after 12 idle
//! hours (not 12 hours after sign-in).

use crate::on_both_databases;
use crate::support::pages::post_form;
use crate::support::world::open_requisition_as;
use crate::support::{TestApp, PASSWORD};
use app::domain::accounts::{Role, FREE_SIGN_IN_FAILURES};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

const HOSTILE_EMAIL: &str = "x@y.example?cc=attacker@evil.example";

async fn thirty_parallel_wrong_guesses_check_at_most_the_free_number(app: TestApp) {
    app.user(Role::Recruiter, "rosa@example.com").await;
    let mut guesses = tokio::task::JoinSet::new();
    for i in 0..30 {
        let client = app.anonymous();
        let url = app.url("/api/session");
        guesses.spawn(async move {
            client
                .post(url)
                .json(&json!({ "email": "rosa@example.com", "password": format!("guess number {i}") }))
                .send()
                .await
                .expect("request")
                .status()
                .as_u16()
        });
    }
    let mut statuses = Vec::new();
    while let Some(status) = guesses.join_next().await {
        statuses.push(status.expect("task"));
    }
    // A 401 is a guess whose password was checked; a 429 one that was not.
    let checked = statuses.iter().filter(|&&s| s == 401).count() as i64;
    let refused = statuses.iter().filter(|&&s| s == 429).count() as i64;
    assert_eq!(checked + refused, 30, "only 401s and 429s: {statuses:?}");
    assert!(
        (1..=FREE_SIGN_IN_FAILURES).contains(&checked),
        "{checked} passwords checked, at most {FREE_SIGN_IN_FAILURES} allowed: {statuses:?}"
    );

    // The owner, even with the right password, is told how long to wait:
    // by the API, and by the form (no JavaScript needed).
    let res = app
        .anonymous()
        .post(app.url("/api/session"))
        .json(&json!({ "email": "rosa@example.com", "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
    let client = app.anonymous();
    let res = client
        .post(app.url("/sign-in"))
        .form(&[
            ("email", "rosa@example.com"),
            ("password", PASSWORD),
            ("next", "/jd"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(location.contains("error=wait-"), "{location}");
    let page = client
        .get(app.url(&location))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("try again in"), "{page}");
    assert!(page.contains("seconds"), "{page}");
}
// Thirty guesses from one address at once pass the per-address limit
// (tested in rate_limits.rs) here, so the per-email count is what answers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_sign_in_guesses_are_counted_first() {
    crate::support::each_database_with(
        crate::support::Serving::unthrottled,
        thirty_parallel_wrong_guesses_check_at_most_the_free_number,
    )
    .await
}

async fn next_after_sign_in_stays_on_this_site(app: TestApp) {
    app.user(Role::HiringManager, "hugo@example.com").await;
    let client = app.anonymous();
    for (next, expected) in [
        ("/\t/evil.example", "/"),
        ("/\n/x", "/"),
        ("/\r\n/x", "/"),
        ("//evil.example", "/"),
        ("/\\evil.example", "/"),
        ("\\\\evil.example", "/"),
        ("/%2F%2Fevil.example", "/"),
        ("https://evil.example/", "/"),
        ("javascript:alert(1)", "/"),
        ("", "/"),
        ("/requisitions?x=1", "/requisitions?x=1"),
    ] {
        let res = client
            .post(app.url("/sign-in"))
            .form(&[
                ("email", "hugo@example.com"),
                ("password", PASSWORD),
                ("next", next),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{next:?} gives {}", res.status());
        assert_eq!(res.headers()["location"], expected, "{next:?}");
    }
    // A failed sign-in carries only a safe `next` back to the form.
    let res = client
        .post(app.url("/sign-in"))
        .form(&[
            ("email", "hugo@example.com"),
            ("password", "wrong password!"),
            ("next", "/\t/evil.example"),
        ])
        .send()
        .await
        .unwrap();
    let location = res.headers()["location"].to_str().unwrap().to_string();
    assert!(!location.contains("evil"), "{location}");

    // The page never puts a foreign `next` into its form.
    let anonymous = app.anonymous();
    let html = anonymous
        .get(app.url("/sign-in?next=%2F%09%2Fevil.example"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!html.contains("evil.example"), "{html}");

    // The gate does not offer a way back to a network path.
    let res = anonymous
        .get(app.url("//evil.example/x"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/sign-in");
}
on_both_databases!(
    sign_in_next_is_same_origin,
    next_after_sign_in_stays_on_this_site
);

async fn malformed_input_is_a_client_error(app: TestApp) {
    // A server function's argument that does not parse.
    let res = app
        .client
        .post(app.url("/api/fn/save-scorecard"))
        .form(&[("id", "x"), ("version", "abc")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400, "version=abc");
    let body = res.text().await.unwrap();
    assert!(body.contains("could not be read"), "{body}");

    // A form body that is not UTF-8.
    let res = app
        .client
        .post(app.url("/api/fn/create-account"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(b"email=a\xff@example.com&role=admin&password=long+enough+password".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400, "invalid UTF-8");

    // JSON routes want JSON and say so, in JSON.
    for content_type in [
        Some("text/plain"),
        None,
        Some("application/x-www-form-urlencoded"),
    ] {
        for path in ["/api/session", "/api/jd", "/api/requisitions"] {
            let mut req = app
                .client
                .post(app.url(path))
                .body(r#"{"email":"a@example.com","password":"x"}"#);
            if let Some(t) = content_type {
                req = req.header("content-type", t);
            }
            let res = req.send().await.unwrap();
            assert_eq!(res.status(), 415, "{path} with {content_type:?}");
            let body: Value = res.json().await.expect("a JSON error");
            assert!(
                body["error"].as_str().unwrap().contains("application/json"),
                "{body}"
            );
        }
    }
}
on_both_databases!(malformed_input_is_4xx, malformed_input_is_a_client_error);

async fn emails_that_could_break_a_link_are_refused_everywhere(app: TestApp) {
    let recruiter = app.client_as(Role::Recruiter, "remy@example.com").await;
    let id = open_requisition_as(&app, &recruiter).await;
    let url = app.url(&format!("/api/requisitions/{id}/candidates"));
    for email in [
        HOSTILE_EMAIL,
        "a&b@example.com",
        "a#b@example.com",
        "a%b@example.com",
        "a\"b@example.com",
        "<a>@example.com",
        "a,b@example.com",
        "a\tb@example.com",
    ] {
        let res = recruiter
            .post(&url)
            .json(&json!({ "name": "Mallory", "email": email }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "{email:?}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["fields"][0]["field"], "email", "{body}");
        assert!(
            body["fields"][0]["message"]
                .as_str()
                .unwrap()
                .contains("is not an email address"),
            "{body}"
        );
    }

    // CSV import: the line is named, nobody is imported.
    let res = recruiter
        .post(&url)
        .header("content-type", "text/csv")
        .body(format!(
            "name,email\nAda,ada@example.com\nMallory,{HOSTILE_EMAIL}\n"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("email"), "{body}");

    // The candidate form (no JavaScript) says what is wrong.
    let res = post_form(
        &app,
        &recruiter,
        "/api/fn/add-candidate",
        &format!("/requisitions/{id}/candidates"),
        &[
            ("requisition_id", id.as_str()),
            ("name", "Mallory"),
            ("email", HOSTILE_EMAIL),
        ],
    )
    .await;
    assert!(
        res.status().is_redirection() || res.status().is_client_error(),
        "{}",
        res.status()
    );
    assert_eq!(crate::support::world::candidate_count(&app, &id).await, 0);

    // The public application form.
    let kit = crate::support::applications::kit_of(&app, &id).await;
    let mut form = vec![
        ("id".to_string(), id.to_string()),
        ("name".into(), "Mallory".into()),
        ("email".into(), HOSTILE_EMAIL.into()),
    ];
    for k in &kit.application.knockouts {
        let pass = k.answers.iter().position(|a| !a.disqualifies).unwrap();
        form.push((format!("knockout[{}]", k.id), pass.to_string()));
    }
    let res = app
        .anonymous()
        .post(app.url("/api/fn/apply-start"))
        .form(&form)
        .send()
        .await
        .unwrap();
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["Invalid"][0]["field"], "email", "{body}");
    assert_eq!(crate::support::world::candidate_count(&app, &id).await, 0);

    // Accounts.
    let res = app
        .client
        .post(app.url("/api/fn/create-account"))
        .form(&[
            ("email", HOSTILE_EMAIL),
            ("role", "interviewer"),
            ("password", "a long enough password"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("is not an email address"), "{body}");
}
on_both_databases!(
    strict_emails_everywhere,
    emails_that_could_break_a_link_are_refused_everywhere
);

async fn interviewers_are_refused_the_studio_page_and_downloads(app: TestApp) {
    let interviewer = app.client_as(Role::Interviewer, "iona@example.com").await;
    let query = "sub_role=co-sell-ops&level=mid&partner_name=HubSpot&partner_type=technology\
&amount=2000000&currency=USD&monthly=1&quarterly=1&pairing=weekly-deal-pairing";
    for path in [
        "/jd".to_string(),
        format!("/jd?mode=generate&{query}"),
        format!("/jd/download.md?{query}"),
        format!("/jd/download.html?{query}"),
    ] {
        let res = interviewer.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), 403, "{path}");
        let body = res.text().await.unwrap();
        assert!(!body.contains("HubSpot"), "{path}: no JD for interviewers");
    }
    let (_, html) = crate::support::pages::get_page(&app, &interviewer, "/jd").await;
    assert!(html.contains("This needs one of these roles"), "{html}");
    // Posting a JD to check is refused the same way, and nothing is linted.
    let res = crate::support::pages::post_form(
        &app,
        &interviewer,
        "/jd/check",
        "/jd",
        &[("text", "We need a rockstar to manage strategic alliances.")],
    )
    .await;
    assert_eq!(res.status(), 403, "/jd/check");
    let body = res.text().await.unwrap();
    assert!(!body.contains("data-rule="), "no findings for interviewers");
    let res = interviewer
        .post(app.url("/api/jd"))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "page and API agree");

    let recruiter = app.client_as(Role::Recruiter, "reed@example.com").await;
    for path in ["/jd".to_string(), format!("/jd/download.md?{query}")] {
        let res = recruiter.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
    }
}
on_both_databases!(
    studio_refuses_interviewers,
    interviewers_are_refused_the_studio_page_and_downloads
);

/// The value of the session cookie a response sets, if it sets one.
fn session_cookie(res: &reqwest::Response) -> Option<(String, String)> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("hk_session="))
        .map(|c| {
            let value = c
                .trim_start_matches("hk_session=")
                .split(';')
                .next()
                .unwrap_or("")
                .to_string();
            (value, c.to_string())
        })
}

async fn stored_sessions(app: &TestApp) -> Vec<(String, i64)> {
    sqlx::query_as("SELECT id, expires_at FROM sessions")
        .fetch_all(&app.db.pool)
        .await
        .unwrap()
}

async fn sign_in(app: &TestApp, email: &str) -> (reqwest::Client, String) {
    app.user(Role::Recruiter, email).await;
    let client = app.anonymous();
    let res = client
        .post(app.url("/api/session"))
        .json(&json!({ "email": email, "password": PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let (value, _) = session_cookie(&res).expect("a session cookie");
    (client, value)
}

async fn session_ids_are_stored_as_hashes(app: TestApp) {
    let (client, cookie) = sign_in(&app, "sana@example.com").await;
    let hashed: String = Sha256::digest(cookie.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let stored = stored_sessions(&app).await;
    assert!(
        stored.iter().all(|(id, _)| *id != cookie),
        "the cookie's value is not in the table"
    );
    assert!(
        stored.iter().any(|(id, _)| *id == hashed),
        "stored under its SHA-256: {stored:?}"
    );
    // Someone holding only the stored key cannot use it as a cookie.
    let res = app
        .anonymous()
        .get(app.url("/api/session"))
        .header("cookie", format!("hk_session={hashed}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    // Signing out removes the row.
    let res = client.delete(app.url("/api/session")).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert!(stored_sessions(&app)
        .await
        .iter()
        .all(|(id, _)| *id != hashed));
}
on_both_databases!(hashed_session_ids, session_ids_are_stored_as_hashes);

async fn a_session_in_use_outlives_twelve_hours_from_sign_in(app: TestApp) {
    let (client, cookie) = sign_in(&app, "sid@example.com").await;
    let key: String = Sha256::digest(cookie.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let set_expiry = |expires_at: i64| {
        let pool = app.db.pool.clone();
        let key = key.clone();
        async move {
            sqlx::query("UPDATE sessions SET expires_at = $1 WHERE id = $2")
                .bind(expires_at)
                .bind(key)
                .execute(&pool)
                .await
                .unwrap();
        }
    };
    let now = || chrono::Utc::now().timestamp();
    // Signed in long ago and last used almost 12 hours ago: 30 seconds left.
    set_expiry(now() + 30).await;
    let res = client.get(app.url("/api/session")).send().await.unwrap();
    assert_eq!(res.status(), 200, "still within 12 idle hours");
    let (_, renewed_cookie) = session_cookie(&res).expect("the cookie is renewed with use");
    assert!(renewed_cookie.contains("Max-Age=43200"), "{renewed_cookie}");
    let stored = stored_sessions(&app).await;
    let (_, expires) = stored.iter().find(|(id, _)| *id == key).expect("stored");
    assert!(
        *expires >= now() + 12 * 3600 - 60,
        "use moved the end to 12 hours from now: {expires}"
    );
    // A request right after does not write again (nothing changed).
    let res = client.get(app.url("/api/kits")).send().await.unwrap();
    assert_eq!(res.status(), 200);

    // 12 idle hours: over.
    set_expiry(now() - 1).await;
    let res = client.get(app.url("/api/session")).send().await.unwrap();
    assert_eq!(res.status(), 401, "ended after 12 idle hours");
}
on_both_databases!(
    sessions_end_after_idle_hours,
    a_session_in_use_outlives_twelve_hours_from_sign_in
);

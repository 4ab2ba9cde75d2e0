//! Signing in and out: the JSON route and the form, session cookies, a new
//! session id at sign-in, slowing down guessing, switched-off accounts, and
//! the gate in front of everything that is not public.

use crate::on_both_databases;
use crate::support::{TestApp, PASSWORD};
use app::domain::accounts::{Role, FREE_SIGN_IN_FAILURES};
use serde_json::json;

async fn post_session(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> reqwest::Response {
    client
        .post(app.url("/api/session"))
        .json(&json!({ "email": email, "password": password }))
        .send()
        .await
        .expect("request")
}

fn session_cookie(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("hk_session="))
        .map(str::to_string)
}

async fn sign_in_sets_a_safe_cookie_and_a_new_id_each_time(app: TestApp) {
    app.user(Role::Recruiter, "rita@example.com").await;
    let client = app.anonymous();
    let first = post_session(&app, &client, "Rita@Example.com ", PASSWORD).await;
    assert_eq!(first.status(), 200);
    let cookie = session_cookie(&first).expect("a session cookie");
    // Max-Age: the session ends after 12 idle hours (renewed on use).
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=43200"] {
        assert!(cookie.contains(attribute), "{attribute} missing: {cookie}");
    }
    let body: serde_json::Value = first.json().await.unwrap();
    assert_eq!(body["user"]["email"], "rita@example.com");
    assert_eq!(body["user"]["role"], "recruiter");

    // Signing in again gives a new id; the old one no longer works.
    let old_value = cookie.split(';').next().unwrap().to_string();
    let second = post_session(&app, &client, "rita@example.com", PASSWORD).await;
    let new_value = session_cookie(&second).expect("a new cookie");
    assert_ne!(new_value.split(';').next().unwrap(), old_value);
    let with_old = app
        .anonymous()
        .get(app.url("/api/session"))
        .header("cookie", &old_value)
        .send()
        .await
        .unwrap();
    assert_eq!(with_old.status(), 401, "the id before sign-in is dead");

    let me = client.get(app.url("/api/session")).send().await.unwrap();
    assert_eq!(me.status(), 200);
    let out = client.delete(app.url("/api/session")).send().await.unwrap();
    assert_eq!(out.status(), 204);
    let after = client.get(app.url("/api/kits")).send().await.unwrap();
    assert_eq!(after.status(), 401, "signed out");
}
on_both_databases!(
    session_cookie_and_cycle,
    sign_in_sets_a_safe_cookie_and_a_new_id_each_time
);

async fn wrong_passwords_are_refused_then_slowed_down(app: TestApp) {
    app.user(Role::Interviewer, "ivan@example.com").await;
    let client = app.anonymous();
    let res = post_session(&app, &client, "ivan@example.com", "not the password").await;
    assert_eq!(res.status(), 401);
    assert!(session_cookie(&res).is_none(), "no session for a failure");
    let unknown = post_session(&app, &client, "nobody@example.com", "whatever it is").await;
    assert_eq!(unknown.status(), 401, "unknown emails look the same");
    let missing = client
        .post(app.url("/api/session"))
        .json(&json!({ "email": "ivan@example.com" }))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 422);
    let body: serde_json::Value = missing.json().await.unwrap();
    assert_eq!(body["fields"][0]["field"], "password");

    for _ in 1..FREE_SIGN_IN_FAILURES {
        post_session(&app, &client, "ivan@example.com", "still not it").await;
    }
    // Even the right password now waits.
    let res = post_session(&app, &client, "ivan@example.com", PASSWORD).await;
    assert_eq!(res.status(), 429);
    let wait: i64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(wait > 0 && wait <= 15, "{wait}");
    let body: serde_json::Value = res.json().await.unwrap();
    assert!(body["error"].as_str().unwrap().contains("try again"));
    // Another account is not affected.
    app.user(Role::Interviewer, "ina@example.com").await;
    assert_eq!(
        post_session(&app, &client, "ina@example.com", PASSWORD)
            .await
            .status(),
        200
    );
}
on_both_databases!(
    failures_slow_down,
    wrong_passwords_are_refused_then_slowed_down
);

async fn the_sign_in_form_redirects_back_and_says_what_went_wrong(app: TestApp) {
    app.user(Role::HiringManager, "hana@example.com").await;
    let client = app.anonymous();
    // Anonymous pages lead to the sign-in page with the way back.
    let res = client.get(app.url("/jd?level=mid")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/sign-in?next=/jd%3Flevel%3Dmid");
    let (status, html) = {
        let res = client
            .get(app.url("/sign-in?next=/jd"))
            .send()
            .await
            .unwrap();
        (res.status(), res.text().await.unwrap())
    };
    assert_eq!(status, 200);
    assert!(html.contains("name=\"password\""), "{html}");

    let form = |password: &'static str, next: &'static str| {
        client
            .post(app.url("/sign-in"))
            .form(&[
                ("email", "hana@example.com"),
                ("password", password),
                ("next", next),
            ])
            .send()
    };
    let wrong = form("wrong password!", "/jd").await.unwrap();
    assert_eq!(wrong.status(), 303);
    let location = wrong.headers()["location"].to_str().unwrap().to_string();
    assert!(
        location.starts_with("/sign-in?error=credentials"),
        "{location}"
    );
    let page = client
        .get(app.url(&location))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("do not match"),
        "the page says what went wrong"
    );
    assert!(page.contains("hana@example.com"), "the email is kept");

    let evil = form(PASSWORD, "https://evil.example/").await.unwrap();
    assert_eq!(evil.headers()["location"], "/", "no open redirect");
    let ok = form(PASSWORD, "/jd").await.unwrap();
    assert_eq!(ok.headers()["location"], "/jd");
    let page = client.get(app.url("/jd")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("hana@example.com"),
        "the header says who is signed in"
    );

    let out = client.post(app.url("/sign-out")).send().await.unwrap();
    assert_eq!(out.status(), 303);
    let res = client.get(app.url("/jd")).send().await.unwrap();
    assert_eq!(res.status(), 303, "signed out: back to the sign-in page");
}
on_both_databases!(
    sign_in_form,
    the_sign_in_form_redirects_back_and_says_what_went_wrong
);

async fn a_switched_off_account_loses_its_session(app: TestApp) {
    let id = app.user(Role::Recruiter, "rob@example.com").await;
    let client = app.client_as(Role::Recruiter, "rob@example.com").await;
    assert_eq!(
        client
            .get(app.url("/api/kits"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    app::db::users::update(&app.db, &id, Role::Recruiter, false)
        .await
        .unwrap();
    assert_eq!(
        client
            .get(app.url("/api/kits"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
    let again = post_session(&app, &app.anonymous(), "rob@example.com", PASSWORD).await;
    assert_eq!(again.status(), 401);
}
on_both_databases!(
    switched_off_account,
    a_switched_off_account_loses_its_session
);

async fn anonymous_requests_get_401_or_the_sign_in_page(app: TestApp) {
    let client = app.anonymous();
    for path in [
        "/api/kits",
        "/api/requisitions",
        "/api/fn/requisitions",
        "/api/nothing-here",
    ] {
        let res = client.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 401, "{path}");
    }
    for path in [
        "/",
        "/jd",
        "/kits/partner-manager/mid",
        "/requisitions",
        "/admin/users",
        "/interviews",
    ] {
        let res = client.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 303, "{path}");
        assert!(
            res.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/sign-in"),
            "{path}"
        );
    }
    for path in ["/sign-in", "/api/health", "/assets/hiring-kit.css"] {
        let res = client.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 200, "{path} is public");
    }
}
on_both_databases!(
    anonymous_gate,
    anonymous_requests_get_401_or_the_sign_in_page
);

/// A new installation tells its first visitors where the first admin comes
/// from, and says nothing once the team has a second account.
async fn a_new_installation_says_where_the_first_admin_is(app: TestApp) {
    use crate::support::pages::get_page;
    let anonymous = app.anonymous();
    let notice = r#"id="first-run""#;
    // One account, and no file from scripts/run: nothing about setting up.
    let (status, html) = get_page(&app, &anonymous, "/sign-in").await;
    assert_eq!(status, 200, "{html}");
    assert!(!html.contains(notice), "{html}");

    // scripts/run made the first admin: the page says where its password
    // is kept, and never what it is.
    let file = app.data_dir().join(app::api::accounts::FIRST_ADMIN_FILE);
    std::fs::write(
        &file,
        "email: admin@example.com\npassword: not-for-the-page\n",
    )
    .unwrap();
    let (_, html) = get_page(&app, &anonymous, "/sign-in").await;
    assert!(html.contains(notice), "{html}");
    assert!(html.contains(&file.display().to_string()), "{html}");
    assert!(!html.contains("not-for-the-page"), "{html}");

    // The team's second account: the note goes.
    app.user(Role::Recruiter, "rita@example.com").await;
    let (_, html) = get_page(&app, &anonymous, "/sign-in").await;
    assert!(!html.contains(notice), "{html}");

    // No account at all: whoever runs the server makes the first admin.
    for table in ["sessions", "users"] {
        sqlx::query(&format!("DELETE FROM {table}"))
            .execute(&app.db.pool)
            .await
            .unwrap();
    }
    let (_, html) = get_page(&app, &anonymous, "/sign-in").await;
    assert!(html.contains(notice), "{html}");
    assert!(html.contains("no accounts"), "{html}");
    assert!(html.contains("hiring-kit user add --role admin"), "{html}");
}
on_both_databases!(
    first_run_notice,
    a_new_installation_says_where_the_first_admin_is
);

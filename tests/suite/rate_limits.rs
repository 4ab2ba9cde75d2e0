//! Per-address rate limits on the anonymous endpoints, with limits set low:
//! over the limit is 429 with Retry-After (JSON for API clients, a page for
//! browsers), signed-in staff are not limited on the application routes,
//! and a proxy's header is believed only when configured.

use crate::on_both_databases;
use crate::support::applications::{application_form, apply, kit_of, open_requisition, PDF};
use crate::support::{each_database_with, Serving, TestApp};
use app::domain::keys::RequisitionId;
use reqwest::multipart::{Form, Part};
use server::http::throttle::{Rate, RateLimits};

fn low(limits: RateLimits) -> Serving {
    Serving {
        limits,
        ..Serving::default()
    }
}

const ONE_A_MINUTE_TWO_AT_ONCE: Rate = Rate {
    per_minute: 1,
    burst: 2,
};

fn retry_after(res: &reqwest::Response) -> u64 {
    res.headers()
        .get("retry-after")
        .expect("a Retry-After header")
        .to_str()
        .unwrap()
        .parse()
        .expect("whole seconds")
}

/// Starts an application as a browser without JavaScript does (a new
/// email each time).
async fn start(
    app: &TestApp,
    client: &reqwest::Client,
    id: &RequisitionId,
    accept: &str,
) -> reqwest::Response {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let kit = kit_of(app, id).await;
    let mut form = application_form(&kit, "Grace Hopper", &format!("g{n}@example.com"), None);
    form[0].1 = id.to_string();
    client
        .post(app.url("/api/fn/apply-start"))
        .header("accept", accept)
        .header("referer", app.url(&format!("/apply/{id}")))
        .form(&form)
        .send()
        .await
        .unwrap()
}

async fn application_starts_are_limited_per_address(app: TestApp) {
    let id = open_requisition(&app).await;
    let browser = app.anonymous();
    for _ in 0..2 {
        let res = start(&app, &browser, &id, "text/html").await;
        assert!(res.status().is_redirection(), "{}", res.status());
    }
    // A browser posting the form gets a page...
    let res = start(&app, &browser, &id, "text/html").await;
    assert_eq!(res.status(), 429);
    let wait = retry_after(&res);
    assert!((1..=60).contains(&wait), "{wait}");
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Too many applications started from your network address"),
        "{html}"
    );
    assert!(html.contains(&format!("wait {wait} second")), "{html}");
    // ...the hydrated page (another client, same address) the error its
    // server functions decode.
    let res = start(&app, &app.anonymous(), &id, "application/json").await;
    assert_eq!(res.status(), 429);
    let body: serde_json::Value = res.json().await.unwrap();
    assert!(
        body["Invalid"]
            .as_str()
            .is_some_and(|m| m.contains("Too many applications started")),
        "{body}"
    );
    // Staff who are signed in are not counted.
    let res = start(&app, &app.client, &id, "text/html").await;
    assert_ne!(res.status(), 429);
}
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn application_starts_are_rate_limited() {
    each_database_with(
        || {
            low(RateLimits {
                application_starts: ONE_A_MINUTE_TWO_AT_ONCE,
                ..RateLimits::default()
            })
        },
        application_starts_are_limited_per_address,
    )
    .await
}

async fn uploads_are_limited_per_address(app: TestApp) {
    let id = open_requisition(&app).await;
    let page = apply(&app, &id, "up@example.com", None).await;
    let send = || async {
        let part = Part::bytes(PDF.to_vec()).file_name("cv.pdf");
        app.anonymous()
            .post(app.url(&format!("{page}/resume")))
            .multipart(Form::new().part("resume", part))
            .send()
            .await
            .unwrap()
    };
    for _ in 0..2 {
        assert_eq!(send().await.status(), 303);
    }
    let res = send().await;
    assert_eq!(res.status(), 429);
    assert!(retry_after(&res) >= 1);
    assert!(res.text().await.unwrap().contains("Too many uploads"));
}
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_are_rate_limited() {
    each_database_with(
        || {
            low(RateLimits {
                uploads: ONE_A_MINUTE_TWO_AT_ONCE,
                ..RateLimits::default()
            })
        },
        uploads_are_limited_per_address,
    )
    .await
}

async fn sign_in_attempt(app: &TestApp, email: &str, forwarded: Option<&str>) -> reqwest::Response {
    let mut req = app
        .anonymous()
        .post(app.url("/api/session"))
        .json(&serde_json::json!({ "email": email, "password": "not the password" }));
    if let Some(ip) = forwarded {
        req = req.header("x-forwarded-for", ip);
    }
    req.send().await.unwrap()
}

/// Sign-in: 4 at once per address (the harness's own admin sign-in is one).
const SIGN_IN: Rate = Rate {
    per_minute: 1,
    burst: 4,
};

async fn sign_in_is_limited_per_address_across_emails(app: TestApp) {
    // Three more, each for a different email: the budget is per address.
    for i in 0..3 {
        let res = sign_in_attempt(&app, &format!("guess{i}@example.com"), None).await;
        assert_eq!(res.status(), 401);
    }
    let res = sign_in_attempt(&app, "guess9@example.com", None).await;
    assert_eq!(res.status(), 429);
    let wait = retry_after(&res);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["retry_after_seconds"], wait, "{body}");
    assert!(body["error"]
        .as_str()
        .is_some_and(|m| m.contains("Too many sign-in attempts")));
    // The sign-in form gets a page, not JSON.
    let res = app
        .anonymous()
        .post(app.url("/sign-in"))
        .header("accept", "text/html")
        .form(&[("email", "a@example.com"), ("password", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("<h1>Please wait a moment</h1>"));
    // Without a trusted header configured, a forged one changes nothing.
    let res = sign_in_attempt(&app, "guess10@example.com", Some("198.51.100.1")).await;
    assert_eq!(res.status(), 429);
    // Signed-in staff keep working.
    let (status, _) = app.get_json("/api/session").await;
    assert_eq!(status, 200);
}
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_is_rate_limited_per_address() {
    each_database_with(
        || {
            low(RateLimits {
                sign_in: SIGN_IN,
                ..RateLimits::default()
            })
        },
        sign_in_is_limited_per_address_across_emails,
    )
    .await
}

async fn a_configured_proxy_header_names_the_client(app: TestApp) {
    // Each address behind the proxy has its own budget...
    for i in 0..6 {
        let email = format!("p{i}@example.com");
        let res = sign_in_attempt(&app, &email, Some(&format!("203.0.113.{i}"))).await;
        assert_eq!(res.status(), 401, "address {i}");
    }
    // ...and it is the last entry (the one the proxy added) that counts:
    // a client cannot pick its own with an earlier one.
    for i in 0..4 {
        let forged = format!("192.0.2.{i}, 203.0.113.50");
        let res = sign_in_attempt(&app, &format!("f{i}@example.com"), Some(&forged)).await;
        assert_eq!(res.status(), 401, "attempt {i}");
    }
    let res = sign_in_attempt(&app, "f9@example.com", Some("192.0.2.99, 203.0.113.50")).await;
    assert_eq!(res.status(), 429);
}
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trusted_proxy_header_is_honoured_when_configured() {
    each_database_with(
        || {
            low(RateLimits {
                sign_in: SIGN_IN,
                trusted_proxy_header: Some(axum::http::HeaderName::from_static("x-forwarded-for")),
                ..RateLimits::default()
            })
        },
        a_configured_proxy_header_names_the_client,
    )
    .await
}

// The defaults must leave a normal day alone: this runs the whole harness
// (sign-ins, application starts) under them.
async fn defaults_leave_normal_use_alone(app: TestApp) {
    let id = open_requisition(&app).await;
    for i in 0..5 {
        apply(&app, &id, &format!("n{i}@example.com"), None).await;
    }
}
on_both_databases!(default_limits_are_generous, defaults_leave_normal_use_alone);

//! Every response carries the Content-Security-Policy, and on every page
//! each script tag carries that response's nonce: a script that reached
//! the page any other way (injected markup) would not run.

use crate::support::panel::panel;
use crate::support::{spawn_app, Backend, TestApp};

/// The nonce the header allows, after checking the rest of the policy.
fn policy_nonce(path: &str, headers: &reqwest::header::HeaderMap) -> Option<String> {
    let policy = headers
        .get("content-security-policy")
        .unwrap_or_else(|| panic!("{path}: no Content-Security-Policy"))
        .to_str()
        .unwrap()
        .to_string();
    assert!(!policy.contains("unsafe-inline"), "{path}: {policy}");
    assert!(!policy.contains("https:"), "{path}: {policy}");
    for directive in ["object-src 'none'", "base-uri 'none'"] {
        assert!(policy.contains(directive), "{path}: {policy}");
    }
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .map(|rest| rest.split('\'').next().unwrap().to_string());
    if nonce.is_some() {
        for directive in [
            "frame-ancestors 'none'",
            "form-action 'self'",
            "img-src 'self' data:;",
        ] {
            assert!(policy.contains(directive), "{path}: {policy}");
        }
    }
    nonce
}

/// Fetches `path` and checks its policy; for a page, that every script
/// tag carries the header's nonce. Returns the nonce (None for files that
/// allow no script at all).
async fn check(app: &TestApp, client: &reqwest::Client, path: &str, status: u16) -> Option<String> {
    let res = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status().as_u16(), status, "{path}");
    let nonce = policy_nonce(path, res.headers());
    let html = res.text().await.unwrap();
    let scripts: Vec<&str> = html
        .match_indices("<script")
        .map(|(at, _)| &html[at..at + html[at..].find('>').unwrap()])
        .collect();
    match &nonce {
        Some(nonce) => {
            for tag in &scripts {
                assert!(
                    tag.contains(&format!("nonce=\"{nonce}\"")),
                    "{path}: a script without this response's nonce: {tag}"
                );
            }
        }
        None => assert!(scripts.is_empty(), "{path}: scripts in a file: {scripts:?}"),
    }
    nonce
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_response_carries_the_policy_and_pages_use_its_nonce() {
    let app = spawn_app(Backend::Sqlite).await;
    let p = panel(&app).await;
    let r = &p.requisition;
    let [ada, _, _] = &p.candidates;
    let anonymous = app.anonymous();
    let admin = app
        .client_as(app::domain::accounts::Role::Admin, "ann@example.com")
        .await;

    let mut nonces = Vec::new();
    for (client, path, status) in [
        (&p.recruiter, "/".to_string(), 200),
        (&p.recruiter, "/kits/partner-manager/mid".into(), 200),
        (&p.recruiter, "/jd?extra=%3C/textarea%3E".into(), 200),
        (&p.recruiter, "/requisitions".into(), 200),
        (&p.recruiter, format!("/requisitions/{r}"), 200),
        (&p.recruiter, format!("/requisitions/{r}/candidates"), 200),
        (&p.recruiter, format!("/requisitions/{r}/board"), 200),
        (&p.recruiter, format!("/candidates/{ada}"), 200),
        (&p.recruiter, format!("/candidates/{ada}/board"), 200),
        (&p.ivy, "/interviews".into(), 200),
        (&admin, "/admin/users".into(), 200),
        (&anonymous, "/sign-in".into(), 200),
        (&p.recruiter, "/no/such/page".into(), 404),
        (&p.other_recruiter, format!("/requisitions/{r}/board"), 403),
    ] {
        let nonce = check(&app, client, &path, status).await;
        nonces.push(nonce.unwrap_or_else(|| panic!("{path}: no nonce for scripts")));
    }
    let mut unique = nonces.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), nonces.len(), "a nonce was used twice");

    // Files we hand out allow no script at all.
    assert_eq!(
        check(
            &app,
            &p.recruiter,
            &format!("/api/requisitions/{r}/debrief.html"),
            200
        )
        .await,
        None
    );
    let jd = "/jd/download.html?mode=generate&sub_role=co-sell-ops&level=mid&partner_name=%3C/title%3E%3Cscript%3Ex%3C/script%3E&partner_type=channel&amount=2%2C500%2C000&currency=USD&monthly=1";
    assert_eq!(check(&app, &p.recruiter, jd, 200).await, None);

    // JSON and redirects carry a policy too (a browser may be shown them).
    let res = anonymous
        .get(app.url("/requisitions"))
        .send()
        .await
        .unwrap();
    policy_nonce("/requisitions (anonymous)", res.headers());
    let res = p
        .recruiter
        .get(app.url(&format!("/api/requisitions/{r}/board")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    policy_nonce("/api/requisitions/{r}/board", res.headers());
}

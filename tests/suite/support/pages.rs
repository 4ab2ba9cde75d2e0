//! Talking to the site as a browser without JavaScript does: posting a
//! form from a page, following where it is sent back, reading a page's
//! visible text.

use super::TestApp;

/// What a browser without JavaScript sends when a form is posted from
/// `from` (a path on the site).
/// A server function called the way the page's script calls it (a form
/// body, a JSON answer): its status and body.
pub async fn call_fn(
    app: &TestApp,
    client: &reqwest::Client,
    endpoint: &str,
    form: &[(&str, &str)],
) -> (u16, String) {
    let res = client
        .post(app.url(&format!("/api/fn/{endpoint}")))
        .header("origin", app.base.clone())
        .form(form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

pub async fn post_form(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    from: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(app.url(path))
        .header("accept", "text/html")
        .header("origin", app.base.clone())
        .header("referer", app.url(from))
        .form(form)
        .send()
        .await
        .unwrap()
}

pub fn location(res: &reqwest::Response) -> String {
    assert!(
        res.status().is_redirection(),
        "a redirect, not {}",
        res.status()
    );
    res.headers()["location"].to_str().unwrap().to_string()
}

/// A redirect target on this site, as a path.
pub fn path_of(app: &TestApp, location: &str) -> String {
    location
        .strip_prefix(&app.base)
        .unwrap_or(location)
        .to_string()
}

/// The visible text of server-rendered HTML (Leptos' text-node markers removed).
pub fn visible(html: &str) -> String {
    html.replace("<!>", "").replace("<!---->", "")
}

pub async fn get_page(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String) {
    let res = client.get(app.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    (status, visible(&res.text().await.unwrap()))
}

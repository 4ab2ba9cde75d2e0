//! The printable debrief in headless Chromium, laid out as it prints: at
//! the width an A4 page leaves inside its margins, with the print styles
//! on, nothing may run past the right edge or be cut off inside a cell;
//! and Chromium prints it to an A4 PDF.

use crate::support::browser::Browser;
use crate::support::panel::panel;
use crate::support::{spawn_app, Backend};
use axum::http::Method;
use fantoccini::wd::{PrintConfigurationBuilder, WebDriverCompatibleCommand};
use serde_json::{json, Value};

/// A4 is 210 mm wide; the debrief's `@page` leaves 12 mm each side:
/// 186 mm, at the 96 CSS pixels to the inch a printer uses.
const A4_CONTENT_PX: u32 = 703;

/// A Chrome DevTools command through chromedriver, for what WebDriver has
/// no command for (emulating print media and a page's width).
#[derive(Debug)]
struct DevTools {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for DevTools {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (Method, Option<String>) {
        (
            Method::POST,
            Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()),
        )
    }
}

/// Everything in the page that sticks out past the page's width or is cut
/// off inside its box, described for the failure message.
const OVERFLOWS: &str = r#"
const width = document.documentElement.clientWidth;
const found = [];
const describe = (el) => el.tagName.toLowerCase() + ': ' + (el.innerText || el.outerHTML).slice(0, 60).replace(/\s+/g, ' ');
if (document.documentElement.scrollWidth > width) {
  found.push('the page is ' + document.documentElement.scrollWidth + 'px wide');
}
for (const el of document.querySelectorAll('main *')) {
  const box = el.getBoundingClientRect();
  if (box.width > 0 && box.right > width + 0.5) {
    found.push(describe(el) + ' ends at ' + Math.round(box.right) + 'px');
  }
}
for (const cell of document.querySelectorAll('td, th')) {
  if (cell.scrollWidth > cell.clientWidth + 1) {
    found.push(describe(cell) + ' is cut off inside its cell');
  }
}
return found.slice(0, 20);
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_printable_debrief_fits_an_a4_page() {
    let app = spawn_app(Backend::Sqlite).await;
    let p = panel(&app).await;
    let res = p
        .recruiter
        .get(app.url(&format!("/api/requisitions/{}/debrief.html", p.requisition)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    let browser = Browser::launch().await;
    let html = &html;
    browser
        .journey("debrief-print", async move |b: &Browser| {
            let devtools = |cmd: &'static str, params: Value| DevTools { cmd, params };
            b.client
                .issue_cmd(devtools(
                    "Emulation.setDeviceMetricsOverride",
                    json!({"width": A4_CONTENT_PX, "height": 1100, "deviceScaleFactor": 1, "mobile": false}),
                ))
                .await
                .expect("set the page width");
            b.client
                .issue_cmd(devtools("Emulation.setEmulatedMedia", json!({"media": "print"})))
                .await
                .expect("print media");
            // It is served as a download, so the browser opens the same
            // document from memory.
            b.client.goto("about:blank").await.unwrap();
            b.client
                .execute(
                    "document.open(); document.write(arguments[0]); document.close();",
                    vec![json!(html)],
                )
                .await
                .unwrap();
            b.wait_for("main table").await;
            let printing: Value = b
                .client
                .execute("return [window.matchMedia('print').matches, document.documentElement.clientWidth]", vec![])
                .await
                .unwrap();
            // (Less a scrollbar, where the browser draws one.)
            assert_eq!(printing[0], json!(true), "laid out as printed");
            let width = printing[1].as_u64().unwrap_or_default();
            assert!((680..=u64::from(A4_CONTENT_PX)).contains(&width), "{width}px wide");
            let tables: Value = b
                .client
                .execute("return document.querySelectorAll('main table').length", vec![])
                .await
                .unwrap();
            assert!(tables.as_u64().unwrap_or(0) >= 3, "summary, ratings, recommendations: {tables}");
            let overflows: Value = b
                .client
                .execute(OVERFLOWS, vec![])
                .await
                .unwrap();
            assert_eq!(overflows, json!([]), "clipped at A4 width");
            b.screenshot("debrief-print-width").await;

            let pdf = b
                .client
                .print(PrintConfigurationBuilder::default().shrink_to_fit(false).build().unwrap())
                .await
                .expect("Chromium prints the debrief");
            assert!(pdf.starts_with(b"%PDF-"), "a PDF");
        })
        .await;
}

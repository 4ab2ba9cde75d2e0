//! Real headless Chromium through chromedriver (Debian's `chromium` and
//! `chromium-driver`, installed by scripts/test). Each browser gets a fresh
//! profile directory; a failing journey leaves a screenshot.

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

pub fn screenshot_dir() -> PathBuf {
    let dir = super::workspace_root().join("target/e2e-screenshots");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

impl Browser {
    pub async fn launch() -> Browser {
        let site = super::site_root();
        let bundle = server::http::bundle_script(&site);
        assert!(
            bundle.exists(),
            "no browser bundle at {}: run the README's test command (scripts/test), which builds it first",
            bundle.display()
        );
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            // The browser's time zone is the one people without a zone of
            // their own get at sign-in: UTC, whatever the machine's.
            .env("TZ", "UTC")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is installed (scripts/test installs Debian's chromium-driver)");
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not start on port {port}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let profile = tempfile::tempdir().expect("profile dir");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium_binary(),
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--window-size=1280,1600",
                    // A synthetic camera and microphone, granted without a prompt,
                    // so the application page's recorder can be exercised.
                    "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                    format!("--user-data-dir={}", profile.path().display()),
                ]
            }),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&url)
            .await
            .expect("a Chromium session through chromedriver");
        Browser {
            client,
            driver,
            _profile: profile,
        }
    }

    /// Waits for a CSS selector to match, up to 20 seconds.
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("`{css}` never appeared: {e}"))
    }

    /// Signs in through the sign-in page as an account made by
    /// `TestApp::user` (password `support::PASSWORD`), then waits for the
    /// page it lands on to hydrate.
    pub async fn sign_in(&self, base: &str, email: &str) {
        self.client
            .goto(&format!("{base}/sign-in"))
            .await
            .expect("open the sign-in page");
        let field = self.wait_for("input[name='email']").await;
        field.send_keys(email).await.expect("type the email");
        self.client
            .find(Locator::Css("input[name='password']"))
            .await
            .expect("password field")
            .send_keys(super::PASSWORD)
            .await
            .expect("type the password");
        self.client
            .find(Locator::Css(".sign-in button[type='submit']"))
            .await
            .expect("sign-in button")
            .click()
            .await
            .expect("sign in");
        self.wait_for(".signed-in-as").await;
    }

    /// Clicks the element `css` matches once it appears.
    pub async fn click(&self, css: &str) {
        self.wait_for(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click `{css}`: {e}"));
    }

    /// Replaces the text of the field `css` matches.
    pub async fn fill(&self, css: &str, value: &str) {
        let field = self.wait_for(css).await;
        field.clear().await.expect("clear the field");
        field.send_keys(value).await.expect("type into the field");
    }

    /// The text of the element `css` matches, read again if the page
    /// replaced the element while it was being read (a re-render after a
    /// server round trip).
    pub async fn text_of(&self, css: &str) -> String {
        for _ in 0..20 {
            if let Ok(text) = self.wait_for(css).await.text().await {
                return text;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("`{css}` kept changing while being read");
    }

    /// The attribute `name` of the element `css` matches ('' without it),
    /// read again if the page replaced the element meanwhile.
    pub async fn attribute(&self, css: &str, name: &str) -> String {
        for _ in 0..20 {
            if let Ok(value) = self.wait_for(css).await.attr(name).await {
                return value.unwrap_or_default();
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("`{css}` kept changing while being read");
    }

    /// How many elements match `css` now.
    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .map(|all| all.len())
            .unwrap_or(0)
    }

    /// Texts of every element matching `css`.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        for el in self
            .client
            .find_all(Locator::Css(css))
            .await
            .expect("find_all")
        {
            out.push(el.text().await.expect("text"));
        }
        out
    }

    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let path = screenshot_dir().join(format!("{name}.png"));
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(&path, png);
        }
        path
    }

    /// Runs a journey; on failure saves a screenshot before failing the test.
    pub async fn journey<F>(self, name: &str, body: F)
    where
        F: AsyncFnOnce(&Browser),
    {
        let outcome = futures_catch(body(&self)).await;
        if outcome.is_err() {
            let path = self.screenshot(&format!("{name}-FAILED")).await;
            eprintln!("journey `{name}` failed; screenshot: {}", path.display());
        }
        self.close().await;
        if let Err(panic) = outcome {
            std::panic::resume_unwind(panic);
        }
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Polls `check` until it holds, up to 20 seconds: for changes a page makes
/// after a server round trip.
pub async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..100 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("never happened: {what}");
}

fn chromium_binary() -> &'static str {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .unwrap_or("/usr/bin/chromium")
}

/// Catches a panic inside an async block so the caller can clean up first.
async fn futures_catch<F: std::future::Future<Output = ()>>(f: F) -> std::thread::Result<()> {
    use std::panic::AssertUnwindSafe;
    let mut f = std::pin::pin!(f);
    std::future::poll_fn(move |cx| {
        match std::panic::catch_unwind(AssertUnwindSafe(|| f.as_mut().poll(cx))) {
            Ok(std::task::Poll::Ready(())) => std::task::Poll::Ready(Ok(())),
            Ok(std::task::Poll::Pending) => std::task::Poll::Pending,
            Err(panic) => std::task::Poll::Ready(Err(panic)),
        }
    })
    .await
}

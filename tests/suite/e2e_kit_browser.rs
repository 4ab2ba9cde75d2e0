//! The first user journey in real headless Chromium: open the kit browser,
//! pick a sub-role and level, switch level and sub-role, see the kit change.

use crate::support::browser::Browser;
use crate::support::{spawn_app, Backend};
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hiring_manager_browses_kits_and_sees_them_change() {
    let app = spawn_app(Backend::Sqlite).await;
    let browser = Browser::launch().await;
    let base = app.base.clone();
    browser
        .journey("kit-browser", async move |b: &Browser| {
            b.sign_in(&base, "admin@example.com").await;
            b.client
                .goto(&format!("{base}/"))
                .await
                .expect("open the kit browser");
            // The WASM bundle loaded and took over the page.
            b.wait_for("body[data-hydrated='true']").await;
            assert_eq!(b.texts(".sub-role-card h2").await.len(), 4);

            b.wait_for(
                "article[data-sub-role='partner-manager'] a[href='/kits/partner-manager/mid']",
            )
            .await
            .click()
            .await
            .expect("click Mid");
            b.wait_for("article[data-kit='partner-manager/mid']").await;
            let mid = b.texts(".question blockquote.ask").await;
            assert!(mid.len() >= 16, "{} questions", mid.len());
            assert_eq!(b.texts(".attitude").await.len(), 12);

            b.client
                .find(Locator::Css("a.switch[data-level='senior']"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
            b.wait_for("article[data-kit='partner-manager/senior']")
                .await;
            let senior = b.texts(".question blockquote.ask").await;
            assert!(senior.len() >= 16);
            assert!(
                senior.iter().all(|q| !mid.contains(q)),
                "the senior kit asks different questions"
            );
            let scenario_pm = b.texts("#simulation p").await;

            b.client
                .find(Locator::Css(
                    "a.switch[data-sub-role='global-alliance-director']",
                ))
                .await
                .unwrap()
                .click()
                .await
                .unwrap();
            b.wait_for("article[data-kit='global-alliance-director/senior']")
                .await;
            assert_ne!(
                b.texts("#simulation p").await,
                scenario_pm,
                "the role-play changes with the sub-role"
            );
            assert!(b
                .texts("h1")
                .await
                .iter()
                .any(|t| t.contains("Global alliance director")));
            b.screenshot("kit-browser").await;
        })
        .await;
}

//! The hiring manager's JD journey in headless Chromium: from an empty form
//! to a rendered JD with no errors, then a generic pasted JD with findings.

use crate::support::browser::Browser;
use crate::support::{spawn_app, Backend};
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hiring_manager_writes_a_jd_and_checks_a_generic_one() {
    let app = spawn_app(Backend::Sqlite).await;
    let browser = Browser::launch().await;
    let base = app.base.clone();
    browser
        .journey("jd-studio", async move |b: &Browser| {
            b.sign_in(&base, "admin@example.com").await;
            b.client.goto(&format!("{base}/jd")).await.expect("open the JD studio");
            b.wait_for("body[data-hydrated='true']").await;
            let fill = async |name: &str, value: &str| {
                let field = b.client.find(Locator::Css(&format!("[name='{name}']"))).await.unwrap();
                field.clear().await.unwrap();
                field.send_keys(value).await.unwrap();
            };
            b.client.find(Locator::Css("input[name='sub_role'][value='strategic-alliance-lead']")).await.unwrap().click().await.unwrap();
            b.client.find(Locator::Css("select[name='level'] option[value='senior']")).await.unwrap().click().await.unwrap();
            fill("partner_name", "Accenture").await;
            b.client.find(Locator::Css("select[name='partner_type'] option[value='si']")).await.unwrap().click().await.unwrap();
            fill("amount", "12000000").await;
            b.client.find(Locator::Css("input[name='monthly']")).await.unwrap().click().await.unwrap();
            b.client.find(Locator::Css("input[name='quarterly']")).await.unwrap().click().await.unwrap();
            b.client.find(Locator::Css("button.primary")).await.unwrap().click().await.unwrap();

            let findings = b.wait_for("#jd-result .findings").await;
            assert_eq!(findings.attr("data-errors").await.unwrap().as_deref(), Some("0"));
            let jd = b.texts(".jd-rendered").await.join("\n");
            assert!(jd.contains("Accenture") && jd.contains("$12M") && jd.contains("Monthly joint pipeline review"), "{jd}");
            let md_link = b.client.find(Locator::Css("a[href^='/jd/download.md?']")).await.unwrap();
            assert!(md_link.attr("href").await.unwrap().unwrap().contains("partner_name=Accenture"));
            b.screenshot("jd-studio-generated").await;

            fill("text", "We need a rockstar alliance manager to manage strategic alliances and build the partner program.").await;
            b.client.find(Locator::Css("button.check-jd")).await.unwrap().click().await.unwrap();
            b.wait_for("#lint-result").await;
            let rules: Vec<String> = {
                let mut out = Vec::new();
                for el in b.client.find_all(Locator::Css("#lint-result [data-rule]")).await.unwrap() {
                    out.push(el.attr("data-rule").await.unwrap().unwrap());
                }
                out
            };
            for rule in ["missing-partner", "missing-pipeline-target", "missing-cadence", "generic-mandate", "exclusive-language"] {
                assert!(rules.iter().any(|r| r == rule), "{rule} not in {rules:?}");
            }
            b.screenshot("jd-studio-lint").await;

            // Back to the JD, and save it as a requisition draft.
            b.client.back().await.unwrap();
            b.wait_for("#jd-result").await;
            b.client.find(Locator::Css("button.save-jd")).await.unwrap().click().await.unwrap();
            b.wait_for("article.requisition").await;
            let title = b.texts("article.requisition h1").await.join("");
            assert!(title.contains("Accenture"), "{title}");
            assert!(b.client.current_url().await.unwrap().path().starts_with("/requisitions/"));
            b.screenshot("jd-studio-saved").await;
        })
        .await;
}

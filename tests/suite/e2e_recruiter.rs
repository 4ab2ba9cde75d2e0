//! The recruiter's journey in headless Chromium: sign in, save a JD from
//! the studio, open the requisition, adjust the interview plan and take the
//! application link to share.

use crate::support::browser::Browser;
use crate::support::{spawn_app, Backend};
use app::domain::accounts::Role;
use fantoccini::Locator;
use std::time::Duration;

/// Polls `check` until it holds, up to 20 seconds.
async fn eventually<F, Fut>(what: &str, mut check: F)
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_recruiter_opens_a_requisition_and_adjusts_the_plan() {
    let app = spawn_app(Backend::Sqlite).await;
    app.user(Role::Recruiter, "rita@example.com").await;
    let browser = Browser::launch().await;
    let base = app.base.clone();
    browser
        .journey("recruiter-plan", async move |b: &Browser| {
            b.sign_in(&base, "rita@example.com").await;
            b.client.goto(&format!("{base}/jd?mode=generate&sub_role=partner-manager&level=mid&partner_name=Snowflake&partner_type=technology&amount=4000000&currency=USD&monthly=1&pairing=weekly-deal-pairing")).await.unwrap();
            b.wait_for("body[data-hydrated='true']").await;
            b.wait_for("#jd-result").await;
            b.client.find(Locator::Css("button.save-jd")).await.unwrap().click().await.unwrap();
            b.wait_for("article.requisition[data-status='draft']").await;
            b.client.find(Locator::Css("button.open-button")).await.unwrap().click().await.unwrap();
            let link = b.wait_for("input.apply-link").await;
            let url = link.prop("value").await.unwrap().unwrap_or_default();
            assert!(url.starts_with(&format!("{base}/apply/")), "{url}");
            b.screenshot("recruiter-opened").await;

            // Drop the first item of the first round.
            let first_round_id = b.wait_for("div.plan-round").await.attr("data-round").await.unwrap().unwrap();
            let first_round = format!("div.plan-round[data-round='{first_round_id}']");
            let count = async || b.client.find_all(Locator::Css(&format!("{first_round} li.plan-item"))).await.unwrap().len();
            let before = count().await;
            assert!(before > 0);
            let first_item = b.client.find(Locator::Css(&format!("{first_round} li.plan-item"))).await.unwrap();
            let dropped = first_item.attr("data-item").await.unwrap().unwrap();
            first_item.find(Locator::Css("button.plan-drop")).await.unwrap().click().await.unwrap();
            eventually("the item leaves the plan", async || count().await == before - 1).await;

            // Add it back to the last round through the picker.
            let last_round = b.client.find_all(Locator::Css("div.plan-round")).await.unwrap().pop().unwrap();
            let round_id = last_round.attr("data-round").await.unwrap().unwrap();
            let option = last_round
                .find(Locator::Css(&format!("select[name='item'] option[value$=':{dropped}']")))
                .await
                .expect("the dropped item is offered again");
            option.click().await.unwrap();
            last_round.find(Locator::Css("form.add-item button")).await.unwrap().click().await.unwrap();
            let selector = format!("div.plan-round[data-round='{round_id}'] li.plan-item[data-item='{dropped}']");
            eventually("the item is in the last round", async || {
                b.client.find(Locator::Css(&selector)).await.is_ok()
            })
            .await;
            let coverage = b.texts("div.coverage tbody tr").await;
            assert_eq!(coverage.len(), 7, "all seven competencies: {coverage:?}");
            b.screenshot("recruiter-plan-adjusted").await;
        })
        .await;
}

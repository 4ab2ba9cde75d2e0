//! An interviewer's calibration practice in headless Chromium: the page
//! offers a sample answer, she rates it with a click, sees the reference
//! and the anchor that decides it, and the next sample is on offer.

use crate::support::browser::{eventually, Browser};
use crate::support::{spawn_app, Backend};
use app::domain::accounts::Role;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interviewer_rates_sample_answers_and_reads_the_reference() {
    let app = spawn_app(Backend::Sqlite).await;
    app.user(Role::Interviewer, "ivy@example.com").await;
    let browser = Browser::launch().await;
    let base = app.base.clone();
    let db = app.db.clone();
    browser
        .journey("calibration", async move |b: &Browser| {
            b.sign_in(&base, "ivy@example.com").await;
            b.click("a[href='/calibration']").await;
            b.wait_for("#practice[data-sample]").await;
            b.wait_for("body[data-hydrated='true']").await;
            assert!(b
                .text_of(".calibration-agreement")
                .await
                .contains("nothing rated yet"));
            let first = b.attribute("#practice", "data-sample").await;

            b.click(".calibration-form .rating-meets input").await;
            b.click(".calibration-form button[type='submit']").await;
            b.wait_for("#result[data-match]").await;
            assert!(b.text_of("#result").await.contains("you rated it Meets"));
            assert!(b.text_of(".calibration-agreement").await.contains(" of 1 "));
            eventually("another sample is on offer", async || {
                b.attribute("#practice", "data-sample").await != first
            })
            .await;
            b.screenshot("calibration").await;
            let (stored,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM practice_ratings")
                .fetch_one(&db.pool)
                .await
                .unwrap();
            assert_eq!(stored, 1, "every practice rating is kept");
        })
        .await;
}

//! A person's own account in headless Chromium: signing in gives them the
//! browser's time zone; they name themselves and pick another zone, and
//! the header and their interviews follow.

use crate::support::browser::{eventually, Browser};
use crate::support::{spawn_app, Backend};
use app::domain::accounts::{Email, Role};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_names_themselves_and_picks_a_time_zone() {
    let app = spawn_app(Backend::Sqlite).await;
    app.user(Role::Interviewer, "ivy@example.com").await;
    let browser = Browser::launch().await;
    let base = app.base.clone();
    let db = app.db.clone();
    browser
        .journey("account", async move |b: &Browser| {
            let stored = async || {
                app::db::users::active_by_email(&db, &Email::parse("ivy@example.com").unwrap())
                    .await
                    .unwrap()
                    .unwrap()
            };
            b.sign_in(&base, "ivy@example.com").await;
            // The test browser runs in UTC (support::browser sets TZ).
            assert_eq!(stored().await.time_zone, "UTC");
            assert_eq!(b.text_of(".signed-in-as").await, "ivy@example.com");

            b.click(".signed-in-as").await;
            b.wait_for("#my-name").await;
            b.wait_for("body[data-hydrated='true']").await;
            b.fill("#my-name", "Ivy Chen").await;
            b.click(".my-name button[type='submit']").await;
            eventually("the name is saved", async || {
                stored().await.name == "Ivy Chen"
            })
            .await;

            b.wait_for("#my-time-zone").await;
            b.client
                .execute(
                    "document.querySelector('#my-time-zone').value = 'Asia/Tokyo';",
                    vec![],
                )
                .await
                .unwrap();
            b.click(".my-time-zone button[type='submit']").await;
            eventually("the zone is saved", async || {
                stored().await.time_zone == "Asia/Tokyo"
            })
            .await;
            // The browser's own zone is one click away.
            b.click("[data-action='browser-time-zone']").await;
            let picked: String = b
                .client
                .execute(
                    "return document.querySelector('#my-time-zone').value;",
                    vec![],
                )
                .await
                .unwrap()
                .as_str()
                .unwrap_or_default()
                .to_string();
            assert_eq!(picked, "UTC");
            b.screenshot("account").await;

            b.client.goto(&format!("{base}/interviews")).await.unwrap();
            eventually("the header names her", async || {
                b.text_of(".signed-in-as").await == "Ivy Chen"
            })
            .await;
        })
        .await;
}

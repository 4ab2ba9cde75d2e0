//! Live scorecards in headless Chromium: two interviewers score the same
//! candidate in their rounds with the keyboard; the second reads nothing of
//! the first's card until submitting their own; a stale second tab is
//! refused without losing what was typed; an amendment shows in the
//! history; the actor's brief shows no anchors.

use crate::support::browser::{eventually, Browser};
use crate::support::world::world;
use crate::support::{spawn_app, Backend};
use app::db::{assignments, requisitions, users};
use app::domain::accounts::Email;
use serde_json::{json, Value};

const IVY: usize = 5;
const IRIS: usize = 6;

/// Rates every item of the open scorecard with the keyboard: the first
/// item focused (as a click would), rate it with `key`, move on with `j`.
async fn rate_all_with_keys(b: &Browser, key: &str, value: &str) {
    let items = b.count("li.score-item").await;
    assert!(items > 0, "the card has items");
    b.client
        .execute("document.querySelector('li.score-item').focus()", vec![])
        .await
        .unwrap();
    for n in 0..items {
        let focused: Value = b
            .client
            .execute(
                "return document.activeElement.dataset.itemKey || ''",
                vec![],
            )
            .await
            .unwrap();
        let focused = focused.as_str().unwrap_or_default().to_string();
        assert!(!focused.is_empty(), "item {n} has the focus");
        b.client
            .active_element()
            .await
            .unwrap()
            .send_keys(key)
            .await
            .unwrap();
        let checked = format!(
            "li.score-item[data-item-key='{focused}'] .ratings input[value='{value}']:checked"
        );
        eventually("the key rates the focused item", async || {
            b.count(&checked).await == 1
        })
        .await;
        b.client
            .active_element()
            .await
            .unwrap()
            .send_keys("j")
            .await
            .unwrap();
    }
}

async fn wait_saved(b: &Browser) {
    eventually("the draft saves itself", async || {
        b.count("[data-save-state='saved']").await == 1
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_interviewers_score_blind_with_the_keyboard() {
    let app = spawn_app(Backend::Sqlite).await;
    let w = world(&app).await;
    // Iris interviews Ada in the round with the role-play.
    let requisition = requisitions::get(&app.db, &w.requisition)
        .await
        .unwrap()
        .unwrap();
    let sim_round = requisition
        .plan
        .as_ref()
        .unwrap()
        .rounds
        .iter()
        .find(|r| r.items.iter().any(|i| i.id == "simulation"))
        .expect("a round has the role-play")
        .round
        .clone();
    let iris_id = users::credentials(&app.db, &Email::parse("iris@example.com").unwrap())
        .await
        .unwrap()
        .unwrap()
        .0
        .id;
    let iris_card = assignments::create(
        &app.db,
        &assignments::NewAssignment {
            requisition_id: &w.requisition,
            candidate_id: &w.candidate,
            round: &sim_round,
            interviewer_id: &iris_id,
            starts_at: "2027-01-03T10:00:00.000Z",
            minutes: 60,
            created_by: &iris_id,
            part: app::domain::requisition::Part::Interviewer,
        },
        |_| None,
    )
    .await
    .unwrap();
    let kit = app::service::kits::frozen_kit(&app.db, &requisition)
        .await
        .unwrap();
    let base = app.base.clone();
    let app_ref = &app;
    let iris_api = w.clients[IRIS].clone();
    let ivy_api = w.clients[IVY].clone();
    let ivy_card = w.assignment.clone();
    let panel = format!("/api/candidates/{}/scorecards", w.candidate);
    let browser = Browser::launch().await;
    browser
        .journey("scorecard", async move |b: &Browser| {
            // Ivy scores her round with the keyboard and submits.
            b.sign_in(&base, "ivy@example.com").await;
            b.client
                .goto(&format!("{base}/interviews/{ivy_card}"))
                .await
                .unwrap();
            b.wait_for("body[data-hydrated='true']").await;
            assert!(b.text_of("#scorecard-keys").await.contains("Exceeds"));
            rate_all_with_keys(b, "2", "meets").await;
            b.click("input[name='card[recommendation]'][value='hire']")
                .await;
            b.fill("#takeaways", "Ivy: clear co-sell thinking.").await;
            wait_saved(b).await;
            b.screenshot("scorecard-ivy-draft").await;

            // Notes typed just before a click on a header link are sent as
            // the page is left, not dropped with it: coming back shows them.
            let card_url = app_ref.url(&format!("/api/scorecards/{ivy_card}"));
            let stored = async |text: &str| {
                let card: Value = ivy_api
                    .get(&card_url)
                    .send()
                    .await
                    .unwrap()
                    .json()
                    .await
                    .unwrap();
                card["body"].to_string().contains(text)
            };
            let notes = "li.score-item textarea";
            let typed = "Named the partner's QBR owner without a prompt.";
            b.fill(notes, typed).await;
            b.click(".site-header a[href='/interviews']").await;
            b.wait_for("section.page.interviews").await;
            eventually("the notes typed before leaving are stored", async || {
                stored(typed).await
            })
            .await;
            b.click(&format!(
                "section.page.interviews a[href='/interviews/{ivy_card}']"
            ))
            .await;
            eventually("the notes are back in the form", async || {
                b.wait_for(notes)
                    .await
                    .prop("value")
                    .await
                    .ok()
                    .flatten()
                    .as_deref()
                    == Some(typed)
            })
            .await;

            // Reloading at once: the beacon sent as the page goes carries them.
            b.wait_for("body[data-hydrated='true']").await;
            let reloaded = "Asked for the joint pipeline review before any offer.";
            b.fill(notes, reloaded).await;
            b.client.refresh().await.unwrap();
            eventually("the notes typed before the reload are stored", async || {
                stored(reloaded).await
            })
            .await;
            b.client
                .goto(&format!("{base}/interviews/{ivy_card}"))
                .await
                .unwrap();
            b.wait_for("body[data-hydrated='true']").await;
            let kept = b
                .wait_for(notes)
                .await
                .prop("value")
                .await
                .unwrap()
                .unwrap_or_default();
            assert_eq!(kept, reloaded);
            wait_saved(b).await;

            b.click("button[value='submit']").await;
            b.wait_for("#scorecard[data-state='submitted']").await;

            // Iris has not submitted: she reads nothing of Ivy's card.
            let res = iris_api.get(app_ref.url(&panel)).send().await.unwrap();
            assert_eq!(res.status(), 403);
            let res = iris_api
                .get(app_ref.url(&format!("/api/scorecards/{ivy_card}")))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 403);

            b.click(".who button[type='submit']").await;
            b.wait_for(".sign-in").await;
            b.sign_in(&base, "iris@example.com").await;
            b.client
                .goto(&format!("{base}/interviews/{iris_card}"))
                .await
                .unwrap();
            b.wait_for("body[data-hydrated='true']").await;
            assert_eq!(
                b.text_of(".countdown .clock").await,
                format!("{:02}:00", kit.simulation.minutes)
            );
            // The page's script runs the countdown, hydrated or not: one
            // click starts it (a second is harmless), Pause holds it.
            b.click(".countdown-start").await;
            eventually("the countdown runs", async || {
                b.text_of(".countdown .clock").await != format!("{:02}:00", kit.simulation.minutes)
            })
            .await;
            b.click(".countdown-start").await;
            b.click(".countdown-pause").await;
            let held = b.text_of(".countdown .clock").await;
            tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
            assert_eq!(b.text_of(".countdown .clock").await, held, "paused");
            b.click(".countdown-reset").await;
            assert_eq!(
                b.text_of(".countdown .clock").await,
                format!("{:02}:00", kit.simulation.minutes)
            );
            // Submitting with nothing rated is refused (the draft is kept):
            // the reasons show under the fields.
            b.click("button[value='submit']").await;
            eventually("the refused submission says why", async || {
                !b.text_of("p.field-error[data-field='recommendation']")
                    .await
                    .trim()
                    .is_empty()
            })
            .await;
            assert_eq!(b.count("#scorecard[data-state='draft']").await, 1);
            rate_all_with_keys(b, "e", "exceeds").await;
            wait_saved(b).await;

            // A second tab (here: the API) saves first; this tab's next
            // save is refused and nothing typed is lost.
            let card: Value = iris_api
                .get(app_ref.url(&format!("/api/scorecards/{iris_card}")))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            let first = card["items"][0]["key"].as_str().unwrap().to_string();
            let mut body = card["body"].clone();
            body["items"][&first]["notes"] = json!("from the other tab");
            body.as_object_mut().unwrap().remove("private_notes");
            let res = iris_api
                .put(app_ref.url(&format!("/api/scorecards/{iris_card}")))
                .json(&json!({ "version": card["version"], "body": body }))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
            let notes = format!("li.score-item[data-item-key='{first}'] textarea");
            b.fill(&notes, "typed in the stale tab").await;
            eventually("the stale save is refused", async || {
                b.count("[data-save-state='stale']").await == 1
            })
            .await;
            // The stored text appears beside hers without a click.
            b.wait_for(".stored-text pre").await;
            assert_eq!(b.text_of(".stored-text pre").await, "from the other tab");
            let kept = b
                .wait_for(&notes)
                .await
                .prop("value")
                .await
                .unwrap()
                .unwrap_or_default();
            assert_eq!(
                kept, "typed in the stale tab",
                "the typed text stays in the form"
            );
            b.screenshot("scorecard-stale").await;

            // Submitting keeps her text (she chose it) and opens Ivy's card.
            b.click("input[name='card[recommendation]'][value='strong-hire']")
                .await;
            b.click("button[value='submit']").await;
            b.wait_for("#scorecard[data-state='submitted']").await;
            let res = iris_api.get(app_ref.url(&panel)).send().await.unwrap();
            assert_eq!(res.status(), 200);
            let cards: Value = res.json().await.unwrap();
            let ivy = cards["scorecards"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["id"] == ivy_card.as_str())
                .expect("Ivy's card")
                .clone();
            assert_eq!(ivy["recommendation"], "hire");
            assert!(ivy["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|i| i["rating"] == "meets"));

            // An amendment, with its reason, shows in the history.
            b.click("details.amend summary").await;
            b.click("#amend-form input[name='card[recommendation]'][value='hire']")
                .await;
            b.fill("#amend-reason", "Re-read the role-play notes.")
                .await;
            b.click("#amend-form button[value='save']").await;
            b.wait_for("#history li[data-kind='amend']").await;
            assert!(b
                .text_of("#history li[data-kind='amend']")
                .await
                .contains("Re-read the role-play notes."));
            assert_eq!(
                b.count("#history li").await,
                2,
                "the submission and the amendment"
            );
            b.screenshot("scorecard-amended").await;

            // The actor's brief: the persona, never the anchors.
            b.click("a.actor-brief-link").await;
            b.wait_for("article.actor-brief").await;
            let text = b.text_of("article.actor-brief").await;
            assert!(text.contains(&kit.simulation.persona.motivation), "{text}");
            for anchor in [
                &kit.simulation.anchors.exceeds,
                &kit.simulation.anchors.meets,
                &kit.simulation.anchors.below,
            ] {
                assert!(!text.contains(anchor.as_str()), "no anchors: {text}");
            }
            for indicator in kit
                .simulation
                .positive
                .iter()
                .chain(&kit.simulation.negative)
            {
                assert!(!text.contains(indicator.as_str()), "no indicators: {text}");
            }
            b.screenshot("scorecard-actor-brief").await;
        })
        .await;
}

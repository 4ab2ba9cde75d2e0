//! The hiring loop in headless Chromium, as one story: a recruiter saves a
//! JD, opens the requisition, adjusts the plan and takes the application
//! link; one candidate applies with a resume and video answers, another is
//! stopped by a knock-out question; the recruiter screens the first,
//! advances them and puts two interviewers on the panel.

use crate::support::applications::{kit_of, PDF, WEBM};
use crate::support::browser::{eventually, Browser};
use crate::support::{spawn_app, Backend};
use app::domain::accounts::Role;
use app::domain::candidate::Stage;
use app::domain::keys::RequisitionId;
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn from_a_saved_jd_to_a_scheduled_panel() {
    let app = spawn_app(Backend::Sqlite).await;
    app.user(Role::Recruiter, "rita@example.com").await;
    app.user(Role::Interviewer, "ivy@example.com").await;
    app.user(Role::Interviewer, "ian@example.com").await;
    let files = tempfile::tempdir().unwrap();
    let pdf = files.path().join("Ada Lovelace CV.pdf");
    std::fs::write(&pdf, PDF).unwrap();
    let webm = files.path().join("answer.webm");
    std::fs::write(&webm, WEBM).unwrap();
    let start = format!(
        "{}T10:00",
        chrono::Utc::now().date_naive() + chrono::Days::new(7)
    );
    let browser = Browser::launch().await;
    let base = app.base.clone();
    let db = app.db.clone();
    let app_ref = &app;
    browser
        .journey("hiring-loop", async move |b: &Browser| {
            // The recruiter opens a requisition from a saved JD.
            b.sign_in(&base, "rita@example.com").await;
            b.client.goto(&format!("{base}/jd?mode=generate&sub_role=partner-manager&level=mid&partner_name=Snowflake&partner_type=technology&amount=4000000&currency=USD&monthly=1&pairing=weekly-deal-pairing")).await.unwrap();
            b.wait_for("body[data-hydrated='true']").await;
            b.wait_for("#jd-result").await;
            b.click("button.save-jd").await;
            b.wait_for("article.requisition[data-status='draft']").await;
            b.click("button.open-button").await;
            let apply_url = b.wait_for("input.apply-link").await.prop("value").await.unwrap().unwrap_or_default();
            assert!(apply_url.starts_with(&format!("{base}/apply/")), "{apply_url}");
            let id = RequisitionId::from(apply_url.rsplit('/').next().unwrap());
            // The copy button hands the link to the page's script, which
            // marks whether the browser let it write the clipboard (a
            // headless browser may refuse: either answer means it ran).
            b.click("button.copy-apply-link").await;
            eventually("the copy button ran", async || {
                matches!(
                    b.wait_for("button.copy-apply-link").await.attr("data-copied").await.ok().flatten().as_deref(),
                    Some("true" | "false")
                )
            })
            .await;
            b.screenshot("loop-opened").await;

            // Adjusts the plan: drop the first item of the first round, then
            // add it to the last round through the picker.
            let first_round = b.wait_for("div.plan-round").await.attr("data-round").await.unwrap().unwrap();
            let items = format!("div.plan-round[data-round='{first_round}'] li.plan-item");
            let before = b.count(&items).await;
            let first_item = b.wait_for(&items).await;
            let dropped = first_item.attr("data-item").await.unwrap().unwrap();
            first_item.find(Locator::Css("button.plan-drop")).await.unwrap().click().await.unwrap();
            eventually("the item leaves the plan", async || b.count(&items).await == before - 1).await;
            let last_round = b.client.find_all(Locator::Css("div.plan-round")).await.unwrap().pop().unwrap();
            let last_id = last_round.attr("data-round").await.unwrap().unwrap();
            last_round
                .find(Locator::Css(&format!("select[name='item'] option[value$=':{dropped}']")))
                .await
                .expect("the dropped item is offered again")
                .click()
                .await
                .unwrap();
            last_round.find(Locator::Css("form.add-item button")).await.unwrap().click().await.unwrap();
            let moved = format!("div.plan-round[data-round='{last_id}'] li.plan-item[data-item='{dropped}']");
            eventually("the item is in the last round", async || b.client.find(Locator::Css(&moved)).await.is_ok()).await;
            assert_eq!(b.count("div.coverage tbody tr").await, 7, "all seven competencies are shown");
            b.screenshot("loop-plan-adjusted").await;
            b.click(".who button[type='submit']").await;
            b.wait_for(".sign-in").await;

            // A candidate applies through the shared link.
            let kit = kit_of(app_ref, &id).await;
            b.client.goto(&apply_url).await.unwrap();
            b.wait_for("html[data-recorder='ready']").await;
            b.fill("input[name='name']", "Ada Lovelace").await;
            b.fill("input[name='email']", "ada@example.com").await;
            for k in &kit.application.knockouts {
                let pass = k.answers.iter().position(|a| !a.disqualifies).unwrap();
                b.click(&format!("input[name='knockout[{}]'][value='{pass}']", k.id)).await;
            }
            b.click("button.apply-submit").await;
            b.wait_for("input[name='resume']").await.send_keys(&pdf.display().to_string()).await.unwrap();
            b.click("form[data-resume-form] button[type='submit']").await;
            b.wait_for("li[data-step='resume'][data-done='true']").await;
            for p in &kit.application.video_prompts {
                let section = format!("section[data-prompt-id='{}']", p.id);
                b.wait_for(&format!("{section} input[name='video']")).await.send_keys(&webm.display().to_string()).await.unwrap();
                b.click(&format!("{section} form[data-video-form] button[type='submit']")).await;
                b.wait_for(&format!("{section}[data-done='true']")).await;
            }
            b.click("form[data-submit-form] button[type='submit']").await;
            b.wait_for("[data-submitted='true']").await;
            b.screenshot("loop-applied").await;

            // Another candidate gives a disqualifying answer and is stopped.
            b.client.goto(&apply_url).await.unwrap();
            b.wait_for("html[data-recorder='ready']").await;
            b.fill("input[name='name']", "Bo Reed").await;
            b.fill("input[name='email']", "bo@example.com").await;
            for (i, k) in kit.application.knockouts.iter().enumerate() {
                let choice = k.answers.iter().position(|a| a.disqualifies == (i == 0)).unwrap();
                b.click(&format!("input[name='knockout[{}]'][value='{choice}']", k.id)).await;
            }
            b.click("button.apply-submit").await;
            b.wait_for("[data-stopped='true']").await;
            b.screenshot("loop-stopped").await;

            // The recruiter screens Ada, advances her and schedules the panel.
            b.sign_in(&base, "rita@example.com").await;
            b.client.goto(&format!("{base}/requisitions/{id}/candidates")).await.unwrap();
            b.wait_for("tr[data-stage='knocked-out']").await;
            b.click("tr[data-stage='screening'] a").await;
            b.wait_for("article.candidate").await;
            b.wait_for("body[data-hydrated='true']").await;
            for c in &kit.resume_criteria {
                b.click(&format!("input[name='ratings[{}]'][value='meets']", c.id)).await;
            }
            b.fill("#screen-reason", "Has run a monthly joint pipeline review with a data platform.").await;
            b.click("button[name='intent'][value='advance']").await;
            b.wait_for("article.candidate[data-stage='interviewing']").await;
            for (n, email) in ["ivy@example.com", "ian@example.com"].into_iter().enumerate() {
                b.click(&format!("#assign-person option[value='{email}']")).await;
                b.click(&format!("#assign-round option:nth-child({})", n + 1)).await;
                b.client
                    .execute("document.querySelector('#assign-start').value = arguments[0];", vec![serde_json::json!(start)])
                    .await
                    .unwrap();
                b.click(".assign-form button[type='submit']").await;
                eventually("the interviewer is on the panel", async || b.count("li[data-assignment]").await == n + 1).await;
            }
            b.wait_for("li[data-assignment] a[href$='/invite.ics']").await;
            b.screenshot("loop-panel").await;

            // Ivy's interview moves a day later: the page says so and the
            // interview carries the new time and its next revision.
            let ivy_item = "li[data-assignment]:first-of-type";
            b.click(&format!("{ivy_item} .change-interview summary")).await;
            let later = (chrono::Utc::now() + chrono::Duration::days(8)).format("%Y-%m-%dT10:15").to_string();
            b.client
                .execute(
                    "document.querySelector(arguments[0]).value = arguments[1];",
                    vec![serde_json::json!(format!("{ivy_item} .move-interview input[name='starts_at']")), serde_json::json!(later)],
                )
                .await
                .unwrap();
            b.click(&format!("{ivy_item} .move-interview button[type='submit']")).await;
            eventually("the move is confirmed", async || b.text_of(".notice-ok").await.contains("Interview moved")).await;
            b.screenshot("loop-interview-moved").await;
            let moved = app::db::assignments::for_requisition(&db, &id).await.unwrap();
            assert!(moved.iter().any(|a| a.sequence == 1 && a.starts_at.starts_with(&later[..10])), "{moved:?}");

            let stages: Vec<Stage> = app::db::candidates::list(&db, &id).await.unwrap().into_iter().map(|c| c.stage).collect();
            assert_eq!(stages, vec![Stage::Interviewing, Stage::KnockedOut]);
            let panel = app::db::assignments::for_requisition(&db, &id).await.unwrap();
            let mut who: Vec<&str> = panel.iter().map(|a| a.interviewer_email.as_str()).collect();
            who.sort();
            assert_eq!(who, ["ian@example.com", "ivy@example.com"]);
        })
        .await;
}

//! The candidate's application in headless Chromium: one candidate applies,
//! uploads a PDF, records a video answer with Chromium's synthetic camera,
//! uploads the other answers and submits; a second one, after a reload that
//! keeps what they typed, gives a disqualifying answer and is stopped.

use crate::support::applications::{kit_of, open_requisition, PDF, WEBM};
use crate::support::browser::Browser;
use crate::support::{spawn_app, Backend};
use app::domain::candidate::Stage;
use fantoccini::Locator;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_candidate_applies_records_an_answer_and_submits() {
    let app = spawn_app(Backend::Sqlite).await;
    let id = open_requisition(&app).await;
    let kit = kit_of(&app, &id).await;
    let files = tempfile::tempdir().unwrap();
    let pdf = files.path().join("Ada Lovelace CV.pdf");
    std::fs::write(&pdf, PDF).unwrap();
    let webm = files.path().join("answer.webm");
    std::fs::write(&webm, WEBM).unwrap();

    let browser = Browser::launch().await;
    let base = app.base.clone();
    let db = app.db.clone();
    let mail = app.state.mail.clone();
    browser
        .journey("apply", async move |b: &Browser| {
            b.client.goto(&format!("{base}/apply/{id}")).await.unwrap();
            b.wait_for("html[data-recorder='ready']").await;
            b.fill("input[name='name']", "Ada Lovelace").await;
            b.fill("input[name='email']", "ada@example.com").await;
            for k in &kit.application.knockouts {
                let pass = k.answers.iter().position(|a| !a.disqualifies).unwrap();
                b.click(&format!("input[name='knockout[{}]'][value='{pass}']", k.id))
                    .await;
            }
            b.screenshot("apply-form").await;
            b.click("button.apply-submit").await;

            // The candidate's own page: upload the resume through the form.
            b.wait_for("li[data-step='resume'][data-done='false']")
                .await;
            b.wait_for("input[name='resume']")
                .await
                .send_keys(&pdf.display().to_string())
                .await
                .unwrap();
            b.click("form[data-resume-form] button[type='submit']")
                .await;
            b.wait_for("li[data-step='resume'][data-done='true']").await;
            let state = b.texts("li[data-step='resume'] .step-state").await.join("");
            assert!(state.contains("Ada Lovelace CV.pdf"), "{state}");

            // Record the first answer in the browser.
            let first = &kit.application.video_prompts[0].id;
            let section = format!("section[data-prompt-id='{first}']");
            b.wait_for("html[data-recorder='ready']").await;
            b.click(&format!(
                "{section} [data-recorder][data-state='idle'] [data-record-start]"
            ))
            .await;
            b.wait_for(&format!(
                "{section} [data-recorder][data-state='recording']"
            ))
            .await;
            let clock = b
                .texts(&format!("{section} [data-countdown] .recorder-clock"))
                .await
                .join("");
            assert!(clock.contains(':'), "a countdown: {clock}");
            tokio::time::sleep(Duration::from_millis(2500)).await;
            b.screenshot("apply-recording").await;
            b.click(&format!("{section} [data-record-stop]")).await;
            b.wait_for(&format!("{section} [data-recorder][data-state='review']"))
                .await;
            b.screenshot("apply-review").await;
            b.click(&format!("{section} [data-record-submit]")).await;
            b.wait_for(&format!("{section}[data-done='true']")).await;
            let saved = b.texts(".application-saved").await.join("");
            assert!(saved.contains("video question 1"), "{saved}");

            // Upload a file for the others.
            for p in &kit.application.video_prompts[1..] {
                let section = format!("section[data-prompt-id='{}']", p.id);
                b.wait_for(&format!("{section} input[name='video']"))
                    .await
                    .send_keys(&webm.display().to_string())
                    .await
                    .unwrap();
                b.click(&format!(
                    "{section} form[data-video-form] button[type='submit']"
                ))
                .await;
                b.wait_for(&format!("{section}[data-done='true']")).await;
            }
            b.screenshot("apply-ready").await;

            b.click("form[data-submit-form] button[type='submit']")
                .await;
            b.wait_for("[data-submitted='true']").await;
            let thanks = b.texts(".application-submitted").await.join("");
            assert!(thanks.contains("Thank you, Ada Lovelace"), "{thanks}");
            b.screenshot("apply-submitted").await;

            // The recording arrived as a real WebM.
            let candidates = app::db::candidates::list(&db, &id).await.unwrap();
            assert_eq!(candidates[0].stage, Stage::Screening);
            let stored = app::db::candidate_files::list(&db, &candidates[0].id)
                .await
                .unwrap();
            let recorded = stored.iter().find(|f| &f.prompt_id == first).unwrap();
            assert_eq!(recorded.content_type, "video/webm");
            assert!(
                recorded.size_bytes > 1000,
                "a real recording: {} bytes",
                recorded.size_bytes
            );
            // MediaRecorder writes no Duration; the server measured the
            // recording (about 2.5 s) and wrote it in.
            assert!(
                recorded.duration_ms.is_some_and(|ms| (1500..10_000).contains(&ms)),
                "the recording's length: {:?}",
                recorded.duration_ms
            );
            let candidate_id = candidates[0].id.clone();
            let recorded_ms = recorded.duration_ms;
            let recorded_prompt = first.clone();

            // Ada lost her link: the job's page sends it to her again.
            b.client.goto(&format!("{base}/apply/{id}")).await.unwrap();
            b.fill("#lost-link-email", "ada@example.com").await;
            b.click(".lost-link-form button[type='submit']").await;
            crate::support::browser::eventually("the lost link is on its way", || async {
                b.text_of(".lost-link-sent").await.contains("on its way")
            })
            .await;
            b.screenshot("apply-lost-link").await;
            // The mail worker's part, which this test's server does not run.
            assert_eq!(
                app::service::mail::answer_link_requests(&db, &mail, 50)
                    .await
                    .unwrap(),
                1
            );
            let recovery: Vec<(String,)> =
                sqlx::query_as("SELECT recipient FROM outbox WHERE kind = 'link-recovery'")
                    .fetch_all(&db.pool)
                    .await
                    .unwrap();
            assert_eq!(recovery, vec![("ada@example.com".to_string(),)]);

            // A second candidate: a reload keeps what they typed, then a
            // disqualifying answer stops the application.
            b.client.goto(&format!("{base}/apply/{id}")).await.unwrap();
            b.wait_for("html[data-recorder='ready']").await;
            b.fill("input[name='name']", "Bo Diaz").await;
            b.fill("input[name='email']", "bo@example.com").await;
            let first_knockout = &kit.application.knockouts[0];
            let fail = first_knockout
                .answers
                .iter()
                .position(|a| a.disqualifies)
                .unwrap();
            b.click(&format!(
                "input[name='knockout[{}]'][value='{fail}']",
                first_knockout.id
            ))
            .await;
            b.client.refresh().await.unwrap();
            b.wait_for("html[data-recorder='ready']").await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            let name = b
                .wait_for("input[name='name']")
                .await
                .prop("value")
                .await
                .unwrap();
            assert_eq!(name.as_deref(), Some("Bo Diaz"), "kept across the reload");
            let checked = b
                .wait_for(&format!(
                    "input[name='knockout[{}]'][value='{fail}']",
                    first_knockout.id
                ))
                .await
                .prop("checked")
                .await
                .unwrap();
            assert_eq!(checked.as_deref(), Some("true"), "the answer is kept too");
            for k in &kit.application.knockouts[1..] {
                let pass = k.answers.iter().position(|a| !a.disqualifies).unwrap();
                b.click(&format!("input[name='knockout[{}]'][value='{pass}']", k.id))
                    .await;
            }
            // A problem is shown beside its field and nothing typed is lost.
            b.fill("input[name='phone']", "call me").await;
            b.click("button.apply-submit").await;
            b.wait_for("#apply-phone-error[data-field-error='true']")
                .await;
            let problem = b.texts("#apply-phone-error").await.join("");
            assert!(problem.contains("phone number"), "{problem}");
            // The page comes back with the cursor in the field to correct.
            let focused = b
                .client
                .execute("return document.activeElement && document.activeElement.name", vec![])
                .await
                .unwrap();
            assert_eq!(focused, serde_json::json!("phone"), "the refused field is focused");
            let email = b
                .wait_for("input[name='email']")
                .await
                .prop("value")
                .await
                .unwrap();
            assert_eq!(email.as_deref(), Some("bo@example.com"));
            b.screenshot("apply-field-error").await;
            b.wait_for("input[name='phone']")
                .await
                .clear()
                .await
                .unwrap();
            b.click("button.apply-submit").await;
            b.wait_for("[data-stopped='true']").await;
            let stop = b.texts(".application-stopped").await.join("");
            assert!(stop.contains("This role needs the answer"), "{stop}");
            assert!(stop.contains("Your answers are kept"), "{stop}");
            assert!(b
                .client
                .find(Locator::Css("[data-video-form]"))
                .await
                .is_err());
            b.screenshot("apply-stopped").await;

            // A recruiter's player knows the recording's length (without
            // one it says Infinity and cannot seek), fetching it by range.
            b.sign_in(&base, "admin@example.com").await;
            b.client
                .goto(&format!("{base}/candidates/{candidate_id}"))
                .await
                .unwrap();
            b.wait_for(&format!(
                "figure.video-answer[data-prompt='{recorded_prompt}'] video"
            ))
            .await;
            let duration = b
                .client
                .execute(
                    "const v = document.querySelector(`figure.video-answer[data-prompt='${arguments[0]}'] video`);
                     return new Promise(done => {
                       if (v.readyState >= 1) { done(String(v.duration)); return; }
                       v.addEventListener('loadedmetadata', () => done(String(v.duration)), { once: true });
                       v.addEventListener('error', () => done('error ' + (v.error && v.error.code)), { once: true });
                       v.load();
                     });",
                    vec![serde_json::json!(recorded_prompt)],
                )
                .await
                .unwrap();
            let seconds: f64 = duration
                .as_str()
                .and_then(|d| d.parse().ok())
                .unwrap_or(f64::NAN);
            assert!(
                seconds.is_finite() && (1.5..10.0).contains(&seconds),
                "the player's duration: {duration}"
            );
            eprintln!(
                "a 2.5 s recording from Chromium: stored as {recorded_ms:?} ms, the player says {seconds} s"
            );
            b.screenshot("apply-recording-seen-by-recruiter").await;
        })
        .await;
}

//! The candidate's public application over HTTP, as a browser without
//! JavaScript does it: the job page, starting an application (knock-outs),
//! uploads with their limits, submitting, and who may read the files.

use crate::on_both_databases;
use crate::support::applications::{
    application_form, apply, candidate_at, draft_requisition, kit_of, open_requisition,
    post_application_form, stored_files, upload, PDF, WEBM,
};
use crate::support::TestApp;
use app::db::{candidate_files, candidates};
use app::domain::accounts::Role;
use app::domain::candidate::Stage;
use app::domain::upload::{MAX_RESUME_BYTES, MAX_VIDEO_BYTES};
use reqwest::multipart::{Form, Part};

fn location(res: &reqwest::Response) -> String {
    assert_eq!(res.status(), 303, "a 303 back to the application page");
    res.headers()["location"].to_str().unwrap().to_string()
}

async fn page_text(app: &TestApp, path: &str) -> (u16, String) {
    let res = app.anonymous().get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn a_candidate_applies_uploads_and_submits(app: TestApp) {
    let id = open_requisition(&app).await;
    let kit = kit_of(&app, &id).await;
    assert!(
        !kit.application.video_prompts.is_empty(),
        "the kit asks for videos"
    );

    let (status, job) = page_text(&app, &format!("/apply/{id}")).await;
    assert_eq!(status, 200);
    assert!(job.contains("Snowflake"), "the title and JD");
    assert!(
        job.contains(&format!("data-persist=\"{id}\"")),
        "the form keeps a draft"
    );
    for k in &kit.application.knockouts {
        assert!(
            job.contains(&format!("name=\"knockout[{}]\"", k.id)),
            "{}",
            k.id
        );
    }
    assert!(
        !job.contains("disqualif"),
        "which answer stops an application is not sent"
    );

    let page = apply(&app, &id, "ada@example.com", None).await;
    let candidate = candidate_at(&app, &page).await;
    assert_eq!(candidate.stage, Stage::Applying);
    assert_eq!(candidate.source, app::domain::candidate::Source::Applied);
    assert_eq!(candidate.knockouts.len(), kit.application.knockouts.len());
    assert_eq!(candidate.links, vec!["https://example.com/ada"]);

    let (status, html) = page_text(&app, &page).await;
    assert_eq!(status, 200);
    assert!(html.contains("Not uploaded yet"));
    assert!(html.contains("/assets/recorder.js"));
    for p in &kit.application.video_prompts {
        assert!(
            html.contains(&format!("data-seconds=\"{}\"", p.response_seconds)),
            "{}",
            p.id
        );
        assert!(html.contains(&format!("action=\"{page}/videos/{}\"", p.id)));
    }

    let res = upload(
        &app,
        &format!("{page}/resume"),
        "resume",
        "Ada CV.pdf",
        PDF.to_vec(),
    )
    .await;
    assert_eq!(location(&res), format!("{page}?saved=resume"));
    for p in &kit.application.video_prompts {
        let res = upload(
            &app,
            &format!("{page}/videos/{}", p.id),
            "video",
            "answer.webm",
            WEBM.to_vec(),
        )
        .await;
        assert_eq!(
            location(&res),
            format!("{page}?saved=video&prompt={}", p.id)
        );
    }
    // Replacing the resume keeps one file in the slot and one stored.
    let res = upload(
        &app,
        &format!("{page}/resume"),
        "resume",
        "Ada CV v2.pdf",
        PDF.to_vec(),
    )
    .await;
    assert_eq!(res.status(), 303);
    let files = candidate_files::list(&app.db, &candidate.id).await.unwrap();
    assert_eq!(files.len(), 1 + kit.application.video_prompts.len());
    assert_eq!(
        stored_files(&app).await.len(),
        files.len(),
        "the replaced file was deleted"
    );

    // A reload shows what is done.
    let (_, html) = page_text(&app, &format!("{page}?saved=resume")).await;
    assert!(
        html.contains("Uploaded: Ada CV v2.pdf"),
        "resume shown after reload"
    );
    assert!(html.contains("Your resume is saved."));
    assert!(html.contains("Uploaded: answer.webm"));
    assert!(html.contains("Everything is ready"));

    let res = app
        .anonymous()
        .post(app.url(&format!("{page}/submit")))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&res), page);
    let candidate = candidate_at(&app, &page).await;
    assert_eq!(candidate.stage, Stage::Screening);
    assert!(candidate.submitted_at.is_some());
    let (_, html) = page_text(&app, &page).await;
    assert!(
        html.contains("Thank you, your application is in"),
        "thank-you state"
    );
    assert!(html.contains("data-application-state=\"submitted\""));

    // Nothing can change after submitting.
    let res = upload(
        &app,
        &format!("{page}/resume"),
        "resume",
        "late.pdf",
        PDF.to_vec(),
    )
    .await;
    assert_eq!(location(&res), format!("{page}?error=closed"));
}
on_both_databases!(apply_happy_path, a_candidate_applies_uploads_and_submits);

async fn a_disqualifying_answer_stops_the_application(app: TestApp) {
    let id = open_requisition(&app).await;
    let kit = kit_of(&app, &id).await;
    let page = apply(&app, &id, "bo@example.com", Some(0)).await;
    let candidate = candidate_at(&app, &page).await;
    assert_eq!(candidate.stage, Stage::KnockedOut);
    assert_eq!(
        candidate.knockouts.len(),
        kit.application.knockouts.len(),
        "every answer kept"
    );
    assert!(candidate.knockouts[0].disqualifies);
    assert!(candidate.knockouts[1..].iter().all(|a| !a.disqualifies));

    let (status, html) = page_text(&app, &page).await;
    assert_eq!(status, 200);
    assert!(html.contains("Thank you for applying"));
    assert!(
        html.contains("This role needs the answer"),
        "says what the role needs"
    );
    assert!(html.contains("Your answers are kept"));
    assert!(html.contains("nothing else you need to do"));
    assert!(
        !html.contains("data-video-form"),
        "no further steps offered"
    );

    let res = upload(
        &app,
        &format!("{page}/resume"),
        "resume",
        "cv.pdf",
        PDF.to_vec(),
    )
    .await;
    assert_eq!(location(&res), format!("{page}?error=closed"));
    let res = app
        .anonymous()
        .post(app.url(&format!("{page}/submit")))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&res), format!("{page}?error=closed"));
    assert_eq!(candidate_at(&app, &page).await.stage, Stage::KnockedOut);
    assert!(stored_files(&app).await.is_empty());
}
on_both_databases!(
    apply_knock_out,
    a_disqualifying_answer_stops_the_application
);

async fn uploads_are_checked_by_size_and_content(app: TestApp) {
    let id = open_requisition(&app).await;
    let kit = kit_of(&app, &id).await;
    let page = apply(&app, &id, "cy@example.com", None).await;
    let candidate = candidate_at(&app, &page).await;
    let resume_url = format!("{page}/resume");

    // One byte over the resume cap, otherwise a valid PDF: found while
    // streaming (the request itself is within the route's limit).
    let mut big = PDF.to_vec();
    big.resize(MAX_RESUME_BYTES + 1, b' ');
    let res = upload(&app, &resume_url, "resume", "big.pdf", big).await;
    assert_eq!(res.status(), 413);
    let html = res.text().await.unwrap();
    assert!(html.contains("role=\"alert\""));
    assert!(
        html.contains("resume\u{201d} field takes files up to 5 MB"),
        "the page names the field and its limit: {html}"
    );
    assert!(
        html.contains(&format!("href=\"{page}\"")),
        "and the way back"
    );

    // An HTML page named like a PDF.
    let res = upload(
        &app,
        &resume_url,
        "resume",
        "resume.pdf",
        b"<html><script>alert(1)</script>%PDF-".to_vec(),
    )
    .await;
    let back = location(&res);
    assert_eq!(back, format!("{page}?error=resume-type"));
    let (_, html) = page_text(&app, &back).await;
    assert!(html.contains("must be a PDF or a Word (.docx) file"));

    // No file chosen: the browser sends an empty part with no name.
    let res = upload(&app, &resume_url, "resume", "", Vec::new()).await;
    assert_eq!(location(&res), format!("{page}?error=resume-missing"));
    let res = upload(&app, &resume_url, "resume", "empty.pdf", Vec::new()).await;
    assert_eq!(location(&res), format!("{page}?error=resume-empty"));

    // A video that is not one.
    let prompt = &kit.application.video_prompts[0].id;
    let res = upload(
        &app,
        &format!("{page}/videos/{prompt}"),
        "video",
        "answer.webm",
        PDF.to_vec(),
    )
    .await;
    let back = location(&res);
    assert_eq!(back, format!("{page}?error=video-type&prompt={prompt}"));
    let (_, html) = page_text(&app, &back).await;
    assert!(
        html.contains("Your answer to video question 1 of"),
        "names the question"
    );
    assert!(html.contains("WebM, MP4 or QuickTime"));

    // Over the video cap, within the request limit.
    let mut big = WEBM.to_vec();
    big.resize(MAX_VIDEO_BYTES + 1, 0);
    let res = upload(
        &app,
        &format!("{page}/videos/{prompt}"),
        "video",
        "long.webm",
        big,
    )
    .await;
    assert_eq!(res.status(), 413);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("video\u{201d} field takes files up to 50 MB"));

    // A request over the upload routes' limit is refused whole: the server
    // answers 413 on the declared length and closes the connection without
    // reading the body, so a client still sending may see the connection
    // close before it reads the answer. Either way nothing is stored.
    let mut huge = WEBM.to_vec();
    huge.resize(MAX_VIDEO_BYTES + 2 * 1024 * 1024, 0);
    let part = Part::bytes(huge).file_name("huge.webm".to_string());
    let sent = app
        .anonymous()
        .post(app.url(&format!("{page}/videos/{prompt}")))
        .multipart(Form::new().part("video".to_string(), part))
        .send()
        .await;
    match sent {
        Ok(res) => {
            assert_eq!(res.status(), 413);
            assert!(res.text().await.unwrap().contains("over the upload limit"));
        }
        Err(e) => {
            let error = format!("{e:?}");
            assert!(
                error.contains("Broken pipe") || error.contains("reset"),
                "refused by closing the connection, not otherwise: {error}"
            );
        }
    }

    // An unknown prompt, an unknown token.
    let res = upload(
        &app,
        &format!("{page}/videos/no-such-prompt"),
        "video",
        "a.webm",
        WEBM.to_vec(),
    )
    .await;
    assert_eq!(res.status(), 404);
    let res = upload(
        &app,
        &format!("/apply/{id}/{}/resume", "0".repeat(32)),
        "resume",
        "cv.pdf",
        PDF.to_vec(),
    )
    .await;
    assert_eq!(res.status(), 404);

    assert!(
        candidate_files::list(&app.db, &candidate.id)
            .await
            .unwrap()
            .is_empty(),
        "nothing recorded"
    );
    assert!(
        stored_files(&app).await.is_empty(),
        "nothing written: {:?}",
        stored_files(&app).await
    );

    // Everything else keeps the small limit.
    let res = app
        .client
        .post(app.url("/api/jd/lint"))
        .json(&serde_json::json!({ "text": "x".repeat(2 * 1024 * 1024) }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
}
on_both_databases!(apply_upload_limits, uploads_are_checked_by_size_and_content);

async fn submitting_names_the_missing_steps(app: TestApp) {
    let id = open_requisition(&app).await;
    let kit = kit_of(&app, &id).await;
    let page = apply(&app, &id, "di@example.com", None).await;
    let res = app
        .anonymous()
        .post(app.url(&format!("{page}/submit")))
        .send()
        .await
        .unwrap();
    let back = location(&res);
    assert_eq!(back, format!("{page}?error=incomplete"));
    let (_, html) = page_text(&app, &back).await;
    assert!(
        html.contains("Still to do: your resume; your answer to video question 1 of"),
        "{html}"
    );

    upload(
        &app,
        &format!("{page}/resume"),
        "resume",
        "cv.pdf",
        PDF.to_vec(),
    )
    .await;
    let res = app
        .anonymous()
        .post(app.url(&format!("{page}/submit")))
        .send()
        .await
        .unwrap();
    let (_, html) = page_text(&app, &location(&res)).await;
    let n = kit.application.video_prompts.len();
    assert!(!html.contains("Still to do: your resume"));
    assert!(html.contains(&format!("your answer to video question {n} of {n}")));
    assert_eq!(candidate_at(&app, &page).await.stage, Stage::Applying);
}
on_both_databases!(apply_submit_missing, submitting_names_the_missing_steps);

async fn only_open_jobs_take_applications(app: TestApp) {
    let draft = draft_requisition(&app).await;
    let (status, html) = page_text(&app, &format!("/apply/{draft}")).await;
    assert_eq!(status, 404);
    assert!(html.contains("This job is not taking applications"));
    let (status, _) = page_text(&app, "/apply/no-such-job").await;
    assert_eq!(status, 404);

    let kit = kit_of(&app, &draft).await;
    let mut form = application_form(&kit, "Ed", "ed@example.com", None);
    form[0].1 = draft.to_string();
    let res = app
        .anonymous()
        .post(app.url("/api/fn/apply-start"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    assert!(candidates::list(&app.db, &draft).await.unwrap().is_empty());

    let open = open_requisition(&app).await;
    let (status, _) = page_text(&app, &format!("/apply/{open}/{}", "a".repeat(32))).await;
    assert_eq!(status, 404, "unknown token");
    let (status, _) = page_text(&app, &format!("/apply/{open}/x")).await;
    assert_eq!(status, 404);
}
on_both_databases!(apply_only_open, only_open_jobs_take_applications);

async fn bad_fields_and_repeat_applications_are_explained(app: TestApp) {
    let id = open_requisition(&app).await;
    let kit = kit_of(&app, &id).await;
    // As the page's script sends it (no text/html): problems by field.
    let mut form = application_form(&kit, " ", "not-an-email", None);
    form[0].1 = id.to_string();
    form.retain(|(k, _)| k != &format!("knockout[{}]", kit.application.knockouts[1].id));
    let res = app
        .anonymous()
        .post(app.url("/api/fn/apply-start"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body: serde_json::Value = res.json().await.unwrap();
    let fields: Vec<&str> = body["Invalid"]
        .as_array()
        .expect("field errors")
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    let missing = format!("knockout.{}", kit.application.knockouts[1].id);
    assert_eq!(fields, vec!["name", "email", missing.as_str()]);

    // Without JavaScript the problems come back to the page, each beside
    // its field, with what was typed.
    let res = post_application_form(&app, &id, &form).await;
    let back = res.headers()["location"].to_str().unwrap().to_string();
    assert!(back.contains("__err="), "{back}");
    let (_, html) = page_text(&app, back.trim_start_matches(&app.base)).await;
    assert!(
        html.contains("Your application was not started"),
        "shown on the page"
    );
    for error_id in [
        "apply-name-error".to_string(),
        "apply-email-error".to_string(),
        format!("knockout-{}-error", kit.application.knockouts[1].id),
    ] {
        assert!(
            html.contains(&format!("id=\"{error_id}\" data-field-error=\"true\"")),
            "{error_id} beside its field: {html}"
        );
    }
    assert!(
        html.contains("value=\"not-an-email\""),
        "what was typed is kept"
    );
    assert!(candidates::list(&app.db, &id).await.unwrap().is_empty());

    // Applying again with the same email answers exactly like a first
    // application, down to the page it leads to: a new application of its
    // own, kept as a repeat of the first, so nobody can learn who applied by
    // trying addresses.
    let first = apply(&app, &id, "fay@example.com", None).await;
    let again_page = apply(&app, &id, "FAY@example.com", None).await;
    let fresh_page = apply(&app, &id, "gil@example.com", None).await;
    assert_ne!(again_page, first, "never the first application's link");
    let (again_status, again_html) = page_text(&app, &again_page).await;
    let (fresh_status, fresh_html) = page_text(&app, &fresh_page).await;
    assert_eq!((again_status, fresh_status), (200, 200));
    assert_eq!(
        comparable(&again_html, &again_page, "fay@example.com"),
        comparable(&fresh_html, &fresh_page, "gil@example.com"),
        "a repeat's page is a fresh application's page"
    );
    let mut again = application_form(&kit, "Fay", "fay@example.com", None);
    again[0].1 = id.to_string();
    let res = app
        .anonymous()
        .post(app.url("/api/fn/apply-start"))
        .form(&again)
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = res.json().await.unwrap();
    assert!(body["Started"]["url"].is_string(), "{body}");
    assert!(!body.to_string().contains("already"), "{body}");

    // The recruiter sees every application, the repeats tied to the first.
    let stored = candidates::list(&app.db, &id).await.unwrap();
    assert_eq!(stored.len(), 4);
    let first = candidate_at(&app, &first).await;
    assert_eq!(first.repeat_of, None);
    assert_eq!(
        candidate_at(&app, &again_page).await.repeat_of,
        Some(first.id.clone())
    );
    assert_eq!(candidate_at(&app, &fresh_page).await.repeat_of, None);
    let repeats = candidates::repeats_of(&app.db, &first.id).await.unwrap();
    assert_eq!(repeats.len(), 2, "both later applications");
    assert!(repeats.iter().all(|r| r.email == "fay@example.com"));

    // Both candidate pages link the other applications.
    let page = |id: String| {
        let client = app.client.clone();
        let url = app.url(&format!("/candidates/{id}"));
        async move { client.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let first_page = page(first.id.to_string()).await;
    assert!(first_page.contains("Applied again"), "{first_page}");
    for repeat in &repeats {
        assert!(first_page.contains(&format!("/candidates/{}", repeat.id)));
    }
    let repeat_page = page(repeats[0].id.to_string()).await;
    assert!(repeat_page.contains("Applied before"), "{repeat_page}");
    assert!(repeat_page.contains(&format!("/candidates/{}", first.id)));
    let (_, list) = app
        .get_text(&format!("/requisitions/{id}/candidates"))
        .await;
    assert_eq!(list.matches("(applied again)").count(), 2, "{list}");
}

/// An application page with what differs between any two applicants taken
/// out: its own address and token, the email they typed (shown back to
/// them) and the per-response script nonce, wherever the page repeats it.
fn comparable(html: &str, page: &str, email: &str) -> String {
    let token = page.rsplit('/').next().unwrap_or(page);
    let html = html
        .replace(page, "PAGE")
        .replace(token, "TOKEN")
        .replace(email, "EMAIL");
    let nonce = html
        .split_once("nonce=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(nonce, _)| nonce.to_string());
    match nonce {
        Some(nonce) if !nonce.is_empty() => html.replace(&nonce, "NONCE"),
        _ => html,
    }
}
on_both_databases!(
    apply_field_errors,
    bad_fields_and_repeat_applications_are_explained
);

async fn files_are_served_only_to_people_on_the_requisition(app: TestApp) {
    let id = open_requisition(&app).await;
    let kit = kit_of(&app, &id).await;
    let page = apply(&app, &id, "gus@example.com", None).await;
    let candidate = candidate_at(&app, &page).await;
    upload(
        &app,
        &format!("{page}/resume"),
        "resume",
        "Gus \"CV\".pdf",
        PDF.to_vec(),
    )
    .await;
    let prompt = &kit.application.video_prompts[0].id;
    upload(
        &app,
        &format!("{page}/videos/{prompt}"),
        "video",
        "answer.webm",
        WEBM.to_vec(),
    )
    .await;
    let files = candidate_files::list(&app.db, &candidate.id).await.unwrap();
    let resume = files.iter().find(|f| f.kind == "resume").unwrap();
    let video = files.iter().find(|f| f.kind == "video").unwrap();

    let res = app
        .client
        .get(app.url(&format!("/files/{}", resume.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let h = res.headers().clone();
    assert_eq!(h["content-type"], "application/pdf");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(
        h["content-security-policy"],
        "sandbox; default-src 'none'; media-src 'self'"
    );
    let disposition = h["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"Gus _CV_.pdf\""),
        "{disposition}"
    );
    assert_eq!(res.bytes().await.unwrap().as_ref(), PDF);

    let res = app
        .client
        .get(app.url(&format!("/files/{}", video.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-type"], "video/webm");
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("inline"));
    // A <video> asks for ranges to seek.
    let res = app
        .client
        .get(app.url(&format!("/files/{}", video.id)))
        .header("range", "bytes=0-3")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 206);
    assert_eq!(res.bytes().await.unwrap().as_ref(), &WEBM[..4]);

    // An interviewer reaches only the candidates they are assigned to.
    let interviewer = app.client_as(Role::Interviewer, "ivy@example.com").await;
    let res = interviewer
        .get(app.url(&format!("/files/{}", resume.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let recruiter = app.client_as(Role::Recruiter, "rex@example.com").await;
    let res = recruiter
        .get(app.url(&format!("/files/{}", resume.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403, "a recruiter not on the requisition");
    let ivy = app.user(Role::Interviewer, "ivy@example.com").await;
    let admin = app.user(Role::Admin, "admin@example.com").await;
    let round = kit.rounds[0].id.clone();
    app::db::assignments::create(
        &app.db,
        &app::db::assignments::NewAssignment {
            requisition_id: &id,
            candidate_id: &candidate.id,
            round: &round,
            interviewer_id: &ivy,
            starts_at: "2099-01-01T10:00:00.000Z",
            minutes: 45,
            created_by: &admin,
            part: app::domain::requisition::Part::Interviewer,
        },
        |_| None,
    )
    .await
    .unwrap();
    let res = interviewer
        .get(app.url(&format!("/files/{}", resume.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "assigned now");

    let res = app
        .anonymous()
        .get(app.url(&format!("/files/{}", resume.id)))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "anonymous: {}", res.status());
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/sign-in"));
    let res = app.client.get(app.url("/files/nope")).send().await.unwrap();
    assert_eq!(res.status(), 404);
}
on_both_databases!(
    apply_file_serving,
    files_are_served_only_to_people_on_the_requisition
);

async fn the_recorder_script_and_its_styles_are_served(app: TestApp) {
    let res = app
        .anonymous()
        .get(app.url("/assets/recorder.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    assert!(res.text().await.unwrap().contains("data-video-form"));
    let (_, css) = page_text(&app, app::STYLESHEET_PATH).await;
    assert!(css.contains(".recorder-countdown"));
}
on_both_databases!(
    apply_recorder_assets,
    the_recorder_script_and_its_styles_are_served
);

/// Candidates' pages work without the WASM bundle (a slow connection
/// downloads only the page, the stylesheet and the recorder script);
/// staff pages still load it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn candidate_pages_come_without_the_wasm_bundle() {
    let app = crate::support::spawn_app(crate::support::Backend::Sqlite).await;
    let id = open_requisition(&app).await;
    let application = apply(&app, &id, "ada@example.com", None).await;
    for path in [format!("/apply/{id}"), application] {
        let (status, html) = page_text(&app, &path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.contains("data-static=\"true\""), "{path}: {html}");
        assert!(!html.contains("/pkg/"), "{path} loads the bundle: {html}");
        assert!(html.contains("/assets/recorder.js"), "{path}");
    }
    let (_, staff) = app.get_text(&format!("/requisitions/{id}")).await;
    assert!(staff.contains("/pkg/"), "staff pages hydrate: {staff}");
    assert!(!staff.contains("data-static"), "{staff}");
}

//! Interviewer calibration: practising blind on the kits' sample answers,
//! the figures, the board's practice table, and a requisition that
//! requires the standard of its panel.

use crate::on_both_databases;
use crate::support::pages::{call_fn, get_page};
use crate::support::world::world;
use crate::support::TestApp;
use app::domain::calibration::samples_of;
use app::domain::scoring::Rating;
use std::collections::HashMap;

const RECRUITER: usize = 2;
const IVY: usize = 5;
const IRIS: usize = 6;

/// Every sample of every kit in the library, by the token pages name it by.
fn references(app: &TestApp) -> HashMap<String, Rating> {
    app.state
        .library
        .kit_summaries()
        .into_iter()
        .filter_map(|k| app.state.library.kit(k.sub_role, k.level))
        .flat_map(|kit| samples_of(&kit))
        .map(|s| (s.token(), s.reference))
        .collect()
}

/// The sample the calibration page offers.
fn offered(html: &str) -> String {
    html.split("data-sample=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no sample offered: {html}"))
        .to_string()
}

/// Rates the sample on offer: at its reference when `right`, else a step
/// off. Returns the stored practice rating's id.
async fn rate_next(app: &TestApp, client: &reqwest::Client, right: bool) -> String {
    let (status, html) = get_page(app, client, "/calibration").await;
    assert_eq!(status, 200, "{html}");
    let token = offered(&html);
    let reference = references(app)[&token];
    let rating = match (right, reference) {
        (true, r) => r,
        (false, Rating::Meets) => Rating::Below,
        (false, _) => Rating::Meets,
    };
    let (status, body) = call_fn(
        app,
        client,
        "practice-rate",
        &[("sample", &token), ("rating", rating.id())],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (id,): (String,) =
        sqlx::query_as("SELECT id FROM practice_ratings ORDER BY rated_at DESC, id DESC")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    id
}

async fn an_interviewer_practises_blind_and_sees_the_reference(app: TestApp) {
    let w = world(&app).await;
    let ivy = &w.clients[IVY];
    let (status, html) = get_page(&app, ivy, "/calibration").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("nothing rated yet"), "{html}");
    assert!(
        html.contains("From the kits of your requisitions"),
        "{html}"
    );
    let token = offered(&html);
    for rating in ["exceeds", "meets", "below"] {
        assert!(
            !token.contains(rating),
            "the form gives the rating away: {token}"
        );
    }
    assert!(references(&app).contains_key(&token));

    // Nothing chosen, a rating a sample cannot have, a sample not in her kits.
    for (sample, rating, want) in [
        (token.as_str(), "", 422),
        (token.as_str(), "no-evidence", 422),
        ("0123456789abcdef", "meets", 404),
    ] {
        let (status, body) = call_fn(
            &app,
            ivy,
            "practice-rate",
            &[("sample", sample), ("rating", rating)],
        )
        .await;
        assert_eq!(status, want, "{sample} {rating}: {body}");
    }

    let wrong = rate_next(&app, ivy, false).await;
    let (_, html) = get_page(&app, ivy, &format!("/calibration?last={wrong}")).await;
    assert!(html.contains(r#"data-match="false""#), "{html}");
    assert!(html.contains("Not the reference rating"), "{html}");
    assert!(html.contains("What decides it, from the anchors"), "{html}");
    assert!(html.contains("0 of 1 (0%)"), "{html}");
    assert_ne!(offered(&html), token, "the next sample is another one");
    let right = rate_next(&app, ivy, true).await;
    let (_, html) = get_page(&app, ivy, &format!("/calibration?last={right}")).await;
    assert!(html.contains(r#"data-match="true""#), "{html}");
    assert!(html.contains("1 of 2 (50%)"), "{html}");
    // Another person's rating is not shown to her.
    let (_, html) = get_page(
        &app,
        &w.clients[IRIS],
        &format!("/calibration?last={right}"),
    )
    .await;
    assert!(!html.contains(r#"id="result""#), "{html}");
    assert!(
        html.contains("every kit at its usual level"),
        "someone on no requisition practises on every kit: {html}"
    );
}

on_both_databases!(
    practice_blind,
    an_interviewer_practises_blind_and_sees_the_reference
);

async fn a_requisition_can_require_the_standard_of_its_panel(app: TestApp) {
    let w = world(&app).await;
    let (rita, iris) = (&w.clients[RECRUITER], &w.clients[IRIS]);
    let r = w.requisition.clone();
    let (status, body) = call_fn(
        &app,
        iris,
        "require-calibration",
        &[("requisition_id", &r), ("required", "on")],
    )
    .await;
    assert_eq!(status, 403, "an interviewer does not set it: {body}");
    let (status, body) = call_fn(
        &app,
        rita,
        "require-calibration",
        &[("requisition_id", &r), ("required", "on")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (_, page) = get_page(&app, rita, &format!("/requisitions/{r}")).await;
    assert!(page.contains(r#"data-required="true""#), "{page}");

    let schedule = |starts: &str| {
        serde_json::json!({"candidate_id": w.other_candidate, "round": w.round,
            "interviewer_email": "iris@example.com", "starts_at": starts})
    };
    let res = rita
        .post(app.url(&format!("/api/requisitions/{r}/assignments")))
        .json(&schedule("2027-01-03T10:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("has not met the calibration standard"),
        "{body}"
    );

    // Six of nine at the reference: two in three, the standard.
    for n in 0..9 {
        rate_next(&app, iris, n % 3 != 2).await;
    }
    let (_, html) = get_page(&app, iris, "/calibration").await;
    assert!(html.contains("6 of 9 (67%)"), "{html}");
    assert!(html.contains(r#"data-passes="true""#), "{html}");
    let res = rita
        .post(app.url(&format!("/api/requisitions/{r}/assignments")))
        .json(&schedule("2027-01-03T10:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());

    // The board shows the panel's practice to the people running it.
    let (_, board) = get_page(&app, rita, &format!("/requisitions/{r}/board")).await;
    assert!(board.contains("Practice on sample answers"), "{board}");
    assert!(
        board.contains(r#"data-interviewer="iris@example.com" data-passes="true""#),
        "{board}"
    );
    let (_, board) = get_page(&app, &w.clients[IVY], &format!("/requisitions/{r}/board")).await;
    assert!(!board.contains("Practice on sample answers"), "{board}");

    // Turned off, it is no longer asked.
    let (status, _) = call_fn(
        &app,
        rita,
        "require-calibration",
        &[("requisition_id", &r), ("required", "off")],
    )
    .await;
    assert_eq!(status, 200);
    let requisition = app::db::requisitions::get(&app.db, &r)
        .await
        .unwrap()
        .unwrap();
    assert!(!requisition.calibration_required);
}

on_both_databases!(
    required_standard,
    a_requisition_can_require_the_standard_of_its_panel
);

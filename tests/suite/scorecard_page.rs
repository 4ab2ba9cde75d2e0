//! The scorecard on the interview page, as a browser without JavaScript
//! uses it: the form posts to `/api/fn/save-scorecard` and is redirected
//! back; drafts, a stale second tab, submission and an amendment.

use crate::on_both_databases;
use crate::support::pages::{get_page, location, path_of, post_form};
use crate::support::world::keys;
use crate::support::world::world;
use crate::support::TestApp;
use serde_json::Value;

// Indices into `World::clients`.
const RECRUITER: usize = 2;
const IVY: usize = 5;
const IRIS: usize = 6;

async fn card(app: &TestApp, client: &reqwest::Client, id: &str) -> Value {
    let res = client
        .get(app.url(&format!("/api/scorecards/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

fn field(name: &str) -> String {
    format!("card[{name}]")
}

/// Posts the form as the browser would; returns where it was sent back.
async fn post(
    app: &TestApp,
    client: &reqwest::Client,
    id: &str,
    version: i64,
    intent: &str,
    fields: &[(String, String)],
) -> String {
    let version = version.to_string();
    let mut form: Vec<(&str, &str)> = vec![("id", id), ("version", &version), ("intent", intent)];
    form.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let res = post_form(
        app,
        client,
        "/api/fn/save-scorecard",
        &format!("/interviews/{id}"),
        &form,
    )
    .await;
    // A successful post comes back with an empty query.
    path_of(app, &location(&res))
        .trim_end_matches('?')
        .to_string()
}

async fn the_form_saves_refuses_stale_submits_and_amends(app: TestApp) {
    let w = world(&app).await;
    let ivy = &w.clients[IVY];
    let id = w.assignment.clone();
    let page = format!("/interviews/{id}");

    // The interviewer's page is the scorecard, with every item's fields.
    let (status, html) = get_page(&app, ivy, &page).await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"scorecard-form\""), "{html}");
    assert!(html.contains("Save draft") && html.contains("Submit scorecard"));
    let c = card(&app, ivy, &id).await;
    let keys = keys(&c);
    for key in &keys {
        assert!(
            html.contains(&format!("name=\"card[items.{key}.rating]\"")),
            "{key}"
        );
    }
    let first = keys[0].clone();
    let v1 = c["version"].as_i64().unwrap();

    // A draft save, without JavaScript: back to the page, stored.
    let back = post(
        &app,
        ivy,
        &id,
        v1,
        "save",
        &[
            (field(&format!("items.{first}.rating")), "exceeds".into()),
            (field(&format!("items.{first}.positive.0")), "on".into()),
            (
                field(&format!("items.{first}.notes")),
                "from the laptop".into(),
            ),
            (field("private_notes"), "ivy remembers the coffee".into()),
        ],
    )
    .await;
    assert_eq!(back, page);
    let c = card(&app, ivy, &id).await;
    let v2 = c["version"].as_i64().unwrap();
    assert_eq!(v2, v1 + 1);
    assert_eq!(c["body"]["items"][&first]["rating"], "exceeds");
    assert_eq!(c["body"]["items"][&first]["positive"][0], 0);
    assert_eq!(c["body"]["items"][&first]["notes"], "from the laptop");
    assert_eq!(c["body"]["private_notes"], "ivy remembers the coffee");

    // A second tab still on v1 is refused; the page it is sent back to
    // shows the message, keeps its text in the form and the stored beside.
    let back = post(
        &app,
        ivy,
        &id,
        v1,
        "save",
        &[(
            field(&format!("items.{first}.notes")),
            "from the phone".into(),
        )],
    )
    .await;
    assert_ne!(back, page, "the refusal travels back with the redirect");
    let (_, html) = get_page(&app, ivy, &back).await;
    assert!(html.contains("changed elsewhere"), "{html}");
    assert!(html.contains(">from the phone</textarea>"), "{html}");
    assert!(html.contains("<pre>from the laptop</pre>"), "{html}");
    let c = card(&app, ivy, &id).await;
    assert_eq!(c["version"].as_i64().unwrap(), v2, "nothing was written");
    assert_eq!(c["body"]["items"][&first]["notes"], "from the laptop");

    // The page's script (an autosave) gets the same refusal in one answer,
    // as the JSON route does: 409, what it sent, and the card as stored,
    // to show beside the typed text without asking again.
    let notes = format!("items.{first}.notes");
    let res = ivy
        .post(app.url("/api/fn/save-scorecard"))
        .header("origin", app.base.clone())
        .form(&[
            ("id", id.as_str()),
            ("version", v1.to_string().as_str()),
            ("intent", "save"),
            (field(&notes).as_str(), "from the tablet"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 409);
    let refused: Value = res.json().await.unwrap();
    let stale = &refused["StaleCard"];
    assert!(
        stale["message"]
            .as_str()
            .unwrap()
            .contains("changed elsewhere"),
        "{refused}"
    );
    assert_eq!(stale["values"][&notes], "from the tablet");
    assert_eq!(stale["card"]["version"].as_i64().unwrap(), v2);
    assert_eq!(
        stale["card"]["body"]["items"][&first]["notes"],
        "from the laptop"
    );
    assert_eq!(card(&app, ivy, &id).await["version"].as_i64().unwrap(), v2);

    // Submitting with an item unrated names it; the draft is still saved.
    let back = post(&app, ivy, &id, v2, "submit", &[]).await;
    let (_, html) = get_page(&app, ivy, &back).await;
    assert!(html.contains("before you submit"), "{html}");
    let c = card(&app, ivy, &id).await;
    assert_eq!(c["state"], "draft");
    let v3 = c["version"].as_i64().unwrap();

    // A complete card submits.
    let mut all: Vec<(String, String)> = keys
        .iter()
        .map(|k| (field(&format!("items.{k}.rating")), "meets".to_string()))
        .collect();
    all.push((field("recommendation"), "hire".into()));
    all.push((field("takeaways"), "Clear *thinker*.".into()));
    post(&app, ivy, &id, v3, "submit", &all).await;
    let c = card(&app, ivy, &id).await;
    assert_eq!(c["state"], "submitted", "{c}");
    let submitted = c["version"].as_i64().unwrap();
    let (_, html) = get_page(&app, ivy, &page).await;
    assert!(html.contains("Amend this scorecard"), "{html}");
    assert!(
        html.contains("data-kind=\"submit\""),
        "in the history: {html}"
    );
    assert!(!html.contains("Submit scorecard"));

    // An amendment needs a reason, and then shows in the history.
    all[0].1 = "exceeds".into();
    let back = post(&app, ivy, &id, submitted, "save", &all).await;
    let (_, html) = get_page(&app, ivy, &back).await;
    assert!(html.contains("data-field=\"reason\""), "{html}");
    assert_eq!(card(&app, ivy, &id).await["version"], submitted);
    all.push((
        "reason".into(),
        "Re-read my notes on the first answer.".into(),
    ));
    post(&app, ivy, &id, submitted, "save", &all).await;
    let (_, html) = get_page(&app, ivy, &page).await;
    assert!(html.contains("data-kind=\"amend\""), "{html}");
    assert!(html.contains("Re-read my notes on the first answer."));
    let c = card(&app, ivy, &id).await;
    assert_eq!(c["body"]["items"][&keys[0]]["rating"], "exceeds");

    // Someone running the requisition reads the round, not a form.
    let (status, html) = get_page(&app, &w.clients[RECRUITER], &page).await;
    assert_eq!(status, 200);
    assert!(!html.contains("scorecard-form") && !html.contains("ivy remembers"));
}
on_both_databases!(
    scorecard_form,
    the_form_saves_refuses_stale_submits_and_amends
);

async fn only_the_interviewer_saves(app: TestApp) {
    let w = world(&app).await;
    let res = post_form(
        &app,
        &w.clients[RECRUITER],
        "/api/fn/save-scorecard",
        &format!("/interviews/{}", w.assignment),
        &[("id", &w.assignment), ("version", "1"), ("intent", "save")],
    )
    .await;
    let back = reqwest::Url::parse(&app.url(&path_of(&app, &location(&res)))).unwrap();
    assert!(
        back.query_pairs().any(|(k, _)| k == "__err"),
        "refused, with the error sent back: {back}"
    );
    let stored = app::db::scorecards::get(&app.db, &w.assignment)
        .await
        .unwrap();
    assert!(stored.is_none_or(|c| c.version == 1), "nothing was written");
}
on_both_databases!(scorecard_form_writer, only_the_interviewer_saves);

async fn the_actors_brief_has_the_persona_and_no_anchors(app: TestApp) {
    let w = world(&app).await;
    let requisition = app::db::requisitions::get(&app.db, &w.requisition)
        .await
        .unwrap()
        .unwrap();
    let kit = app::service::kits::frozen_kit(&app.db, &requisition)
        .await
        .unwrap();
    let page = format!("/interviews/{}/brief", w.assignment);
    // The interviewer on the slot and the people running the requisition.
    for who in [IVY, RECRUITER] {
        let (status, html) = get_page(&app, &w.clients[who], &page).await;
        assert_eq!(status, 200, "{html}");
        let persona = &kit.simulation.persona;
        for text in [
            &persona.motivation,
            &persona.do_not[0],
            &persona.tensions[0],
            &persona.cues[0],
            &persona.cues[persona.cues.len() - 1],
        ] {
            assert!(html.contains(&escape(text)), "{text}: {html}");
        }
        assert!(html.contains("Cue checklist"), "{html}");
        let s = &kit.simulation;
        for hidden in [&s.anchors.exceeds, &s.anchors.meets, &s.anchors.below]
            .into_iter()
            .chain(&s.positive)
            .chain(&s.negative)
        {
            assert!(!html.contains(&escape(hidden)), "{hidden} shown: {html}");
        }
    }
    // Another interviewer, not on this slot, is refused.
    let (status, html) = get_page(&app, &w.clients[IRIS], &page).await;
    assert!(status == 403 || status == 404, "{status}: {html}");
    assert!(!html.contains(&escape(&kit.simulation.persona.motivation)));
}
on_both_databases!(actor_brief, the_actors_brief_has_the_persona_and_no_anchors);

/// The interview page is drawn on the server from the same data it sends
/// for hydration. The card and its countdowns once came from two calls,
/// and the second sometimes ran without the request (as signed out): the
/// countdown then went missing from the HTML or from the data, and the
/// browser's hydration stopped part-way, leaving a card that never redrew
/// after a save. Each of many loads must draw the countdown.
async fn the_interview_page_always_draws_its_countdowns(app: TestApp) {
    use app::db::assignments;
    use app::domain::plan::{ItemKind, PlanItem};
    let w = world(&app).await;
    let requisition = app::db::requisitions::get(&app.db, &w.requisition)
        .await
        .unwrap()
        .unwrap();
    let minutes = app::service::kits::frozen_kit(&app.db, &requisition)
        .await
        .unwrap()
        .simulation
        .minutes;
    let simulation = PlanItem {
        kind: ItemKind::Exercise,
        id: "simulation".into(),
    };
    let round = requisition
        .plan
        .as_ref()
        .and_then(|p| p.rounds.iter().find(|r| r.items.contains(&simulation)))
        .expect("a round with the simulation")
        .round
        .clone();
    let ivy = assignments::get(&app.db, &w.assignment)
        .await
        .unwrap()
        .unwrap();
    let id = assignments::create(
        &app.db,
        &assignments::NewAssignment {
            requisition_id: &w.requisition,
            candidate_id: &w.candidate,
            round: &round,
            interviewer_id: &ivy.interviewer_id,
            starts_at: "2027-01-03T15:00:00.000Z",
            minutes: 60,
            created_by: &ivy.interviewer_id,
            part: app::domain::requisition::Part::Interviewer,
        },
        |_| None,
    )
    .await
    .unwrap();
    for load in 0..30 {
        let (status, html) = get_page(&app, &w.clients[IVY], &format!("/interviews/{id}")).await;
        assert_eq!(status, 200, "load {load}: {html}");
        assert!(
            html.contains(r#"data-countdown="exercise:simulation""#),
            "load {load}: no countdown drawn"
        );
        // The data for hydration is JSON inside a script's string; the
        // server may send the card more than once, and each copy must
        // carry the countdown.
        let copies: Vec<&str> = html
            .match_indices(r#"\"timers\":{"#)
            .map(|(at, _)| &html[at..html[at..].find('}').map_or(html.len(), |end| at + end)])
            .collect();
        assert!(
            !copies.is_empty(),
            "load {load}: no card in the hydration data"
        );
        for copy in copies {
            assert!(
                copy.contains(&format!(r#"\"exercise:simulation\":{minutes}"#)),
                "load {load}: the hydration data has no countdown: {copy}"
            );
        }
    }
}
on_both_databases!(
    interview_countdowns,
    the_interview_page_always_draws_its_countdowns
);

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The `<tr>` of an interview on the interviewer's list.
fn interview_row<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("data-assignment=\"{id}\""))
        .unwrap_or_else(|| panic!("no row for {id}: {html}"));
    let start = html[..at].rfind("<tr").unwrap_or(at);
    let end = html[at..].find('>').map_or(html.len(), |e| at + e);
    &html[start..end]
}

/// Interviewers sign in to their interviews, each marked with where their
/// card stands: not started, draft, or overdue a day after it ended.
async fn interviewers_land_on_their_interviews_with_their_cards_marked(app: TestApp) {
    use app::db::assignments;
    let w = world(&app).await;
    let ivy = &w.clients[IVY];
    let upcoming = assignments::get(&app.db, &w.assignment)
        .await
        .unwrap()
        .unwrap();
    let long_ago = assignments::create(
        &app.db,
        &assignments::NewAssignment {
            requisition_id: &w.requisition,
            candidate_id: &w.other_candidate,
            round: &w.round,
            interviewer_id: &upcoming.interviewer_id,
            starts_at: "2020-01-06T15:00:00.000Z",
            minutes: 45,
            created_by: &upcoming.interviewer_id,
            part: app::domain::requisition::Part::Interviewer,
        },
        |_| None,
    )
    .await
    .unwrap();

    let (status, html) = get_page(&app, ivy, "/interviews").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Your scorecard"), "{html}");
    let row = interview_row(&html, &w.assignment);
    assert!(row.contains(r#"data-card="not-started""#), "{row}");
    let row = interview_row(&html, &long_ago);
    assert!(row.contains(r#"data-card="overdue""#), "{row}");

    // Opening the interview starts the card: a draft.
    let (status, page) = get_page(&app, ivy, &format!("/interviews/{}", w.assignment)).await;
    assert_eq!(status, 200);
    // Each item with its follow-up probes, and the scoring guide once.
    let kit = app::service::kits::frozen_kit(
        &app.db,
        &app::db::requisitions::get(&app.db, &w.requisition)
            .await
            .unwrap()
            .unwrap(),
    )
    .await
    .unwrap();
    let shown = kit
        .competency_questions
        .iter()
        .flat_map(|q| &q.probes)
        .chain(kit.attitude_questions.iter().flat_map(|a| &a.probes))
        .filter(|p| page.contains(&escape(p)))
        .count();
    assert!(shown >= 3, "the round's probes are on the page: {shown}");
    assert!(
        page.contains("Follow-ups, when the answer stays general"),
        "{page}"
    );
    assert!(page.contains("When to rate “No evidence”"), "{page}");
    assert!(page.contains("Similar to me: "), "{page}");
    let (_, html) = get_page(&app, ivy, "/interviews").await;
    assert!(interview_row(&html, &w.assignment).contains(r#"data-card="draft""#));

    // Signing in with nowhere in particular to go lands there.
    let res = app
        .anonymous()
        .post(app.url("/sign-in"))
        .form(&[
            ("email", "ivy@example.com"),
            ("password", crate::support::PASSWORD),
            ("next", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/interviews");
}
on_both_databases!(
    interviews_marked,
    interviewers_land_on_their_interviews_with_their_cards_marked
);

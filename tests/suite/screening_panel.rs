//! The resume screen (draft, advance, archive with a reason) and the panel
//! (assignments, calendar invites, and what each interviewer may reach).

use crate::on_both_databases;
use crate::support::applications::kit_of;
use crate::support::pages::{get_page, location, path_of, post_form};
use crate::support::world::{add_candidate, open_requisition_as};
use crate::support::{ical, TestApp};
use app::db::{candidates, screenings};
use app::domain::accounts::Role;
use app::domain::candidate::Stage;
use app::domain::keys::{CandidateId, RequisitionId};
use app::domain::scoring::Rating;
use serde_json::{json, Value};

/// A screen form as the browser posts it: the candidate, a rating per
/// criterion given, notes, the button pressed and the reason.
fn screen_form(
    candidate: &str,
    ratings: &[(String, &str)],
    notes: &str,
    intent: &str,
    reason: &str,
) -> Vec<(String, String)> {
    let mut form = vec![("candidate_id".to_string(), candidate.to_string())];
    for (id, rating) in ratings {
        form.push((format!("ratings[{id}]"), rating.to_string()));
    }
    form.push(("notes".into(), notes.into()));
    form.push(("intent".into(), intent.into()));
    form.push(("reason".into(), reason.into()));
    form
}

async fn screen(
    app: &TestApp,
    client: &reqwest::Client,
    candidate: &str,
    form: &[(String, String)],
) -> String {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = post_form(
        app,
        client,
        "/api/fn/screen-candidate",
        &format!("/candidates/{candidate}"),
        &pairs,
    )
    .await;
    path_of(app, &location(&res))
}

async fn stage_of(app: &TestApp, candidate: &CandidateId) -> Stage {
    candidates::get(&app.db, candidate)
        .await
        .unwrap()
        .unwrap()
        .stage
}

/// Rates every criterion and advances the candidate.
pub async fn advance(
    app: &TestApp,
    client: &reqwest::Client,
    requisition: &RequisitionId,
    candidate: &CandidateId,
) {
    let kit = kit_of(app, requisition).await;
    let all: Vec<(String, &str)> = kit
        .resume_criteria
        .iter()
        .map(|c| (c.id.clone(), "meets"))
        .collect();
    screen(
        app,
        client,
        candidate,
        &screen_form(candidate, &all, "", "advance", "Strong co-sell record."),
    )
    .await;
    assert_eq!(stage_of(app, candidate).await, Stage::Interviewing);
}

async fn a_screen_saves_as_a_draft_then_a_decision_moves_the_stage(app: TestApp) {
    let recruiter = app.client_as(Role::Recruiter, "rita@example.com").await;
    let id = open_requisition_as(&app, &recruiter).await;
    let ada = add_candidate(&app, &recruiter, &id, "Ada Lovelace", "ada@example.com").await;
    let kit = kit_of(&app, &id).await;
    assert!(
        kit.resume_criteria.len() >= 2,
        "the kit has several criteria"
    );
    let first = kit.resume_criteria[0].id.clone();

    // The page shows every criterion with its anchors.
    let (status, html) = get_page(&app, &recruiter, &format!("/candidates/{ada}")).await;
    assert_eq!(status, 200);
    for c in &kit.resume_criteria {
        assert!(
            html.contains(&format!("data-criterion=\"{}\"", c.id)),
            "{}",
            c.id
        );
    }
    assert!(html.contains("Save screen") && html.contains("Advance to interviews"));

    // A partial draft is saved as it is.
    let back = screen(
        &app,
        &recruiter,
        &ada,
        &screen_form(
            &ada,
            &[(first.clone(), "exceeds")],
            "Ran **two** co-sell motions.",
            "save",
            "",
        ),
    )
    .await;
    assert_eq!(back, format!("/candidates/{ada}?done=screen-saved#screen"));
    let saved = screenings::get(&app.db, &ada).await.unwrap().unwrap();
    assert_eq!(saved.ratings.get(&first), Some(&Rating::Exceeds));
    assert_eq!(saved.notes, "Ran **two** co-sell motions.");
    assert_eq!(saved.decision, None);
    assert_eq!(stage_of(&app, &ada).await, Stage::Screening);
    let (_, html) = get_page(&app, &recruiter, &format!("/requisitions/{id}/candidates")).await;
    assert!(
        html.contains(&format!(
            "1 exceeds · {} not rated",
            kit.resume_criteria.len() - 1
        )),
        "{html}"
    );

    // Advancing with criteria unrated names each one; nothing typed is lost.
    let back = screen(
        &app,
        &recruiter,
        &ada,
        &screen_form(
            &ada,
            &[(first.clone(), "meets")],
            "Changed my mind.",
            "advance",
            "Good fit",
        ),
    )
    .await;
    assert!(back.contains("__err="), "{back}");
    assert_eq!(stage_of(&app, &ada).await, Stage::Screening);
    let saved = screenings::get(&app.db, &ada).await.unwrap().unwrap();
    assert_eq!(
        saved.ratings.get(&first),
        Some(&Rating::Meets),
        "the ratings so far are kept"
    );
    assert_eq!(saved.notes, "Changed my mind.");
    let (_, html) = get_page(&app, &recruiter, &back).await;
    let second = &kit.resume_criteria[1];
    assert!(
        html.contains(&format!("rate \"{}\" before you advance", second.criterion)),
        "{html}"
    );
    assert!(
        html.contains(">Good fit</textarea>"),
        "the reason is kept: {html}"
    );
    assert!(
        html.contains(">Changed my mind.</textarea>"),
        "the notes are kept"
    );

    // A bad rating is refused by name.
    let back = screen(
        &app,
        &recruiter,
        &ada,
        &screen_form(&ada, &[(first.clone(), "great")], "", "save", ""),
    )
    .await;
    let (_, html) = get_page(&app, &recruiter, &back).await;
    assert!(html.contains("`great` is not a rating"), "{html}");

    // Every criterion rated and a reason: on to the interviews.
    let all: Vec<(String, &str)> = kit
        .resume_criteria
        .iter()
        .map(|c| (c.id.clone(), "meets"))
        .collect();
    let back = screen(
        &app,
        &recruiter,
        &ada,
        &screen_form(
            &ada,
            &all,
            "Solid.",
            "advance",
            "Runs a joint pipeline review today.",
        ),
    )
    .await;
    assert_eq!(back, format!("/candidates/{ada}?done=advanced#screen"));
    assert_eq!(stage_of(&app, &ada).await, Stage::Interviewing);
    let c = candidates::get(&app.db, &ada).await.unwrap().unwrap();
    assert_eq!(c.stage_reason, "Runs a joint pipeline review today.");
    let (_, html) = get_page(&app, &recruiter, &format!("/requisitions/{id}/candidates")).await;
    assert!(html.contains("data-stage=\"interviewing\""));
    assert!(html.contains(Stage::Interviewing.label()));
    let (_, html) = get_page(&app, &recruiter, &back).await;
    assert!(html.contains("Advanced to interviews"));
    assert!(
        html.contains("Add to the panel"),
        "scheduling opens: {html}"
    );
}
on_both_databases!(
    screening_save_and_advance,
    a_screen_saves_as_a_draft_then_a_decision_moves_the_stage
);

async fn archiving_needs_a_reason(app: TestApp) {
    let recruiter = app.client_as(Role::Recruiter, "rita@example.com").await;
    let id = open_requisition_as(&app, &recruiter).await;
    let bob = add_candidate(&app, &recruiter, &id, "Bob Example", "bob@example.com").await;
    let kit = kit_of(&app, &id).await;
    let all: Vec<(String, &str)> = kit
        .resume_criteria
        .iter()
        .map(|c| (c.id.clone(), "below"))
        .collect();

    let back = screen(
        &app,
        &recruiter,
        &bob,
        &screen_form(&bob, &all, "No partner work.", "archive", "  "),
    )
    .await;
    assert!(back.contains("__err="), "{back}");
    assert_eq!(
        stage_of(&app, &bob).await,
        Stage::Screening,
        "not archived without a reason"
    );
    let (_, html) = get_page(&app, &recruiter, &back).await;
    assert!(
        html.contains("give a reason of at least 3 characters for the decision to archive"),
        "{html}"
    );
    assert!(
        html.contains("value=\"below\" checked"),
        "the ratings are kept: {html}"
    );
    let saved = screenings::get(&app.db, &bob).await.unwrap().unwrap();
    assert_eq!(saved.ratings.len(), kit.resume_criteria.len(), "and saved");

    let back = screen(
        &app,
        &recruiter,
        &bob,
        &screen_form(
            &bob,
            &all,
            "No partner work.",
            "archive",
            "No alliance experience.",
        ),
    )
    .await;
    assert_eq!(back, format!("/candidates/{bob}?done=archived#screen"));
    assert_eq!(stage_of(&app, &bob).await, Stage::Archived);
    let saved = screenings::get(&app.db, &bob).await.unwrap().unwrap();
    assert_eq!(saved.decision.as_deref(), Some("archive"));
    assert_eq!(saved.reason, "No alliance experience.");

    // An archived candidate cannot be scheduled.
    let res = recruiter
        .post(app.url(&format!("/api/requisitions/{id}/assignments")))
        .json(&json!({ "candidate_id": bob, "round": kit.rounds[0].id, "interviewer_email": "rita@example.com", "starts_at": in_a_week(10) }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["fields"][0]["field"], "candidate_id");
    assert!(
        body["fields"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Archived"),
        "{body}"
    );
    let (_, html) = get_page(&app, &recruiter, &format!("/candidates/{bob}")).await;
    assert!(
        html.contains("Only candidates at the interviews stage can be scheduled"),
        "{html}"
    );
}
on_both_databases!(screening_archive_needs_reason, archiving_needs_a_reason);

/// A week from now at `hour`:30 UTC, as RFC 3339.
fn in_a_week(hour: u32) -> String {
    let day = chrono::Utc::now().date_naive() + chrono::Days::new(7);
    format!("{day}T{hour:02}:30:00Z")
}

/// An open requisition with one candidate advanced to interviews, run by
/// Rita; returns (requisition, candidate, Rita's client).
async fn ready_for_interviews(
    app: &TestApp,
    name: &str,
    email: &str,
) -> (RequisitionId, CandidateId, reqwest::Client) {
    let recruiter = app.client_as(Role::Recruiter, "rita@example.com").await;
    let id = open_requisition_as(app, &recruiter).await;
    let candidate = add_candidate(app, &recruiter, &id, name, email).await;
    advance(app, &recruiter, &id, &candidate).await;
    (id, candidate, recruiter)
}

async fn assign(
    app: &TestApp,
    client: &reqwest::Client,
    requisition: &str,
    body: Value,
) -> reqwest::Response {
    client
        .post(app.url(&format!("/api/requisitions/{requisition}/assignments")))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn two_interviewers_on_a_round_each_get_an_invite(app: TestApp) {
    let (id, ada, recruiter) = ready_for_interviews(&app, "Ada Lovelace", "ada@example.com").await;
    let kit = kit_of(&app, &id).await;
    let round = &kit.rounds[1];
    let ivy = app.client_as(Role::Interviewer, "ivy@example.com").await;
    let ian = app.client_as(Role::Interviewer, "ian@example.com").await;
    let outsider = app.client_as(Role::Interviewer, "olga@example.com").await;

    let start = in_a_week(14);
    let res = assign(&app, &recruiter, &id, json!({ "candidate_id": ada, "round": round.id, "interviewer_email": "Ivy@Example.com", "starts_at": start })).await;
    assert_eq!(res.status(), 201);
    let ivy_slot: Value = res.json().await.unwrap();
    assert_eq!(
        ivy_slot["minutes"],
        i64::from(round.minutes),
        "the kit's length by default"
    );
    assert_eq!(ivy_slot["interviewer_email"], "ivy@example.com");
    let ivy_id = ivy_slot["id"].as_str().unwrap().to_string();
    assert_eq!(
        ivy_slot["invite_url"],
        format!("/interviews/{ivy_id}/invite.ics")
    );
    let res = assign(&app, &recruiter, &id, json!({ "candidate_id": ada, "round": round.id, "interviewer": "ian@example.com", "starts_at": start, "duration_minutes": 30 })).await;
    assert_eq!(res.status(), 201);
    let ian_slot: Value = res.json().await.unwrap();
    assert_eq!(ian_slot["minutes"], 30);

    let (status, list) = app
        .get_json(&format!("/api/requisitions/{id}/assignments"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(list["assignments"].as_array().unwrap().len(), 2);

    // The same person twice on a round: 409.
    let res = assign(&app, &recruiter, &id, json!({ "candidate_id": ada, "round": round.id, "interviewer_email": "ivy@example.com", "starts_at": start })).await;
    assert_eq!(res.status(), 409);

    // 422s name their field.
    let cases = [
        (
            json!({ "candidate_id": "nope", "round": round.id, "interviewer_email": "ivy@example.com", "starts_at": start }),
            "candidate_id",
        ),
        (
            json!({ "candidate_id": ada, "round": "tea-break", "interviewer_email": "ivy@example.com", "starts_at": start }),
            "round",
        ),
        (
            json!({ "candidate_id": ada, "round": round.id, "interviewer_email": "nobody@example.com", "starts_at": start }),
            "interviewer_email",
        ),
        (
            json!({ "candidate_id": ada, "round": round.id, "interviewer_email": "ivy@example.com", "starts_at": "next tuesday" }),
            "starts_at",
        ),
        (
            json!({ "candidate_id": ada, "round": round.id, "interviewer_email": "ivy@example.com", "starts_at": "2020-01-01T10:00:00Z" }),
            "starts_at",
        ),
        (
            json!({ "candidate_id": ada, "round": round.id, "interviewer_email": "olga@example.com", "starts_at": start, "duration_minutes": 2 }),
            "duration_minutes",
        ),
        (
            json!({ "candidate_id": ada, "round": round.id, "interviewer_email": "olga@example.com", "starts_at": start, "duration_minutes": "long" }),
            "duration_minutes",
        ),
        (
            json!({ "candidate_id": ada, "round": round.id, "starts_at": start }),
            "interviewer_email",
        ),
    ];
    for (body, field) in cases {
        let res = assign(&app, &recruiter, &id, body.clone()).await;
        assert_eq!(res.status(), 422, "{body}");
        let answer: Value = res.json().await.unwrap();
        assert_eq!(answer["fields"][0]["field"], field, "{body} -> {answer}");
    }
    // A recruiter who is not on the requisition cannot sit on its panel.
    app.user(Role::Recruiter, "other@example.com").await;
    let res = assign(&app, &recruiter, &id, json!({ "candidate_id": ada, "round": round.id, "interviewer_email": "other@example.com", "starts_at": start })).await;
    assert_eq!(res.status(), 422);
    let answer: Value = res.json().await.unwrap();
    assert!(
        answer["fields"][0]["message"]
            .as_str()
            .unwrap()
            .contains("not on this requisition"),
        "{answer}"
    );
    // Interviewers do not schedule.
    let res = assign(&app, &ivy, &id, json!({ "candidate_id": ada, "round": round.id, "interviewer_email": "olga@example.com", "starts_at": start })).await;
    assert_eq!(res.status(), 403);

    // The invite: for the interviewer on it, linking to their interview.
    let invite = format!("/interviews/{ivy_id}/invite.ics");
    let res = ivy.get(app.url(&invite)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.starts_with("attachment; filename=\"interview-ada-lovelace-"),
        "{disposition}"
    );
    assert!(disposition.ends_with(".ics\""), "{disposition}");
    let raw = res.text().await.unwrap();
    // Strictly valid as an iTIP REQUEST, from Rita (who scheduled it) to Ivy.
    let calendar = ical::parse(&raw).unwrap_or_else(|e| panic!("{e}\n{raw}"));
    assert_eq!(
        calendar.one("METHOD").map(|m| m.value.as_str()),
        Some("REQUEST")
    );
    let events = calendar.children("VEVENT");
    assert_eq!(events.len(), 1, "{raw}");
    let event = events[0];
    let organizer = event.one("ORGANIZER").expect("one ORGANIZER");
    assert_eq!(organizer.value, "mailto:rita@example.com", "{raw}");
    assert_eq!(organizer.param("CN"), Some("rita@example.com"));
    let attendees = event.all("ATTENDEE");
    assert_eq!(attendees.len(), 1, "{raw}");
    assert_eq!(attendees[0].value, "mailto:ivy@example.com");
    assert_eq!(attendees[0].param("CN"), Some("ivy@example.com"));
    assert_eq!(attendees[0].param("PARTSTAT"), Some("NEEDS-ACTION"));
    assert_eq!(attendees[0].param("RSVP"), Some("TRUE"));
    assert_eq!(
        event.one("UID").map(|u| u.value.as_str()),
        Some(format!("interview-{ivy_id}@alliance-hiring-kit").as_str())
    );
    let ics = raw.replace("\r\n ", "");
    let expected_start = start.replace(['-', ':'], "");
    assert!(
        ics.contains(&format!("DTSTART:{expected_start}\r\n")),
        "{ics}"
    );
    assert!(
        ics.contains(&format!("URL:{}/interviews/{ivy_id}\r\n", app.base)),
        "{ics}"
    );
    assert!(
        ics.contains(&format!("SUMMARY:{}: Ada Lovelace", round.name)),
        "{ics}"
    );
    // Behind a TLS proxy the link is https.
    let res = ivy
        .get(app.url(&invite))
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    let ics = res.text().await.unwrap().replace("\r\n ", "");
    assert!(
        ics.contains(&format!(
            "URL:https://{}/interviews/{ivy_id}",
            app.base.trim_start_matches("http://")
        )),
        "{ics}"
    );

    // The recruiter may download it too, the same event (same UID) to the
    // same people; the other panelist and an outsider may not.
    let res = recruiter.get(app.url(&invite)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let again = res.text().await.unwrap();
    let again = ical::parse(&again).unwrap_or_else(|e| panic!("{e}\n{again}"));
    let again = again.children("VEVENT")[0];
    for name in ["UID", "ORGANIZER", "ATTENDEE"] {
        assert_eq!(
            again.one(name).map(|p| &p.value),
            event.one(name).map(|p| &p.value),
            "{name}"
        );
    }
    assert_eq!(
        ian.get(app.url(&invite)).send().await.unwrap().status(),
        403
    );
    assert_eq!(
        outsider
            .get(app.url(&invite))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    let res = app.anonymous().get(app.url(&invite)).send().await.unwrap();
    assert!(res.status().is_redirection(), "{}", res.status());
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/sign-in"));
    assert_eq!(
        ivy.get(app.url("/interviews/nope/invite.ics"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );

    // The candidate page lists both, with their invites.
    let (_, html) = get_page(&app, &recruiter, &format!("/candidates/{ada}")).await;
    assert!(html.contains("ivy@example.com") && html.contains("ian@example.com"));
    assert!(html.contains(&format!("href=\"{invite}\"")));
}
on_both_databases!(
    panel_two_interviewers_and_invites,
    two_interviewers_on_a_round_each_get_an_invite
);

async fn the_page_form_schedules_in_utc(app: TestApp) {
    let (id, ada, recruiter) = ready_for_interviews(&app, "Ada Lovelace", "ada@example.com").await;
    let kit = kit_of(&app, &id).await;
    app.user(Role::Interviewer, "ivy@example.com").await;
    let day = chrono::Utc::now().date_naive() + chrono::Days::new(3);
    let local = format!("{day}T09:15");
    let page = format!("/candidates/{ada}");

    let res = post_form(
        &app,
        &recruiter,
        "/api/fn/assign-interviewer",
        &page,
        &[
            ("candidate_id", ada.as_str()),
            ("interviewer_email", "ivy@example.com"),
            ("round", kit.rounds[0].id.as_str()),
            ("starts_at", local.as_str()),
            ("duration_minutes", ""),
        ],
    )
    .await;
    assert_eq!(
        path_of(&app, &location(&res)),
        format!("/candidates/{ada}?done=assigned#panel")
    );
    let stored = app::db::assignments::for_candidate(&app.db, &ada)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].starts_at, format!("{day}T09:15:00.000Z"));
    assert_eq!(stored[0].minutes, i64::from(kit.rounds[0].minutes));

    // Refused: the messages are beside their fields and the choices kept.
    let res = post_form(
        &app,
        &recruiter,
        "/api/fn/assign-interviewer",
        &page,
        &[
            ("candidate_id", ada.as_str()),
            ("interviewer_email", "ivy@example.com"),
            ("round", kit.rounds[1].id.as_str()),
            ("starts_at", "tomorrow-ish"),
            ("duration_minutes", "900"),
        ],
    )
    .await;
    let back = path_of(&app, &location(&res));
    let (_, html) = get_page(&app, &recruiter, &back).await;
    assert!(
        html.contains("`tomorrow-ish` is not a date and time"),
        "{html}"
    );
    assert!(
        html.contains("900 minutes is not a length for an interview"),
        "{html}"
    );
    assert!(html.contains("value=\"tomorrow-ish\""), "{html}");
    assert!(
        html.contains(&format!("value=\"{}\" selected", kit.rounds[1].id)),
        "the round is kept: {html}"
    );
    assert!(
        html.contains("Give the time in your time zone, UTC."),
        "someone without a zone schedules in UTC: {html}"
    );
}
on_both_databases!(panel_form_schedules_in_utc, the_page_form_schedules_in_utc);

/// Times are entered on the scheduler's clocks and read on each person's:
/// a recruiter in New York schedules 10:00 there, the interviewer in Paris
/// reads 16:00 on her list and in her email; the database holds UTC.
async fn times_are_entered_and_read_in_each_persons_zone(app: TestApp) {
    use crate::support::pages::call_fn;
    let (id, ada, recruiter) = ready_for_interviews(&app, "Ada Lovelace", "ada@example.com").await;
    let kit = kit_of(&app, &id).await;
    let (status, body) = call_fn(
        &app,
        &recruiter,
        "my-time-zone",
        &[("time_zone", "America/New_York")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = call_fn(
        &app,
        &recruiter,
        "my-time-zone",
        &[("time_zone", "Mars/Olympus")],
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("Mars/Olympus"), "{body}");

    // Iris signs in from a Paris browser: she had no zone, she gets that one.
    app.user(Role::Interviewer, "iris@example.com").await;
    let iris = app.anonymous();
    let res = iris
        .post(app.url("/sign-in"))
        .form(&[
            ("email", "iris@example.com"),
            ("password", crate::support::PASSWORD),
            ("next", ""),
            ("time_zone", "Europe/Paris"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let stored = app::db::users::active_by_email(
        &app.db,
        &app::domain::accounts::Email::parse("iris@example.com").unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(stored.time_zone, "Europe/Paris");

    // 3 February 2027, 10:00 in New York (EST, UTC-5) is 15:00 UTC and
    // 16:00 in Paris (CET, UTC+1).
    let page = format!("/candidates/{ada}");
    let res = post_form(
        &app,
        &recruiter,
        "/api/fn/assign-interviewer",
        &page,
        &[
            ("candidate_id", ada.as_str()),
            ("interviewer_email", "iris@example.com"),
            ("round", kit.rounds[0].id.as_str()),
            ("starts_at", "2027-02-03T10:00"),
            ("duration_minutes", "45"),
        ],
    )
    .await;
    assert_eq!(
        path_of(&app, &location(&res)),
        format!("/candidates/{ada}?done=assigned#panel")
    );
    let stored = app::db::assignments::for_candidate(&app.db, &ada)
        .await
        .unwrap();
    assert_eq!(stored[0].starts_at, "2027-02-03T15:00:00.000Z");

    let (_, html) = get_page(&app, &recruiter, &page).await;
    assert!(html.contains("Wed 3 Feb 2027, 10:00–10:45 EST"), "{html}");
    assert!(html.contains("your time zone, America/New_York"), "{html}");
    // Other times on the page too: when Ada was added, on New York clocks.
    let added = html
        .split("<dt>Added</dt><dd>")
        .nth(1)
        .and_then(|rest| rest.split("</dd>").next())
        .unwrap_or_default();
    assert!(
        added.ends_with(" EST") || added.ends_with(" EDT"),
        "added at {added:?}"
    );
    // The days on the requisition's page and the candidate list, on New
    // York's calendar too (not the UTC date).
    let new_york = app::domain::zone::zone_or_utc("America/New_York");
    let requisition = app::db::requisitions::get(&app.db, &id)
        .await
        .unwrap()
        .unwrap();
    let (_, html) = get_page(&app, &recruiter, &format!("/requisitions/{id}")).await;
    let saved = app::domain::zone::day(&requisition.created_at, new_york);
    assert!(
        html.contains(&format!("<dt>Saved</dt><dd>{saved}</dd>")),
        "{html}"
    );
    let listed = app::db::candidates::list(&app.db, &id).await.unwrap();
    let (_, html) = get_page(&app, &recruiter, &format!("/requisitions/{id}/candidates")).await;
    let day = app::domain::zone::day(&listed[0].created_at, new_york);
    assert!(html.contains(&format!("added {day}")), "{html}");
    // The board's card owed, in each reader's zone.
    let board = format!("/candidates/{ada}/board");
    let (_, html) = get_page(&app, &recruiter, &board).await;
    assert!(
        html.contains("interview Wed 3 Feb 2027, 10:00 EST"),
        "{html}"
    );
    // The requisition board's "Updated" clock, on New York's clock too.
    let (_, html) = get_page(&app, &recruiter, &format!("/requisitions/{id}/board")).await;
    let updated = html
        .split("class=\"board-updated-at\">Updated ")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap_or_default();
    assert!(
        updated.ends_with(" EST") || updated.ends_with(" EDT"),
        "updated at {updated:?}"
    );
    let (_, list) = get_page(&app, &iris, "/interviews").await;
    assert!(list.contains("Wed 3 Feb 2027, 16:00–16:45 CET"), "{list}");
    let (body,): (String,) = sqlx::query_as("SELECT body FROM outbox WHERE kind = 'assignment'")
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert!(
        body.contains("Wednesday 3 February 2027 at 16:00 CET (Europe/Paris), 45 minutes"),
        "{body}"
    );

    // A time the clocks skip is refused with the reason.
    let res = post_form(
        &app,
        &recruiter,
        "/api/fn/assign-interviewer",
        &page,
        &[
            ("candidate_id", ada.as_str()),
            ("interviewer_email", "iris@example.com"),
            ("round", kit.rounds[1].id.as_str()),
            ("starts_at", "2027-03-14T02:30"),
            ("duration_minutes", ""),
        ],
    )
    .await;
    let back = path_of(&app, &location(&res));
    let (_, html) = get_page(&app, &recruiter, &back).await;
    assert!(
        html.contains("does not exist in America/New_York"),
        "{html}"
    );
}

on_both_databases!(
    panel_times_in_zones,
    times_are_entered_and_read_in_each_persons_zone
);

async fn interviewers_reach_only_their_own_candidates_and_rounds(app: TestApp) {
    let (id, ada, recruiter) = ready_for_interviews(&app, "Ada Lovelace", "ada@example.com").await;
    let grace = add_candidate(&app, &recruiter, &id, "Grace Hopper", "grace@example.com").await;
    advance(&app, &recruiter, &id, &grace).await;
    let kit = kit_of(&app, &id).await;
    let ivy = app.client_as(Role::Interviewer, "ivy@example.com").await;
    let ian = app.client_as(Role::Interviewer, "ian@example.com").await;
    let plan = app::db::requisitions::get(&app.db, &id)
        .await
        .unwrap()
        .unwrap()
        .plan
        .unwrap();
    let round = plan.rounds.iter().find(|r| !r.items.is_empty()).unwrap();

    let res = assign(&app, &recruiter, &id, json!({ "candidate_id": ada, "round": round.round, "interviewer_email": "ivy@example.com", "starts_at": in_a_week(9) })).await;
    let ivy_slot: Value = res.json().await.unwrap();
    let ivy_id = ivy_slot["id"].as_str().unwrap().to_string();
    let res = assign(&app, &recruiter, &id, json!({ "candidate_id": grace, "round": round.round, "interviewer_email": "ian@example.com", "starts_at": in_a_week(11) })).await;
    let ian_slot: Value = res.json().await.unwrap();
    let ian_id = ian_slot["id"].as_str().unwrap().to_string();

    // Ivy's candidate: the application, her own interview, nothing of the screen.
    let (status, html) = get_page(&app, &ivy, &format!("/candidates/{ada}")).await;
    assert_eq!(status, 200);
    assert!(html.contains("Ada Lovelace"));
    assert!(html.contains("data-access=\"interviews\""));
    assert!(
        !html.contains("ada@example.com"),
        "no contact details for interviewers"
    );
    assert!(!html.contains("Strong co-sell record."), "no screen reason");
    assert!(!html.contains("Resume screen") && !html.contains("Save screen"));
    assert!(html.contains(&format!("/interviews/{ivy_id}")));
    // The other candidate is not hers.
    let (status, _) = get_page(&app, &ivy, &format!("/candidates/{grace}")).await;
    assert_eq!(status, 403);
    // Nor are the requisition's lists.
    let (status, _) = get_page(&app, &ivy, &format!("/requisitions/{id}/candidates")).await;
    assert_eq!(status, 403);
    let res = ivy
        .get(app.url(&format!("/api/requisitions/{id}/assignments")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);

    // Her list has her interview only.
    let (status, html) = get_page(&app, &ivy, "/interviews").await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&format!("data-assignment=\"{ivy_id}\"")),
        "{html}"
    );
    assert!(
        !html.contains(&ian_id) && !html.contains("Grace Hopper"),
        "{html}"
    );
    assert!(html.contains("Coming up"));

    // Her interview page: the round's items from the plan, with anchors.
    let (status, html) = get_page(&app, &ivy, &format!("/interviews/{ivy_id}")).await;
    assert_eq!(status, 200);
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    for item in &round.items {
        assert!(
            html.contains(&format!("data-item=\"{}\"", item.id)),
            "{} missing",
            item.id
        );
    }
    let first = app::service::panel::interviews::interview_item(&kit, &round.items[0]).unwrap();
    assert!(html.contains(&escape(&first.ask)), "{html}");
    assert!(html.contains(&escape(&first.anchors.below)));
    // Ian's is not hers; the recruiter may read both.
    let (status, _) = get_page(&app, &ivy, &format!("/interviews/{ian_id}")).await;
    assert_eq!(status, 403);
    let (status, _) = get_page(&app, &recruiter, &format!("/interviews/{ian_id}")).await;
    assert_eq!(status, 200);
    let (status, _) = get_page(&app, &ian, &format!("/interviews/{ian_id}")).await;
    assert_eq!(status, 200);
    let res = app
        .anonymous()
        .get(app.url(&format!("/interviews/{ian_id}")))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection());
    let (status, _) = get_page(&app, &ivy, "/interviews/nope").await;
    assert_eq!(status, 404);
}
on_both_databases!(
    interviewers_reach_only_their_own,
    interviewers_reach_only_their_own_candidates_and_rounds
);

/// The recruiter's journey in headless Chromium, hydrated: a refused
/// hand entry keeps what was typed, the screen names the missing ratings,
/// then the candidate advances and gets an interviewer with an invite.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn e2e_a_recruiter_adds_screens_and_schedules_a_candidate() {
    use crate::support::browser::Browser;
    use crate::support::{spawn_app, Backend};
    use fantoccini::Locator;

    let app = spawn_app(Backend::Sqlite).await;
    let recruiter = app.client_as(Role::Recruiter, "rita@example.com").await;
    let id = open_requisition_as(&app, &recruiter).await;
    let kit = kit_of(&app, &id).await;
    app.user(Role::Interviewer, "ivy@example.com").await;
    let start = format!(
        "{}T10:00",
        chrono::Utc::now().date_naive() + chrono::Days::new(5)
    );
    let base = app.base.clone();
    let db = app.db.clone();

    let browser = Browser::launch().await;
    browser
        .journey(
            "recruiter-screens-and-schedules",
            async move |b: &Browser| {
                b.sign_in(&base, "rita@example.com").await;
                b.client
                    .goto(&format!("{base}/requisitions/{id}/candidates"))
                    .await
                    .unwrap();
                b.wait_for("body[data-hydrated='true']").await;

                b.fill("#add-name", "Ada Lovelace").await;
                // The browser accepts it; the server wants a dot in the domain.
                b.fill("#add-email", "ada@example").await;
                b.click(".add-candidate button[type='submit']").await;
                b.wait_for(".add-candidate .form-alert").await;
                let message = b.text_of("p.field-error[data-field='email']").await;
                assert!(message.contains("is not an email address"), "{message}");
                let kept = b.wait_for("#add-name").await.prop("value").await.unwrap();
                assert_eq!(
                    kept.as_deref(),
                    Some("Ada Lovelace"),
                    "what was typed stays"
                );

                b.fill("#add-email", "ada@example.com").await;
                b.click(".add-candidate button[type='submit']").await;
                let notice = b.text_of(".notice-ok").await;
                assert!(notice.contains("Added Ada Lovelace"), "{notice}");
                let cleared = b.wait_for("#add-name").await.prop("value").await.unwrap();
                assert_eq!(
                    cleared.as_deref(),
                    Some(""),
                    "the form is ready for the next person"
                );
                let stage = b.text_of("tr[data-stage='screening'] .stage").await;
                assert_eq!(stage, "Resume screen");
                b.screenshot("candidates-added").await;

                b.click("tr[data-stage='screening'] a").await;
                b.wait_for("article.candidate").await;
                b.wait_for("body[data-hydrated='true']").await;
                b.fill("#screen-reason", "Runs a joint pipeline review.")
                    .await;
                b.click("button[name='intent'][value='advance']").await;
                // The message comes with the server's answer; the field's
                // message element may be on the page (empty) before that.
                let missing = format!(
                    "p.field-error[data-field='criterion.{}']",
                    kit.resume_criteria[0].id
                );
                crate::support::browser::eventually("the unrated criterion is named", || async {
                    b.text_of(&missing).await.contains("before you advance")
                })
                .await;
                for c in &kit.resume_criteria {
                    b.click(&format!("input[name='ratings[{}]'][value='meets']", c.id))
                        .await;
                }
                b.click("button[name='intent'][value='advance']").await;
                b.wait_for("article.candidate[data-stage='interviewing']")
                    .await;
                b.screenshot("candidate-advanced").await;

                b.client
                    .find(Locator::Css(
                        "#assign-person option[value='ivy@example.com']",
                    ))
                    .await
                    .unwrap()
                    .click()
                    .await
                    .unwrap();
                b.client
                    .execute(
                        "document.querySelector('#assign-start').value = arguments[0];",
                        vec![serde_json::json!(start)],
                    )
                    .await
                    .unwrap();
                b.click(".assign-form button[type='submit']").await;
                let slot = b.text_of("li[data-assignment]").await;
                assert!(
                    slot.contains("ivy@example.com") && slot.contains("10:00"),
                    "{slot}"
                );
                b.wait_for("li[data-assignment] a[href$='/invite.ics']")
                    .await;
                b.screenshot("candidate-panel").await;
            },
        )
        .await;
    let stored = sqlx::query_as::<_, (i64,)>("SELECT COUNT(*) FROM assignments")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(stored.0, 1);
}

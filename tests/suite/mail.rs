//! Email: written to the outbox with the event that causes it, delivered by
//! the mail worker to a real SMTP server (aiosmtpd), read back as MIME
//! (mailparse) with the attached invite read by the strict iCalendar
//! reader. Retries, leases shared by two workers, reminders, and a
//! candidate's lost link.

use crate::support::applications::{apply, open_requisition};
use crate::support::pages::post_form;
use crate::support::smtp::SmtpServer;
use crate::support::{each_database, ical, panel, world, TestApp};
use app::domain::accounts::Role;
use app::domain::keys::AssignmentId;
use app::domain::mail::{Mail, MailKind};
use chrono::{Duration, Utc};
use mailparse::{parse_mail, MailHeaderMap, ParsedMail};
use serde_json::json;
use server::mail::Worker;

const FROM: &str = "Hiring Team <hiring@example.com>";

fn worker(app: &TestApp, smtp: Option<String>) -> Worker {
    Worker::new(
        app.db.clone(),
        smtp.as_deref(),
        FROM,
        app.state.mail.clone(),
    )
    .expect("a mail worker")
}

/// (kind, recipient, status, attempts, dedupe key) of every message.
async fn outbox(app: &TestApp) -> Vec<(String, String, String, i64, Option<String>)> {
    sqlx::query_as(
        "SELECT kind, recipient, status, attempts, dedupe_key FROM outbox ORDER BY created_at, id",
    )
    .fetch_all(&app.db.pool)
    .await
    .unwrap()
}

async fn body_of(app: &TestApp, kind: MailKind) -> Vec<String> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT body FROM outbox WHERE kind = $1 ORDER BY created_at")
            .bind(kind.id())
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    rows.into_iter().map(|(b,)| b).collect()
}

/// Rita puts iris on the world's other candidate, 3 February 2027 at
/// 10:00 UTC, through the JSON API; returns the assignment's id.
async fn iris_on_the_other_candidate(app: &TestApp, w: &world::World) -> AssignmentId {
    let res = w.clients[2]
        .post(app.url(&format!("/api/requisitions/{}/assignments", w.requisition)))
        .json(&json!({
            "candidate_id": w.other_candidate,
            "round": w.round,
            "interviewer_email": "iris@example.com",
            "starts_at": "2027-02-03T10:00:00Z",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    res.json::<serde_json::Value>().await.unwrap()["id"]
        .as_str()
        .expect("the assignment's id")
        .into()
}

fn header(mail: &ParsedMail<'_>, name: &str) -> String {
    mail.headers.get_first_value(name).unwrap_or_default()
}

#[tokio::test]
async fn an_interviewer_gets_the_invite_by_email_once() {
    each_database(|app| async move {
        let smtp = SmtpServer::start().await;
        let w = world::world(&app).await;
        // People are named by their names where they have one.
        let rita_id = app.user(Role::Recruiter, "rita@example.com").await;
        app::db::users::set_name(&app.db, &rita_id, "Rita Rossi")
            .await
            .unwrap();
        let id = iris_on_the_other_candidate(&app, &w).await;

        // Written with the assignment, before any worker ran.
        let queued = outbox(&app).await;
        assert_eq!(queued.len(), 1, "{queued:?}");
        assert_eq!(queued[0].0, "assignment");
        assert_eq!(queued[0].1, "iris@example.com");
        assert_eq!(queued[0].2, "queued");

        let round = worker(&app, Some(smtp.url()))
            .run_once(Utc::now())
            .await
            .unwrap();
        assert_eq!((round.sent, round.failed), (1, 0));
        let again = worker(&app, Some(smtp.url()))
            .run_once(Utc::now())
            .await
            .unwrap();
        assert_eq!(again.sent, 0, "a sent message is not sent again");
        let delivered = smtp.delivered();
        assert_eq!(delivered.len(), 1);

        let mail = parse_mail(&delivered[0]).expect("the message is MIME");
        assert_eq!(header(&mail, "X-RcptTo"), "iris@example.com");
        assert_eq!(
            header(&mail, "From"),
            "\"Hiring Team\" <hiring@example.com>"
        );
        assert!(
            header(&mail, "Subject").starts_with("Interview: "),
            "{}",
            header(&mail, "Subject")
        );
        assert!(header(&mail, "Subject").contains("Bob Stone"));
        assert!(header(&mail, "Message-ID").contains("@127.0.0.1>"));
        assert_eq!(mail.ctype.mimetype, "multipart/mixed");
        assert_eq!(mail.subparts.len(), 2);
        let text = mail.subparts[0].get_body().unwrap();
        assert_eq!(mail.subparts[0].ctype.mimetype, "text/plain");
        assert!(
            text.contains(&format!("{}/interviews/{id}", app.base)),
            "{text}"
        );
        assert!(
            text.contains("Rita Rossi has put you on the interview panel for Bob Stone"),
            "{text}"
        );
        assert!(
            text.contains("Wednesday 3 February 2027 at 10:00 UTC"),
            "{text}"
        );

        let invite = &mail.subparts[1];
        assert_eq!(invite.ctype.mimetype, "text/calendar");
        assert_eq!(
            invite.ctype.params.get("method").map(String::as_str),
            Some("REQUEST")
        );
        assert_eq!(
            invite
                .get_content_disposition()
                .params
                .get("filename")
                .map(String::as_str),
            Some("invite.ics")
        );
        let ics = invite.get_body().unwrap();
        let calendar = ical::parse(&ics).unwrap_or_else(|e| panic!("{e}\n{ics}"));
        let event = &calendar.children("VEVENT")[0];
        assert_eq!(
            event.one("UID").unwrap().value,
            format!("interview-{id}@alliance-hiring-kit")
        );
        assert_eq!(event.one("DTSTART").unwrap().value, "20270203T100000Z");
        assert_eq!(
            event.one("ATTENDEE").unwrap().value,
            "mailto:iris@example.com"
        );
        assert_eq!(
            event.one("ORGANIZER").unwrap().value,
            "mailto:rita@example.com"
        );
        assert_eq!(
            event.one("ORGANIZER").unwrap().param("CN"),
            Some("Rita Rossi")
        );

        // The same invite as the download: one event in the calendar.
        let (status, download) = app.get_text(&format!("/interviews/{id}/invite.ics")).await;
        assert_eq!(status, 200);
        let downloaded = ical::parse(&download).unwrap();
        assert_eq!(
            downloaded.children("VEVENT")[0].one("UID").unwrap().value,
            event.one("UID").unwrap().value
        );

        // The admins' outbox page lists it as sent.
        let (status, page) = app.get_text("/admin/outbox").await;
        assert_eq!(status, 200);
        assert!(page.contains("data-status=\"sent\""), "{page}");
        assert!(page.contains("iris@example.com"));
        assert!(page.contains("(calendar invite attached)"));
        assert!(!page.contains(&text[..40]), "bodies are not shown");
    })
    .await;
}

fn note(n: usize) -> Mail {
    app::domain::mail::member_added(
        &format!("person{n}@example.com"),
        "rita@example.com",
        "Partner Manager",
        "http://127.0.0.1/requisitions/r1",
    )
}

#[tokio::test]
async fn two_workers_never_send_one_message_twice() {
    each_database(|app| async move {
        let smtp = SmtpServer::start().await;
        for n in 0..30 {
            app::db::outbox::queue(&app.db, &note(n)).await.unwrap();
        }
        let (a, b) = (
            worker(&app, Some(smtp.url())),
            worker(&app, Some(smtp.url())),
        );
        let now = Utc::now();
        let (ra, rb) = tokio::join!(a.run_once(now), b.run_once(now));
        let (ra, rb) = (ra.unwrap(), rb.unwrap());
        assert_eq!(ra.sent + rb.sent, 30, "{ra:?} {rb:?}");
        let delivered = smtp.delivered();
        assert_eq!(delivered.len(), 30);
        let mut recipients: Vec<String> = delivered
            .iter()
            .map(|m| header(&parse_mail(m).unwrap(), "X-RcptTo"))
            .collect();
        recipients.sort();
        recipients.dedup();
        assert_eq!(recipients.len(), 30, "each person got exactly one message");
        assert!(outbox(&app).await.iter().all(|m| m.2 == "sent" && m.3 == 1));
    })
    .await;
}

#[tokio::test]
async fn a_mail_server_that_is_down_is_tried_again_later_then_given_up() {
    each_database(|app| async move {
        app::db::outbox::queue(&app.db, &note(1)).await.unwrap();
        let closed = {
            let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            format!("smtp://127.0.0.1:{}", probe.local_addr().unwrap().port())
        };
        let down = worker(&app, Some(closed));
        let start = Utc::now();
        let round = down.run_once(start).await.unwrap();
        assert_eq!((round.sent, round.failed), (0, 1));
        let (status, page) = app.get_text("/admin/outbox").await;
        assert_eq!(status, 200);
        assert!(page.contains("Waiting: try 2 at"), "{page}");
        assert!(page.contains("the mail server did not take it"), "{page}");
        // Not due again for a minute.
        assert_eq!(
            down.run_once(start + Duration::seconds(30))
                .await
                .unwrap()
                .failed,
            0
        );

        // Eight tries in all, then it is failed for good.
        let mut at = start;
        for _ in 1..app::domain::mail::MAX_ATTEMPTS {
            at += Duration::hours(7);
            assert_eq!(down.run_once(at).await.unwrap().failed, 1);
        }
        let rows = outbox(&app).await;
        assert_eq!(
            (rows[0].2.as_str(), rows[0].3),
            ("failed", app::domain::mail::MAX_ATTEMPTS)
        );
        at += Duration::hours(7);
        assert_eq!(
            down.run_once(at).await.unwrap().failed,
            0,
            "a failed message waits for an admin"
        );

        // Only an admin may send it again; then it goes.
        let id: (String,) = sqlx::query_as("SELECT id FROM outbox")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        let rita = app.client_as(Role::Recruiter, "rita@example.com").await;
        let refused = post_form(
            &app,
            &rita,
            "/api/fn/outbox-retry",
            "/admin/outbox",
            &[("id", &id.0)],
        )
        .await;
        assert_eq!(outbox(&app).await[0].2, "failed", "{}", refused.status());
        let (status, _) = {
            let res = rita.get(app.url("/api/fn/outbox")).send().await.unwrap();
            (res.status().as_u16(), ())
        };
        assert_eq!(status, 403);
        let res = post_form(
            &app,
            &app.client,
            "/api/fn/outbox-retry",
            "/admin/outbox",
            &[("id", &id.0)],
        )
        .await;
        assert!(
            res.status().is_redirection() || res.status().is_success(),
            "{}",
            res.status()
        );
        assert_eq!(outbox(&app).await[0].2, "queued");
        let smtp = SmtpServer::start().await;
        assert_eq!(
            worker(&app, Some(smtp.url()))
                .run_once(at)
                .await
                .unwrap()
                .sent,
            1
        );
        assert_eq!(smtp.delivered().len(), 1);
    })
    .await;
}

#[tokio::test]
async fn overdue_scorecards_are_reminded_once_a_day_until_submitted() {
    each_database(|app| async move {
        // Every interview of the panel was long ago; some cards are in.
        let p = panel::panel(&app).await;
        let unsubmitted: Vec<(String,)> = sqlx::query_as(
            "SELECT a.id FROM assignments a LEFT JOIN scorecards s ON s.id = a.id \
             WHERE a.requisition_id = $1 AND (s.state IS NULL OR s.state <> 'submitted')",
        )
        .bind(&p.requisition)
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
        let submitted: Vec<(String,)> = sqlx::query_as(
            "SELECT id FROM scorecards WHERE requisition_id = $1 AND state = 'submitted'",
        )
        .bind(&p.requisition)
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
        assert!(!unsubmitted.is_empty() && !submitted.is_empty());

        // No SMTP server: the reminders are queued all the same.
        let w = worker(&app, None);
        let now = Utc::now();
        assert_eq!(w.run_once(now).await.unwrap().overdue, unsubmitted.len());
        w.run_once(now + Duration::minutes(5)).await.unwrap();
        assert_eq!(
            w.run_once(now + Duration::minutes(6))
                .await
                .unwrap()
                .overdue,
            0,
            "a minute after a look, the worker does not look again"
        );
        let reminders = |rows: Vec<(String, String, String, i64, Option<String>)>| {
            rows.into_iter()
                .filter(|r| r.0 == "reminder")
                .map(|r| r.4.unwrap())
                .collect::<Vec<_>>()
        };
        let first_day = reminders(outbox(&app).await);
        assert_eq!(
            first_day.len(),
            unsubmitted.len(),
            "one a day per card: {first_day:?}"
        );
        for (id,) in &unsubmitted {
            assert!(first_day
                .iter()
                .any(|k| k.starts_with(&format!("reminder:{id}:"))));
        }
        for (id,) in &submitted {
            assert!(
                !first_day.iter().any(|k| k.contains(id.as_str())),
                "a submitted card is not reminded"
            );
        }
        w.run_once(now + Duration::days(1)).await.unwrap();
        assert_eq!(reminders(outbox(&app).await).len(), 2 * unsubmitted.len());
        let body = &body_of(&app, MailKind::Reminder).await[0];
        assert!(
            body.contains(&format!("{}/interviews/", app.base)),
            "{body}"
        );

        let (status, page) = app.get_text("/admin/outbox").await;
        assert_eq!(status, 200);
        assert!(page.contains("No mail server is set up"), "{page}");
    })
    .await;
}

#[tokio::test]
async fn a_candidate_who_lost_their_link_gets_it_at_their_address_only() {
    each_database(|app| async move {
        let id = open_requisition(&app).await;
        let page = apply(&app, &id, "ada@example.com", None).await;
        let confirmation = body_of(&app, MailKind::Application).await;
        assert_eq!(confirmation.len(), 1);
        assert!(
            confirmation[0].contains(&format!("{}{page}", app.base)),
            "{}",
            confirmation[0]
        );

        let ask = |email: &'static str| {
            let (app, id) = (&app, &id);
            async move {
                app.anonymous()
                    .post(app.url("/api/fn/apply-recover"))
                    .header("accept", "text/html")
                    .header("referer", app.url(&format!("/apply/{id}")))
                    .form(&[("id", id.as_str()), ("email", email)])
                    .send()
                    .await
                    .unwrap()
            }
        };
        let known = ask("Ada@Example.com").await;
        let unknown = ask("nobody@example.com").await;
        for res in [&known, &unknown] {
            assert!(res.status().is_redirection(), "{}", res.status());
            assert_eq!(
                res.headers()["location"].to_str().unwrap(),
                format!("/apply/{id}?link=sent#lost-link"),
                "the same answer for any address"
            );
        }
        ask("ada@example.com").await; // within the hour: not sent twice
                                      // The page did the same for every address: one request each, which
                                      // the mail worker answers.
        let waiting: Vec<(String,)> =
            sqlx::query_as("SELECT email FROM link_requests ORDER BY asked_at, id")
                .fetch_all(&app.db.pool)
                .await
                .unwrap();
        assert_eq!(waiting.len(), 3, "{waiting:?}");
        assert!(
            outbox(&app).await.iter().all(|m| m.0 != "link-recovery"),
            "nothing is looked up while the candidate waits"
        );
        let round = worker(&app, None).run_once(Utc::now()).await.unwrap();
        assert_eq!(round.link_requests, 3);
        let left: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM link_requests")
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(left.0, 0, "every request is answered once");
        let sent: Vec<_> = outbox(&app)
            .await
            .into_iter()
            .filter(|m| m.0 == "link-recovery")
            .collect();
        assert_eq!(sent.len(), 1, "{sent:?}");
        assert_eq!(sent[0].1, "ada@example.com");
        let body = &body_of(&app, MailKind::LinkRecovery).await[0];
        assert!(body.contains(&format!("{}{page}", app.base)), "{body}");

        let (status, html) = app.get_text(&format!("/apply/{id}?link=sent")).await;
        assert_eq!(status, 200);
        assert!(
            html.contains("its private link is on its way there"),
            "{html}"
        );

        let bad = ask("not an address").await;
        assert!(bad.status().is_redirection());
        assert!(
            bad.headers()["location"]
                .to_str()
                .unwrap()
                .contains("__err"),
            "the form says what is wrong"
        );
    })
    .await;
}

#[tokio::test]
async fn a_colleague_added_to_a_requisition_is_told_once() {
    each_database(|app| async move {
        let w = world::world(&app).await;
        app.user(Role::Recruiter, "otto@example.com").await;
        let rita = &w.clients[2];
        for _ in 0..2 {
            let res = post_form(
                &app,
                rita,
                "/api/fn/add-member",
                &format!("/requisitions/{}", w.requisition),
                &[("id", &w.requisition), ("email", "otto@example.com")],
            )
            .await;
            assert!(
                res.status().is_redirection() || res.status().is_success(),
                "{}",
                res.status()
            );
        }
        let sent: Vec<_> = outbox(&app)
            .await
            .into_iter()
            .filter(|m| m.0 == "member-added")
            .collect();
        assert_eq!(sent.len(), 1, "{sent:?}");
        assert_eq!(sent[0].1, "otto@example.com");
        let body = &body_of(&app, MailKind::MemberAdded).await[0];
        assert!(
            body.contains(&format!("{}/requisitions/{}", app.base, w.requisition)),
            "{body}"
        );
    })
    .await;
}

/// The calendar message attached to a delivered email: (its METHOD, the
/// VEVENT's UID, SEQUENCE, STATUS), read by the strict reader.
fn calendar_of(raw: &[u8]) -> (String, String, String, Option<String>, String) {
    let mail = parse_mail(raw).unwrap();
    let invite = mail
        .subparts
        .iter()
        .find(|p| p.ctype.mimetype == "text/calendar")
        .expect("a calendar attachment");
    let ics = invite.get_body().unwrap();
    let calendar = ical::parse(&ics).unwrap_or_else(|e| panic!("{e}\n{ics}"));
    let event = &calendar.children("VEVENT")[0];
    (
        calendar.one("METHOD").unwrap().value.clone(),
        event.one("UID").unwrap().value.clone(),
        event.one("SEQUENCE").unwrap().value.clone(),
        event.one("STATUS").map(|s| s.value.clone()),
        header(&mail, "X-RcptTo"),
    )
}

#[tokio::test]
async fn moved_handed_over_and_cancelled_interviews_reach_the_calendars() {
    use crate::support::pages::call_fn;
    each_database(|app| async move {
        let smtp = SmtpServer::start().await;
        let w = world::world(&app).await;
        let rita = &w.clients[2];
        let id = iris_on_the_other_candidate(&app, &w).await;

        let ivy = &w.clients[5];
        let (status, _) = call_fn(&app, ivy, "cancel-interview", &[("id", &id)]).await;
        assert_eq!(status, 403, "an interviewer does not change the panel");

        let (status, body) = call_fn(
            &app,
            rita,
            "reschedule-interview",
            &[
                ("id", &id),
                ("starts_at", "2027-03-04T09:30"),
                ("duration_minutes", ""),
            ],
        )
        .await;
        assert_eq!(status, 200, "{body}");
        let moved = app::db::assignments::get(&app.db, &id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(moved.starts_at, "2027-03-04T09:30:00.000Z");
        assert_eq!(moved.sequence, 1);
        let (status, body) = call_fn(
            &app,
            rita,
            "reschedule-interview",
            &[
                ("id", &id),
                ("starts_at", "2020-01-01T09:30"),
                ("duration_minutes", "900"),
            ],
        )
        .await;
        assert_eq!(status, 422, "{body}");
        assert!(body.contains("in the past"), "{body}");
        assert!(body.contains("900 minutes is not a length"), "both problems at once: {body}");
        let unmoved = app::db::assignments::get(&app.db, &id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (unmoved.starts_at.as_str(), unmoved.sequence),
            ("2027-03-04T09:30:00.000Z", 1),
            "a refused move changes nothing"
        );

        let (status, body) = call_fn(
            &app,
            rita,
            "replace-interviewer",
            &[("id", &id), ("interviewer_email", "ivy@example.com")],
        )
        .await;
        assert_eq!(status, 200, "{body}");
        let handed = app::db::assignments::get(&app.db, &id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (handed.interviewer_email.as_str(), handed.sequence),
            ("ivy@example.com", 2)
        );

        // Once ivy has written on her card it stays hers.
        let requisition = app::db::requisitions::get(&app.db, &w.requisition)
            .await
            .unwrap()
            .unwrap();
        app::db::scorecards::get_or_create(&app.db, &handed, &requisition.rubric_version)
            .await
            .unwrap();
        sqlx::query("UPDATE scorecards SET version = 2 WHERE id = $1")
            .bind(&id)
            .execute(&app.db.pool)
            .await
            .unwrap();
        for (endpoint, extra) in [
            ("cancel-interview", None),
            (
                "replace-interviewer",
                Some(("interviewer_email", "iris@example.com")),
            ),
        ] {
            let mut form = vec![("id", id.as_str())];
            form.extend(extra);
            let (status, body) = call_fn(&app, rita, endpoint, &form).await;
            assert_eq!(status, 409, "{endpoint}: {body}");
            assert!(body.contains("started the scorecard"), "{body}");
        }
        // An empty card opened in passing does not hold the interview.
        sqlx::query("UPDATE scorecards SET version = 1 WHERE id = $1")
            .bind(&id)
            .execute(&app.db.pool)
            .await
            .unwrap();
        let (status, body) = call_fn(&app, rita, "cancel-interview", &[("id", &id)]).await;
        assert_eq!(status, 200, "{body}");
        assert!(app::db::assignments::get(&app.db, &id)
            .await
            .unwrap()
            .is_none());
        let (cards,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM scorecards WHERE id = $1")
            .bind(&id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
        assert_eq!(cards, 0);
        // Each change is in the audit log, by who made it; the refused
        // ones are not.
        let logged: Vec<(String, String)> = sqlx::query_as(
            "SELECT actor_email, detail FROM audit_log WHERE detail LIKE 'interview %' ORDER BY at, id",
        )
        .fetch_all(&app.db.pool)
        .await
        .unwrap();
        let changes: Vec<&str> = logged
            .iter()
            .filter(|(who, _)| who == "rita@example.com")
            .map(|(_, d)| d.split(':').next().unwrap_or(""))
            .filter(|d| *d != "interview scheduled")
            .collect();
        assert_eq!(
            changes,
            ["interview moved", "interview handed over", "interview cancelled"],
            "{logged:?}"
        );

        let round = worker(&app, Some(smtp.url()))
            .run_once(Utc::now())
            .await
            .unwrap();
        assert_eq!(round.sent, 5);
        let uid = format!("interview-{id}@alliance-hiring-kit");
        let calendars: Vec<_> = smtp.delivered().iter().map(|m| calendar_of(m)).collect();
        let expected = [
            ("REQUEST", "0", Some("CONFIRMED"), "iris@example.com"),
            ("REQUEST", "1", Some("CONFIRMED"), "iris@example.com"),
            ("CANCEL", "2", None, "iris@example.com"),
            ("REQUEST", "2", Some("CONFIRMED"), "ivy@example.com"),
            ("CANCEL", "3", Some("CANCELLED"), "ivy@example.com"),
        ];
        let mut got: Vec<_> = calendars
            .iter()
            .map(|(method, u, seq, status, to)| {
                assert_eq!(u, &uid);
                (
                    method.as_str(),
                    seq.as_str(),
                    status.as_deref(),
                    to.as_str(),
                )
            })
            .collect();
        got.sort_by_key(|(m, s, _, to)| (*to, *s, *m != "REQUEST"));
        let mut want = expected.to_vec();
        want.sort_by_key(|(m, s, _, to)| (*to, *s, *m != "REQUEST"));
        assert_eq!(got, want);
    })
    .await;
}

/// The colleague who plays the partner in the role-play has a seat of
/// their own: the brief, an email that says so, no scorecard, no reminder,
/// nothing owed on the board.
#[tokio::test]
async fn the_actor_gets_the_brief_and_owes_no_scorecard() {
    use app::domain::plan::ItemKind;
    each_database(|app| async move {
        let w = world::world(&app).await;
        let rita = &w.clients[2];
        let requisition = app::db::requisitions::get(&app.db, &w.requisition).await.unwrap().unwrap();
        let plan = requisition.plan.clone().unwrap();
        let role_play = plan
            .rounds
            .iter()
            .find(|r| r.items.iter().any(|i| i.kind == ItemKind::Exercise && i.id == "simulation"))
            .expect("a round with the role-play")
            .round
            .clone();
        let other = plan.rounds.iter().find(|r| r.round != role_play).unwrap().round.clone();
        app.user(Role::Interviewer, "omar@example.com").await;
        let seat = |round: String, part: &'static str| {
            let body = json!({
                "candidate_id": w.other_candidate,
                "round": round,
                "interviewer_email": "omar@example.com",
                "starts_at": (Utc::now() + Duration::days(2)).to_rfc3339(),
                "part": part,
            });
            rita.post(app.url(&format!("/api/requisitions/{}/assignments", w.requisition)))
                .json(&body)
                .send()
        };
        let refused = seat(other, "actor").await.unwrap();
        assert_eq!(refused.status(), 422);
        let refused = refused.text().await.unwrap();
        assert!(refused.contains("part") && refused.contains("role-play"), "{refused}");
        let res = seat(role_play, "actor").await.unwrap();
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
        let id = res.json::<serde_json::Value>().await.unwrap()["id"].as_str().unwrap().to_string();

        let (subject, body): (String, String) =
            sqlx::query_as("SELECT subject, body FROM outbox WHERE recipient = 'omar@example.com'")
                .fetch_one(&app.db.pool)
                .await
                .unwrap();
        assert!(subject.starts_with("Role-play: you play the partner"), "{subject}");
        assert!(body.contains(&format!("{}/interviews/{id}/brief", app.base)), "{body}");
        assert!(body.contains("you owe no scorecard"), "{body}");

        let omar = app.client_as(Role::Interviewer, "omar@example.com").await;
        let card = omar.get(app.url(&format!("/api/scorecards/{id}"))).send().await.unwrap();
        assert_eq!(card.status(), 409);
        let page = |path: String| {
            let request = omar.get(app.url(&path));
            async move {
                let res = request.send().await.unwrap();
                (res.status().as_u16(), res.text().await.unwrap())
            }
        };
        let (status, interview) = page(format!("/interviews/{id}")).await;
        assert_eq!(status, 200);
        assert!(interview.contains("You play the partner in this round"), "{interview}");
        assert!(!interview.contains("interview-items"), "no questions or anchors for the actor");
        let (status, brief) = page(format!("/interviews/{id}/brief")).await;
        assert_eq!(status, 200, "{brief}");
        let (_, list) = page("/interviews".into()).await;
        assert!(list.contains("You play the partner: no scorecard"), "{list}");

        // Long after the role-play: no reminder, nothing owed on the board.
        sqlx::query("UPDATE assignments SET starts_at = '2026-01-05T15:00:00.000Z' WHERE id = $1")
            .bind(&id)
            .execute(&app.db.pool)
            .await
            .unwrap();
        worker(&app, None).run_once(Utc::now()).await.unwrap();
        let (reminders,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM outbox WHERE kind = 'reminder' AND recipient = 'omar@example.com'",
        )
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
        assert_eq!(reminders, 0);
        let board = rita
            .get(app.url(&format!("/requisitions/{}/board", w.requisition)))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(!board.contains("omar@example.com"), "the actor owes nothing: {board}");
    })
    .await;
}

//! Security issue 11: the XSS corpus check. Every payload of
//! `support::xss` goes into every field the app shows again, through the
//! real channels (JSON API, server-function forms, CSV import, the public
//! application, uploads, query strings and `__err` round trips, real and
//! forged); every page that shows them is then loaded in headless Chromium
//! with a hook installed before any page script. The test fails if any
//! payload runs, if any page carries markup that escaping should have
//! stopped (whatever the CSP blocked), if any page is served without the
//! nonce CSP, or if a page no longer hydrates under it.

use crate::support::browser::Browser;
use crate::support::pages::{location, path_of, post_form};
use crate::support::xss::{base64_url, corpus, pack, token, Inspection, Payload, HOOK, INSPECT};
use crate::support::{spawn_app_with, Backend, Serving, TestApp, PASSWORD};
use app::db::{assignments, candidates, requisitions, users};
use app::domain::accounts::{Email, Role};
use app::domain::candidate::Stage;
use app::domain::keys::{CandidateId, RequisitionId};
use fantoccini::wd::WebDriverCompatibleCommand;
use reqwest::multipart::{Form, Part};
use reqwest::Url;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// What one field took through one channel.
struct Row {
    field: &'static str,
    channel: &'static str,
    stored: usize,
    refused: usize,
}

#[derive(Default)]
struct Ledger {
    rows: Vec<Row>,
}

impl Ledger {
    fn add(&mut self, field: &'static str, channel: &'static str, stored: usize, refused: usize) {
        self.rows.push(Row {
            field,
            channel,
            stored,
            refused,
        });
    }

    fn injected(&self) -> usize {
        self.rows.iter().map(|r| r.stored + r.refused).sum()
    }
}

/// Chromium's DevTools command through chromedriver, for the hook that has
/// to be in place before a page's own scripts run.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base: &Url, session: Option<&str>) -> Result<Url, url_error::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &Url) -> (axum::http::Method, Option<String>) {
        (
            axum::http::Method::POST,
            Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()),
        )
    }
}

/// `url::ParseError` without naming the `url` crate (reqwest re-exports
/// its `Url`, whose `join` returns this error).
mod url_error {
    pub type ParseError = <reqwest::Url as std::str::FromStr>::Err;
}

/// Packs payload texts into groups whose joined length fits `max`.
fn groups(payloads: &[Payload], max: usize) -> Vec<Vec<&str>> {
    let joined = pack(payloads.iter().map(|p| p.text.as_str()), max);
    // `pack` joins with a space; split back by walking the payloads in order.
    let mut out = Vec::new();
    let mut it = payloads.iter().map(|p| p.text.as_str()).peekable();
    for text in joined {
        let mut group = Vec::new();
        let mut len = 0;
        while let Some(p) = it.peek() {
            let add = if group.is_empty() {
                p.chars().count()
            } else {
                p.chars().count() + 1
            };
            if len + add > text.chars().count() {
                break;
            }
            len += add;
            group.push(*p);
            it.next();
        }
        out.push(group);
    }
    out
}

/// Stores each group through `store`; a refused group is tried payload by
/// payload, so one payload a field refuses does not hide the others.
/// Returns what was stored (the id `store` gave back, and the text).
async fn store_groups<F>(
    ledger: &mut Ledger,
    field: &'static str,
    channel: &'static str,
    groups: &[Vec<&str>],
    mut store: F,
) -> Vec<(String, String)>
where
    F: AsyncFnMut(&str) -> Option<String>,
{
    let (mut stored, mut refused) = (0, 0);
    let mut kept = Vec::new();
    for group in groups {
        let text = group.join(" ");
        if let Some(id) = store(&text).await {
            stored += group.len();
            kept.push((id, text));
            continue;
        }
        for p in group {
            match store(p).await {
                Some(id) => {
                    stored += 1;
                    kept.push((id, p.to_string()));
                }
                None => refused += 1,
            }
        }
    }
    ledger.add(field, channel, stored, refused);
    kept
}

fn requisition_body(partner: &str, company: &str, short: &str, extra: &str) -> Value {
    json!({
        "sub_role": "partner-manager",
        "level": "mid",
        "partner": {"name": partner, "type": "technology"},
        "pipeline_target": {"amount": 4000000, "currency": "USD"},
        "cadence": ["monthly-joint-pipeline-review", "biweekly-deal-pairing"],
        "company": company,
        "location": short,
        "reporting_line": short,
        "variable_pay_basis": short,
        "extra": extra,
    })
}

async fn create_requisition(app: &TestApp, body: &Value) -> Option<String> {
    let res = app
        .client
        .post(app.url("/api/requisitions"))
        .json(body)
        .send()
        .await
        .unwrap();
    if res.status() == 201 {
        let created: Value = res.json().await.unwrap();
        return Some(created["requisition"]["id"].as_str().unwrap().to_string());
    }
    assert_eq!(res.status(), 422, "refused, not failed");
    None
}

async fn add_json(app: &TestApp, requisition: &str, body: Value) -> Option<String> {
    let res = app
        .client
        .post(app.url(&format!("/api/requisitions/{requisition}/candidates")))
        .json(&body)
        .send()
        .await
        .unwrap();
    if res.status() == 201 {
        let body: Value = res.json().await.unwrap();
        return Some(body["id"].as_str().unwrap().to_string());
    }
    assert_eq!(res.status(), 422, "refused, not failed");
    None
}

/// A forged `__err` for a page: the error server_fn would put there.
fn forged(path: &str, server_fn: &str, error: &Value) -> String {
    let sep = if path.contains('?') { '&' } else { '?' };
    let err = base64_url(error.to_string().as_bytes());
    format!(
        "{path}{sep}__path={}&__err={}",
        form_urlencoded::byte_serialize(server_fn.as_bytes()).collect::<String>(),
        form_urlencoded::byte_serialize(err.as_bytes()).collect::<String>()
    )
}

fn query(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// One page to load: its path, whether it hydrates, and texts that must
/// show in it (proof that the payloads reached the page, as text).
struct PageCheck {
    name: String,
    path: String,
    hydrates: bool,
    expect: Vec<String>,
}

fn page(name: &str, path: String, expect: &[&str]) -> PageCheck {
    PageCheck {
        name: name.to_string(),
        // Candidates' pages are served without the WASM bundle.
        hydrates: !path.starts_with(app::CANDIDATE_PAGES),
        path,
        expect: expect.iter().map(|s| s.to_string()).collect(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_payload_runs_in_any_page() {
    let started = Instant::now();
    // Hundreds of anonymous uploads and application starts from one
    // address: the per-address limits (rate_limits.rs) are not under test.
    let app = spawn_app_with(Backend::Sqlite, Serving::unthrottled()).await;
    let all = corpus();
    assert!(all.len() >= 100, "the corpus has {} payloads", all.len());
    let every: Vec<&str> = all.iter().map(|p| p.text.as_str()).collect();
    let mut ledger = Ledger::default();
    let admin_id = app.user(Role::Admin, "admin@example.com").await;

    // Requisitions through the JSON API: partner name, company, location,
    // reporting line and pay basis take 200 characters, the extra 5,000.
    let short = groups(&all, 200);
    let long = groups(&all, 5000);
    let mut reqs: Vec<String> = Vec::new();
    let partner_kept = store_groups(
        &mut ledger,
        "partner name",
        "JSON",
        &short,
        async |t: &str| {
            create_requisition(&app, &requisition_body(t, "Acme", "Berlin", "More.")).await
        },
    )
    .await;
    reqs.extend(partner_kept.iter().map(|(id, _)| id.clone()));
    for (field, which) in [("company", 0), ("location etc.", 1)] {
        let kept = store_groups(&mut ledger, field, "JSON", &short, async |t: &str| {
            let body = if which == 0 {
                requisition_body("Snowflake", t, "Berlin", "More.")
            } else {
                requisition_body("Snowflake", "Acme", t, "More.")
            };
            create_requisition(&app, &body).await
        })
        .await;
        reqs.extend(kept.into_iter().map(|(id, _)| id));
    }
    let extra_kept = store_groups(
        &mut ledger,
        "extra (Markdown)",
        "JSON",
        &long,
        async |t: &str| {
            create_requisition(&app, &requisition_body("Snowflake", "Acme", "Berlin", t)).await
        },
    )
    .await;
    reqs.extend(extra_kept.iter().map(|(id, _)| id.clone()));
    let main_req = RequisitionId::from(partner_kept[0].0.clone());
    let extra_reqs: Vec<String> = extra_kept.iter().map(|(id, _)| id.clone()).collect();

    // Candidates through the JSON API: every payload as an email address
    // (one token each), names packed 200 characters at a time, links five
    // at a time.
    let names = groups(&all, 200);
    let tokens: Vec<String> = all.iter().map(|p| token(&p.text)).collect();
    let link_groups: Vec<String> = tokens
        .chunks(5)
        .map(|c| {
            c.iter()
                .map(|t| format!("https://e.example/{t}"))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let mut counter = 0;
    let mut unique = || {
        counter += 1;
        counter
    };
    let name_row = ledger.rows.len();
    let name_kept = store_groups(
        &mut ledger,
        "candidate name",
        "JSON",
        &names,
        async |t: &str| {
            let n = unique();
            add_json(
                &app,
                &main_req,
                json!({"name": t, "email": format!("n{n}@x.example")}),
            )
            .await
        },
    )
    .await;
    let mut emails_stored = 0;
    let mut emails_refused = 0;
    let mut email_candidates = Vec::new();
    // Which tokens an address may carry: strict address checks refuse most
    // payloads, and the CSV below repeats only what the JSON API took.
    let mut email_taken = Vec::new();
    for t in &tokens {
        let n = unique();
        let email = format!("e{n}{t}@x.example");
        match add_json(
            &app,
            &main_req,
            json!({"name": format!("Email {n}"), "email": email}),
        )
        .await
        {
            Some(id) => {
                emails_stored += 1;
                email_candidates.push(id);
                email_taken.push(true);
            }
            None => {
                emails_refused += 1;
                email_taken.push(false);
            }
        }
    }
    ledger.add("candidate email", "JSON", emails_stored, emails_refused);
    let mut links_stored = 0;
    let mut links_refused = 0;
    for links in &link_groups {
        let n = unique();
        let body = json!({"name": format!("Links {n}"), "email": format!("l{n}@x.example"), "links": links});
        match add_json(&app, &main_req, body).await {
            Some(_) => links_stored += 5,
            None => links_refused += 5,
        }
    }
    // Not web addresses: refused.
    for t in tokens.iter().take(20) {
        let n = unique();
        let body = json!({"name": format!("Bad link {n}"), "email": format!("b{n}@x.example"), "links": t});
        if add_json(&app, &main_req, body).await.is_some() {
            links_stored += 1;
        } else {
            links_refused += 1;
        }
    }
    ledger.add("candidate links", "JSON", links_stored, links_refused);
    let mut phone_stored = 0;
    for p in &every {
        let n = unique();
        let body =
            json!({"name": format!("Phone {n}"), "email": format!("p{n}@x.example"), "phone": p});
        if add_json(&app, &main_req, body).await.is_some() {
            phone_stored += 1;
        }
    }
    ledger.add(
        "candidate phone",
        "JSON",
        phone_stored,
        every.len() - phone_stored,
    );
    assert_eq!(
        phone_stored, 0,
        "a phone field takes only digits and + - ( )"
    );

    // The same through the CSV import (all or nothing, so only rows the
    // JSON API took), quoted by a real CSV writer.
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(["name", "email", "phone", "links"])
        .unwrap();
    for (i, (_, name)) in name_kept.iter().enumerate() {
        csv.write_record([name.as_str(), &format!("csvn{i}@x.example"), "", ""])
            .unwrap();
    }
    for (i, t) in tokens.iter().enumerate() {
        let links = link_groups.get(i).cloned().unwrap_or_default();
        csv.write_record([
            &format!("Csv {i}"),
            &if email_taken[i] {
                format!("csve{i}{t}@x.example")
            } else {
                format!("csve{i}@x.example")
            },
            "",
            &links,
        ])
        .unwrap();
    }
    let file = String::from_utf8(csv.into_inner().unwrap()).unwrap();
    let res = app
        .client
        .post(app.url(&format!("/api/requisitions/{main_req}/candidates")))
        .header("content-type", "text/csv")
        .body(file.clone())
        .send()
        .await
        .unwrap();
    let imported = res.status() == 201;
    let body: Value = res.json().await.unwrap();
    assert!(imported, "the CSV of accepted values imports: {body}");
    ledger.add("candidate name", "CSV", ledger.rows[name_row].stored, 0);
    ledger.add("candidate email", "CSV", emails_stored, emails_refused);
    ledger.add(
        "candidate links",
        "CSV",
        link_groups.len().min(tokens.len()) * 5,
        0,
    );

    // Through the add-candidate form (a server function posted by a browser
    // without JavaScript): one accepted, and refused ones whose `__err`
    // round trip is loaded below.
    let list = format!("/requisitions/{main_req}/candidates");
    // An address payload the JSON API took, if any did.
    let form_email = match email_taken.iter().position(|&taken| taken) {
        Some(i) => format!("form{}@x.example", tokens[i]),
        None => "form@x.example".to_string(),
    };
    let res = post_form(
        &app,
        &app.client,
        "/api/fn/add-candidate",
        &list,
        &[
            ("requisition_id", main_req.as_str()),
            ("name", names[1].join(" ").as_str()),
            ("email", &form_email),
            ("phone", ""),
            ("links", &link_groups[1]),
        ],
    )
    .await;
    let added = location(&res);
    assert!(added.contains("added="), "the form took it: {added}");
    ledger.add(
        "candidate name/email/links",
        "form",
        names[1].len() + 1 + 5,
        0,
    );
    let all_text = every.join(" ");
    let res = post_form(
        &app,
        &app.client,
        "/api/fn/add-candidate",
        &list,
        &[
            ("requisition_id", main_req.as_str()),
            ("name", all_text.as_str()),
            ("email", every[0]),
            ("phone", every[5]),
            (
                "links",
                "javascript:pwn=9001 data:text/html,<script>pwn=9002</script>",
            ),
        ],
    )
    .await;
    let add_refused = path_of(&app, &location(&res));
    assert!(add_refused.contains("__err="), "{add_refused}");
    ledger.add(
        "candidate name/email/phone/links",
        "form (refused)",
        0,
        all.len() + 3,
    );
    // A pasted CSV with bad rows: refused whole, the text kept for the page.
    let mut bad = String::from("name,email,phone,links\n");
    for p in every.iter().take(60) {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record([*p, *p, *p, *p]).unwrap();
        bad.push_str(&String::from_utf8(w.into_inner().unwrap()).unwrap());
    }
    let res = post_form(
        &app,
        &app.client,
        "/api/fn/import-candidates",
        &list,
        &[
            ("requisition_id", main_req.as_str()),
            ("text", bad.as_str()),
        ],
    )
    .await;
    let import_refused = path_of(&app, &location(&res));
    assert!(import_refused.contains("__err="), "{import_refused}");
    ledger.add("CSV paste (all columns)", "form (refused)", 0, 60 * 4);

    // The panel: two candidates at the interview stage, the admin on two
    // rounds of the first (one card submitted, one a draft).
    let (c0, c1) = (
        CandidateId::from(name_kept[0].0.as_str()),
        CandidateId::from(name_kept[1].0.as_str()),
    );
    for c in [&c0, &c1] {
        candidates::set_stage(&app.db, c, Stage::Interviewing, every[7])
            .await
            .unwrap();
    }
    let stored = requisitions::get(&app.db, &main_req)
        .await
        .unwrap()
        .unwrap();
    let plan = stored.plan.clone().unwrap();
    let mut slots = Vec::new();
    for round in plan.rounds.iter().take(2) {
        let id = assignments::create(
            &app.db,
            &assignments::NewAssignment {
                requisition_id: &main_req,
                candidate_id: &c0,
                round: &round.round,
                interviewer_id: &admin_id,
                starts_at: "2026-01-05T15:00:00.000Z",
                minutes: 60,
                created_by: &admin_id,
                part: app::domain::requisition::Part::Interviewer,
            },
            |_| None,
        )
        .await
        .unwrap();
        slots.push(id);
    }
    let notes = pack(every.iter().copied(), 20_000);
    assert_eq!(notes.len(), 1, "the whole corpus fits one note");
    let notes = &notes[0];
    for (i, slot) in slots.iter().enumerate() {
        let (status, card) = {
            let res = app
                .client
                .get(app.url(&format!("/api/scorecards/{slot}")))
                .send()
                .await
                .unwrap();
            (res.status().as_u16(), res.json::<Value>().await.unwrap())
        };
        assert_eq!(status, 200, "{card}");
        let mut items = serde_json::Map::new();
        for item in card["items"].as_array().unwrap() {
            let ticked: Vec<u64> = if item["positive"].as_array().is_some_and(|p| !p.is_empty()) {
                vec![0]
            } else {
                vec![]
            };
            items.insert(
                item["key"].as_str().unwrap().to_string(),
                json!({"rating": "meets", "positive": ticked, "notes": notes}),
            );
        }
        let body = json!({"items": items, "private_notes": notes, "takeaways": notes, "recommendation": "hire"});
        let res = app
            .client
            .put(app.url(&format!("/api/scorecards/{slot}")))
            .json(&json!({"version": card["version"], "body": body}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
        let saved: Value = res.json().await.unwrap();
        if i == 0 {
            let res = app
                .client
                .post(app.url(&format!("/api/scorecards/{slot}/submit")))
                .json(&json!({"version": saved["version"]}))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
        }
    }
    ledger.add("scorecard item notes", "scorecard API", all.len() * 2, 0);
    ledger.add("scorecard private notes", "scorecard API", all.len() * 2, 0);
    ledger.add("scorecard take-aways", "scorecard API", all.len() * 2, 0);
    // A refused scorecard form: every field typed back through `__err`.
    let draft = slots[1].clone();
    let card: Value = app.get_json(&format!("/api/scorecards/{draft}")).await.1;
    let key = card["items"][0]["key"].as_str().unwrap().to_string();
    let version = card["version"].to_string();
    let res = post_form(
        &app,
        &app.client,
        "/api/fn/save-scorecard",
        &format!("/interviews/{draft}"),
        &[
            ("id", draft.as_str()),
            ("version", version.as_str()),
            ("intent", "save"),
            (&format!("card[items.{key}.rating]"), every[0]),
            (&format!("card[items.{key}.notes]"), notes),
            ("card[takeaways]", notes),
            ("card[private_notes]", notes),
            ("card[recommendation]", every[1]),
        ],
    )
    .await;
    let card_refused = path_of(&app, &location(&res));
    assert!(card_refused.contains("__err="), "{card_refused}");
    ledger.add("scorecard fields", "form (refused)", 0, all.len() * 3 + 2);

    // Debrief decisions, 4,000 characters at a time, on both candidates.
    let rationale = groups(&all, 4000);
    let mut decided = 0;
    for (i, text) in rationale.iter().enumerate() {
        let candidate = if i % 2 == 0 { &c0 } else { &c1 };
        let res = app
            .client
            .post(app.url("/api/fn/record-decision"))
            .header("accept", "application/json")
            .form(&[
                ("candidate_id", candidate.as_str()),
                ("outcome", "hire"),
                ("rationale", &text.join(" ")),
            ])
            .send()
            .await
            .unwrap();
        assert!(
            res.status().is_success(),
            "decision: {}",
            res.text().await.unwrap()
        );
        decided += text.len();
    }
    ledger.add("decision rationale", "server fn", decided, 0);
    let res = post_form(
        &app,
        &app.client,
        "/api/fn/record-decision",
        &format!("/candidates/{c1}/board"),
        &[
            ("candidate_id", c1.as_str()),
            ("outcome", every[0]),
            ("rationale", &rationale[0].join(" ")),
        ],
    )
    .await;
    let decision_refused = path_of(&app, &location(&res));
    assert!(decision_refused.contains("__err="), "{decision_refused}");
    ledger.add(
        "decision outcome/rationale",
        "form (refused)",
        0,
        rationale[0].len() + 1,
    );

    // Screening: notes (10,000 characters) saved on one candidate, a
    // reason with the decision on another, and a refused screen.
    let (c2, c3) = (name_kept[2].0.clone(), name_kept[3].0.clone());
    let screen_notes = groups(&all, 10_000);
    let kit = crate::support::applications::kit_of(&app, &main_req).await;
    let res = post_form(
        &app,
        &app.client,
        "/api/fn/screen-candidate",
        &format!("/candidates/{c2}"),
        &[
            ("candidate_id", c2.as_str()),
            ("notes", &screen_notes[0].join(" ")),
            ("intent", "save"),
        ],
    )
    .await;
    let back = location(&res);
    assert!(!back.contains("__err="), "screen notes saved: {back}");
    ledger.add("screening notes", "form", screen_notes[0].len(), 0);
    let reasons = groups(&all, 1000);
    let mut form: Vec<(String, String)> = vec![("candidate_id".into(), c3.clone())];
    for c in &kit.resume_criteria {
        form.push((format!("ratings[{}]", c.id), "meets".into()));
    }
    form.push((
        "notes".into(),
        screen_notes.get(1).map(|g| g.join(" ")).unwrap_or_default(),
    ));
    form.push(("intent".into(), "advance".into()));
    form.push(("reason".into(), reasons[0].join(" ")));
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = post_form(
        &app,
        &app.client,
        "/api/fn/screen-candidate",
        &format!("/candidates/{c3}"),
        &pairs,
    )
    .await;
    let back = location(&res);
    assert!(!back.contains("__err="), "screen decision saved: {back}");
    ledger.add("screening reason", "form", reasons[0].len(), 0);
    let res = post_form(
        &app,
        &app.client,
        "/api/fn/screen-candidate",
        &format!("/candidates/{c2}"),
        &[
            ("candidate_id", c2.as_str()),
            (&format!("ratings[{}]", every[0]), every[1]),
            ("notes", &screen_notes[0].join(" ")),
            ("intent", every[2]),
            ("reason", every[3]),
        ],
    )
    .await;
    let screen_refused = path_of(&app, &location(&res));
    assert!(screen_refused.contains("__err="), "{screen_refused}");
    ledger.add(
        "screening fields",
        "form (refused)",
        0,
        screen_notes[0].len() + 4,
    );

    // The public application: contact details, refused knock-out answers,
    // and file names of every payload.
    let apply_req = main_req.clone();
    let kit = crate::support::applications::kit_of(&app, &apply_req).await;
    let knockouts = |answer: &dyn Fn(usize) -> String| -> Vec<(String, String)> {
        kit.application
            .knockouts
            .iter()
            .enumerate()
            .map(|(i, k)| (format!("knockout[{}]", k.id), answer(i)))
            .collect()
    };
    let passing: Vec<(String, String)> = knockouts(&|i| {
        kit.application.knockouts[i]
            .answers
            .iter()
            .position(|a| !a.disqualifies)
            .unwrap()
            .to_string()
    });
    let mut form: Vec<(String, String)> = vec![
        ("id".into(), apply_req.to_string()),
        ("name".into(), names[2].join(" ")),
        ("email".into(), form_email.replacen("form", "apply", 1)),
        ("phone".into(), String::new()),
        ("links".into(), link_groups[2].clone()),
    ];
    form.extend(passing);
    let res = crate::support::applications::post_application_form(&app, &apply_req, &form).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let application = res.headers()["location"].to_str().unwrap().to_string();
    assert!(
        application.starts_with(&format!("/apply/{apply_req}/")),
        "{application}"
    );
    ledger.add(
        "candidate name/email/links",
        "apply form",
        names[2].len() + 1 + 5,
        0,
    );
    let mut form: Vec<(String, String)> = vec![
        ("id".into(), apply_req.to_string()),
        ("name".into(), every[9].into()),
        ("email".into(), every[10].into()),
        ("phone".into(), every[11].into()),
        ("links".into(), every[12].into()),
    ];
    form.extend(knockouts(&|i| every[i + 13].to_string()));
    form.push((format!("knockout[{}]", every[30]), "0".into()));
    let res = crate::support::applications::post_application_form(&app, &apply_req, &form).await;
    assert!(res.status().is_redirection(), "{}", res.status());
    let apply_refused = path_of(&app, res.headers()["location"].to_str().unwrap());
    assert!(apply_refused.contains("__err="), "{apply_refused}");
    ledger.add(
        "knock-out answers and ids",
        "apply form (refused)",
        0,
        kit.application.knockouts.len() + 5,
    );
    let visitor = app.anonymous();
    let mut names_stored = 0;
    for (i, p) in every.iter().enumerate() {
        // The last payloads name the video answers, the others the resume.
        let prompts = &kit.application.video_prompts;
        let (url, field, bytes) = match (i + prompts.len()).checked_sub(every.len()) {
            Some(v) => (
                format!("{application}/videos/{}", prompts[v].id),
                "video",
                crate::support::applications::WEBM.to_vec(),
            ),
            None => (
                format!("{application}/resume"),
                "resume",
                crate::support::applications::PDF.to_vec(),
            ),
        };
        let res = visitor
            .post(app.url(&url))
            .multipart(Form::new().part(field, Part::bytes(bytes).file_name(format!("{p}.pdf"))))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "upload {i}");
        names_stored += 1;
    }
    ledger.add("file names", "upload", names_stored, 0);
    let applicant = {
        let mut parts = application.trim_start_matches("/apply/").split('/');
        let (id, token) = (parts.next().unwrap(), parts.next().unwrap());
        candidates::by_token(&app.db, &id.into(), token)
            .await
            .unwrap()
            .unwrap()
            .id
    };
    for f in app::db::candidate_files::list(&app.db, &applicant)
        .await
        .unwrap()
    {
        assert!(
            !f.original_name
                .contains(['<', '>', '"', '\'', '&', '/', '\\', ':']),
            "a file name is plain text: {}",
            f.original_name
        );
    }

    // Accounts whose email addresses are payloads, for the admin's list.
    let hash = app::auth::password::hash(PASSWORD).expect("hash");
    let mut accounts = 0;
    for (i, t) in tokens.iter().enumerate() {
        if let Ok(email) = Email::parse(&format!("u{i}{t}@x.example")) {
            users::create(&app.db, &email, "", Role::Interviewer, &hash)
                .await
                .unwrap();
            accounts += 1;
        }
    }
    ledger.add("account email", "db", accounts, tokens.len() - accounts);

    // Query strings and forged `__err` values.
    let lint_text = every.join("\n");
    let jd_lint = format!("/jd?{}", query(&[("mode", "lint"), ("text", &lint_text)]));
    let jd_generate = format!(
        "/jd?{}",
        query(&[
            ("mode", "generate"),
            ("sub_role", "partner-manager"),
            ("level", "mid"),
            ("partner_name", &short[0].join(" ")),
            ("partner_type", "technology"),
            ("amount", "4000000"),
            ("currency", "USD"),
            ("monthly", "1"),
            ("company", &short[1].join(" ")),
            ("location", &short[2].join(" ")),
            ("reporting_line", &short[3].join(" ")),
            ("variable_pay_basis", &short[4].join(" ")),
            ("extra", &long[0].join(" ")),
        ])
    );
    let jd_bad = format!(
        "/jd?{}",
        query(&[
            ("mode", every[0]),
            ("sub_role", every[1]),
            ("level", every[2]),
            ("partner_name", every[3]),
            ("partner_type", every[4]),
            ("amount", every[5]),
            ("currency", every[6]),
            ("partner_count", every[7]),
            ("named_accounts", every[8]),
            ("pairing", every[9]),
        ])
    );
    ledger.add(
        "JD studio query (all fields)",
        "/jd query",
        all.len() * 3,
        0,
    );
    let field_errors = |fields: &[&str]| -> Value {
        let errors: Vec<Value> = every
            .iter()
            .enumerate()
            .map(|(i, p)| json!({"field": if i % 3 == 0 { (*p).to_string() } else { fields[i % fields.len()].to_string() }, "message": p}))
            .collect();
        let values: BTreeMap<String, String> = fields
            .iter()
            .map(|f| (f.to_string(), all_text.clone()))
            .collect();
        json!({"Fields": {"errors": errors, "values": values}})
    };
    let app_error = json!({"Invalid": all_text});
    let forged_add = forged(
        &list,
        "/api/fn/add-candidate",
        &field_errors(&["name", "email", "phone", "links"]),
    );
    let rows: Vec<Value> = every
        .iter()
        .enumerate()
        .map(|(i, p)| json!({"line": i + 2, "field": p, "message": p}))
        .collect();
    let forged_import = forged(
        &list,
        "/api/fn/import-candidates",
        &json!({"Rows": {"rows": rows, "more": 3, "text": lint_text}}),
    );
    let forged_screen = forged(
        &format!("/candidates/{c2}"),
        "/api/fn/screen-candidate",
        &field_errors(&["notes", "reason", "intent"]),
    );
    let forged_decision = forged(
        &format!("/candidates/{c1}/board"),
        "/api/fn/record-decision",
        &field_errors(&["rationale", "outcome"]),
    );
    let forged_card = forged(
        &format!("/interviews/{draft}"),
        "/api/fn/save-scorecard",
        &field_errors(&[
            "takeaways",
            "private_notes",
            "reason",
            &format!("items.{key}.notes"),
            "__stale",
        ]),
    );
    let forged_jd = forged(&jd_generate, "/api/fn/save-jd", &app_error);
    let forged_users = forged("/admin/users", "/api/fn/create-account", &app_error);
    let forged_apply = forged(
        &format!("/apply/{apply_req}"),
        "/api/fn/apply-start",
        &app_error,
    );
    let forged_member = forged(
        &format!("/requisitions/{main_req}"),
        "/api/fn/add-member",
        &app_error,
    );
    ledger.add("forged __err (9 forms)", "query", all.len() * 9, 0);
    let sign_in = format!(
        "/sign-in?{}",
        query(&[("email", every[0]), ("next", every[1]), ("error", every[2])])
    );
    let kit_query = format!("/kits/partner-manager/mid?{}", query(&[("x", every[0])]));
    let kit_bad = format!(
        "/kits/{}/{}",
        form_urlencoded::byte_serialize(every[0].as_bytes()).collect::<String>(),
        form_urlencoded::byte_serialize(every[5].as_bytes()).collect::<String>()
    );
    let not_found = format!(
        "/nowhere/{}",
        form_urlencoded::byte_serialize(every[6].as_bytes()).collect::<String>()
    );
    let application_query = format!(
        "{application}?{}",
        query(&[
            ("error", every[0]),
            ("saved", every[1]),
            ("prompt", every[2])
        ])
    );

    // A payload with `<` proves a page shows the text, not markup.
    let name0 = names[0].join(" ");
    let mut pages = vec![
        page(
            "requisitions list",
            "/requisitions".into(),
            &[&short[0].join(" ")],
        ),
        page(
            "requisition",
            format!("/requisitions/{main_req}"),
            &[&short[0].join(" ")],
        ),
        page("candidates list", list.clone(), &[&name0]),
        page("candidate (panel)", format!("/candidates/{c0}"), &[&name0]),
        page(
            "candidate (screening notes)",
            format!("/candidates/{c2}"),
            &[],
        ),
        page("candidate (screened)", format!("/candidates/{c3}"), &[]),
        page(
            "candidate (applicant)",
            format!("/candidates/{applicant}"),
            &[],
        ),
        page(
            "candidate (emails)",
            // Strict address checks may refuse every payload; then the
            // mailto link of a plain address is what the page shows.
            format!(
                "/candidates/{}",
                email_candidates.first().map_or(c0.as_str(), String::as_str)
            ),
            &[],
        ),
        page(
            "candidate board",
            format!("/candidates/{c0}/board"),
            &[&name0],
        ),
        page("candidate board 2", format!("/candidates/{c1}/board"), &[]),
        page(
            "requisition board",
            // Every candidate, scorecard or not, so every name is drawn.
            format!("/requisitions/{main_req}/board?all=1"),
            &[&name0],
        ),
        page("interviews", "/interviews".into(), &[&name0]),
        page(
            "interview (submitted)",
            format!("/interviews/{}", slots[0]),
            &[&name0],
        ),
        page(
            "interview (draft)",
            format!("/interviews/{draft}"),
            &[&name0],
        ),
        page(
            "actor brief",
            format!("/interviews/{}/brief", slots[0]),
            &[],
        ),
        page("apply", format!("/apply/{main_req}"), &[]),
        page("application", application.clone(), &[]),
        page("application query", application_query, &[]),
        page("JD lint", jd_lint, &[every[0]]),
        page("JD generate", jd_generate, &[]),
        page("JD bad ids", jd_bad, &[]),
        page("admin users", "/admin/users".into(), &[]),
        page("kit", kit_query, &[]),
        page("kit unknown", kit_bad, &[]),
        page("not found", not_found, &[]),
        page("sign-in query", sign_in, &[]),
        page("__err add candidate", add_refused, &[]),
        page("__err import", import_refused, &[]),
        page("__err scorecard", card_refused, &[]),
        page("__err decision", decision_refused, &[]),
        page("__err screen", screen_refused, &[]),
        page("__err apply", apply_refused, &[]),
        page("forged add", forged_add, &[]),
        page("forged import", forged_import, &[]),
        page("forged screen", forged_screen, &[]),
        page("forged decision", forged_decision, &[]),
        page("forged card", forged_card, &[]),
        page("forged jd", forged_jd, &[]),
        page("forged users", forged_users, &[]),
        page("forged apply", forged_apply, &[]),
        page("forged member", forged_member, &[]),
    ];
    for (i, id) in extra_reqs.iter().enumerate() {
        pages.push(page(
            &format!("requisition (extra {i})"),
            format!("/requisitions/{id}"),
            &[],
        ));
        pages.push(page(
            &format!("apply (extra {i})"),
            format!("/apply/{id}"),
            &[],
        ));
    }
    // The debrief is a download: the browser opens the saved file, where
    // only the policy in its own <meta> applies.
    let debrief_path = format!("/api/requisitions/{main_req}/debrief.html");
    let res = app.client.get(app.url(&debrief_path)).send().await.unwrap();
    let debrief_csp = res
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let debrief_file = app.data_dir().join("debrief.html");
    std::fs::write(&debrief_file, res.text().await.unwrap()).unwrap();
    pages.push(PageCheck {
        name: "debrief.html".into(),
        path: format!("file://{}", debrief_file.display()),
        hydrates: false,
        expect: vec![name0.clone()],
    });
    let setup = started.elapsed();

    // Every page's response carries the nonce CSP (same session as the
    // browser: the admin).
    let mut failures: Vec<String> = Vec::new();
    if !debrief_csp.contains("default-src 'none'") || debrief_csp.contains("script-src") {
        failures.push(format!(
            "debrief.html: a page without scripts should forbid them: {debrief_csp}"
        ));
    }
    for p in pages.iter().filter(|p| !p.path.starts_with("file://")) {
        let res = app.client.get(app.url(&p.path)).send().await.unwrap();
        let status = res.status().as_u16();
        let csp = res
            .headers()
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        if !csp.contains("script-src 'nonce-") || csp.contains("unsafe-inline") {
            failures.push(format!(
                "{} ({}): not the nonce CSP (status {status}): {csp:?}",
                p.name, p.path
            ));
        }
    }

    // Every page in Chromium, with the hook in place before any script.
    let browser = Browser::launch().await;
    browser
        .client
        .issue_cmd(Cdp {
            cmd: "Page.addScriptToEvaluateOnNewDocument",
            params: json!({ "source": HOOK }),
        })
        .await
        .expect("the hook is installed through DevTools");
    // The control: a page of raw, unescaped payloads with no policy must
    // trip every detector, or a green run would prove nothing.
    let control = app.data_dir().join("control.html");
    std::fs::write(
        &control,
        format!(
            "<!DOCTYPE html><title>control</title><body>{} {} {}</body>",
            every[20], every[0], every[37]
        ),
    )
    .unwrap();
    browser
        .client
        .goto(&format!("file://{}", control.display()))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let seen = Inspection::from_value(&browser.client.execute(INSPECT, vec![]).await.unwrap());
    assert!(
        seen.hooked && seen.runs.len() >= 2 && seen.problems.len() >= 2,
        "the detectors miss unescaped payloads: {seen:?}"
    );
    browser.sign_in(&app.base, "admin@example.com").await;
    let mut loaded = 0;
    let mut shown = Vec::new();
    for p in &pages {
        let url = if p.path.starts_with("file://") {
            p.path.clone()
        } else {
            app.url(&p.path)
        };
        if let Err(e) = browser.client.goto(&url).await {
            failures.push(format!("{}: did not load: {e}", p.name));
            continue;
        }
        loaded += 1;
        if p.hydrates {
            let hydrated = browser
                .client
                .wait()
                .at_most(Duration::from_secs(15))
                .for_element(fantoccini::Locator::Css("body[data-hydrated='true']"))
                .await;
            if hydrated.is_err() {
                browser
                    .screenshot(&format!("xss-{}", p.name.replace(' ', "-")))
                    .await;
            }
        }
        // Autofocus and animation handlers fire shortly after load.
        tokio::time::sleep(Duration::from_millis(150)).await;
        let found = match browser.client.execute(INSPECT, vec![]).await {
            Ok(v) => Inspection::from_value(&v),
            Err(e) => {
                failures.push(format!("{}: could not inspect: {e}", p.name));
                continue;
            }
        };
        if p.hydrates && !found.hydrated {
            failures.push(format!("{} ({}): never hydrated", p.name, p.path));
        }
        if !found.hooked {
            failures.push(format!("{}: the hook was not installed", p.name));
        }
        for (what, list) in [
            ("SCRIPT RAN", &found.runs),
            ("dialog", &found.dialogs),
            ("CSP violation", &found.violations),
            ("unescaped markup", &found.problems),
        ] {
            for item in list {
                failures.push(format!("{} ({}): {what}: {item}", p.name, found.url));
            }
        }
        let reflected = every.iter().filter(|t| found.text.contains(**t)).count();
        shown.push(format!("{} {reflected}", p.name));
        for text in &p.expect {
            if !found.text.contains(text.as_str()) {
                failures.push(format!(
                    "{}: the payload text is not shown: {}",
                    p.name,
                    &text[..text.len().min(80)]
                ));
            }
        }
    }
    browser.close().await;

    println!("Payloads shown as text, by page: {}", shown.join(", "));
    println!("XSS corpus fields × channels:");
    for r in &ledger.rows {
        println!(
            "  {:<36} {:<22} stored {:>4}  refused {:>4}",
            r.field, r.channel, r.stored, r.refused
        );
    }
    println!(
        "XSS corpus: {} payloads ({} vectors × 2 contexts), {} injections over {} field×channel rows, {} requisitions, {} pages loaded in Chromium, executions = {} (setup {:.1?}, total {:.1?})",
        all.len(),
        all.len() / 2,
        ledger.injected(),
        ledger.rows.len(),
        reqs.len(),
        loaded,
        failures.iter().filter(|f| f.contains("SCRIPT RAN") || f.contains("dialog")).count(),
        setup,
        started.elapsed()
    );
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

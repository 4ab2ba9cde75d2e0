//! `hiring-kit bench board`: how long the panel board takes for a large
//! requisition. It builds a scratch SQLite database in a temporary folder
//! (never the configured one), fills it with one requisition, N candidates
//! and M interviewers who each rated every item of the kit, then times the
//! same code path `GET /api/requisitions/{id}/board` runs (read, build,
//! serialise). Prints figures; asserts nothing, so no test depends on the
//! machine's speed.

use crate::rubrics;
use app::api::board::load;
use app::db::{assignments, candidates, requisitions, rubric_snapshots, scorecards, users, Db};
use app::domain::accounts::{CurrentUser, Email, Role};
use app::domain::candidate::{NewCandidate, Source};
use app::domain::scorecard::{item_key, ItemScore, Recommendation, ScorecardBody};
use app::domain::scoring::Rating;
use std::path::Path;
use std::time::{Duration, Instant};

/// `hiring-kit bench markdown`: the slowest hostile note, and a card of
/// 30 such notes (a full hiring-manager round), rendered as the board and
/// the scorecard render them.
pub fn markdown(runs: usize) {
    let notes = app::markdown::hostile_notes();
    let mut worst = Duration::ZERO;
    let mut worst_note = "";
    for note in &notes {
        let time = median(runs, || {
            std::hint::black_box(app::markdown::to_safe_html(note));
        });
        if time > worst {
            worst = time;
            worst_note = note;
        }
    }
    println!(
        "markdown: worst hostile note ({} characters, starting {:?}) renders in {:.1} ms (median of {runs})",
        worst_note.chars().count(),
        worst_note.chars().take(8).collect::<String>(),
        worst.as_secs_f64() * 1000.0
    );
    let card: Vec<&String> = notes.iter().cycle().take(30).collect();
    let time = median(runs, || {
        for note in &card {
            std::hint::black_box(app::markdown::to_safe_html(note));
        }
    });
    println!(
        "markdown: a card of 30 hostile notes renders in {:.1} ms (median of {runs})",
        time.as_secs_f64() * 1000.0
    );
    // What the board and the scorecard pay on every read after the first:
    // each note is rendered once per server (`to_safe_html_once`).
    for note in &card {
        app::markdown::to_safe_html_once(note);
    }
    let time = median(runs, || {
        for note in &card {
            std::hint::black_box(app::markdown::to_safe_html_once(note));
        }
    });
    println!(
        "markdown: the same card read again (each note rendered once per server) in {:.2} ms (median of {runs})",
        time.as_secs_f64() * 1000.0
    );
}

fn median(runs: usize, mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

pub struct BoardBench {
    pub candidates: usize,
    pub interviewers: usize,
    pub runs: usize,
}

/// Deterministic but varied ratings, so the statistics have work to do.
fn rating(candidate: usize, interviewer: usize, item: usize) -> Rating {
    match (candidate * 7 + interviewer * 3 + item * 5) % 11 {
        0 => Rating::NoEvidence,
        1..=3 => Rating::Below,
        4..=8 => Rating::Meets,
        _ => Rating::Exceeds,
    }
}

fn fail(message: impl std::fmt::Display) -> String {
    message.to_string()
}

pub async fn run(rubrics_dir: &Path, bench: &BoardBench) -> Result<(), String> {
    let library = rubrics::load(rubrics_dir).map_err(fail)?;
    let dir = std::env::temp_dir().join(format!("hiring-kit-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(fail)?;
    let result = measure(&library, &dir, bench).await;
    let _ = std::fs::remove_dir_all(&dir);
    result
}

async fn measure(
    library: &app::domain::Library,
    dir: &Path,
    bench: &BoardBench,
) -> Result<(), String> {
    let url = format!("sqlite://{}?mode=rwc", dir.join("bench.db").display());
    let db = Db::connect(&url).await.map_err(fail)?;
    rubric_snapshots::record(&db, library).await.map_err(fail)?;
    let seeding = Instant::now();
    let (admin, requisition, ratings) = seed(&db, library, bench).await?;
    println!(
        "seeded {} candidates x {} interviewers, {ratings} ratings, in {:.1} s",
        bench.candidates,
        bench.interviewers,
        seeding.elapsed().as_secs_f64()
    );
    let mut times: Vec<Duration> = Vec::new();
    let mut bytes = 0;
    for _ in 0..bench.runs.max(1) {
        let started = Instant::now();
        let board = load(&db, &admin, &requisition).await.map_err(fail)?;
        let json = serde_json::to_vec(&board).map_err(fail)?;
        times.push(started.elapsed());
        bytes = json.len();
        if board.ratings.len() != ratings {
            return Err(format!(
                "the board holds {} ratings, {ratings} were given",
                board.ratings.len()
            ));
        }
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "board (read + build + JSON, {} KiB) over {} runs: min {:.0} ms, median {:.0} ms, max {:.0} ms",
        bytes / 1024,
        times.len(),
        ms(times[0]),
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
    );
    Ok(())
}

async fn seed(
    db: &Db,
    library: &app::domain::Library,
    bench: &BoardBench,
) -> Result<(CurrentUser, String, usize), String> {
    let hash = app::auth::password::hash("bench password, never used").map_err(fail)?;
    let admin_email = Email::parse("bench-admin@example.com").map_err(fail)?;
    let admin_id = users::create(db, &admin_email, Role::Admin, &hash)
        .await
        .map_err(fail)?;
    let admin = CurrentUser {
        id: admin_id.clone(),
        email: admin_email.as_str().to_string(),
        role: Role::Admin,
    };
    let input = serde_json::from_value(serde_json::json!({
        "sub_role": "partner-manager",
        "level": "mid",
        "partner": {"name": "Snowflake", "type": "technology"},
        "pipeline_target": {"amount": 4000000, "currency": "USD"},
        "cadence": ["monthly-joint-pipeline-review"],
    }))
    .map_err(fail)?;
    let (outcome, jd) = app::api::jd::generate_jd(library, &input).map_err(|e| format!("{e:?}"))?;
    let id = app::api::requisitions::store_draft(db, library, &admin, &outcome, &jd.markdown)
        .await
        .map_err(fail)?;
    let draft = requisitions::get(db, &id)
        .await
        .map_err(fail)?
        .ok_or("the draft was not stored")?;
    app::api::requisitions::open(db, &draft)
        .await
        .map_err(fail)?;
    let requisition = requisitions::get(db, &id)
        .await
        .map_err(fail)?
        .ok_or("the requisition was not stored")?;
    let plan = requisition
        .plan
        .clone()
        .ok_or("the requisition has no plan")?;
    let items: Vec<String> = plan
        .rounds
        .iter()
        .flat_map(|r| r.items.iter().map(item_key))
        .collect();

    let mut interviewers = Vec::new();
    for i in 0..bench.interviewers {
        let email = Email::parse(&format!("interviewer{i}@example.com")).map_err(fail)?;
        interviewers.push(
            users::create(db, &email, Role::Interviewer, &hash)
                .await
                .map_err(fail)?,
        );
    }
    let people: Vec<NewCandidate> = (0..bench.candidates)
        .map(|c| {
            Ok(NewCandidate {
                name: format!("Candidate {c:03}"),
                email: Email::parse(&format!("candidate{c}@example.com")).map_err(fail)?,
                phone: None,
                links: vec![],
            })
        })
        .collect::<Result<_, String>>()?;
    let candidate_ids = candidates::create_all(db, &id, &people, Source::Added)
        .await
        .map_err(fail)?;
    let mut ratings = 0;
    for (c, candidate) in candidate_ids.iter().enumerate() {
        for (i, interviewer) in interviewers.iter().enumerate() {
            let round = &plan.rounds[i % plan.rounds.len()].round;
            let slot = assignments::create(
                db,
                &assignments::NewAssignment {
                    requisition_id: &id,
                    candidate_id: candidate,
                    round,
                    interviewer_id: interviewer,
                    starts_at: "2026-01-05T15:00:00.000Z",
                    minutes: 60,
                    created_by: &admin_id,
                },
            )
            .await
            .map_err(fail)?;
            let slot = assignments::get(db, &slot)
                .await
                .map_err(fail)?
                .ok_or("the assignment was not stored")?;
            let card = scorecards::get_or_create(db, &slot, &requisition.rubric_version)
                .await
                .map_err(fail)?;
            let body = ScorecardBody {
                items: items
                    .iter()
                    .enumerate()
                    .map(|(n, key)| {
                        (
                            key.clone(),
                            ItemScore {
                                rating: Some(rating(c, i, n)),
                                positive: vec![0],
                                negative: vec![],
                                notes: "Named the partner's pipeline owner and the review cadence."
                                    .into(),
                            },
                        )
                    })
                    .collect(),
                recommendation: Some(Recommendation::Hire),
                takeaways: "Solid on joint planning.".into(),
                ..Default::default()
            };
            ratings += body.items.len();
            let scorecards::Write::Saved { version } =
                scorecards::save_draft(db, &card.id, card.version, &body)
                    .await
                    .map_err(fail)?
            else {
                return Err("a scratch card was changed by someone else".into());
            };
            scorecards::submit(db, &card.id, version, interviewer)
                .await
                .map_err(fail)?;
        }
    }
    Ok((admin, id, ratings))
}

//! `hiring-kit bench board`: how long the panel board takes for a large
//! requisition. It fills a scratch SQLite database with one requisition, N
//! candidates and M interviewers who each rated every item of the kit, then
//! times the same code path `GET /api/requisitions/{id}/board` runs (read,
//! build, serialise).

use super::scratch::Scratch;
use super::seed;
use super::{fail, ms};
use crate::rubrics;
use app::db::{requisitions, rubric_snapshots, scorecards, Db};
use app::domain::accounts::CurrentUser;
use app::domain::keys::RequisitionId;
use app::domain::kit::Kit;
use app::domain::plan::{InterviewPlan, PlanItem, PlanRound};
use app::domain::scorecard::{item_key, ItemScore, Recommendation, ScorecardBody};
use app::domain::scoring::Rating;
use app::service::board::{candidate_board, load, load_scoped, Scope};
use std::future::Future;
use std::path::Path;
use std::time::{Duration, Instant};

/// The times of `runs` runs of `work`, sorted, and the size in bytes the
/// last run produced.
async fn timed<F, Fut>(runs: usize, work: F) -> Result<(Vec<Duration>, usize), String>
where
    F: Fn() -> Fut,
    Fut: Future<Output = Result<usize, String>>,
{
    let mut times = Vec::with_capacity(runs);
    let mut bytes = 0;
    for _ in 0..runs {
        let started = Instant::now();
        bytes = work().await?;
        times.push(started.elapsed());
    }
    times.sort();
    Ok((times, bytes))
}

fn report(what: &str, bytes: usize, times: &[Duration]) {
    println!(
        "board, {what}: median {:.0} ms (min {:.0}, max {:.0} over {} runs), {} KiB",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
        times.len(),
        bytes / 1024,
    );
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

pub async fn run(rubrics_dir: &Path, bench: &BoardBench) -> Result<(), String> {
    let library = rubrics::load(rubrics_dir).map_err(fail)?;
    let scratch = Scratch::sqlite("board")?;
    let result = measure(&library, &scratch.url, bench).await;
    scratch.remove().await;
    result
}

async fn measure(
    library: &app::domain::Library,
    url: &str,
    bench: &BoardBench,
) -> Result<(), String> {
    let db = Db::connect(url).await.map_err(fail)?;
    rubric_snapshots::record(&db, library).await.map_err(fail)?;
    let seeding = Instant::now();
    let (admin, requisition, ratings) = fill(&db, library, bench).await?;
    println!(
        "seeded {} candidates x {} interviewers, {ratings} ratings, in {:.1} s",
        bench.candidates,
        bench.interviewers,
        seeding.elapsed().as_secs_f64()
    );
    let runs = bench.runs.max(1);
    // What the full JSON route and the exports build.
    let (full, bytes) = timed(runs, || async {
        let board = load(&db, &admin, &requisition).await.map_err(fail)?;
        if board.ratings.len() != ratings {
            return Err(format!(
                "the board holds {} ratings, {ratings} were given",
                board.ratings.len()
            ));
        }
        Ok(serde_json::to_vec(&board).map_err(fail)?.len())
    })
    .await?;
    report("full JSON (read + build + serialise)", bytes, &full);
    // What the board page asks for: rows and calibration, no notes.
    let (page, bytes) = timed(runs, || async {
        let board = load_scoped(&db, &admin, &requisition, Scope::Page)
            .await
            .map_err(fail)?;
        Ok(serde_json::to_vec(&board).map_err(fail)?.len())
    })
    .await?;
    report("board page (rows and calibration, no notes)", bytes, &page);
    // One candidate's view, with the notes rendered.
    let candidate = app::db::candidates::list(&db, &requisition)
        .await
        .map_err(fail)?
        .into_iter()
        .next()
        .ok_or("no candidate")?;
    let (view, bytes) = timed(runs, || async {
        let board = candidate_board(&db, &admin, &candidate.id)
            .await
            .map_err(fail)?;
        Ok(serde_json::to_vec(&board).map_err(fail)?.len())
    })
    .await?;
    report("one candidate's view (notes rendered)", bytes, &view);
    db.pool.close().await;
    Ok(())
}

/// Items on every card: the workload the board's targets are set at
/// (200 candidates x 6 interviewers x 30 = 36,000 ratings).
const ITEMS_PER_CARD: usize = 30;

/// The kit's rounds with the first [`ITEMS_PER_CARD`] of their items, each
/// once, rather than the plan a requisition starts with, which keeps to
/// each round's minutes and so holds about half as many.
fn bench_plan(kit: &Kit) -> InterviewPlan {
    let mut seen = std::collections::HashSet::new();
    let rounds = kit
        .rounds
        .iter()
        .map(|r| PlanRound {
            round: r.id.clone(),
            items: r
                .competency_questions
                .iter()
                .map(PlanItem::competency)
                .chain(r.attitude_questions.iter().map(PlanItem::attitude))
                .chain(r.exercises.iter().map(PlanItem::exercise))
                .filter(|item| seen.len() < ITEMS_PER_CARD && seen.insert(item.clone()))
                .collect(),
        })
        .collect();
    InterviewPlan { rounds }
}

/// Every interviewer interviews every candidate and submits a card that
/// rates every item of the plan.
async fn fill(
    db: &Db,
    library: &app::domain::Library,
    bench: &BoardBench,
) -> Result<(CurrentUser, RequisitionId, usize), String> {
    let opened = seed::open_requisition(db, library).await?;
    let outcome = &opened.requisition.outcome;
    let kit = library
        .kit(outcome.sub_role, outcome.level)
        .ok_or("the library has no kit for the requisition's role and level")?;
    let plan = bench_plan(&kit);
    let written = requisitions::edit_plan(db, &opened.requisition.id, None, |p| {
        *p = plan.clone();
        Ok::<(), String>(())
    })
    .await
    .map_err(fail)?;
    if !matches!(written, requisitions::PlanWrite::Saved { .. }) {
        return Err(format!("the benchmark's plan was not stored: {written:?}"));
    }
    let items: Vec<String> = plan
        .rounds
        .iter()
        .flat_map(|r| r.items.iter().map(item_key))
        .collect();
    let interviewers = seed::interviewers(db, bench.interviewers, &opened.hash).await?;
    let candidate_ids = seed::candidates(db, &opened.requisition.id, bench.candidates).await?;
    let mut ratings = 0;
    for (c, candidate) in candidate_ids.iter().enumerate() {
        for (i, interviewer) in interviewers.iter().enumerate() {
            let round = &plan.rounds[i % plan.rounds.len()].round;
            let card = seed::open_card(db, &opened, candidate, round, interviewer).await?;
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
    Ok((opened.admin, opened.requisition.id, ratings))
}

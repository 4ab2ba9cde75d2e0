//! A requisition whose whole panel has submitted: the board, its exports
//! and the debrief read it.

use super::TestApp;
use app::db::{assignments, requisitions, scorecards};
use app::domain::accounts::Role;
use app::domain::keys::{CandidateId, RequisitionId};
use app::domain::plan::ItemKind;
use app::domain::scorecard::{item_key, ItemScore, Recommendation, ScorecardBody};
use app::domain::scoring::Rating;
use serde_json::Value;

pub const NAMES: [&str; 3] = ["Ada Lovelace", "Bob Stone", "Cy Young"];

pub const SIMULATION: &str = "exercise:simulation";

pub fn recommendation_for(candidate: usize, interviewer: &str) -> Recommendation {
    match (candidate, interviewer) {
        (0, "ivy") => Recommendation::StrongHire,
        (0, _) => Recommendation::Hire,
        (1, "iris") => Recommendation::NoHire,
        (1, _) => Recommendation::Hire,
        (_, "iris") => Recommendation::StrongNoHire,
        _ => Recommendation::NoHire,
    }
}

/// A requisition with three candidates and a panel of three: ivy and iris
/// on the role-play round and the first round, ian on the first round.
/// Every rating follows [`rating_for`].
pub struct Panel {
    pub requisition: RequisitionId,
    /// Ada (strong), Bob (the panel disagrees on the role-play), Cy (weak,
    /// with ian's card never started).
    pub candidates: [CandidateId; 3],
    pub recruiter: reqwest::Client,
    pub manager: reqwest::Client,
    /// With iris on the role-play and the first round of every candidate,
    /// all submitted.
    pub ivy: reqwest::Client,
    /// On the first round; has not started Cy's card.
    pub ian: reqwest::Client,
    pub other_recruiter: reqwest::Client,
    pub other_interviewer: reqwest::Client,
    /// Every submitted rating, as (candidate index, interviewer, item key,
    /// rating).
    pub ratings: Vec<(usize, &'static str, String, Rating)>,
    /// Item keys of the role-play round and of the first round.
    pub simulation_round_items: Vec<String>,
    pub first_round_items: Vec<String>,
}

/// The pattern the panel rates by, so tests can recompute what the board
/// should say.
pub fn rating_for(candidate: usize, interviewer: &str, key: &str, index: usize) -> Rating {
    match (candidate, interviewer) {
        (0, "iris") if index == 0 => Rating::Meets,
        (0, "ian") => Rating::Meets,
        (0, _) => Rating::Exceeds,
        (1, "ivy") if key == SIMULATION => Rating::Exceeds,
        (1, "iris") if key == SIMULATION => Rating::Below,
        (1, "ian") if index == 0 => Rating::NoEvidence,
        (1, _) => Rating::Meets,
        (_, _) if key == SIMULATION => Rating::Meets,
        _ => Rating::Below,
    }
}

pub async fn panel(app: &TestApp) -> Panel {
    let recruiter = app.client_as(Role::Recruiter, "rita@example.com").await;
    let res = recruiter
        .post(app.url("/api/requisitions"))
        .json(&crate::support::world::outcome())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
    let created: Value = res.json().await.unwrap();
    let requisition = RequisitionId::from(created["requisition"]["id"].as_str().unwrap());
    let manager_id = app.user(Role::HiringManager, "hank@example.com").await;
    requisitions::add_member(&app.db, &requisition, &manager_id, None)
        .await
        .unwrap();
    let stored = requisitions::get(&app.db, &requisition)
        .await
        .unwrap()
        .unwrap();
    let plan = stored.plan.clone().unwrap();
    // The first round that asks competency questions (the recruiter's
    // screen asks attitudes only).
    let first = plan
        .rounds
        .iter()
        .find(|r| r.items.iter().any(|i| i.kind == ItemKind::Competency))
        .expect("a round with competency questions");
    let simulation = plan
        .rounds
        .iter()
        .find(|r| {
            r.items
                .iter()
                .any(|i| i.kind == ItemKind::Exercise && i.id == "simulation")
        })
        .expect("a round with the role-play");
    assert_ne!(first.round, simulation.round);
    let keys = |items: &[app::domain::plan::PlanItem]| items.iter().map(item_key).collect();
    let simulation_round_items: Vec<String> = keys(&simulation.items);
    let first_round_items: Vec<String> = keys(&first.items);

    let ids = super::world::interviewing(app, &requisition, &NAMES).await;
    let admin = app.user(Role::Admin, "admin@example.com").await;
    let mut ratings = Vec::new();
    for (c, candidate) in ids.iter().enumerate() {
        for (who, round, items) in [
            ("ivy", &simulation.round, &simulation_round_items),
            ("iris", &simulation.round, &simulation_round_items),
            ("ivy", &first.round, &first_round_items),
            ("iris", &first.round, &first_round_items),
            ("ian", &first.round, &first_round_items),
        ] {
            let interviewer = app
                .user(Role::Interviewer, &format!("{who}@example.com"))
                .await;
            let assignment = assignments::create(
                &app.db,
                &assignments::NewAssignment {
                    requisition_id: &requisition,
                    candidate_id: candidate,
                    round,
                    interviewer_id: &interviewer,
                    // Long past: a card still missing is overdue.
                    starts_at: "2026-01-05T15:00:00.000Z",
                    minutes: 60,
                    created_by: &admin,
                    part: app::domain::requisition::Part::Interviewer,
                },
                |_| None,
            )
            .await
            .unwrap();
            if c == 2 && who == "ian" {
                continue; // never started
            }
            let slot = assignments::get(&app.db, &assignment)
                .await
                .unwrap()
                .unwrap();
            let card = scorecards::get_or_create(&app.db, &slot, &stored.rubric_version)
                .await
                .unwrap();
            let mut body = ScorecardBody {
                recommendation: Some(recommendation_for(c, who)),
                takeaways: format!("{who} on {}: take-aways", NAMES[c]),
                ..Default::default()
            };
            for (index, key) in items.iter().enumerate() {
                let rating = rating_for(c, who, key, index);
                body.items.insert(
                    key.clone(),
                    ItemScore {
                        rating: Some(rating),
                        positive: vec![0],
                        negative: vec![],
                        notes: format!("{who} saw **evidence** on {key}"),
                    },
                );
                ratings.push((c, who, key.clone(), rating));
            }
            let saved = scorecards::save_draft(&app.db, &card.id, card.version, &body)
                .await
                .unwrap();
            let scorecards::Write::Saved { version } = saved else {
                panic!("draft not saved")
            };
            let submitted = scorecards::submit(&app.db, &card.id, version, &interviewer)
                .await
                .unwrap();
            assert!(matches!(submitted, scorecards::Write::Saved { .. }));
        }
    }
    Panel {
        requisition,
        candidates: ids.try_into().unwrap(),
        recruiter,
        manager: app.client_as(Role::HiringManager, "hank@example.com").await,
        ivy: app.client_as(Role::Interviewer, "ivy@example.com").await,
        ian: app.client_as(Role::Interviewer, "ian@example.com").await,
        other_recruiter: app.client_as(Role::Recruiter, "otto@example.com").await,
        other_interviewer: app.client_as(Role::Interviewer, "olga@example.com").await,
        ratings,
        simulation_round_items,
        first_round_items,
    }
}

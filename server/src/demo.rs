//! `hiring-kit demo`: a complete example in a database that has no
//! requisition yet, so a new team sees what the board, the debrief and the
//! exports look like before their first real hire. One requisition (a mid
//! partner manager for a technology partner), six candidates across every
//! stage, a panel of four with submitted scorecards that disagree where
//! real panels do, one card overdue, and a recorded decision. No email is
//! queued: nobody real is behind these addresses.

use crate::bench::fail;
use app::db::{
    assignments, candidates, decisions, requisitions, scorecards, screenings, users, Db,
};
use app::domain::accounts::{CurrentUser, Email, Role};
use app::domain::application::answer_knockouts;
use app::domain::board::Outcome;
use app::domain::candidate::{NewCandidate, Source, Stage};
use app::domain::keys::CandidateId;
use app::domain::plan::{ItemKind, PlanRound};
use app::domain::requisition::Requisition;
use app::domain::scorecard::{item_key, ItemScore, Recommendation, ScorecardBody};
use app::domain::scoring::Rating;
use app::domain::screening::Decision;
use app::domain::Library;
use chrono::{Duration, Utc};
use std::collections::BTreeMap;

/// What was loaded, for the command to print.
pub struct Demo {
    pub password: String,
    pub accounts: Vec<(String, Role)>,
    pub requisition: String,
}

/// The people of the example: a recruiter who owns the requisition, a
/// hiring manager on it, and four interviewers.
/// Each with the time zone they work in: a global alliance team.
const PEOPLE: [(&str, &str, Role, &str); 6] = [
    (
        "rita.recruiter@example.com",
        "Rita Alvarez",
        Role::Recruiter,
        "Europe/London",
    ),
    (
        "hamid.manager@example.com",
        "Hamid Karimi",
        Role::HiringManager,
        "America/New_York",
    ),
    (
        "ivy.interviewer@example.com",
        "Ivy Chen",
        Role::Interviewer,
        "Asia/Singapore",
    ),
    (
        "iris.interviewer@example.com",
        "Iris Mendes",
        Role::Interviewer,
        "Europe/Berlin",
    ),
    (
        "ian.interviewer@example.com",
        "Ian Walsh",
        Role::Interviewer,
        "Europe/Dublin",
    ),
    (
        "omar.interviewer@example.com",
        "Omar Farouk",
        Role::Interviewer,
        "Asia/Dubai",
    ),
];

/// Loads the example; refuses a database that already has a requisition.
pub async fn load(db: &Db, library: &Library) -> Result<Demo, String> {
    let (existing,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM requisitions")
        .fetch_one(&db.pool)
        .await
        .map_err(fail)?;
    if existing > 0 {
        return Err(format!(
            "this database already has {existing} requisition(s): the demo loads only into one without any (start with a new --data-dir or DATABASE_URL)"
        ));
    }
    let password = app::db::new_id();
    let hash = app::auth::password::hash(&password).map_err(fail)?;
    let mut people = Vec::new();
    for (email, name, role, zone) in PEOPLE {
        let person = account(db, email, name, role, &hash).await?;
        users::set_time_zone(db, &person.id, zone)
            .await
            .map_err(fail)?;
        people.push(person);
    }
    let [rita, hamid, ivy, iris, ian, omar] = <[CurrentUser; 6]>::try_from(people)
        .map_err(|_| "the demo's accounts were not all created".to_string())?;

    let requisition = open_requisition(db, library, &rita).await?;
    requisitions::add_member(db, &requisition.id, &hamid.id, None)
        .await
        .map_err(fail)?;
    let kit = app::service::kits::frozen_kit(db, &requisition)
        .await
        .map_err(|e| e.to_string())?;
    let plan = requisition
        .plan
        .clone()
        .ok_or("the opened requisition has no interview plan")?;
    let first = plan.rounds.first().ok_or("the plan has no rounds")?;
    let simulation = plan
        .rounds
        .iter()
        .find(|r| {
            r.items
                .iter()
                .any(|i| i.kind == ItemKind::Exercise && i.id == "simulation")
        })
        .unwrap_or(first);
    let round = |id: &str| plan.rounds.iter().find(|r| r.round == id).unwrap_or(first);
    let deep_dive = round("hiring-manager-deep-dive");
    let cross_functional = round("cross-functional-panel");
    let presentation = round("presentation");

    // Six candidates, one or more at every stage.
    let passing: BTreeMap<String, String> = kit
        .application
        .knockouts
        .iter()
        .filter_map(|k| {
            k.answers
                .iter()
                .position(|a| !a.disqualifies)
                .map(|i| (k.id.clone(), i.to_string()))
        })
        .collect();
    let failing: BTreeMap<String, String> = kit
        .application
        .knockouts
        .iter()
        .enumerate()
        .filter_map(|(n, k)| {
            let pick = if n == 0 {
                k.answers.iter().position(|a| a.disqualifies)
            } else {
                k.answers.iter().position(|a| !a.disqualifies)
            };
            pick.map(|i| (k.id.clone(), i.to_string()))
        })
        .collect();
    let passed =
        answer_knockouts(&kit.application.knockouts, &passing).map_err(|e| format!("{e:?}"))?;
    let knocked =
        answer_knockouts(&kit.application.knockouts, &failing).map_err(|e| format!("{e:?}"))?;
    let apply = |candidate: NewCandidate, stage: Stage, knockouts: Vec<_>| {
        let requisition_id = requisition.id.clone();
        async move {
            let token = app::db::new_id();
            candidates::create(
                db,
                &candidates::Insert {
                    requisition_id: &requisition_id,
                    candidate: &candidate,
                    source: Source::Applied,
                    stage,
                    application_token: Some(&token),
                    knockouts: &knockouts,
                    repeat_of: None,
                },
            )
            .await
            .map_err(fail)
        }
    };
    let ada = apply(
        applicant("Adaeze Okafor", "adaeze.okafor@example.net")?,
        Stage::Applying,
        passed.clone(),
    )
    .await?;
    let bruno = apply(
        applicant("Bruno Salgado", "bruno.salgado@example.net")?,
        Stage::Applying,
        passed.clone(),
    )
    .await?;
    let dana = apply(
        applicant("Dana Whitfield", "dana.whitfield@example.net")?,
        Stage::Applying,
        passed.clone(),
    )
    .await?;
    let emil = apply(
        applicant("Emil Novak", "emil.novak@example.net")?,
        Stage::Applying,
        passed.clone(),
    )
    .await?;
    apply(
        applicant("Farah Haddad", "farah.haddad@example.net")?,
        Stage::KnockedOut,
        knocked,
    )
    .await?;
    apply(
        applicant("Gus Moreau", "gus.moreau@example.net")?,
        Stage::Applying,
        passed,
    )
    .await?;
    for id in [&ada, &bruno, &dana, &emil] {
        candidates::submit_application(db, id).await.map_err(fail)?;
    }

    // The resume screen: two advanced, one archived with its reason, one waiting.
    let criteria: BTreeMap<String, Rating> = kit
        .resume_criteria
        .iter()
        .map(|c| (c.id.clone(), Rating::Meets))
        .collect();
    for (id, decision, reason) in [
        (&ada, Decision::Advance, "Ran a co-sell motion with a data platform for two years; the pipeline figures are specific."),
        (&bruno, Decision::Advance, "Strong partner-facing background; the revenue attached to partners is less clear, worth probing."),
        (&emil, Decision::Archive, "Channel sales only, no evidence of working a partnership beyond resale."),
    ] {
        screenings::decide(db, id, &criteria, "", decision, reason, &rita.id)
            .await
            .map_err(fail)?;
    }

    // The panel: ivy and iris run the role-play and the cross-functional
    // panel, ian and omar the first round and the deep dive, all a few days
    // ago, and both on the presentation: enough items rated by two for the
    // board's agreement figure (alpha needs 30). Omar sat in on Bruno's
    // presentation too and has not submitted that card.
    // At 14:00 UTC: mid-morning in New York, evening in Singapore.
    let days_ago = |d: i64| {
        let day = (Utc::now() - Duration::days(d)).date_naive();
        app::db::stamp(
            day.and_hms_opt(14, 0, 0)
                .map(|t| t.and_utc())
                .unwrap_or_else(Utc::now),
        )
    };
    for (candidate, who, person, round, start, submit) in [
        (0, "ivy", &ivy, simulation, days_ago(6), true),
        (0, "iris", &iris, simulation, days_ago(6), true),
        (0, "ivy", &ivy, presentation, days_ago(6), true),
        (0, "iris", &iris, presentation, days_ago(6), true),
        (0, "ian", &ian, first, days_ago(8), true),
        (0, "omar", &omar, first, days_ago(8), true),
        (0, "ian", &ian, deep_dive, days_ago(7), true),
        (0, "omar", &omar, deep_dive, days_ago(7), true),
        (0, "ivy", &ivy, cross_functional, days_ago(7), true),
        (0, "iris", &iris, cross_functional, days_ago(7), true),
        (1, "ivy", &ivy, simulation, days_ago(4), true),
        (1, "iris", &iris, simulation, days_ago(4), true),
        (1, "ivy", &ivy, presentation, days_ago(4), true),
        (1, "iris", &iris, presentation, days_ago(4), true),
        (1, "ian", &ian, first, days_ago(5), true),
        (1, "omar", &omar, first, days_ago(5), true),
        (1, "omar", &omar, presentation, days_ago(4), false),
        (1, "ian", &ian, deep_dive, days_ago(4), true),
        (1, "omar", &omar, deep_dive, days_ago(4), true),
        (1, "ivy", &ivy, cross_functional, days_ago(4), true),
        (1, "iris", &iris, cross_functional, days_ago(4), true),
    ] {
        let candidate_id = if candidate == 0 { &ada } else { &bruno };
        card(
            db,
            &requisition,
            candidate_id,
            candidate,
            who,
            person,
            round,
            &start,
            submit,
            &rita,
        )
        .await?;
    }
    decisions::record(
        db,
        &requisition.id,
        &ada,
        Outcome::Hire,
        "Every interviewer saw first-hand evidence of a joint pipeline she built and kept honest; the role-play showed she can say no to a partner without losing them.",
        &hamid.id,
    )
    .await
    .map_err(fail)?;
    practice(db, library, &requisition, [&ivy, &iris, &ian, &omar]).await?;

    Ok(Demo {
        password,
        accounts: PEOPLE
            .iter()
            .map(|(e, _, r, _)| (e.to_string(), *r))
            .collect(),
        requisition: requisition.id.into(),
    })
}

/// A dozen practice ratings each on the calibration page, from the
/// requisition's kit: ivy and ian close to the references, iris a little
/// harsh, omar lenient (below the standard a requisition can require).
async fn practice(
    db: &Db,
    library: &Library,
    requisition: &Requisition,
    panel: [&CurrentUser; 4],
) -> Result<(), String> {
    use app::domain::calibration::{practice_order, samples_of};
    let kit = library
        .kit(requisition.outcome.sub_role, requisition.outcome.level)
        .ok_or("the requisition's kit is not in the library")?;
    let up = |r: Rating| match r {
        Rating::Below => Rating::Meets,
        _ => Rating::Exceeds,
    };
    let down = |r: Rating| match r {
        Rating::Exceeds => Rating::Meets,
        _ => Rating::Below,
    };
    for (who, person) in panel.into_iter().enumerate() {
        let mut samples = samples_of(&kit);
        practice_order(&mut samples, &person.id);
        for (i, sample) in samples.iter().take(12).enumerate() {
            let r = sample.reference;
            let given = match who {
                0 if i % 4 == 3 => up(r),
                1 if i % 3 == 0 => down(r),
                2 if i % 6 == 5 => up(r),
                3 if i % 2 == 0 => up(r),
                _ => r,
            };
            app::db::practice::record(db, &person.id, &library.version, sample, given)
                .await
                .map_err(fail)?;
        }
    }
    Ok(())
}

fn applicant(name: &str, email: &str) -> Result<NewCandidate, String> {
    Ok(NewCandidate {
        name: name.into(),
        email: Email::parse(email).map_err(fail)?,
        phone: Some("+1 555 0142".into()),
        links: vec![format!(
            "https://www.linkedin.com/in/{}",
            name.to_lowercase().replace(' ', "-")
        )],
    })
}

async fn account(
    db: &Db,
    email: &str,
    name: &str,
    role: Role,
    hash: &str,
) -> Result<CurrentUser, String> {
    let email = Email::parse(email).map_err(fail)?;
    if let Some(existing) = users::active_by_email(db, &email).await.map_err(fail)? {
        return Ok(existing);
    }
    let id = users::create(db, &email, name, role, hash)
        .await
        .map_err(fail)?;
    Ok(CurrentUser {
        id,
        email: email.as_str().to_string(),
        name: name.to_string(),
        role,
        time_zone: String::new(),
    })
}

async fn open_requisition(
    db: &Db,
    library: &Library,
    owner: &CurrentUser,
) -> Result<Requisition, String> {
    let input = serde_json::from_value(serde_json::json!({
        "sub_role": "partner-manager",
        "level": "mid",
        "partner": {"name": "Snowflake", "type": "technology"},
        "pipeline_target": {"amount": 4000000, "currency": "USD"},
        "cadence": ["monthly-joint-pipeline-review", "biweekly-deal-pairing"],
    }))
    .map_err(fail)?;
    let (outcome, jd) = app::api::jd::generate_jd(library, &input).map_err(|e| format!("{e:?}"))?;
    let id = app::service::requisitions::store_draft(db, library, owner, &outcome, &jd.markdown)
        .await
        .map_err(fail)?;
    let draft = requisitions::get(db, &id)
        .await
        .map_err(fail)?
        .ok_or("the draft was not stored")?;
    app::service::requisitions::open(db, &draft)
        .await
        .map_err(fail)?;
    requisitions::get(db, &id)
        .await
        .map_err(fail)?
        .ok_or_else(|| "the requisition was not stored".to_string())
}

/// How `who` rated item `index` of `candidate` (0: the strong one, 1: the
/// one the panel splits on, hardest on the role-play). No "no evidence":
/// the two candidates' 30 items each rated by two are exactly what the
/// board's alpha needs, and one would leave an item with a single rating.
fn rating(candidate: usize, who: &str, role_play: bool, index: usize) -> Rating {
    match (candidate, who, role_play) {
        (0, "ivy", _) if index.is_multiple_of(3) => Rating::Exceeds,
        (0, _, _) if index % 4 == 1 => Rating::Exceeds,
        (0, _, _) => Rating::Meets,
        (1, "iris", true) => Rating::Below,
        (1, "ivy", true) => Rating::Meets,
        (1, _, _) if index.is_multiple_of(3) => Rating::Below,
        _ => Rating::Meets,
    }
}

fn note(rating: Rating) -> &'static str {
    match rating {
        Rating::Exceeds => "Gave a named example with the numbers behind it, and said unprompted what they would do differently next time.",
        Rating::Meets => "A concrete example that fits the question; the figures were there when asked.",
        Rating::Below => "Stayed general: talked about what a team did, not what they did, and had no figures.",
        Rating::NoEvidence => "We ran out of time before this one; no evidence either way.",
    }
}

fn recommendation(candidate: usize, who: &str) -> Recommendation {
    match (candidate, who) {
        (0, "ivy") => Recommendation::StrongHire,
        (0, _) => Recommendation::Hire,
        (1, "iris") => Recommendation::NoHire,
        _ => Recommendation::Hire,
    }
}

/// One interview on the panel with its card, submitted or left as a draft.
#[allow(clippy::too_many_arguments)]
async fn card(
    db: &Db,
    requisition: &Requisition,
    candidate_id: &CandidateId,
    candidate: usize,
    who: &str,
    person: &CurrentUser,
    round: &PlanRound,
    starts_at: &str,
    submit: bool,
    scheduler: &CurrentUser,
) -> Result<(), String> {
    let card = crate::bench::seed::card_for(
        db,
        &assignments::NewAssignment {
            requisition_id: &requisition.id,
            candidate_id,
            round: &round.round,
            interviewer_id: &person.id,
            starts_at,
            minutes: 60,
            created_by: &scheduler.id,
            part: app::domain::requisition::Part::Interviewer,
        },
        &requisition.rubric_version,
    )
    .await?;
    let mut body = ScorecardBody {
        recommendation: submit.then(|| recommendation(candidate, who)),
        takeaways: match (candidate, who) {
            (0, _) => "Clear owner of a joint pipeline; would trust her with the partner's leadership.".into(),
            (1, "iris") => "Good energy, but in the role-play he agreed to the partner's funding ask without asking what it would return.".into(),
            _ => "Solid on relationships; less evidence on the numbers a partner manager is judged by.".into(),
        },
        ..Default::default()
    };
    for (index, item) in round.items.iter().enumerate() {
        let role_play = item.kind == ItemKind::Exercise;
        let given = rating(candidate, who, role_play, index);
        // A draft is half written: only the first few items rated.
        if !submit && index > 2 {
            break;
        }
        body.items.insert(
            item_key(item),
            ItemScore {
                rating: Some(given),
                positive: if given == Rating::Below {
                    vec![]
                } else {
                    vec![0]
                },
                negative: if given == Rating::Below {
                    vec![0]
                } else {
                    vec![]
                },
                notes: note(given).into(),
            },
        );
    }
    let saved = scorecards::save_draft(db, &card.id, card.version, &body)
        .await
        .map_err(fail)?;
    let scorecards::Write::Saved { version } = saved else {
        return Err("a demo card was not saved".into());
    };
    if submit {
        let submitted = scorecards::submit(db, &card.id, version, &person.id)
            .await
            .map_err(fail)?;
        if !matches!(submitted, scorecards::Write::Saved { .. }) {
            return Err(format!(
                "{who}'s card could not be submitted: {submitted:?}"
            ));
        }
    }
    Ok(())
}

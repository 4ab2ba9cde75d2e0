//! The interviewer's side of the panel: their own interviews, and one
//! interview's round from the requisition's plan with what to ask and how
//! answers are judged.

use super::AssignmentView;
use crate::domain::plan::ItemKind;
use crate::domain::rubric::Anchors;
use crate::domain::scorecard::CardMark;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::service::panel::interviews::{interview_item, sort_interviews};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// This person's interviews: today's first, then what is coming, then
/// what is done (most recent first). Days are UTC days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct InterviewSchedule {
    pub today: Vec<MyInterview>,
    pub upcoming: Vec<MyInterview>,
    pub past: Vec<MyInterview>,
}

/// One of this person's interviews, with where their card for it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyInterview {
    pub assignment: AssignmentView,
    pub card: CardMark,
}

#[server(prefix = "/api/fn", endpoint = "my-interviews", input = GetUrl)]
pub async fn my_interviews() -> Result<InterviewSchedule, AppError> {
    use crate::access::internal;
    use crate::domain::scorecard::CardStatus;
    let user = crate::auth::require_user()?;
    let db = crate::api::context::db()?;
    let now = crate::db::now();
    let cards = crate::db::scorecards::states_for_interviewer(&db, &user.id)
        .await
        .map_err(internal)?;
    let mut kits = std::collections::HashMap::new();
    let mut views = Vec::new();
    for a in crate::db::assignments::for_interviewer(&db, &user.id)
        .await
        .map_err(internal)?
    {
        if !kits.contains_key(&a.requisition_id) {
            let requisition = crate::db::requisitions::get(&db, &a.requisition_id)
                .await
                .map_err(internal)?
                .ok_or(AppError::Internal)?;
            let kit = crate::service::kits::frozen_kit(&db, &requisition).await?;
            kits.insert(a.requisition_id.clone(), (requisition, kit));
        }
        if let Some((requisition, kit)) = kits.get(&a.requisition_id) {
            let status = CardStatus::of_state(cards.get(&a.id).copied());
            let card = CardMark::of(status, &a.starts_at, a.minutes, &now);
            views.push(MyInterview {
                assignment: super::assignment_view(a, requisition, kit, &user),
                card,
            });
        }
    }
    let zone = crate::domain::zone::zone_or_utc(&user.time_zone);
    Ok(sort_interviews(views, &now, zone))
}

/// One scored item of the round as the frozen kit describes it, read-only.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct InterviewItem {
    pub kind: ItemKind,
    /// A kit question id, or `presentation` / `simulation` for exercises.
    pub id: String,
    /// What kind of item it is, as a heading: "Competency question ·
    /// <discipline>", "Attitude", "Exercise · presentation" or "Exercise ·
    /// work simulation".
    pub eyebrow: String,
    /// The competency's or attitude's name, or the exercise's title.
    pub title: String,
    /// What to ask, or the exercise's brief.
    pub ask: String,
    // Labelled facts: what the job requires, what is expected at this
    // level (the schema and its description are `labelled_pairs`).
    #[cfg_attr(feature = "ssr", schema(schema_with = labelled_pairs))]
    pub facts: Vec<(String, String)>,
    // Titled lists: deliverables, ground rules (see `titled_lists`).
    #[cfg_attr(feature = "ssr", schema(schema_with = titled_lists))]
    pub lists: Vec<(String, Vec<String>)>,
    pub anchors: Anchors,
    /// Positive indicators; `ItemScore.positive` indexes this list.
    pub positive: Vec<String>,
    /// Negative indicators; `ItemScore.negative` indexes this list.
    pub negative: Vec<String>,
    /// Follow-up questions to draw the evidence out.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub probes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InterviewView {
    pub assignment: AssignmentView,
    pub kit_title: String,
    pub rubric_version: String,
    pub purpose: String,
    pub led_by: String,
    pub why_hard: String,
    pub items: Vec<InterviewItem>,
    /// The viewer runs the requisition (and may open the candidate's screen).
    pub runs: bool,
    /// The viewer is the interviewer on this slot.
    pub mine: bool,
}

#[server(prefix = "/api/fn", endpoint = "interview", input = GetUrl)]
pub async fn get_interview(id: String) -> Result<InterviewView, AppError> {
    let user = crate::auth::require_user()?;
    let db = crate::api::context::db()?;
    let (assignment, requisition, runs) = super::assignment_for(&db, &user, &id).await?;
    let kit = crate::service::kits::frozen_kit(&db, &requisition).await?;
    // The actor reads their brief, never the anchors: knowing how the
    // candidate is scored would steer the performance.
    let acting = assignment.part == crate::domain::requisition::Part::Actor
        && assignment.interviewer_id == user.id;
    let items = requisition
        .plan
        .as_ref()
        .filter(|_| !acting)
        .and_then(|p| p.rounds.iter().find(|r| r.round == assignment.round))
        .map(|r| {
            r.items
                .iter()
                .filter_map(|item| interview_item(&kit, item))
                .collect()
        })
        .unwrap_or_default();
    let kit_round = kit.rounds.iter().find(|r| r.id == assignment.round);
    Ok(InterviewView {
        mine: assignment.interviewer_id == user.id,
        kit_title: kit.title.clone(),
        rubric_version: kit.rubric_version.clone(),
        purpose: kit_round.map(|r| r.purpose.clone()).unwrap_or_default(),
        led_by: kit_round.map(|r| r.led_by.clone()).unwrap_or_default(),
        why_hard: kit.why_hard.clone(),
        items,
        runs,
        assignment: super::assignment_view(assignment, &requisition, &kit, &user),
    })
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn at(id: &str, starts_at: &str) -> MyInterview {
        let assignment = AssignmentView {
            id: id.into(),
            requisition_id: "r".into(),
            requisition_title: "R".into(),
            candidate_id: "c".into(),
            candidate_name: "C".into(),
            round: "deep-dive".into(),
            round_name: "Deep dive".into(),
            interviewer_email: "i@example.com".into(),
            interviewer_name: "Ivy".into(),
            actor: false,
            starts_at: starts_at.into(),
            when: String::new(),
            minutes: 45,
        };
        MyInterview {
            assignment,
            card: CardMark::NotStarted,
        }
    }

    #[test]
    fn today_comes_first_then_upcoming_then_past_most_recent_first() {
        let sorted = sort_interviews(
            vec![
                at("next-week", "2026-03-16T09:00:00.000Z"),
                at("last-week", "2026-03-02T09:00:00.000Z"),
                at("this-evening", "2026-03-09T18:00:00.000Z"),
                at("this-morning", "2026-03-09T08:00:00.000Z"),
                at("tomorrow", "2026-03-10T09:00:00.000Z"),
                at("yesterday", "2026-03-08T09:00:00.000Z"),
            ],
            "2026-03-09T12:00:00.000Z",
            chrono_tz::Tz::UTC,
        );
        let ids = |v: &[MyInterview]| {
            v.iter()
                .map(|a| a.assignment.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&sorted.today), vec!["this-morning", "this-evening"]);
        assert_eq!(ids(&sorted.upcoming), vec!["tomorrow", "next-week"]);
        assert_eq!(ids(&sorted.past), vec!["yesterday", "last-week"]);

        // In Tokyo (UTC+9), 12:00 UTC is 21:00: this evening's interview
        // in UTC is at 03:00 tomorrow there.
        let tokyo = sort_interviews(
            vec![
                at("this-evening", "2026-03-09T18:00:00.000Z"),
                at("this-morning", "2026-03-09T08:00:00.000Z"),
                at("tomorrow", "2026-03-10T09:00:00.000Z"),
            ],
            "2026-03-09T12:00:00.000Z",
            "Asia/Tokyo".parse().unwrap(),
        );
        assert_eq!(ids(&tokyo.today), vec!["this-morning"]);
        assert_eq!(ids(&tokyo.upcoming), vec!["this-evening", "tomorrow"]);
    }
}

/// The schema of a list of pairs, each a two-item array whose items have
/// the schemas `first` and `second`: what a `Vec` of tuples serialises to.
#[cfg(feature = "ssr")]
fn pairs(
    description: &str,
    first: utoipa::openapi::schema::Schema,
    second: utoipa::openapi::schema::Schema,
) -> utoipa::openapi::schema::Array {
    use utoipa::openapi::schema::{ArrayBuilder, ArrayItems, Schema};
    use utoipa::openapi::RefOr;
    let pair = ArrayBuilder::new()
        .prefix_items([first, second])
        .items(ArrayItems::False)
        .min_items(Some(2))
        .max_items(Some(2));
    ArrayBuilder::new()
        .description(Some(description))
        .items(RefOr::T(Schema::Array(pair.build())))
        .build()
}

#[cfg(feature = "ssr")]
fn text() -> utoipa::openapi::schema::Schema {
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    ObjectBuilder::new()
        .schema_type(Type::String)
        .build()
        .into()
}

#[cfg(feature = "ssr")]
fn labelled_pairs() -> utoipa::openapi::schema::Array {
    pairs(
        "Labelled facts, as [label, text] pairs: what the job requires, what is \
         expected at this level...",
        text(),
        text(),
    )
}

#[cfg(feature = "ssr")]
fn titled_lists() -> utoipa::openapi::schema::Array {
    use utoipa::openapi::schema::{ArrayBuilder, Schema};
    use utoipa::openapi::RefOr;
    pairs(
        "Titled lists, as [title, [lines]] pairs: deliverables, ground rules...",
        text(),
        Schema::Array(ArrayBuilder::new().items(RefOr::T(text())).build()),
    )
}

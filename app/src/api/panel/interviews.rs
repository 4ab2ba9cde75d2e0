//! The interviewer's side of the panel: their own interviews, and one
//! interview's round from the requisition's plan with what to ask and how
//! answers are judged.

use super::AssignmentView;
use crate::domain::plan::ItemKind;
use crate::domain::rubric::Anchors;
use crate::domain::scorecard::CardMark;
use crate::error::AppError;
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
    let user = crate::auth::require_user()?;
    let db = crate::api::context::db()?;
    crate::service::panel::interviews::my_interviews(&db, &user).await
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
    let id = crate::domain::keys::AssignmentId::from(id);
    let user = crate::auth::require_user()?;
    let db = crate::api::context::db()?;
    crate::service::panel::interviews::get_interview(&db, &user, id).await
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

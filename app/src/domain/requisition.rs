//! Requisitions, candidates and the panel as pages and the API show them.
//! Plain data: the database layer fills them, the rules live beside them.

use super::application::KnockoutAnswer;
use super::candidate::{Source, Stage};
use super::jd::Outcome;
use super::plan::InterviewPlan;
use super::scoring::Rating;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What someone does on a panel seat.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// Asks the round's questions and scores them on a scorecard.
    #[default]
    Interviewer,
    /// Plays the partner in the role-play from the actor's brief; owes no
    /// scorecard and never sees the anchors.
    Actor,
}

impl Part {
    pub fn id(self) -> &'static str {
        match self {
            Part::Interviewer => "interviewer",
            Part::Actor => "actor",
        }
    }

    /// A stored or posted value; anything else is an interviewer's seat.
    pub fn parse(id: &str) -> Option<Part> {
        match id {
            "interviewer" => Some(Part::Interviewer),
            "actor" => Some(Part::Actor),
            _ => None,
        }
    }
}

/// `draft` until someone opens it for candidates; then `open`; `closed`
/// once the hire is made or the job withdrawn (it can be reopened).
pub const STATUS_DRAFT: &str = "draft";
pub const STATUS_OPEN: &str = "open";
pub const STATUS_CLOSED: &str = "closed";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Requisition {
    pub id: String,
    pub status: String,
    pub title: String,
    pub outcome: Outcome,
    pub jd_markdown: String,
    /// Sanitised HTML of the JD, rendered on the server.
    pub jd_html: String,
    /// The rubric library version the kit is frozen at.
    pub rubric_version: String,
    pub owner_id: Option<String>,
    pub plan: Option<InterviewPlan>,
    /// Goes up by one with every change to the plan; an edit names the
    /// version it was made from, so a stale one is refused.
    #[serde(default)]
    pub plan_version: i64,
    pub created_at: String,
    pub opened_at: Option<String>,
    /// When it was closed, while it is.
    #[serde(default)]
    pub closed_at: Option<String>,
    /// Whether everyone put on its panel to score must first meet the
    /// calibration standard (`domain::calibration::Score::passes`).
    #[serde(default)]
    pub calibration_required: bool,
}

impl Requisition {
    pub fn is_open(&self) -> bool {
        self.status == STATUS_OPEN
    }

    pub fn is_closed(&self) -> bool {
        self.status == STATUS_CLOSED
    }
}

/// One line of the requisition list (on the server, also the row the list
/// query reads by column name).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct RequisitionSummary {
    pub id: String,
    pub title: String,
    pub status: String,
    pub candidates: i64,
    pub created_at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: String,
    pub requisition_id: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub links: Vec<String>,
    pub source: Source,
    pub stage: Stage,
    /// Why the candidate was advanced or archived.
    pub stage_reason: String,
    pub knockouts: Vec<KnockoutAnswer>,
    pub submitted_at: Option<String>,
    pub created_at: String,
    /// The first application with the same email for the same job, when this
    /// person applied again through the public form.
    pub repeat_of: Option<String>,
}

/// A resume or video answer a candidate uploaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateFile {
    pub id: String,
    pub candidate_id: String,
    /// `resume` or `video`.
    pub kind: String,
    /// The video prompt answered; empty for the resume.
    pub prompt_id: String,
    pub content_type: String,
    pub original_name: String,
    pub size_bytes: i64,
    pub created_at: String,
    /// A video's length in milliseconds, when the server could read it
    /// from the file (WebM); none for resumes and other videos.
    pub duration_ms: Option<i64>,
}

/// The recruiter's resume screen of one candidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Screening {
    pub ratings: BTreeMap<String, Rating>,
    pub notes: String,
    /// `advance` or `archive` once decided.
    pub decision: Option<String>,
    pub reason: String,
    pub screened_by: String,
    pub updated_at: String,
    pub decided_at: Option<String>,
}

/// One interviewer on one round for one candidate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub id: String,
    pub requisition_id: String,
    pub candidate_id: String,
    pub candidate_name: String,
    pub round: String,
    pub interviewer_id: String,
    pub interviewer_email: String,
    /// The interviewer's name, or their email without one.
    #[serde(default)]
    pub interviewer_name: String,
    /// The interviewer's time zone ('' for UTC), for what they are sent.
    #[serde(default)]
    pub interviewer_time_zone: String,
    /// Who put it on the calendar (`created_by`): the invite's organiser.
    pub scheduled_by_email: String,
    #[serde(default)]
    pub scheduled_by_name: String,
    /// RFC 3339, UTC.
    pub starts_at: String,
    pub minutes: i64,
    /// The calendar event's revision: one more each time it was moved or
    /// handed to someone else.
    #[serde(default)]
    pub sequence: i64,
    #[serde(default)]
    pub part: Part,
}

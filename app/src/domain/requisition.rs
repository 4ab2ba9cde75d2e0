//! Requisitions, candidates and the panel as pages and the API show them.
//! Plain data: the database layer fills them, the rules live beside them.

use super::application::KnockoutAnswer;
use super::candidate::{Source, Stage};
use super::jd::Outcome;
use super::keys::{AssignmentId, CandidateId, RequisitionId, UserId};
use super::plan::InterviewPlan;
use super::scoring::Rating;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What someone does on a panel seat: `interviewer` (asks the round's
/// questions and scores them on a scorecard) or `actor` (plays the partner
/// in the role-play, owes no scorecard and never sees the anchors).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = PanelPart))]
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

// The schema of the `status` fields, which hold one of the STATUS_ ids
// above; nothing builds this type.
/// `draft` until someone opens it for candidates; then `open`; `closed`
/// once the hire is made or the job withdrawn (it can be reopened).
#[cfg(feature = "ssr")]
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
pub enum RequisitionStatus {
    Draft,
    Open,
    Closed,
}

/// A job opening: its outcome, its JD and its interview plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Requisition {
    pub id: RequisitionId,
    #[cfg_attr(feature = "ssr", schema(value_type = RequisitionStatus))]
    pub status: String,
    /// The JD's title.
    pub title: String,
    pub outcome: Outcome,
    /// The JD, as Markdown.
    pub jd_markdown: String,
    /// Sanitised HTML of the JD.
    pub jd_html: String,
    /// The rubric library version the kit is frozen at.
    pub rubric_version: String,
    /// The id of the account that saved it.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub owner_id: Option<UserId>,
    /// Which kit items are asked in which round; `null` while a draft.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub plan: Option<InterviewPlan>,
    /// Goes up by one with every change to the interview plan. The plan
    /// editor sends the version it showed with each edit; an edit made
    /// from an older version is refused with 409.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub plan_version: i64,
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub created_at: String,
    /// When it was opened for candidates; `null` while a draft.
    #[cfg_attr(feature = "ssr", schema(format = DateTime, required = true))]
    pub opened_at: Option<String>,
    /// When it was closed, while it is; `null` otherwise.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(format = DateTime, required = true))]
    pub closed_at: Option<String>,
    // See `domain::calibration::Score::passes`.
    /// Whether everyone put on its panel to score must first meet the
    /// calibration standard.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
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

// On the server, also the row the list query reads by column name
// (`db::requisitions`).
/// One line of the requisition list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RequisitionSummary {
    pub id: RequisitionId,
    pub title: String,
    #[cfg_attr(feature = "ssr", schema(value_type = RequisitionStatus))]
    pub status: String,
    /// How many candidates it has.
    pub candidates: i64,
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub created_at: String,
}

/// A candidate on a requisition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Candidate {
    pub id: CandidateId,
    pub requisition_id: RequisitionId,
    pub name: String,
    /// Lower-case.
    #[cfg_attr(feature = "ssr", schema(format = Email))]
    pub email: String,
    /// Empty when not given.
    pub phone: String,
    /// Web addresses (http:// or https://).
    #[cfg_attr(feature = "ssr", schema(format = "uri"))]
    pub links: Vec<String>,
    pub source: Source,
    pub stage: Stage,
    /// Why the candidate was advanced or archived; empty otherwise.
    pub stage_reason: String,
    /// The knock-out questions as the applicant answered them; empty for
    /// candidates added or imported by a recruiter.
    pub knockouts: Vec<KnockoutAnswer>,
    /// When the application was submitted; `null` if it was not (or the
    /// candidate was added by a recruiter).
    #[cfg_attr(feature = "ssr", schema(format = DateTime, required = true))]
    pub submitted_at: Option<String>,
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub created_at: String,
    /// When this person applied again through the public form with an
    /// email that already had an application for the job: the id of that
    /// first application. `null` otherwise.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub repeat_of: Option<CandidateId>,
}

/// A resume or video answer a candidate uploaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateFile {
    pub id: String,
    pub candidate_id: CandidateId,
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
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Assignment {
    pub id: AssignmentId,
    pub requisition_id: RequisitionId,
    pub candidate_id: CandidateId,
    pub candidate_name: String,
    /// A kit round id.
    pub round: String,
    pub interviewer_id: UserId,
    #[cfg_attr(feature = "ssr", schema(format = Email))]
    pub interviewer_email: String,
    /// The interviewer's name, or their email without one.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub interviewer_name: String,
    // For the times in what they are sent.
    /// The interviewer's IANA time zone; empty for UTC.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub interviewer_time_zone: String,
    // The `created_by` column.
    /// Who scheduled this interview: the calendar invite's organiser.
    #[cfg_attr(feature = "ssr", schema(format = Email))]
    pub scheduled_by_email: String,
    /// Their name, or their email without one.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub scheduled_by_name: String,
    /// RFC 3339, UTC.
    #[cfg_attr(feature = "ssr", schema(format = DateTime))]
    pub starts_at: String,
    /// How long the interview lasts.
    pub minutes: i64,
    /// The calendar event's revision: one more each time it was moved or
    /// handed to someone else.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub sequence: i64,
    /// Whether this seat interviews or plays the partner in the role-play.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub part: Part,
}

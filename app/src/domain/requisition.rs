//! A requisition as pages show it.

use super::jd::Outcome;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RequisitionDraft {
    pub id: String,
    pub status: String,
    pub title: String,
    pub outcome: Outcome,
    pub jd_markdown: String,
    /// Sanitised HTML of the JD, rendered on the server.
    pub jd_html: String,
    /// The rubric library version the kit is frozen at.
    pub rubric_version: String,
    pub created_at: String,
}

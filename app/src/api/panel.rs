//! The panel: who interviews a candidate in which round of the requisition's
//! plan, and when. Times are UTC throughout: stored, shown and typed (the
//! form says so), and the calendar invite carries them as UTC so every
//! calendar shows them in its owner's own time zone.

pub mod changes;
pub mod interviews;

use super::form_error::FormError;
#[cfg(feature = "ssr")]
use crate::service::panel::{assign, AssignRequest, TimeInput};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Shortest and longest interview slot, in minutes.
pub const MIN_MINUTES: i64 = 5;
pub const MAX_MINUTES: i64 = 480;

/// One interviewer on one round, as pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentView {
    pub id: String,
    pub requisition_id: String,
    pub requisition_title: String,
    pub candidate_id: String,
    pub candidate_name: String,
    pub round: String,
    pub round_name: String,
    pub interviewer_email: String,
    /// The interviewer's name, or their email without one.
    #[serde(default)]
    pub interviewer_name: String,
    /// The actor's seat in the role-play: a brief, no scorecard.
    #[serde(default)]
    pub actor: bool,
    /// RFC 3339, UTC.
    pub starts_at: String,
    /// `Mon 9 Mar 2026, 14:30–15:15 UTC`.
    pub when: String,
    pub minutes: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelRound {
    pub id: String,
    pub name: String,
    /// The kit's length for the round: the form's default duration.
    pub minutes: u32,
    pub assignments: Vec<AssignmentView>,
}

/// Someone who can be put on a panel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelPerson {
    pub email: String,
    /// Their name, or their email without one.
    #[serde(default)]
    pub name: String,
    pub role: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanelView {
    /// Interviewers see only the rounds they are on, with only their own
    /// slot in each.
    pub rounds: Vec<PanelRound>,
    /// Interviewer accounts and the requisition's own recruiters and hiring
    /// managers; empty for interviewers.
    pub people: Vec<PanelPerson>,
    /// Why nobody can be scheduled for this candidate now, if so.
    pub closed: Option<String>,
    /// The time now in the viewer's zone, next to a form that asks for it.
    pub now_local: String,
    /// The viewer's time zone, which the form's times are in.
    pub time_zone: String,
}

/// Puts an interviewer on a round of a candidate's panel. The start time is
/// the form's `datetime-local` value, read in the scheduler's time zone.
#[server(prefix = "/api/fn", endpoint = "assign-interviewer")]
pub async fn assign_interviewer(
    candidate_id: String,
    #[server(default)] round: String,
    #[server(default)] interviewer_email: String,
    #[server(default)] starts_at: String,
    #[server(default)] duration_minutes: String,
    #[server(default)] part: String,
) -> Result<(), FormError> {
    let candidate_id = crate::domain::keys::CandidateId::from(candidate_id);
    let user = crate::auth::require_user()?;
    let db = super::context::db()?;
    let mail = super::mail::settings();
    let candidate = crate::access::candidate_to_run(&db, &user, &candidate_id).await?;
    let requisition = crate::access::requisition(&db, &user, &candidate.requisition_id).await?;
    let request = AssignRequest {
        candidate_id: candidate.id.to_string(),
        round,
        interviewer_email,
        starts_at,
        duration_minutes: Some(duration_minutes).filter(|m| !m.trim().is_empty()),
        part: Some(part).filter(|p| !p.trim().is_empty()),
    };
    let values = [
        ("part", request.part.as_deref().unwrap_or("")),
        ("round", request.round.as_str()),
        ("interviewer_email", request.interviewer_email.as_str()),
        ("starts_at", request.starts_at.as_str()),
        (
            "duration_minutes",
            request.duration_minutes.as_deref().unwrap_or(""),
        ),
    ];
    match assign(
        &db,
        &user,
        &requisition,
        &request,
        TimeInput::Form(crate::domain::zone::zone_or_utc(&user.time_zone)),
        &mail,
    )
    .await
    {
        Ok(_) => {
            leptos_axum::redirect(&format!("/candidates/{}?done=assigned#panel", candidate.id));
            Ok(())
        }
        Err(refused) => Err(refused.into_form(&values)),
    }
}

/// A file-name-safe version of a name: ASCII letters and digits joined by
/// single hyphens.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "x".into()
    } else {
        out.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn file_names_are_safe() {
        assert_eq!(slug("Zoë O'Brien-Smith"), "zo-o-brien-smith");
        assert_eq!(slug("../.."), "x");
        assert!(slug(&"a".repeat(100)).len() <= 40);
    }
}

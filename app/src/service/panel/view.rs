//! The panel as people read it: an interview in the reader's time zone,
//! and the panel section of a candidate's page with who may sit on it.

use crate::api::panel::*;
use crate::domain::keys::RequisitionId;
use crate::error::AppError;

/// An interview as `viewer` reads it, its time in their zone.
pub fn assignment_view(
    a: crate::domain::requisition::Assignment,
    requisition: &crate::domain::requisition::Requisition,
    kit: &crate::domain::Kit,
    viewer: &crate::domain::accounts::CurrentUser,
) -> AssignmentView {
    AssignmentView {
        when: when(
            &a.starts_at,
            a.minutes,
            crate::domain::zone::zone_or_utc(&viewer.time_zone),
        ),
        round_name: kit.round_name(&a.round).to_string(),
        requisition_title: requisition.title.clone(),
        id: a.id.into(),
        requisition_id: a.requisition_id.into(),
        candidate_id: a.candidate_id.into(),
        candidate_name: a.candidate_name,
        round: a.round,
        interviewer_email: a.interviewer_email,
        interviewer_name: a.interviewer_name,
        actor: a.part == crate::domain::requisition::Part::Actor,
        starts_at: a.starts_at,
        minutes: a.minutes,
    }
}

/// A stored slot as someone in `tz` reads it.
fn when(starts_at: &str, minutes: i64, tz: chrono_tz::Tz) -> String {
    use chrono::{DateTime, Utc};
    match DateTime::parse_from_rfc3339(starts_at) {
        Ok(start) => crate::domain::zone::slot(start.with_timezone(&Utc), minutes, tz),
        Err(_) => starts_at.to_string(),
    }
}

/// The panel section of a candidate's page.
pub async fn panel_view(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
    requisition: &crate::domain::requisition::Requisition,
    kit: &crate::domain::Kit,
    candidate: &crate::domain::requisition::Candidate,
    runs: bool,
) -> Result<PanelView, AppError> {
    use crate::access::internal;
    use crate::db::assignments;
    let assigned = assignments::for_candidate(db, &candidate.id)
        .await
        .map_err(internal)?;
    let plan_rounds: Vec<String> = requisition
        .plan
        .as_ref()
        .map(|p| p.rounds.iter().map(|r| r.round.clone()).collect())
        .unwrap_or_default();
    let rounds = plan_rounds
        .iter()
        .map(|round| PanelRound {
            id: round.clone(),
            name: kit.round_name(round).to_string(),
            minutes: kit
                .rounds
                .iter()
                .find(|r| &r.id == round)
                .map_or(0, |r| r.minutes),
            assignments: assigned
                .iter()
                .filter(|a| &a.round == round && (runs || a.interviewer_id == user.id))
                .map(|a| assignment_view(a.clone(), requisition, kit, user))
                .collect(),
        })
        .filter(|r| runs || !r.assignments.is_empty())
        .collect();
    let closed = if !runs {
        None
    } else if requisition.is_closed() {
        Some("This requisition is closed, so no new interviews are scheduled. Reopen it on the requisition's page to schedule one.".into())
    } else if requisition.plan.is_none() {
        Some(
            "This requisition is still a draft, so it has no interview plan yet. Open it first."
                .into(),
        )
    } else if candidate.stage != crate::domain::candidate::Stage::Interviewing {
        Some(format!(
            "Only candidates at the interviews stage can be scheduled. {} is at “{}”; advance them from the resume screen first.",
            candidate.name,
            candidate.stage.label()
        ))
    } else {
        None
    };
    Ok(PanelView {
        rounds,
        people: if runs {
            people(db, &requisition.id).await?
        } else {
            Vec::new()
        },
        closed,
        now_local: crate::domain::zone::now_in(crate::domain::zone::zone_or_utc(&user.time_zone)),
        time_zone: crate::domain::zone::zone_or_utc(&user.time_zone)
            .name()
            .to_string(),
    })
}

/// Who may sit on a panel: every active interviewer account, and the
/// requisition's recruiters and hiring managers (a hiring manager leads
/// the deep-dive round). Anyone else is added to the requisition first.
async fn people(
    db: &crate::db::Db,
    requisition_id: &RequisitionId,
) -> Result<Vec<PanelPerson>, AppError> {
    use crate::access::internal;
    use crate::db::{requisitions, users};
    use crate::domain::accounts::Role;
    let mut people: Vec<PanelPerson> = users::active_with_role(db, Role::Interviewer)
        .await
        .map_err(internal)?
        .into_iter()
        .chain(
            requisitions::members(db, requisition_id)
                .await
                .map_err(internal)?,
        )
        .map(|u| PanelPerson {
            name: u.display_name().to_string(),
            email: u.email,
            role: u.role.id().to_string(),
        })
        .collect();
    people.sort_by(|a, b| a.email.cmp(&b.email));
    people.dedup_by(|a, b| a.email == b.email);
    Ok(people)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_read_in_utc() {
        assert_eq!(
            when("2026-03-09T23:30:00.000Z", 45, chrono_tz::Tz::UTC),
            "Mon 9 Mar 2026, 23:30–00:15 UTC"
        );
    }
}

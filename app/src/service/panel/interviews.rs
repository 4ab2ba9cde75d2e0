//! One interview as its interviewer reads it: the round's items from the
//! frozen kit.

use crate::domain::keys::AssignmentId;
use crate::domain::scorecard::CardMark;
use crate::error::AppError;

use crate::api::panel::interviews::*;

/// Groups interviews around `now` (stored format, so text order is time
/// order); "today" is today on the clocks of `zone`, the viewer's.
pub fn sort_interviews(
    mut all: Vec<MyInterview>,
    now: &str,
    zone: chrono_tz::Tz,
) -> InterviewSchedule {
    let day = |stored: &str| {
        chrono::DateTime::parse_from_rfc3339(stored)
            .ok()
            .map(|t| t.with_timezone(&zone).date_naive())
    };
    all.sort_by(|a, b| a.assignment.starts_at.cmp(&b.assignment.starts_at));
    let today = day(now);
    let mut out = InterviewSchedule::default();
    for a in all {
        if today.is_some() && day(&a.assignment.starts_at) == today {
            out.today.push(a);
        } else if a.assignment.starts_at.as_str() > now {
            out.upcoming.push(a);
        } else {
            out.past.push(a);
        }
    }
    out.past.reverse();
    out
}

/// What the interviewer reads for one plan item; `None` for an item the kit
/// does not have (a stored plan is checked against its kit when saved).
pub fn interview_item(
    kit: &crate::domain::Kit,
    item: &crate::domain::plan::PlanItem,
) -> Option<InterviewItem> {
    use crate::domain::kit_item::KitItemRef;
    let level = kit.level;
    let fact = |label: &str, value: &str| (label.to_string(), value.to_string());
    let list = |title: &str, items: &[String]| (title.to_string(), items.to_vec());
    let found = kit.item(item)?;
    let (eyebrow, title, ask, facts, lists) = match found {
        KitItemRef::Competency(q) => (
            format!("Competency question · {}", q.discipline),
            q.competency_name.clone(),
            q.question.clone(),
            vec![
                fact("What the job requires", &q.requirement),
                fact("Expected at this level", &q.expected),
            ],
            Vec::new(),
        ),
        KitItemRef::Attitude(a) => (
            "Attitude".into(),
            a.name.clone(),
            a.question.clone(),
            vec![fact("What it means", &a.definition)],
            Vec::new(),
        ),
        KitItemRef::Presentation(p) => (
            "Exercise · presentation".into(),
            p.title.clone(),
            p.prompt.clone(),
            vec![
                fact(
                    "Format",
                    &format!(
                        "{} · {} min · audience: {}",
                        p.format, p.minutes, p.audience
                    ),
                ),
                fact("Expected at this level", p.level_expectations.get(level)),
            ],
            vec![
                list("Deliverables", &p.deliverables),
                list("Ground rules", &p.ground_rules),
            ],
        ),
        KitItemRef::Simulation(s) => (
            "Exercise · work simulation".into(),
            s.title.clone(),
            s.problem.clone(),
            vec![
                fact("Scenario", &s.scenario),
                fact("Format", &format!("{} · {} min", s.format, s.minutes)),
                fact("Expected at this level", s.level_expectations.get(level)),
            ],
            vec![
                list("Success criteria", &s.success_criteria),
                list("Ground rules", &s.ground_rules),
            ],
        ),
    };
    let (positive, negative) = found.indicators();
    Some(InterviewItem {
        kind: item.kind,
        id: item.id.clone(),
        eyebrow,
        title,
        ask,
        facts,
        lists,
        anchors: found.anchors().clone(),
        positive: positive.to_vec(),
        negative: negative.to_vec(),
        probes: found.probes().to_vec(),
    })
}

pub async fn my_interviews(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
) -> Result<InterviewSchedule, AppError> {
    use crate::access::internal;
    use crate::domain::scorecard::CardStatus;
    let now = crate::db::now();
    let cards = crate::db::scorecards::states_for_interviewer(db, &user.id)
        .await
        .map_err(internal)?;
    let mut kits = std::collections::HashMap::new();
    let mut views = Vec::new();
    for a in crate::db::assignments::for_interviewer(db, &user.id)
        .await
        .map_err(internal)?
    {
        if !kits.contains_key(&a.requisition_id) {
            let requisition = crate::db::requisitions::get(db, &a.requisition_id)
                .await
                .map_err(internal)?
                .ok_or(AppError::Internal)?;
            let kit = crate::service::kits::frozen_kit(db, &requisition).await?;
            kits.insert(a.requisition_id.clone(), (requisition, kit));
        }
        if let Some((requisition, kit)) = kits.get(&a.requisition_id) {
            let status = CardStatus::of_state(cards.get(&a.id).copied());
            let card = CardMark::of(status, &a.starts_at, a.minutes, &now);
            views.push(MyInterview {
                assignment: crate::service::panel::assignment_view(a, requisition, kit, user),
                card,
            });
        }
    }
    let zone = crate::domain::zone::zone_or_utc(&user.time_zone);
    Ok(sort_interviews(views, &now, zone))
}

pub async fn get_interview(
    db: &crate::db::Db,
    user: &crate::domain::accounts::CurrentUser,
    id: AssignmentId,
) -> Result<InterviewView, AppError> {
    let (assignment, requisition, runs) =
        crate::service::panel::assignment_for(db, user, &id).await?;
    let kit = crate::service::kits::frozen_kit(db, &requisition).await?;
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
        assignment: crate::service::panel::assignment_view(assignment, &requisition, &kit, user),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::panel::AssignmentView;

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

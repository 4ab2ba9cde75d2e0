//! One interview as its interviewer reads it: the round's items from the
//! frozen kit.

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

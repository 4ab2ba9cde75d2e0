//! A plan item resolved against its kit: the one place that knows where each
//! kind of item lives in a [`Kit`], so callers ask for what they need (title,
//! competency, indicators, anchors) without searching the kit themselves.

use super::kit::{Kit, KitQuestion};
use super::plan::{ItemKind, PlanItem};
use super::rubric::{Anchors, Attitude, Presentation, Simulation};

// Their ids are what `KitRound::exercises` lists and what a `PlanItem` of
// kind exercise holds; stored plans and item keys keep the id, this type is
// for matching (and names the ids in the API's schema).
/// One of the two exercises every kit carries: the `presentation` and the
/// role-play (`simulation`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(rename_all = "lowercase"))]
pub enum Exercise {
    Presentation,
    Simulation,
}

impl Exercise {
    /// In the kit's order.
    pub const ALL: [Exercise; 2] = [Exercise::Presentation, Exercise::Simulation];

    pub fn id(self) -> &'static str {
        match self {
            Exercise::Presentation => "presentation",
            Exercise::Simulation => "simulation",
        }
    }

    /// `None` for an id that is neither exercise.
    pub fn parse(id: &str) -> Option<Self> {
        Exercise::ALL.into_iter().find(|e| e.id() == id)
    }

    /// What to call the exercise when the kit leaves its title blank.
    fn fallback_title(self) -> &'static str {
        match self {
            Exercise::Presentation => "Presentation",
            Exercise::Simulation => "MDF role-play",
        }
    }
}

impl From<Exercise> for PlanItem {
    fn from(exercise: Exercise) -> Self {
        PlanItem::exercise(exercise.id())
    }
}

/// The kit's own entry for a plan item.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KitItemRef<'a> {
    Competency(&'a KitQuestion),
    Attitude(&'a Attitude),
    Presentation(&'a Presentation),
    Simulation(&'a Simulation),
}

impl Kit {
    /// The kit's entry for a plan item; `None` when the kit has no such item
    /// (an unknown id, or an exercise id that names neither exercise).
    pub fn item(&self, item: &PlanItem) -> Option<KitItemRef<'_>> {
        match item.kind {
            ItemKind::Competency => self
                .competency_questions
                .iter()
                .find(|q| q.id == item.id)
                .map(KitItemRef::Competency),
            ItemKind::Attitude => self
                .attitude_questions
                .iter()
                .find(|a| a.id == item.id)
                .map(KitItemRef::Attitude),
            ItemKind::Exercise => Exercise::parse(&item.id).map(|e| self.exercise(e)),
        }
    }

    /// Every kit carries both exercises, so this always finds one.
    pub fn exercise(&self, exercise: Exercise) -> KitItemRef<'_> {
        match exercise {
            Exercise::Presentation => KitItemRef::Presentation(&self.presentation),
            Exercise::Simulation => KitItemRef::Simulation(&self.simulation),
        }
    }
}

impl<'a> KitItemRef<'a> {
    pub fn exercise(self) -> Option<Exercise> {
        match self {
            KitItemRef::Competency(_) | KitItemRef::Attitude(_) => None,
            KitItemRef::Presentation(_) => Some(Exercise::Presentation),
            KitItemRef::Simulation(_) => Some(Exercise::Simulation),
        }
    }

    /// What the user calls the item: the question for questions (prefixed
    /// by the attitude's name, since attitude questions are scenarios that
    /// do not name what they probe) and the exercise's title.
    pub fn title(self) -> String {
        let exercise_title = |title: &str, exercise: Exercise| {
            let title = title.trim();
            if title.is_empty() {
                exercise.fallback_title()
            } else {
                title
            }
            .to_string()
        };
        match self {
            KitItemRef::Competency(q) => q.question.clone(),
            KitItemRef::Attitude(a) => format!("{}: {}", a.name, a.question),
            KitItemRef::Presentation(p) => exercise_title(&p.title, Exercise::Presentation),
            KitItemRef::Simulation(s) => exercise_title(&s.title, Exercise::Simulation),
        }
    }

    /// The competency id a competency question assesses; attitudes and
    /// exercises are scored on their own.
    pub fn competency(self) -> Option<&'a str> {
        match self {
            KitItemRef::Competency(q) => Some(q.competency.as_str()),
            _ => None,
        }
    }

    /// The positive and negative indicators.
    pub fn indicators(self) -> (&'a [String], &'a [String]) {
        match self {
            KitItemRef::Competency(q) => (&q.positive, &q.negative),
            KitItemRef::Attitude(a) => (&a.positive, &a.negative),
            KitItemRef::Presentation(p) => (&p.positive, &p.negative),
            KitItemRef::Simulation(s) => (&s.positive, &s.negative),
        }
    }

    /// The follow-up probes (empty in a kit frozen before it had them).
    pub fn probes(self) -> &'a [String] {
        match self {
            KitItemRef::Competency(q) => &q.probes,
            KitItemRef::Attitude(a) => &a.probes,
            KitItemRef::Presentation(p) => &p.probes,
            KitItemRef::Simulation(s) => &s.probes,
        }
    }

    /// The sample answers at each rating, for practice.
    pub fn samples(self) -> Option<&'a crate::domain::rubric::SampleAnswers> {
        match self {
            KitItemRef::Competency(q) => q.samples.as_ref(),
            KitItemRef::Attitude(a) => a.samples.as_ref(),
            KitItemRef::Presentation(p) => p.samples.as_ref(),
            KitItemRef::Simulation(s) => s.samples.as_ref(),
        }
    }

    pub fn anchors(self) -> &'a Anchors {
        match self {
            KitItemRef::Competency(q) => &q.anchors,
            KitItemRef::Attitude(a) => &a.anchors,
            KitItemRef::Presentation(p) => &p.anchors,
            KitItemRef::Simulation(s) => &s.anchors,
        }
    }

    /// The exercise's response time in minutes; questions are not timed.
    pub fn minutes(self) -> Option<u32> {
        match self {
            KitItemRef::Competency(_) | KitItemRef::Attitude(_) => None,
            KitItemRef::Presentation(p) => Some(p.minutes),
            KitItemRef::Simulation(s) => Some(s.minutes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::sample_kit as kit;

    #[test]
    fn exercise_ids_round_trip_and_others_do_not_parse() {
        for e in Exercise::ALL {
            assert_eq!(Exercise::parse(e.id()), Some(e));
            assert_eq!(PlanItem::from(e), PlanItem::exercise(e.id()));
        }
        assert_eq!(Exercise::Presentation.id(), "presentation");
        assert_eq!(Exercise::Simulation.id(), "simulation");
        for other in ["lunch", "Presentation", ""] {
            assert_eq!(Exercise::parse(other), None, "{other}");
        }
    }

    #[test]
    fn each_kind_of_item_is_found_in_its_kit() {
        let kit = kit();
        let q1 = kit.item(&PlanItem::competency("mid-q1")).unwrap();
        assert_eq!(q1, KitItemRef::Competency(&kit.competency_questions[0]));
        let listening = kit.item(&PlanItem::attitude("listening")).unwrap();
        assert!(matches!(listening, KitItemRef::Attitude(a) if a.id == "listening"));
        assert_eq!(
            kit.item(&PlanItem::exercise("presentation")),
            Some(KitItemRef::Presentation(&kit.presentation))
        );
        assert_eq!(
            kit.item(&PlanItem::exercise("simulation")),
            Some(KitItemRef::Simulation(&kit.simulation))
        );
        for e in Exercise::ALL {
            assert_eq!(kit.item(&e.into()), Some(kit.exercise(e)));
            assert_eq!(kit.exercise(e).exercise(), Some(e));
        }
        assert_eq!(q1.exercise(), None);
    }

    #[test]
    fn unknown_ids_and_other_exercises_are_not_in_the_kit() {
        let kit = kit();
        for item in [
            PlanItem::competency("nope"),
            PlanItem::attitude("nope"),
            PlanItem::exercise("lunch"),
            // Ids are unique within a kind only.
            PlanItem::exercise("mid-q1"),
            PlanItem::attitude("mid-q1"),
            PlanItem::competency("listening"),
            PlanItem::competency("presentation"),
        ] {
            assert_eq!(kit.item(&item), None, "{item:?}");
        }
    }

    #[test]
    fn titles_and_competencies_of_items() {
        let kit = kit();
        let title = |item: PlanItem| kit.item(&item).map(KitItemRef::title);
        assert_eq!(
            title(PlanItem::competency("mid-q1")).as_deref(),
            Some("How did you keep registrations clean with two field partners?")
        );
        assert_eq!(
            title(PlanItem::attitude("listening")).as_deref(),
            Some("Listening: Question?")
        );
        assert_eq!(
            title(Exercise::Presentation.into()).as_deref(),
            Some("Presentation")
        );
        assert_eq!(
            title(Exercise::Simulation.into()).as_deref(),
            Some("Role-play")
        );

        let mut untitled = kit.clone();
        untitled.simulation.title = " ".into();
        assert_eq!(
            untitled.exercise(Exercise::Simulation).title(),
            "MDF role-play"
        );

        let competency = |item: PlanItem| kit.item(&item).and_then(KitItemRef::competency);
        assert_eq!(competency(PlanItem::competency("mid-q1")), Some("pipeline"));
        assert_eq!(competency(PlanItem::attitude("listening")), None);
        assert_eq!(competency(Exercise::Presentation.into()), None);
    }

    #[test]
    fn indicators_anchors_and_minutes_come_from_the_item() {
        let kit = kit();
        let q = &kit.competency_questions[0];
        let found = kit.exercise(Exercise::Presentation);
        assert_eq!(
            found.indicators(),
            (
                kit.presentation.positive.as_slice(),
                kit.presentation.negative.as_slice()
            )
        );
        assert_eq!(found.anchors(), &kit.presentation.anchors);
        assert_eq!(found.minutes(), Some(kit.presentation.minutes));
        assert_eq!(
            kit.exercise(Exercise::Simulation).minutes(),
            Some(kit.simulation.minutes)
        );
        let question = KitItemRef::Competency(q);
        assert_eq!(
            question.indicators(),
            (q.positive.as_slice(), q.negative.as_slice())
        );
        assert_eq!(question.anchors(), &q.anchors);
        assert_eq!(question.minutes(), None);
    }
}

//! The interview plan of a requisition: which kit items are asked in which
//! round. It starts as the kit's own layout and the hiring team may adjust it
//! before interviews start; it is stored as JSON next to the requisition, so
//! a stored plan is re-checked against its kit rather than trusted.

use super::kit::Kit;
use super::kit_item::{Exercise, KitItemRef};
use serde::{Deserialize, Serialize};

/// What kind of kit item a scored item is: a competency question, an
/// attitude question or an exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    Competency,
    Attitude,
    Exercise,
}

impl ItemKind {
    pub const ALL: [ItemKind; 3] = [ItemKind::Competency, ItemKind::Attitude, ItemKind::Exercise];

    /// As it is written in item keys, forms, the API and the CSV export.
    pub fn id(self) -> &'static str {
        match self {
            ItemKind::Competency => "competency",
            ItemKind::Attitude => "attitude",
            ItemKind::Exercise => "exercise",
        }
    }
}

super::ids::id_enum_impls!(ItemKind, "item kind");

/// One scored item of the kit. Ids are only unique within a kind (an
/// attitude and a question could share one), hence the pair.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlanItem {
    pub kind: ItemKind,
    /// A kit question id, or `presentation` / `simulation` for exercises.
    pub id: String,
}

impl PlanItem {
    pub fn competency(id: impl Into<String>) -> Self {
        PlanItem {
            kind: ItemKind::Competency,
            id: id.into(),
        }
    }

    pub fn attitude(id: impl Into<String>) -> Self {
        PlanItem {
            kind: ItemKind::Attitude,
            id: id.into(),
        }
    }

    pub fn exercise(id: impl Into<String>) -> Self {
        PlanItem {
            kind: ItemKind::Exercise,
            id: id.into(),
        }
    }
}

/// The items asked in one round, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlanRound {
    /// A kit round id.
    pub round: String,
    pub items: Vec<PlanItem>,
}

/// Which kit items are asked in which round, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct InterviewPlan {
    /// The rounds and the items each asks.
    pub rounds: Vec<PlanRound>,
}

/// One change the hiring team makes to the plan. Edits travel from the
/// browser one at a time, so each is small and checked on its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum PlanEdit {
    /// To another round, at its end.
    Move {
        item: PlanItem,
        to_round: String,
    },
    /// Earlier within its round.
    Up {
        item: PlanItem,
    },
    /// Later within its round.
    Down {
        item: PlanItem,
    },
    Drop {
        item: PlanItem,
    },
    /// Only kit items not yet anywhere in the plan.
    Add {
        item: PlanItem,
        round: String,
    },
}

/// Why an edit or a stored plan was refused. `label` is the item as the
/// user knows it (its question or exercise title), so messages can be shown
/// as they are; the structured fields are for code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PlanError {
    #[error("this kit has no round `{round}`")]
    UnknownRound { round: String },
    #[error("{label} is not part of this kit")]
    NotInKit { item: PlanItem, label: String },
    #[error("{label} is not in the plan")]
    NotInPlan { item: PlanItem, label: String },
    #[error("{label} is already in the plan, in the round “{round_name}”")]
    AlreadyInPlan {
        item: PlanItem,
        label: String,
        round: String,
        round_name: String,
    },
    #[error("{label} appears more than once in the plan")]
    DuplicateItem { item: PlanItem, label: String },
    #[error("the round “{round_name}” appears more than once in the plan")]
    DuplicateRound { round: String, round_name: String },
}

/// How many rounds assess a competency. One is the minimum; two let a
/// second interviewer confirm or challenge the first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CoverageLevel {
    None,
    One,
    TwoOrMore,
}

/// How many rounds assess a competency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CompetencyCoverage {
    /// Competency id.
    pub competency: String,
    /// The competency's name.
    pub name: String,
    /// Round ids, in plan order, each once.
    pub rounds: Vec<String>,
    #[cfg_attr(feature = "ssr", schema(inline))]
    pub level: CoverageLevel,
}

fn in_kit(kit: &Kit, item: &PlanItem) -> bool {
    kit.item(item).is_some()
}

/// The item for an error message: its title when the kit knows it, else its
/// kind and id, which is all there is to show.
fn label(kit: &Kit, item: &PlanItem) -> String {
    match kit.item(item) {
        Some(found) => format!("“{}”", found.title()),
        None => {
            let kind = match item.kind {
                ItemKind::Competency => "competency question",
                ItemKind::Attitude => "attitude question",
                ItemKind::Exercise => "exercise",
            };
            format!("{kind} `{}`", item.id)
        }
    }
}

/// Minutes a scored item takes in an interview: the question, two or three
/// follow-ups and the notes. A 60-minute round holds six.
pub const MINUTES_PER_ITEM: u32 = 10;

/// How many scored items a round of `minutes` holds (at least one).
pub fn capacity(minutes: u32) -> usize {
    usize::try_from((minutes / MINUTES_PER_ITEM).max(1)).unwrap_or(1)
}

/// Every item of the kit, in the kit's own order.
pub fn kit_items(kit: &Kit) -> impl Iterator<Item = PlanItem> + '_ {
    kit.competency_questions
        .iter()
        .map(|q| PlanItem::competency(&q.id))
        .chain(
            kit.attitude_questions
                .iter()
                .map(|a| PlanItem::attitude(&a.id)),
        )
        .chain(Exercise::ALL.map(PlanItem::from))
}

fn kit_round_index(kit: &Kit, round: &str) -> Option<usize> {
    kit.rounds.iter().position(|r| r.id == round)
}

impl InterviewPlan {
    /// The plan a requisition starts with: each kit round with as many of
    /// its items as fit its minutes (see [`capacity`]). A round keeps its
    /// exercise, then one question for each competency no earlier round
    /// assesses, then attitudes, then its other questions; what does not
    /// fit stays in the kit, to swap in from the plan editor.
    pub fn from_kit(kit: &Kit) -> Self {
        use std::collections::HashSet;
        // The loader rules out repeats, but skipping them keeps the result
        // valid by construction whatever the kit holds.
        let mut seen: HashSet<PlanItem> = HashSet::new();
        let mut covered: HashSet<&str> = HashSet::new();
        let mut rounds: Vec<PlanRound> = Vec::new();
        for r in &kit.rounds {
            if rounds.iter().any(|p| p.round == r.id) {
                continue;
            }
            let questions: Vec<PlanItem> = r
                .competency_questions
                .iter()
                .map(PlanItem::competency)
                .collect();
            let attitudes: Vec<PlanItem> = r
                .attitude_questions
                .iter()
                .map(PlanItem::attitude)
                .collect();
            let exercises: Vec<PlanItem> = r.exercises.iter().map(PlanItem::exercise).collect();
            let room = capacity(r.minutes);
            let mut chosen: HashSet<PlanItem> = HashSet::new();
            let take = |item: &PlanItem, chosen: &mut HashSet<PlanItem>| {
                if chosen.len() < room && !seen.contains(item) {
                    chosen.insert(item.clone());
                }
            };
            for item in &exercises {
                take(item, &mut chosen);
            }
            for item in &questions {
                let competency = kit.item(item).and_then(KitItemRef::competency);
                if let Some(c) = competency.filter(|c| !covered.contains(c)) {
                    if chosen.len() < room && !seen.contains(item) {
                        covered.insert(c);
                        chosen.insert(item.clone());
                    }
                }
            }
            for item in attitudes.iter().chain(&questions) {
                take(item, &mut chosen);
            }
            // In the kit's order: questions, attitudes, exercises.
            let items: Vec<PlanItem> = questions
                .into_iter()
                .chain(attitudes)
                .chain(exercises)
                .filter(|item| chosen.contains(item) && seen.insert(item.clone()))
                .collect();
            for item in &items {
                if let Some(c) = kit.item(item).and_then(KitItemRef::competency) {
                    covered.insert(c);
                }
            }
            rounds.push(PlanRound {
                round: r.id.clone(),
                items,
            });
        }
        InterviewPlan { rounds }
    }

    /// Applies one edit, or changes nothing and says why.
    pub fn apply(&mut self, kit: &Kit, edit: &PlanEdit) -> Result<(), PlanError> {
        match edit {
            PlanEdit::Move { item, to_round } => {
                let (ri, ii) = self.position(kit, item)?;
                if kit_round_index(kit, to_round).is_none() {
                    return Err(PlanError::UnknownRound {
                        round: to_round.clone(),
                    });
                }
                if self.rounds[ri].round == *to_round {
                    return Ok(());
                }
                let moved = self.rounds[ri].items.remove(ii);
                let target = self.round_slot(kit, to_round);
                self.rounds[target].items.push(moved);
            }
            PlanEdit::Up { item } => {
                let (ri, ii) = self.position(kit, item)?;
                // Reordering stays within the round: the top is simply the top.
                if ii > 0 {
                    self.rounds[ri].items.swap(ii - 1, ii);
                }
            }
            PlanEdit::Down { item } => {
                let (ri, ii) = self.position(kit, item)?;
                if ii + 1 < self.rounds[ri].items.len() {
                    self.rounds[ri].items.swap(ii, ii + 1);
                }
            }
            PlanEdit::Drop { item } => {
                let (ri, ii) = self.position(kit, item)?;
                self.rounds[ri].items.remove(ii);
            }
            PlanEdit::Add { item, round } => {
                if !in_kit(kit, item) {
                    return Err(PlanError::NotInKit {
                        item: item.clone(),
                        label: label(kit, item),
                    });
                }
                if let Some(current) = self.round_of(item) {
                    return Err(PlanError::AlreadyInPlan {
                        item: item.clone(),
                        label: label(kit, item),
                        round: current.to_string(),
                        round_name: kit.round_name(current).to_string(),
                    });
                }
                if kit_round_index(kit, round).is_none() {
                    return Err(PlanError::UnknownRound {
                        round: round.clone(),
                    });
                }
                let target = self.round_slot(kit, round);
                self.rounds[target].items.push(item.clone());
            }
        }
        Ok(())
    }

    pub fn round_of(&self, item: &PlanItem) -> Option<&str> {
        self.rounds
            .iter()
            .find(|r| r.items.contains(item))
            .map(|r| r.round.as_str())
    }

    /// Kit items not in the plan, in kit order, for the "add" picker.
    pub fn available(&self, kit: &Kit) -> Vec<PlanItem> {
        kit_items(kit)
            .filter(|item| self.round_of(item).is_none())
            .collect()
    }

    /// One entry per kit competency, in kit order.
    pub fn coverage(&self, kit: &Kit) -> Vec<CompetencyCoverage> {
        kit.competencies
            .iter()
            .map(|c| {
                let mut rounds: Vec<String> = Vec::new();
                for r in &self.rounds {
                    let assessed = r.items.iter().any(|item| {
                        kit.item(item).and_then(KitItemRef::competency) == Some(c.id.as_str())
                    });
                    if assessed && !rounds.contains(&r.round) {
                        rounds.push(r.round.clone());
                    }
                }
                let level = match rounds.len() {
                    0 => CoverageLevel::None,
                    1 => CoverageLevel::One,
                    _ => CoverageLevel::TwoOrMore,
                };
                CompetencyCoverage {
                    competency: c.id.clone(),
                    name: c.name.clone(),
                    rounds,
                    level,
                }
            })
            .collect()
    }

    /// Competencies nobody will assess, and rounds with more items than
    /// their minutes hold, as sentences for the plan page.
    pub fn warnings(&self, kit: &Kit) -> Vec<String> {
        let available = self.available(kit);
        let crowded = self.rounds.iter().filter_map(|r| {
            let kit_round = kit.rounds.iter().find(|k| k.id == r.round)?;
            let room = capacity(kit_round.minutes);
            (r.items.len() > room).then(|| {
                format!(
                    "{} has {} scored items in {} minutes; at about {MINUTES_PER_ITEM} minutes an item it holds {room}: move or drop {}",
                    kit_round.name,
                    r.items.len(),
                    kit_round.minutes,
                    r.items.len() - room
                )
            })
        });
        let crowded: Vec<String> = crowded.collect();
        self.coverage(kit)
            .into_iter()
            .filter(|c| c.level == CoverageLevel::None)
            .map(|c| {
                // Telling the user to add a question is only useful when the
                // picker has one to offer.
                let addable = available.iter().any(|item| {
                    kit.item(item).and_then(KitItemRef::competency) == Some(c.competency.as_str())
                });
                if addable {
                    format!("{} is assessed in no round: add a question for it", c.name)
                } else {
                    format!(
                        "{} is assessed in no round, and this kit has no question for it",
                        c.name
                    )
                }
            })
            .chain(crowded)
            .collect()
    }

    /// Whether a stored plan still fits its kit: the YAML may have been
    /// edited since the plan was saved.
    pub fn validate(&self, kit: &Kit) -> Result<(), PlanError> {
        let mut seen_items = std::collections::HashSet::new();
        for (i, r) in self.rounds.iter().enumerate() {
            if kit_round_index(kit, &r.round).is_none() {
                return Err(PlanError::UnknownRound {
                    round: r.round.clone(),
                });
            }
            if self.rounds[..i].iter().any(|p| p.round == r.round) {
                return Err(PlanError::DuplicateRound {
                    round: r.round.clone(),
                    round_name: kit.round_name(&r.round).to_string(),
                });
            }
            for item in &r.items {
                if !in_kit(kit, item) {
                    return Err(PlanError::NotInKit {
                        item: item.clone(),
                        label: label(kit, item),
                    });
                }
                if !seen_items.insert(item) {
                    return Err(PlanError::DuplicateItem {
                        item: item.clone(),
                        label: label(kit, item),
                    });
                }
            }
        }
        Ok(())
    }

    /// Where an item sits, or the error every edit of a missing item gives.
    fn position(&self, kit: &Kit, item: &PlanItem) -> Result<(usize, usize), PlanError> {
        self.rounds
            .iter()
            .enumerate()
            .find_map(|(ri, r)| r.items.iter().position(|i| i == item).map(|ii| (ri, ii)))
            .ok_or_else(|| PlanError::NotInPlan {
                item: item.clone(),
                label: label(kit, item),
            })
    }

    /// The index of a kit round in the plan. A plan saved before the kit
    /// gained a round lacks it, so it is created where the kit puts it
    /// rather than refused. The caller has checked the kit has the round.
    fn round_slot(&mut self, kit: &Kit, round: &str) -> usize {
        if let Some(i) = self.rounds.iter().position(|r| r.round == round) {
            return i;
        }
        let order = kit_round_index(kit, round);
        let at = self
            .rounds
            .iter()
            .position(|r| kit_round_index(kit, &r.round) > order)
            .unwrap_or(self.rounds.len());
        self.rounds.insert(
            at,
            PlanRound {
                round: round.to_string(),
                items: Vec::new(),
            },
        );
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_kind_is_spelled_once_for_keys_forms_and_json() {
        for kind in ItemKind::ALL {
            assert_eq!(kind.id().parse::<ItemKind>(), Ok(kind));
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.id());
        }
        let unknown = "question".parse::<ItemKind>().unwrap_err().to_string();
        assert!(
            unknown.contains("competency, attitude, exercise"),
            "{unknown}"
        );
    }
    use crate::domain::fixtures::sample_library;
    use crate::domain::kit::{KitCompetency, KitQuestion};
    use crate::domain::{Level, SubRole};

    fn kit() -> Kit {
        sample_library()
            .kit(SubRole::CoSellOps, Level::Mid)
            .unwrap()
    }

    fn q1() -> PlanItem {
        PlanItem::competency("mid-q1")
    }

    fn listening() -> PlanItem {
        PlanItem::attitude("listening")
    }

    fn presentation() -> PlanItem {
        PlanItem::exercise("presentation")
    }

    fn simulation() -> PlanItem {
        PlanItem::exercise("simulation")
    }

    fn ids(plan: &InterviewPlan, round: &str) -> Vec<PlanItem> {
        plan.rounds
            .iter()
            .find(|r| r.round == round)
            .map(|r| r.items.clone())
            .unwrap_or_default()
    }

    /// A second pipeline question, asked in the simulation round.
    fn kit_with_second_question() -> Kit {
        let mut kit = kit();
        let second = KitQuestion {
            id: "mid-q2".into(),
            round: "simulation".into(),
            ..kit.competency_questions[0].clone()
        };
        kit.competency_questions.push(second);
        kit.rounds[1].competency_questions.push("mid-q2".into());
        kit
    }

    #[test]
    fn a_round_gets_only_the_items_its_minutes_hold() {
        assert_eq!(capacity(60), 6);
        assert_eq!(capacity(45), 4);
        assert_eq!(capacity(5), 1);
        let mut kit = kit();
        let full = InterviewPlan::from_kit(&kit);
        // Twenty minutes hold two items: the exercise, then the question
        // for a competency nothing else assesses; the attitude waits.
        kit.rounds[0].minutes = 20;
        let plan = InterviewPlan::from_kit(&kit);
        assert_eq!(ids(&plan, "deep-dive"), vec![q1(), presentation()]);
        assert!(plan.available(&kit).contains(&listening()));
        assert!(plan.warnings(&kit).is_empty(), "{:?}", plan.warnings(&kit));
        // The kit's whole round in twenty minutes is too much, and said so.
        let warnings = full.warnings(&kit);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].contains("has 3 scored items in 20 minutes")
                && warnings[0].contains("holds 2"),
            "{warnings:?}"
        );
    }

    #[test]
    fn from_kit_mirrors_the_kit() {
        let kit = kit();
        let plan = InterviewPlan::from_kit(&kit);
        let rounds: Vec<_> = plan.rounds.iter().map(|r| r.round.as_str()).collect();
        assert_eq!(rounds, vec!["deep-dive", "simulation"]);
        assert_eq!(
            ids(&plan, "deep-dive"),
            vec![q1(), listening(), presentation()]
        );
        assert_eq!(ids(&plan, "simulation"), vec![simulation()]);
        assert_eq!(plan.validate(&kit), Ok(()));
        assert!(plan.available(&kit).is_empty());
        assert!(plan.warnings(&kit).is_empty());
    }

    #[test]
    fn move_appends_to_the_other_round() {
        let kit = kit();
        let mut plan = InterviewPlan::from_kit(&kit);
        let edit = PlanEdit::Move {
            item: q1(),
            to_round: "simulation".into(),
        };
        plan.apply(&kit, &edit).unwrap();
        assert_eq!(ids(&plan, "deep-dive"), vec![listening(), presentation()]);
        assert_eq!(ids(&plan, "simulation"), vec![simulation(), q1()]);
        assert_eq!(plan.round_of(&q1()), Some("simulation"));
        assert_eq!(plan.validate(&kit), Ok(()));
    }

    #[test]
    fn move_within_the_same_round_changes_nothing() {
        let kit = kit();
        let mut plan = InterviewPlan::from_kit(&kit);
        let before = plan.clone();
        plan.apply(
            &kit,
            &PlanEdit::Move {
                item: q1(),
                to_round: "deep-dive".into(),
            },
        )
        .unwrap();
        assert_eq!(plan, before);
    }

    #[test]
    fn move_refuses_unknown_rounds_and_missing_items_without_changes() {
        let kit = kit();
        let mut plan = InterviewPlan::from_kit(&kit);
        let before = plan.clone();
        let err = plan
            .apply(
                &kit,
                &PlanEdit::Move {
                    item: q1(),
                    to_round: "lunch".into(),
                },
            )
            .unwrap_err();
        assert_eq!(
            err,
            PlanError::UnknownRound {
                round: "lunch".into()
            }
        );
        assert_eq!(err.to_string(), "this kit has no round `lunch`");
        assert_eq!(plan, before);

        plan.apply(&kit, &PlanEdit::Drop { item: q1() }).unwrap();
        let err = plan
            .apply(
                &kit,
                &PlanEdit::Move {
                    item: q1(),
                    to_round: "simulation".into(),
                },
            )
            .unwrap_err();
        assert!(matches!(err, PlanError::NotInPlan { .. }), "{err:?}");
        assert_eq!(
            err.to_string(),
            "“How did you keep registrations clean with two field partners?” is not in the plan"
        );
    }

    #[test]
    fn up_and_down_reorder_within_the_round() {
        let kit = kit();
        let mut plan = InterviewPlan::from_kit(&kit);
        plan.apply(&kit, &PlanEdit::Down { item: q1() }).unwrap();
        assert_eq!(
            ids(&plan, "deep-dive"),
            vec![listening(), q1(), presentation()]
        );
        plan.apply(
            &kit,
            &PlanEdit::Up {
                item: presentation(),
            },
        )
        .unwrap();
        assert_eq!(
            ids(&plan, "deep-dive"),
            vec![listening(), presentation(), q1()]
        );
    }

    #[test]
    fn up_at_the_top_and_down_at_the_bottom_are_no_ops() {
        let kit = kit();
        let mut plan = InterviewPlan::from_kit(&kit);
        let before = plan.clone();
        plan.apply(&kit, &PlanEdit::Up { item: q1() }).unwrap();
        plan.apply(
            &kit,
            &PlanEdit::Down {
                item: presentation(),
            },
        )
        .unwrap();
        // The only item of a round is both top and bottom.
        plan.apply(&kit, &PlanEdit::Up { item: simulation() })
            .unwrap();
        plan.apply(&kit, &PlanEdit::Down { item: simulation() })
            .unwrap();
        assert_eq!(plan, before);
    }

    #[test]
    fn up_and_down_refuse_items_not_in_the_plan() {
        let kit = kit();
        let mut plan = InterviewPlan::from_kit(&kit);
        plan.apply(&kit, &PlanEdit::Drop { item: listening() })
            .unwrap();
        let before = plan.clone();
        for edit in [
            PlanEdit::Up { item: listening() },
            PlanEdit::Down { item: listening() },
        ] {
            let err = plan.apply(&kit, &edit).unwrap_err();
            assert_eq!(err.to_string(), "“Listening: Question?” is not in the plan");
        }
        assert_eq!(plan, before);
    }

    #[test]
    fn drop_removes_the_item_and_offers_it_back() {
        let kit = kit();
        let mut plan = InterviewPlan::from_kit(&kit);
        plan.apply(
            &kit,
            &PlanEdit::Drop {
                item: presentation(),
            },
        )
        .unwrap();
        assert_eq!(ids(&plan, "deep-dive"), vec![q1(), listening()]);
        assert_eq!(plan.round_of(&presentation()), None);
        assert_eq!(plan.available(&kit), vec![presentation()]);

        let err = plan
            .apply(
                &kit,
                &PlanEdit::Drop {
                    item: presentation(),
                },
            )
            .unwrap_err();
        assert_eq!(
            err,
            PlanError::NotInPlan {
                item: presentation(),
                label: "“Presentation”".into()
            }
        );
        let unknown = PlanItem::competency("nope");
        let err = plan
            .apply(&kit, &PlanEdit::Drop { item: unknown })
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "competency question `nope` is not in the plan"
        );
    }

    #[test]
    fn add_puts_a_dropped_item_at_the_end_of_any_round() {
        let kit = kit();
        let mut plan = InterviewPlan::from_kit(&kit);
        plan.apply(
            &kit,
            &PlanEdit::Drop {
                item: presentation(),
            },
        )
        .unwrap();
        plan.apply(
            &kit,
            &PlanEdit::Add {
                item: presentation(),
                round: "simulation".into(),
            },
        )
        .unwrap();
        assert_eq!(ids(&plan, "simulation"), vec![simulation(), presentation()]);
        assert!(plan.available(&kit).is_empty());
        assert_eq!(plan.validate(&kit), Ok(()));
    }

    #[test]
    fn add_refuses_items_already_planned_naming_their_round() {
        let kit = kit();
        let mut plan = InterviewPlan::from_kit(&kit);
        let before = plan.clone();
        let err = plan
            .apply(
                &kit,
                &PlanEdit::Add {
                    item: listening(),
                    round: "simulation".into(),
                },
            )
            .unwrap_err();
        assert_eq!(
            err,
            PlanError::AlreadyInPlan {
                item: listening(),
                label: "“Listening: Question?”".into(),
                round: "deep-dive".into(),
                round_name: "Deep dive".into(),
            }
        );
        assert_eq!(
            err.to_string(),
            "“Listening: Question?” is already in the plan, in the round “Deep dive”"
        );
        assert_eq!(plan, before);
    }

    #[test]
    fn add_refuses_items_outside_the_kit_and_unknown_rounds() {
        let kit = kit();
        let mut plan = InterviewPlan::from_kit(&kit);
        let before = plan.clone();
        for (item, message) in [
            (
                PlanItem::exercise("lunch"),
                "exercise `lunch` is not part of this kit",
            ),
            (
                PlanItem::attitude("mid-q1"),
                "attitude question `mid-q1` is not part of this kit",
            ),
            (
                PlanItem::competency("jr-q1"),
                "competency question `jr-q1` is not part of this kit",
            ),
        ] {
            let err = plan
                .apply(
                    &kit,
                    &PlanEdit::Add {
                        item: item.clone(),
                        round: "deep-dive".into(),
                    },
                )
                .unwrap_err();
            assert!(matches!(err, PlanError::NotInKit { .. }), "{err:?}");
            assert_eq!(err.to_string(), message);
        }

        assert_eq!(plan, before);

        plan.apply(&kit, &PlanEdit::Drop { item: q1() }).unwrap();
        let after_drop = plan.clone();
        let err = plan
            .apply(
                &kit,
                &PlanEdit::Add {
                    item: q1(),
                    round: "lunch".into(),
                },
            )
            .unwrap_err();
        assert_eq!(
            err,
            PlanError::UnknownRound {
                round: "lunch".into()
            }
        );
        assert_eq!(plan, after_drop);
    }

    #[test]
    fn edits_recreate_a_kit_round_missing_from_the_plan_in_kit_order() {
        let kit = kit();
        let mut plan = InterviewPlan::from_kit(&kit);
        plan.rounds.remove(0);
        plan.apply(
            &kit,
            &PlanEdit::Add {
                item: q1(),
                round: "deep-dive".into(),
            },
        )
        .unwrap();
        let rounds: Vec<_> = plan.rounds.iter().map(|r| r.round.as_str()).collect();
        assert_eq!(rounds, vec!["deep-dive", "simulation"]);
        assert_eq!(ids(&plan, "deep-dive"), vec![q1()]);
    }

    #[test]
    fn coverage_counts_rounds_once_each_in_plan_order() {
        let kit = kit_with_second_question();
        let mut plan = InterviewPlan::from_kit(&kit);
        let coverage = plan.coverage(&kit);
        assert_eq!(
            coverage,
            vec![CompetencyCoverage {
                competency: "pipeline".into(),
                name: "Pipeline".into(),
                rounds: vec!["deep-dive".into(), "simulation".into()],
                level: CoverageLevel::TwoOrMore,
            }]
        );

        // Two questions in one round are still one round.
        plan.apply(
            &kit,
            &PlanEdit::Move {
                item: PlanItem::competency("mid-q2"),
                to_round: "deep-dive".into(),
            },
        )
        .unwrap();
        let coverage = plan.coverage(&kit);
        assert_eq!(coverage[0].rounds, vec!["deep-dive".to_string()]);
        assert_eq!(coverage[0].level, CoverageLevel::One);
        assert!(plan.warnings(&kit).is_empty());
    }

    #[test]
    fn dropping_a_competencys_only_question_warns() {
        let kit = kit();
        let mut plan = InterviewPlan::from_kit(&kit);
        assert_eq!(plan.coverage(&kit)[0].level, CoverageLevel::One);
        plan.apply(&kit, &PlanEdit::Drop { item: q1() }).unwrap();
        let coverage = plan.coverage(&kit);
        assert_eq!(coverage[0].level, CoverageLevel::None);
        assert!(coverage[0].rounds.is_empty());
        assert_eq!(
            plan.warnings(&kit),
            vec!["Pipeline is assessed in no round: add a question for it".to_string()]
        );
    }

    #[test]
    fn a_competency_without_questions_is_named_as_such() {
        let mut kit = kit();
        kit.competencies.push(KitCompetency {
            id: "negotiation".into(),
            name: "Negotiation".into(),
            question_count: 0,
            ..kit.competencies[0].clone()
        });
        let plan = InterviewPlan::from_kit(&kit);
        assert_eq!(
            plan.warnings(&kit),
            vec![
                "Negotiation is assessed in no round, and this kit has no question for it"
                    .to_string()
            ]
        );
    }

    #[test]
    fn validate_catches_plans_that_no_longer_fit_the_kit() {
        let kit = kit();
        let base = InterviewPlan::from_kit(&kit);

        let mut plan = base.clone();
        plan.rounds[0].round = "lunch".into();
        assert_eq!(
            plan.validate(&kit),
            Err(PlanError::UnknownRound {
                round: "lunch".into()
            })
        );

        let mut plan = base.clone();
        plan.rounds[1].items.push(PlanItem::competency("gone"));
        assert!(matches!(
            plan.validate(&kit),
            Err(PlanError::NotInKit { .. })
        ));

        let mut plan = base.clone();
        plan.rounds[1].items.push(q1());
        let err = plan.validate(&kit).unwrap_err();
        assert!(matches!(err, PlanError::DuplicateItem { .. }), "{err:?}");
        assert!(err.to_string().contains("more than once"), "{err}");

        let mut plan = base.clone();
        plan.rounds.push(PlanRound {
            round: "deep-dive".into(),
            items: vec![],
        });
        assert_eq!(
            plan.validate(&kit).unwrap_err().to_string(),
            "the round “Deep dive” appears more than once in the plan"
        );
    }

    #[test]
    fn edits_use_the_documented_json() {
        let edit: PlanEdit =
            serde_json::from_str(r#"{"op":"drop","item":{"kind":"competency","id":"mid-q1"}}"#)
                .unwrap();
        assert_eq!(edit, PlanEdit::Drop { item: q1() });

        let edit = PlanEdit::Move {
            item: listening(),
            to_round: "simulation".into(),
        };
        let json = serde_json::to_string(&edit).unwrap();
        assert_eq!(
            json,
            r#"{"op":"move","item":{"kind":"attitude","id":"listening"},"to_round":"simulation"}"#
        );

        for edit in [
            edit,
            PlanEdit::Up { item: q1() },
            PlanEdit::Down { item: simulation() },
            PlanEdit::Drop {
                item: presentation(),
            },
            PlanEdit::Add {
                item: q1(),
                round: "deep-dive".into(),
            },
        ] {
            let json = serde_json::to_string(&edit).unwrap();
            assert_eq!(serde_json::from_str::<PlanEdit>(&json).unwrap(), edit);
        }
    }

    #[test]
    fn plans_and_coverage_round_trip_through_json() {
        let kit = kit();
        let plan = InterviewPlan::from_kit(&kit);
        let json = serde_json::to_string(&plan).unwrap();
        assert_eq!(serde_json::from_str::<InterviewPlan>(&json).unwrap(), plan);
        assert_eq!(
            serde_json::to_string(&CoverageLevel::TwoOrMore).unwrap(),
            r#""two-or-more""#
        );
    }
}

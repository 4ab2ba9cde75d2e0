//! The board's layout from a kit: the columns a plan uses, in the kit's
//! order, and the plan's items under them.

use super::{BoardColumn, BoardItem};
use crate::domain::kit::Kit;
use crate::domain::kit_item::{Exercise, KitItemRef};
use crate::domain::plan::PlanItem;
use crate::domain::scorecard::item_key;
use foldhash::HashMap;
use std::collections::BTreeSet;

/// The column id of the attitudes, scored together.
pub const ATTITUDES: &str = "attitudes";

fn competency_column(id: &str) -> String {
    format!("competency:{id}")
}

/// The column an item counts in: each exercise has its own, keyed like
/// the item.
fn column_of(found: KitItemRef<'_>, item: &PlanItem) -> String {
    match found {
        KitItemRef::Competency(q) => competency_column(&q.competency),
        KitItemRef::Attitude(_) => ATTITUDES.to_string(),
        KitItemRef::Presentation(_) | KitItemRef::Simulation(_) => item_key(item),
    }
}

/// The board's columns and items for a plan's items (and any other kit
/// items a card holds), in the kit's order: competencies, attitudes, the
/// presentation, the role-play. Items the kit does not know are left out.
pub fn layout(kit: &Kit, items: &[PlanItem]) -> (Vec<BoardColumn>, Vec<BoardItem>) {
    let mut board_items: Vec<BoardItem> = Vec::new();
    let mut used: BTreeSet<String> = BTreeSet::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for item in items {
        let Some(found) = kit.item(item) else {
            continue;
        };
        let key = item_key(item);
        if !seen.insert(key.clone()) {
            continue;
        }
        let column = column_of(found, item);
        used.insert(column.clone());
        let competency = found.competency().and_then(|id| {
            kit.competencies
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.name.clone())
        });
        board_items.push(BoardItem {
            key,
            title: found.title(),
            column,
            competency,
        });
    }
    let mut columns: Vec<BoardColumn> = kit
        .competencies
        .iter()
        .map(|c| BoardColumn {
            id: competency_column(&c.id),
            label: c.name.clone(),
            weight: kit
                .weights
                .competencies
                .get(&c.id)
                .copied()
                .unwrap_or(c.weight),
        })
        .collect();
    columns.push(BoardColumn {
        id: ATTITUDES.into(),
        label: "Attitudes".into(),
        weight: kit.weights.attitudes,
    });
    columns.extend(Exercise::ALL.map(|exercise| {
        let (label, weight) = match exercise {
            Exercise::Presentation => ("Presentation", kit.weights.presentation),
            Exercise::Simulation => ("Role-play", kit.weights.simulation),
        };
        BoardColumn {
            id: item_key(&exercise.into()),
            label: label.into(),
            weight,
        }
    }));
    columns.retain(|c| used.contains(&c.id));
    // Items follow their columns' order, then the plan's.
    let order: HashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    board_items.sort_by_key(|i| order.get(i.column.as_str()).copied().unwrap_or(usize::MAX));
    (columns, board_items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::board::fixtures::ids;
    use crate::domain::fixtures::sample_library;
    use crate::domain::rubric::{Competency, CompetencyQuestion};
    use crate::domain::{Level, SubRole};

    /// The fixture library with two more competencies: `governance`, asked
    /// by `mid-q2`, and `forecasting`, asked by nothing; and a second
    /// pipeline question, `mid-q3`.
    fn kit() -> Kit {
        let mut library = sample_library();
        let pipeline = library.competencies[0].clone();
        for (id, name) in [("governance", "Governance"), ("forecasting", "Forecasting")] {
            library.competencies.push(Competency {
                id: id.into(),
                name: name.into(),
                ..pipeline.clone()
            });
        }
        let q1 = library.questions.mid[0].clone();
        library.questions.mid.push(CompetencyQuestion {
            id: "mid-q2".into(),
            competency: "governance".into(),
            question: "Who signs off a joint plan?".into(),
            ..q1.clone()
        });
        library.questions.mid.push(CompetencyQuestion {
            id: "mid-q3".into(),
            question: "How do you find duplicate deals?".into(),
            ..q1
        });
        library.kit(SubRole::CoSellOps, Level::Mid).unwrap()
    }

    #[test]
    fn layout_orders_columns_like_the_kit_and_drops_unused_ones() {
        let kit = kit();
        let plan = [
            PlanItem::exercise("simulation"),
            PlanItem::attitude("listening"),
            PlanItem::competency("mid-q2"),
            PlanItem::competency("mid-q3"),
            PlanItem::exercise("presentation"),
            PlanItem::competency("mid-q1"),
            // Repeats and items the kit does not know are left out.
            PlanItem::competency("mid-q3"),
            PlanItem::competency("no-such-question"),
            PlanItem::exercise("no-such-exercise"),
        ];
        let (columns, items) = layout(&kit, &plan);
        assert_eq!(
            columns,
            vec![
                BoardColumn {
                    id: "competency:pipeline".into(),
                    label: "Pipeline".into(),
                    weight: 5,
                },
                BoardColumn {
                    id: "competency:governance".into(),
                    label: "Governance".into(),
                    // Not in the sub-role's weights: the kit's default.
                    weight: 1,
                },
                BoardColumn {
                    id: "attitudes".into(),
                    label: "Attitudes".into(),
                    weight: 2,
                },
                BoardColumn {
                    id: "exercise:presentation".into(),
                    label: "Presentation".into(),
                    weight: 3,
                },
                BoardColumn {
                    id: "exercise:simulation".into(),
                    label: "Role-play".into(),
                    weight: 4,
                },
            ]
        );
        // Items follow their columns, then the plan's order within one.
        assert_eq!(
            ids(&items, |i| &i.key),
            [
                "competency:mid-q3",
                "competency:mid-q1",
                "competency:mid-q2",
                "attitude:listening",
                "exercise:presentation",
                "exercise:simulation",
            ]
        );
        let q2 = &items[2];
        assert_eq!(q2.column, "competency:governance");
        assert_eq!(q2.title, "Who signs off a joint plan?");
        assert_eq!(q2.competency.as_deref(), Some("Governance"));
        let listening = &items[3];
        assert_eq!(listening.column, ATTITUDES);
        assert_eq!(listening.title, "Listening: Question?");
        assert_eq!(listening.competency, None);
        assert_eq!(items[5].title, "Role-play");
        assert_eq!(items[5].competency, None);
    }

    #[test]
    fn layout_keeps_only_the_columns_the_plan_uses() {
        let kit = kit();
        let (columns, items) = layout(
            &kit,
            &[
                PlanItem::exercise("simulation"),
                PlanItem::competency("mid-q2"),
            ],
        );
        assert_eq!(
            ids(&columns, |c| &c.id),
            ["competency:governance", "exercise:simulation"]
        );
        assert_eq!(
            ids(&items, |i| &i.key),
            ["competency:mid-q2", "exercise:simulation"]
        );
        assert_eq!(layout(&kit, &[]), (vec![], vec![]));
    }
}

//! The board's table: a row per candidate, a column per item of the kit,
//! each cell the panel's ratings, with the headings that sort it.

use super::text::{counts_text, one_decimal, recommendations_text};
use super::BoardQuery;
use crate::domain::board::{
    tenths_down, Board, CandidateRow, Cell, Direction, SortKey, EXPECTATION,
};
use crate::domain::board_export::chart::profile_svg;
use crate::domain::scorecard::Recommendation;
use leptos::prelude::*;

/// A column heading that sorts by `key`, keeping the rest of the query.
/// The active one says its direction; clicking it reverses it.
pub(super) fn sort_heading(
    id: &str,
    key: SortKey,
    asked: &BoardQuery,
    label: String,
    extra: Option<String>,
) -> AnyView {
    let active = key == asked.sort;
    let column = match &key {
        SortKey::Column(c) => Some(c.clone()),
        _ => None,
    };
    let name = key == SortKey::Name;
    let next = asked.sorted_by(key.clone());
    let hint = match (next.direction, name) {
        (Direction::Ascending, true) => "Sort A to Z",
        (Direction::Descending, true) => "Sort Z to A",
        (Direction::Ascending, false) => "Sort lowest first",
        (Direction::Descending, false) => "Sort highest first",
    };
    view! {
        <th scope="col" data-column=column data-sort=key.id().to_string() aria-sort=active.then_some(asked.direction.aria()) class:board-sorted=active>
            <a href=next.href(id) title=hint>{label}</a>
            {extra.map(|e| view! { <span class="board-weight">{e}</span> })}
        </th>
    }
    .into_any()
}

/// The table: the candidate, then what the panel must decide from
/// (stage, weighted score, the evidence's call, the decision), then each
/// score column, then the rest.
pub(super) fn matrix(b: &Board, rows: &[&CandidateRow], asked: &BoardQuery) -> AnyView {
    let id = b.requisition_id.clone();
    let headings: Vec<AnyView> = b
        .columns
        .iter()
        .map(|c| {
            sort_heading(
                &id,
                SortKey::Column(c.id.clone()),
                asked,
                c.label.clone(),
                Some(format!("weight {}", c.weight)),
            )
        })
        .collect();
    let body: Vec<AnyView> = rows.iter().map(|r| matrix_row(b, r)).collect();
    view! {
        <div class="board-scroll board-matrix-scroll">
            <table class="board-matrix">
                <thead>
                    <tr>
                        {sort_heading(&id, SortKey::Name, asked, "Candidate".into(), None)}
                        <th scope="col">"Stage"</th>
                        {sort_heading(&id, SortKey::Weighted, asked, "Weighted".into(), None)}
                        <th scope="col">"Evidence says"</th>
                        <th scope="col" class="board-decision-heading">"Decision"</th>
                        {headings}
                        <th scope="col">"Recommendations"</th>
                        <th scope="col">"Flags"</th>
                        <th scope="col">"Cards missing"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

pub(super) fn matrix_row(b: &Board, row: &CandidateRow) -> AnyView {
    let (summary, scores) = if row.hidden {
        // Spans follow the headings: the weighted score and the
        // evidence's call; then every score column and the
        // recommendations.
        let span = b.columns.len() + 1;
        (
            view! { <td class="board-hidden" colspan="2">"Hidden"</td> }.into_any(),
            view! {
                <td class="board-hidden" colspan=span>
                    "Hidden until you submit your own scorecard for this candidate. You see everyone's ratings once yours is in."
                </td>
            }
            .into_any(),
        )
    } else {
        let cells: Vec<AnyView> = row.cells.iter().map(score_cell).collect();
        (
            view! {
                <td class="board-weighted num" data-weighted=row.weighted.map(|w| format!("{w:.2}"))>{one_decimal(row.weighted)}</td>
                <td class="board-evidence">{row.evidence.map(Recommendation::label).unwrap_or("—")}</td>
            }
            .into_any(),
            view! {
                {cells}
                <td class="board-recommendations">{recommendations_text(&row.recommendations)}</td>
            }
            .into_any(),
        )
    };
    let flags = match row.to_discuss {
        0 => view! { <span class="muted">"—"</span> }.into_any(),
        n => view! {
            <a class="board-flags" href=format!("/candidates/{}/board#to-discuss", row.id)>{format!("{n} to discuss")}</a>
        }
        .into_any(),
    };
    view! {
        <tr data-candidate=row.id.clone() data-stage=row.stage.id() data-hidden=row.hidden.to_string()>
            <th scope="row"><a class="board-candidate" href=format!("/candidates/{}/board", row.id)>{row.name.clone()}</a></th>
            <td><span class=format!("stage stage-{}", row.stage.id())>{row.stage.label()}</span></td>
            {summary}
            <td class="board-decision-cell">{decision_summary(row)}</td>
            {scores}
            <td>{flags}</td>
            <td class="board-missing">{missing_summary(row)}</td>
        </tr>
    }
    .into_any()
}

pub(super) fn score_cell(cell: &Cell) -> AnyView {
    let column = cell.column.clone();
    if cell.counts.total() == 0 {
        return view! {
            <td class="board-cell board-empty" data-column=column>
                <span aria-hidden="true">"—"</span>
                <span class="visually-hidden">"No ratings"</span>
            </td>
        }
        .into_any();
    }
    let short = cell.mean.is_some_and(|m| m < EXPECTATION);
    let band = cell.mean.map(ScoreBand::of);
    let class = match band {
        Some(band) => format!("board-cell {}", band.class()),
        None => "board-cell".to_string(),
    };
    view! {
        <td class=class class:board-short=short data-column=column data-band=band.map(ScoreBand::id) data-mean=cell.mean.map(|m| format!("{m:.2}"))>
            <span class="board-counts">{counts_text(&cell.counts)}</span>
            {cell.mean.map(|m| view! {
                <strong class="board-mean">{tenths_down(m)}</strong>
                {short.then(|| view! { <span class="visually-hidden">" (below the level's expectation)"</span> })}
            })}
        </td>
    }
    .into_any()
}

/// Where a column mean (1 to 3) stands against the level's expectation
/// ([`EXPECTATION`], a mean of 2.0): the cell's colour on a diverging
/// orange (short of it) to purple (beyond it) scale that colour-blind
/// readers can tell apart (ColorBrewer PuOr), deeper half a step or more
/// away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoreBand {
    WellShort,
    Short,
    Meets,
    Above,
    WellAbove,
}

impl ScoreBand {
    pub const ALL: [ScoreBand; 5] = [
        ScoreBand::WellShort,
        ScoreBand::Short,
        ScoreBand::Meets,
        ScoreBand::Above,
        ScoreBand::WellAbove,
    ];

    /// The band of a mean rating.
    pub fn of(mean: f64) -> ScoreBand {
        if mean < EXPECTATION - 0.5 {
            ScoreBand::WellShort
        } else if mean < EXPECTATION {
            ScoreBand::Short
        } else if mean <= EXPECTATION {
            ScoreBand::Meets
        } else if mean < EXPECTATION + 0.5 {
            ScoreBand::Above
        } else {
            ScoreBand::WellAbove
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            ScoreBand::WellShort => "well-short",
            ScoreBand::Short => "short",
            ScoreBand::Meets => "meets",
            ScoreBand::Above => "above",
            ScoreBand::WellAbove => "well-above",
        }
    }

    /// The class that colours a cell.
    pub fn class(self) -> String {
        format!("board-band-{}", self.id())
    }

    /// What the colour means, for the legend.
    pub fn label(self) -> &'static str {
        match self {
            ScoreBand::WellShort => "under 1.5: well short",
            ScoreBand::Short => "1.5 to under 2: short",
            ScoreBand::Meets => "2: meets it",
            ScoreBand::Above => "over 2, under 2.5: above",
            ScoreBand::WellAbove => "2.5 or more: well above",
        }
    }
}

/// The key to the cells' colours, above the table.
pub(super) fn score_legend() -> AnyView {
    let keys = ScoreBand::ALL
        .into_iter()
        .map(|band| {
            view! {
                <li data-band=band.id()>
                    <span class=format!("board-swatch {}", band.class()) aria-hidden="true"></span>
                    {band.label()}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="board-legend">
            <p>{format!("Cell colours compare each mean with the level's expectation ({EXPECTATION:.1}): orange falls short of it, purple goes beyond it, and the deeper the colour the further away. The counts and the number are always there too.")}</p>
            <ul>{keys}</ul>
        </div>
    }
    .into_any()
}

pub(super) fn decision_summary(row: &CandidateRow) -> AnyView {
    if row.hidden {
        // The decision is withheld with the ratings: "not decided" could
        // be untrue.
        return view! { <span class="muted">"Hidden"</span> }.into_any();
    }
    match &row.decision {
        None => view! { <span class="muted">"Not decided"</span> }.into_any(),
        Some(d) => view! {
            <span class="board-decision-label" data-outcome=d.outcome.id()>{d.outcome.label()}</span>
            {row.departs.then(|| view! {
                " "<span class="board-departs" title="The decision goes against the weighted evidence">"departs from the evidence"</span>
            })}
            {(!row.earlier_decisions.is_empty()).then(|| {
                let earlier = row.earlier_decisions.len();
                let last = row.earlier_decisions.last().map(|d| d.outcome.label()).unwrap_or_default();
                view! {
                    " "<span class="board-decision-changed muted" data-earlier-decisions=earlier>
                        {format!("(changed from {last}; {earlier} earlier)")}
                    </span>
                }
            })}
        }
        .into_any(),
    }
}

pub(super) fn missing_summary(row: &CandidateRow) -> AnyView {
    let missing = row.missing.len();
    let overdue = row.missing.iter().filter(|m| m.overdue).count();
    if missing == 0 {
        let text = if row.submitted_cards == 0 {
            "No interviews yet"
        } else {
            "All in"
        };
        return view! { <span class="muted">{text}</span> }.into_any();
    }
    view! {
        <a href=format!("/candidates/{}/board#missing", row.id)>{format!("{missing} missing")}</a>
        {(overdue > 0).then(|| view! { " · "<span class="board-overdue">{format!("{overdue} overdue")}</span> })}
    }
    .into_any()
}

pub(super) fn profile_figure(b: &Board, row: &CandidateRow) -> AnyView {
    let caption = match (row.weighted, row.evidence) {
        (Some(w), Some(e)) => format!(
            "{}: weighted {}, the evidence says {}",
            row.name,
            tenths_down(w),
            e.label().to_lowercase()
        ),
        _ => format!("{}: no ratings with points yet", row.name),
    };
    view! {
        <figure class="board-profile" data-candidate=row.id.clone()>
            <div class="board-chart" inner_html=profile_svg(b, row)></div>
            <figcaption><a href=format!("/candidates/{}/board", row.id)>{caption}</a></figcaption>
        </figure>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mean_is_coloured_by_where_it_stands_against_the_expectation() {
        use ScoreBand::*;
        let band = ScoreBand::of;
        assert_eq!(band(1.0), WellShort);
        assert_eq!(band(1.49), WellShort);
        assert_eq!(band(1.5), Short);
        assert_eq!(band(4.0 / 3.0), WellShort);
        assert_eq!(band(5.0 / 3.0), Short);
        assert_eq!(band(1.99), Short);
        assert_eq!(band(2.0), Meets);
        // An exact 2 from any number of ratings.
        assert_eq!(band(8.0 / 4.0), Meets);
        assert_eq!(band(2.01), Above);
        assert_eq!(band(7.0 / 3.0), Above);
        assert_eq!(band(2.5), WellAbove);
        assert_eq!(band(3.0), WellAbove);
        // Every band short of the expectation is one the cell marks short.
        for mean in [1.0, 1.25, 1.5, 1.75, 1.99] {
            assert!(matches!(band(mean), WellShort | Short), "{mean}");
        }
        let ids: Vec<&str> = ScoreBand::ALL.iter().map(|b| b.id()).collect();
        assert_eq!(ids, ["well-short", "short", "meets", "above", "well-above"]);
        assert_eq!(Short.class(), "board-band-short");
    }
}

//! What the panel's evidence says: the level's expectation, the weighted
//! score, the call it implies, whether a decision departs from it, and
//! how a score is shown.

use super::{BoardColumn, Cell, Outcome};
use crate::domain::exact::Score;
use crate::domain::scorecard::Recommendation;

/// A mean rating at or above this meets the level's expectation (the
/// anchors are written for the level, so "meets" is the bar). For display:
/// calls are made against [`EXPECTED`], exactly.
pub const EXPECTATION: f64 = 2.0;
/// The level's expectation as an exact score: 2, "meets".
pub const EXPECTED: Score = Score::whole(2);

/// A mean or weighted score to one decimal, rounded down, so the figure
/// shown is never on the far side of a threshold the exact score has not
/// reached (every threshold is a multiple of 0.5): 1.96 reads 1.9, not a
/// "2.0" that the call then calls below 2.
///
/// The scores are fractions whose denominators are counts of ratings
/// times weights (far below 10^8), so one just under a tenth sits at
/// least 10^-9 below it, while the float nearest an exact tenth (2.3 as
/// 2.2999999999999998) is off by about 10^-16: nudging by 10^-9 before
/// flooring gets both right.
pub fn tenths_down(value: f64) -> String {
    let tenths = (value * 10.0 + 1e-9).floor();
    format!("{:.1}", tenths / 10.0)
}

/// The overall call a weighted score implies, on the same scale as the
/// interviewers' recommendations. Exact: a score of exactly 2 is a hire.
pub fn evidence_call(weighted: Score) -> Recommendation {
    if weighted >= Score::halves(5) {
        Recommendation::StrongHire
    } else if weighted >= EXPECTED {
        Recommendation::Hire
    } else if weighted >= Score::halves(3) {
        Recommendation::NoHire
    } else {
        Recommendation::StrongNoHire
    }
}

/// Whether a decision goes against the weighted evidence: a hire below
/// the level's expectation, or a no-hire at or above it.
pub fn departs(outcome: Outcome, weighted: Option<Score>) -> bool {
    match (outcome, weighted) {
        (Outcome::Hire, Some(w)) => w < EXPECTED,
        (Outcome::NoHire, Some(w)) => w >= EXPECTED,
        _ => false,
    }
}

/// Weighted mean of the column means that have ratings, computed exactly
/// from the ratings' counts.
pub fn weighted_score(columns: &[BoardColumn], cells: &[Cell]) -> Option<Score> {
    Score::weighted_mean(
        columns
            .iter()
            .zip(cells)
            .filter_map(|(column, cell)| Some((u32::from(column.weight), cell.counts.score()?))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::board::Counts;

    #[test]
    fn weighted_score_weights_the_columns_that_have_ratings() {
        let columns = [
            BoardColumn {
                id: "a".into(),
                label: "A".into(),
                weight: 3,
            },
            BoardColumn {
                id: "b".into(),
                label: "B".into(),
                weight: 1,
            },
            BoardColumn {
                id: "c".into(),
                label: "C".into(),
                weight: 2,
            },
        ];
        // A column's ratings as (exceeds, meets, below).
        let cell = |column: &str, (exceeds, meets, below)| {
            let counts = Counts {
                exceeds,
                meets,
                below,
                no_evidence: 1,
            };
            Cell {
                column: column.into(),
                counts,
                mean: counts.mean(),
            }
        };
        let exact = |num, den| Score::new(num, den).unwrap();
        // (3 x 3 + 2 x 2) / (3 + 2): the column with no points counts
        // no weight.
        assert_eq!(
            weighted_score(
                &columns,
                &[
                    cell("a", (2, 0, 0)),
                    cell("b", (0, 0, 0)),
                    cell("c", (1, 0, 1))
                ],
            ),
            Some(exact(13, 5))
        );
        assert_eq!(
            weighted_score(
                &columns,
                &[
                    cell("a", (0, 1, 0)),
                    cell("b", (1, 0, 0)),
                    cell("c", (0, 0, 3))
                ],
            ),
            Some(exact(11, 6))
        );
        assert_eq!(
            weighted_score(
                &columns,
                &[
                    cell("a", (0, 0, 0)),
                    cell("b", (0, 0, 0)),
                    cell("c", (0, 0, 0))
                ]
            ),
            None
        );
    }

    #[test]
    fn shown_scores_round_down_to_a_tenth_exactly() {
        let exact = |num, den| Score::new(num, den).unwrap().to_f64();
        assert_eq!(tenths_down(exact(196, 100)), "1.9");
        assert_eq!(tenths_down(exact(2, 1)), "2.0");
        assert_eq!(tenths_down(exact(23, 10)), "2.3");
        assert_eq!(tenths_down(exact(8, 3)), "2.6");
        assert_eq!(tenths_down(exact(2_499_999, 1_000_000)), "2.4");
        assert_eq!(tenths_down(exact(3, 1)), "3.0");
        assert_eq!(tenths_down(exact(1, 1)), "1.0");
        // 0.1 + 0.2 in floats is 0.30000000000000004; 0.7 + 0.2 + 0.1 is
        // 0.9999999999999999: each still reads as its tenth.
        assert_eq!(tenths_down(0.1 + 0.2), "0.3");
        assert_eq!(tenths_down(0.7 + 0.2 + 0.1), "1.0");
    }

    #[test]
    fn a_weighted_score_of_exactly_two_is_a_hire() {
        // Means 2, 8/3 and 4/3 under equal weights make exactly 2; added
        // up in floating point they made 1.9999999999999998, a "no hire",
        // and a recorded hire was marked as departing from the evidence.
        let column = |id: &str| BoardColumn {
            id: id.into(),
            label: id.into(),
            weight: 2,
        };
        let columns = [column("a"), column("b"), column("c")];
        let cell = |id: &str, exceeds, meets, below| {
            let counts = Counts {
                exceeds,
                meets,
                below,
                no_evidence: 0,
            };
            Cell {
                column: id.into(),
                counts,
                mean: counts.mean(),
            }
        };
        let cells = [cell("a", 0, 1, 0), cell("b", 2, 1, 0), cell("c", 0, 1, 2)];
        let score = weighted_score(&columns, &cells).unwrap();
        assert_eq!(score, EXPECTED);
        assert_eq!(score.to_f64(), 2.0);
        assert_eq!(evidence_call(score), Recommendation::Hire);
        assert!(!departs(Outcome::Hire, Some(score)));
        assert!(departs(Outcome::NoHire, Some(score)));
    }

    #[test]
    fn evidence_call_thresholds() {
        use Recommendation::*;
        let calls: Vec<Recommendation> = [
            (3, 1),
            (5, 2),
            (249, 100),
            (2, 1),
            (199, 100),
            (3, 2),
            (149, 100),
            (1, 1),
        ]
        .into_iter()
        .map(|(num, den)| evidence_call(Score::new(num, den).unwrap()))
        .collect();
        assert_eq!(
            calls,
            [
                StrongHire,
                StrongHire,
                Hire,
                Hire,
                NoHire,
                NoHire,
                StrongNoHire,
                StrongNoHire
            ]
        );
    }

    #[test]
    fn departs_when_the_decision_goes_against_the_evidence() {
        let score = |num, den| Some(Score::new(num, den).unwrap());
        assert!(departs(Outcome::Hire, score(199, 100)));
        assert!(!departs(Outcome::Hire, Some(EXPECTED)));
        assert!(departs(Outcome::NoHire, Some(EXPECTED)));
        assert!(departs(Outcome::NoHire, score(14, 5)));
        assert!(!departs(Outcome::NoHire, score(199, 100)));
        for w in [score(1, 1), Some(EXPECTED), score(3, 1), None] {
            assert!(!departs(Outcome::Hold, w), "hold at {w:?}");
        }
        assert!(!departs(Outcome::Hire, None));
        assert!(!departs(Outcome::NoHire, None));
    }
}

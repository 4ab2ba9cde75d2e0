//! The calibration's words: the sentence saying whose ratings its figures
//! cover. (`build` hands the ratings to `agreement::Panel`.)

#[cfg(feature = "ssr")]
use super::Coverage;

/// "1 candidate", "3 candidates".
#[cfg(feature = "ssr")]
fn candidates_phrase(n: usize) -> String {
    if n == 1 {
        "1 candidate".into()
    } else {
        format!("{n} candidates")
    }
}

/// The sentence that says whose ratings the calibration figures cover:
/// `shown` candidates on the board, `hidden` of them left out of the
/// figures while the viewer's own card for them is unsubmitted.
#[cfg(feature = "ssr")]
pub(super) fn covers(coverage: Coverage, shown: usize, hidden: usize) -> String {
    let counted = shown.saturating_sub(hidden);
    let whose = match (coverage, hidden) {
        (Coverage::Requisition, 0) => format!(
            "These figures cover the submitted ratings on every candidate of this requisition ({shown})."
        ),
        (Coverage::Requisition, _) => format!(
            "These figures cover the submitted ratings on {counted} of this requisition's {}.",
            candidates_phrase(shown)
        ),
        (Coverage::OwnCandidates, _) => format!(
            "These figures cover only the {} you interview{}, not the whole panel's ratings on this requisition; the people running it see them over every candidate.",
            candidates_phrase(counted),
            if hidden > 0 {
                " and have submitted for"
            } else {
                ""
            }
        ),
    };
    if hidden == 0 {
        return whose;
    }
    let left_out = if hidden == 1 {
        "1 candidate is left out until you submit your own scorecard for them.".to_string()
    } else {
        format!("{hidden} candidates are left out until you submit your own scorecard for each.")
    };
    format!("{whose} {left_out}")
}

/// `build` needs chrono, which only the server side has.
#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::domain::agreement::{self, Agreement, Observation};
    use crate::domain::board::fixtures::panel::*;
    use crate::domain::board::fixtures::{close, ids};
    use crate::domain::board::RatingRecord;
    use crate::domain::board::{build, BoardInput};
    use std::collections::BTreeSet;

    /// The ratings as the agreement statistics see them: a unit is one
    /// candidate's item, a rater one interviewer.
    fn observations(ratings: &[RatingRecord]) -> Vec<Observation> {
        ratings
            .iter()
            .map(|r| Observation {
                unit: format!("{}/{}", r.candidate_id, r.item_key),
                rater: r.interviewer_id.clone(),
                rating: r.rating,
            })
            .collect()
    }

    #[test]
    fn the_calibration_says_whose_ratings_it_covers() {
        // The people running it: three candidates, Alex left out.
        let board = build(input());
        assert_eq!(board.calibration.coverage, Coverage::Requisition);
        assert_eq!(
            board.calibration.covers,
            "These figures cover the submitted ratings on 2 of this requisition's 3 candidates. 1 candidate is left out until you submit your own scorecard for them."
        );
        let panelist = build(BoardInput {
            coverage: Coverage::OwnCandidates,
            hidden: BTreeSet::new(),
            ..input()
        });
        assert!(panelist.calibration.covers.starts_with(
            "These figures cover only the 3 candidates you interview, not the whole panel's"
        ));
        assert_eq!(
            covers(Coverage::Requisition, 1, 0),
            "These figures cover the submitted ratings on every candidate of this requisition (1)."
        );
        assert!(covers(Coverage::OwnCandidates, 4, 2).contains(
            "only the 2 candidates you interview and have submitted for, not the whole panel's"
        ));
        assert!(covers(Coverage::OwnCandidates, 4, 2)
            .ends_with("2 candidates are left out until you submit your own scorecard for each."));
    }

    #[test]
    fn calibration_leaves_out_hidden_candidates() {
        let board = build(input());
        // Pairable units: Priya's four items, Marco's q1 and listening
        // (his q2 has one rating and a "no evidence"); alpha over them
        // is -113/360, checked in exact fractions below.
        // Too few for a figure, and counted without Alex (with Alex's
        // ratings it would be 16 ratings on 8 items).
        match &board.calibration.agreement {
            Agreement::TooLittleData {
                pairable, units, ..
            } => assert_eq!((*pairable, *units), (12, 6)),
            other => panic!("{other:?}"),
        }
        close(
            agreement::panel_alpha(&observations(&board.ratings))
                .alpha
                .unwrap(),
            -113.0 / 360.0,
        );
        assert_eq!(
            board.calibration.reading,
            board.calibration.agreement.reading()
        );
        // Shared items: Priya's four, Marco's q1 and listening. Ann is
        // +2, -1, 0, +1, +1, -1 steps from Bo: +1/3 on average.
        let leniency = &board.calibration.leniency;
        assert_eq!(
            ids(leniency, |l| &l.interviewer_email),
            ["ann@example.com", "bo@example.com"]
        );
        assert_eq!(leniency[0].shared_items, 6);
        close(leniency[0].offset.unwrap(), 1.0 / 3.0);
        close(leniency[1].offset.unwrap(), -1.0 / 3.0);
    }
}

//! The requisition view's order and filter: the sort keys and directions,
//! which candidates are listed, and the rows in that order.

use super::{Board, CandidateRow};
use crate::domain::candidate::Stage;
use crate::domain::scorecard::CardStatus;

/// How the requisition view orders its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SortKey {
    /// By the weighted score (the default), highest first unless asked.
    Weighted,
    /// By name, A to Z unless asked.
    Name,
    /// By the mean in this column, highest first unless asked.
    Column(String),
}

impl SortKey {
    /// From the `sort` query value: `name`, `weighted`, or a column id.
    pub fn parse(value: Option<&str>) -> SortKey {
        match value.map(str::trim) {
            Some("name") => SortKey::Name,
            Some("") | Some("weighted") | None => SortKey::Weighted,
            Some(column) => SortKey::Column(column.to_string()),
        }
    }

    pub fn id(&self) -> &str {
        match self {
            SortKey::Weighted => "weighted",
            SortKey::Name => "name",
            SortKey::Column(c) => c,
        }
    }

    /// The direction a sort runs when the address does not say: names
    /// read A to Z, every score highest first (the one people look for).
    pub fn default_direction(&self) -> Direction {
        match self {
            SortKey::Name => Direction::Ascending,
            SortKey::Weighted | SortKey::Column(_) => Direction::Descending,
        }
    }
}

/// Which way a sort runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// A to Z, lowest score first.
    Ascending,
    /// Z to A, highest score first.
    Descending,
}

impl Direction {
    /// From the `dir` query value, `asc` or `desc`; `None` for anything
    /// else, which leaves the sort key's own direction.
    pub fn parse(value: Option<&str>) -> Option<Direction> {
        match value.map(str::trim) {
            Some("asc") => Some(Direction::Ascending),
            Some("desc") => Some(Direction::Descending),
            _ => None,
        }
    }

    /// The `dir` query value.
    pub fn id(self) -> &'static str {
        match self {
            Direction::Ascending => "asc",
            Direction::Descending => "desc",
        }
    }

    /// The `aria-sort` value.
    pub fn aria(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }

    pub fn flip(self) -> Direction {
        match self {
            Direction::Ascending => Direction::Descending,
            Direction::Descending => Direction::Ascending,
        }
    }
}

/// Which candidates the board lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listed {
    /// Only those someone has begun scoring (the default): rows for
    /// candidates nobody has interviewed yet would crowd the board.
    Scored,
    Everyone,
}

/// Whether anyone has begun scoring a candidate: a scorecard submitted or
/// a draft started.
pub fn has_scorecard(row: &CandidateRow) -> bool {
    row.submitted_cards > 0
        || row
            .missing
            .iter()
            .any(|m| m.state != CardStatus::NotStarted)
}

/// The rows a board lists, in order.
#[derive(Debug)]
pub struct Arranged<'a> {
    pub rows: Vec<&'a CandidateRow>,
    /// Candidates at the stage asked for but not listed, because nobody
    /// has a scorecard for them yet (always 0 when listing everyone).
    pub left_out: usize,
}

/// Rows in the order asked, candidates without a value last in either
/// direction, ties by name (A to Z); with `stage`, only candidates at that
/// stage; with [`Listed::Scored`], only candidates with a scorecard.
pub fn arrange<'a>(
    board: &'a Board,
    sort: &SortKey,
    direction: Direction,
    stage: Option<Stage>,
    listed: Listed,
) -> Arranged<'a> {
    let (mut rows, left_out): (Vec<&CandidateRow>, Vec<&CandidateRow>) = board
        .candidates
        .iter()
        .filter(|c| stage.is_none_or(|s| c.stage == s))
        .partition(|c| listed == Listed::Everyone || has_scorecard(c));
    let column = match sort {
        SortKey::Column(id) => board.columns.iter().position(|c| &c.id == id),
        _ => None,
    };
    let value = |row: &CandidateRow| -> Option<f64> {
        match (sort, column) {
            (SortKey::Column(_), Some(i)) => row.cells.get(i).and_then(|c| c.mean),
            (SortKey::Name, _) => None,
            _ => row.weighted,
        }
    };
    let by_name = |a: &CandidateRow, b: &CandidateRow| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then_with(|| a.id.cmp(&b.id))
    };
    rows.sort_by(|a, b| {
        use std::cmp::Ordering;
        if *sort == SortKey::Name {
            let order = by_name(a, b);
            return match direction {
                Direction::Ascending => order,
                Direction::Descending => order.reverse(),
            };
        }
        let by_value = match (value(a), value(b)) {
            (Some(x), Some(y)) => match direction {
                Direction::Ascending => x.total_cmp(&y),
                Direction::Descending => y.total_cmp(&x),
            },
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_value.then_with(|| by_name(a, b))
    });
    Arranged {
        rows,
        left_out: left_out.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_keys_parse_from_the_query() {
        assert_eq!(SortKey::parse(None), SortKey::Weighted);
        assert_eq!(SortKey::parse(Some(" ")), SortKey::Weighted);
        assert_eq!(SortKey::parse(Some("name")), SortKey::Name);
        let column = SortKey::parse(Some("attitudes"));
        assert_eq!(column, SortKey::Column("attitudes".into()));
        assert_eq!(column.id(), "attitudes");
    }

    /// `build` needs chrono, which only the server side has.
    #[cfg(feature = "ssr")]
    mod built {
        use super::*;
        use crate::domain::board::fixtures::panel::*;
        use crate::domain::board::{build, CandidateInfo, ATTITUDES};

        fn names(rows: &[&CandidateRow]) -> Vec<String> {
            rows.iter().map(|r| r.name.clone()).collect()
        }

        /// The rows in the key's own direction, everyone listed.
        fn sorted(board: &Board, sort: &SortKey, stage: Option<Stage>) -> Vec<String> {
            let rows = arrange(
                board,
                sort,
                sort.default_direction(),
                stage,
                Listed::Everyone,
            );
            names(&rows.rows)
        }

        fn reversed(board: &Board, sort: &SortKey) -> Vec<String> {
            let direction = sort.default_direction().flip();
            names(&arrange(board, sort, direction, None, Listed::Everyone).rows)
        }

        #[test]
        fn arrange_sorts_and_filters() {
            let board = build(input());
            let sorted = |sort: &SortKey, stage| sorted(&board, sort, stage);
            // Alex has no weighted score (hidden), so comes last.
            assert_eq!(
                sorted(&SortKey::Weighted, None),
                ["Priya Shah", "marco Diaz", "Alex Kim"]
            );
            // Case does not matter.
            assert_eq!(
                sorted(&SortKey::Name, None),
                ["Alex Kim", "marco Diaz", "Priya Shah"]
            );
            // Attitudes: Marco 2.5, Priya 2.0.
            assert_eq!(
                sorted(&SortKey::Column(ATTITUDES.into()), None),
                ["marco Diaz", "Priya Shah", "Alex Kim"]
            );
            // Presentation: only Priya has one; the rest by name.
            assert_eq!(
                sorted(&SortKey::Column(PRESENTATION.into()), None),
                ["Priya Shah", "Alex Kim", "marco Diaz"]
            );
            // A column the board does not have falls back to the weighted
            // score.
            assert_eq!(
                sorted(&SortKey::Column("competency:nope".into()), None),
                ["Priya Shah", "marco Diaz", "Alex Kim"]
            );
            assert_eq!(
                sorted(&SortKey::Weighted, Some(Stage::Interviewing)),
                ["Priya Shah", "marco Diaz"]
            );
            assert_eq!(sorted(&SortKey::Name, Some(Stage::Screening)), ["Alex Kim"]);
            assert!(sorted(&SortKey::Name, Some(Stage::Archived)).is_empty());
        }

        #[test]
        fn arrange_runs_either_way_keeping_candidates_without_a_value_last() {
            let board = build(input());
            // Lowest weighted score first; Alex (hidden, no score) still last.
            assert_eq!(
                reversed(&board, &SortKey::Weighted),
                ["marco Diaz", "Priya Shah", "Alex Kim"]
            );
            assert_eq!(
                reversed(&board, &SortKey::Name),
                ["Priya Shah", "marco Diaz", "Alex Kim"]
            );
            // Attitudes lowest first: Priya 2.0, Marco 2.5, then Alex.
            assert_eq!(
                reversed(&board, &SortKey::Column(ATTITUDES.into())),
                ["Priya Shah", "marco Diaz", "Alex Kim"]
            );
            // Only Priya has a presentation score; the others stay after
            // her, A to Z, in both directions.
            assert_eq!(
                reversed(&board, &SortKey::Column(PRESENTATION.into())),
                ["Priya Shah", "Alex Kim", "marco Diaz"]
            );
        }

        #[test]
        fn sort_keys_have_their_own_direction_and_dir_is_read_strictly() {
            assert_eq!(SortKey::Name.default_direction(), Direction::Ascending);
            assert_eq!(SortKey::Weighted.default_direction(), Direction::Descending);
            assert_eq!(
                SortKey::Column(ATTITUDES.into()).default_direction(),
                Direction::Descending
            );
            assert_eq!(Direction::parse(Some("asc")), Some(Direction::Ascending));
            assert_eq!(
                Direction::parse(Some(" desc ")),
                Some(Direction::Descending)
            );
            assert_eq!(Direction::parse(Some("up")), None);
            assert_eq!(Direction::parse(None), None);
            assert_eq!(Direction::Ascending.flip().id(), "desc");
            assert_eq!(Direction::Descending.flip().aria(), "ascending");
        }

        #[test]
        fn arrange_breaks_ties_by_name() {
            let mut board = build(input());
            let priya = board.candidates[0].weighted;
            board.candidates[1].weighted = priya;
            for direction in [Direction::Descending, Direction::Ascending] {
                let rows = arrange(
                    &board,
                    &SortKey::Weighted,
                    direction,
                    None,
                    Listed::Everyone,
                );
                assert_eq!(
                    names(&rows.rows),
                    ["marco Diaz", "Priya Shah", "Alex Kim"],
                    "{direction:?}"
                );
            }
        }

        #[test]
        fn by_default_only_candidates_with_a_scorecard_are_listed() {
            use CardStatus::{Draft, NotStarted};
            let mut input = input();
            let later = ("2025-03-03T10:00:00Z", 60);
            for (id, name, state) in [
                ("c-dee", "Dee Park", None),
                ("c-eve", "Eve Moss", Some(Draft)),
                ("c-finn", "Finn Lo", Some(NotStarted)),
            ] {
                input.candidates.push(CandidateInfo {
                    id: id.into(),
                    name: name.into(),
                    stage: Stage::Interviewing,
                });
                if let Some(state) = state {
                    input
                        .slots
                        .push(slot(&format!("{id}-i1"), id, "i1", state, later, None));
                }
            }
            let board = build(input);
            let listed = |listed, stage| {
                let rows = arrange(&board, &SortKey::Name, Direction::Ascending, stage, listed);
                (names(&rows.rows), rows.left_out)
            };
            // Dee has no interview, Finn's card is not started: left out.
            // Eve's interviewer has started a draft: listed.
            assert_eq!(
                listed(Listed::Scored, None),
                (
                    vec![
                        "Alex Kim".to_string(),
                        "Eve Moss".into(),
                        "marco Diaz".into(),
                        "Priya Shah".into()
                    ],
                    2
                )
            );
            assert_eq!(listed(Listed::Everyone, None).0.len(), 6);
            assert_eq!(listed(Listed::Everyone, None).1, 0);
            // What is left out is counted at the stage asked for only.
            assert_eq!(listed(Listed::Scored, Some(Stage::Screening)).1, 0);
            assert_eq!(listed(Listed::Scored, Some(Stage::Interviewing)).1, 2);
            assert!(!has_scorecard(row(&board, "c-dee")));
            assert!(has_scorecard(row(&board, "c-eve")));
            assert!(!has_scorecard(row(&board, "c-finn")));
            // Alex is hidden from the viewer, but the panel has scored him.
            assert!(has_scorecard(row(&board, ALEX)));
        }
    }
}

//! Fixtures the board's unit tests share: comparing floats, listing ids,
//! and (on the server side) a small requisition's panel to build a board
//! from.

pub fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{actual} is not {expected}"
    );
}

pub fn ids<T>(list: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    list.iter().map(|x| id(x).to_string()).collect()
}

/// Three candidates (Alex hidden from the viewer), three interviewers and
/// a decision, for the tests of `build` and of what reads its board.
/// `build` needs chrono, which only the server side has.
#[cfg(feature = "ssr")]
pub mod panel {
    use crate::domain::board::{
        Board, BoardColumn, BoardInput, BoardItem, CandidateInfo, CandidateRow, Coverage, Decision,
        Outcome, RatingRecord, Slot, ATTITUDES,
    };
    use crate::domain::candidate::Stage;
    use crate::domain::scorecard::{CardStatus, Recommendation};
    use crate::domain::scoring::Rating;
    use std::collections::BTreeSet;

    pub const PIPELINE: &str = "competency:pipeline";
    pub const PRESENTATION: &str = "exercise:presentation";
    pub const Q1: &str = "competency:q1";
    pub const Q2: &str = "competency:q2";
    pub const LISTENING: &str = "attitude:listening";
    pub const TALK: &str = "exercise:presentation";
    /// Rated but no longer on the board.
    pub const GONE: &str = "competency:gone";

    pub const PRIYA: &str = "c-priya";
    pub const MARCO: &str = "c-marco";
    /// Hidden from the viewer.
    pub const ALEX: &str = "c-alex";

    const NOW: &str = "2025-03-03T12:00:00Z";

    fn email(interviewer: &str) -> String {
        match interviewer {
            "i1" => "ann@example.com",
            "i2" => "bo@example.com",
            _ => "cy@example.com",
        }
        .into()
    }

    pub fn slot(
        id: &str,
        candidate: &str,
        interviewer: &str,
        state: CardStatus,
        (starts_at, minutes): (&str, i64),
        recommendation: Option<Recommendation>,
    ) -> Slot {
        Slot {
            id: id.into(),
            candidate_id: candidate.into(),
            interviewer_id: interviewer.into(),
            interviewer_email: email(interviewer),
            round: "deep-dive".into(),
            round_name: "Deep dive".into(),
            starts_at: starts_at.into(),
            minutes,
            state,
            submitted_at: (state == CardStatus::Submitted).then(|| "2025-03-01T12:00:00Z".into()),
            updated_at: (state == CardStatus::Submitted).then(|| "2025-03-01T12:00:00Z".into()),
            recommendation,
            takeaways: format!("Takeaways on {candidate}."),
        }
    }

    pub fn rating(
        candidate: &str,
        interviewer: &str,
        item_key: &str,
        rating: Rating,
    ) -> RatingRecord {
        RatingRecord {
            slot_id: format!("{candidate}-{interviewer}"),
            candidate_id: candidate.into(),
            interviewer_id: interviewer.into(),
            interviewer_email: email(interviewer),
            round: "deep-dive".into(),
            round_name: "Deep dive".into(),
            item_key: item_key.into(),
            rating,
            positive: vec![],
            negative: vec![],
            notes: String::new(),
            submitted_at: "2025-03-01T12:00:00Z".into(),
        }
    }

    pub fn input() -> BoardInput {
        use CardStatus::{Draft, NotStarted, Submitted};
        use Rating::{Below, Exceeds, Meets, NoEvidence};
        let column = |id: &str, label: &str, weight| BoardColumn {
            id: id.into(),
            label: label.into(),
            weight,
        };
        let item = |key: &str, column: &str| BoardItem {
            key: key.into(),
            title: format!("Title of {key}"),
            column: column.into(),
            competency: None,
        };
        let candidate = |id: &str, name: &str, stage| CandidateInfo {
            id: id.into(),
            name: name.into(),
            stage,
        };
        let earlier = ("2025-03-01T10:00:00Z", 60);
        BoardInput {
            requisition_id: "req-1".into(),
            title: "Co-sell ops, mid".into(),
            columns: vec![
                column(PIPELINE, "Pipeline", 3),
                column(ATTITUDES, "Attitudes", 1),
                column(PRESENTATION, "Presentation", 2),
            ],
            items: vec![
                item(Q1, PIPELINE),
                item(Q2, PIPELINE),
                item(LISTENING, ATTITUDES),
                item(TALK, PRESENTATION),
            ],
            candidates: vec![
                candidate(PRIYA, "Priya Shah", Stage::Interviewing),
                candidate(MARCO, "marco Diaz", Stage::Interviewing),
                candidate(ALEX, "Alex Kim", Stage::Screening),
            ],
            slots: vec![
                slot(
                    "c-priya-i1",
                    PRIYA,
                    "i1",
                    Submitted,
                    earlier,
                    Some(Recommendation::Hire),
                ),
                slot(
                    "c-priya-i2",
                    PRIYA,
                    "i2",
                    Submitted,
                    earlier,
                    Some(Recommendation::StrongHire),
                ),
                // Ended 2025-03-01 11:00: overdue since 03-02 11:00.
                slot("c-priya-i3", PRIYA, "i3", Draft, earlier, None),
                slot(
                    "c-marco-i1",
                    MARCO,
                    "i1",
                    Submitted,
                    earlier,
                    Some(Recommendation::NoHire),
                ),
                slot(
                    "c-marco-i2",
                    MARCO,
                    "i2",
                    Submitted,
                    earlier,
                    Some(Recommendation::NoHire),
                ),
                // Ends 24 hours before `NOW` exactly: not overdue yet.
                slot(
                    "c-marco-i3",
                    MARCO,
                    "i3",
                    NotStarted,
                    ("2025-03-02T11:15:00Z", 45),
                    None,
                ),
                slot(
                    "c-alex-i1",
                    ALEX,
                    "i1",
                    Submitted,
                    earlier,
                    Some(Recommendation::Hire),
                ),
                slot(
                    "c-alex-i2",
                    ALEX,
                    "i2",
                    Submitted,
                    earlier,
                    Some(Recommendation::NoHire),
                ),
                // 09:00 at +01:00 is 08:00 UTC, long overdue.
                slot(
                    "c-alex-i3",
                    ALEX,
                    "i3",
                    NotStarted,
                    ("2025-03-01T09:00:00+01:00", 60),
                    None,
                ),
            ],
            ratings: vec![
                rating(PRIYA, "i1", Q1, Exceeds),
                rating(PRIYA, "i1", Q2, Meets),
                rating(PRIYA, "i1", LISTENING, Meets),
                rating(PRIYA, "i1", TALK, Exceeds),
                rating(PRIYA, "i2", Q1, Below),
                rating(PRIYA, "i2", Q2, Exceeds),
                rating(PRIYA, "i2", LISTENING, Meets),
                rating(PRIYA, "i2", TALK, Meets),
                rating(MARCO, "i1", Q1, Meets),
                rating(MARCO, "i1", Q2, Below),
                rating(MARCO, "i1", LISTENING, Meets),
                rating(MARCO, "i1", GONE, Exceeds),
                rating(MARCO, "i2", Q1, Below),
                rating(MARCO, "i2", Q2, NoEvidence),
                rating(MARCO, "i2", LISTENING, Exceeds),
                rating(ALEX, "i1", Q1, Exceeds),
                rating(ALEX, "i1", Q2, Exceeds),
                rating(ALEX, "i2", Q1, Below),
                rating(ALEX, "i2", Q2, Exceeds),
            ],
            decisions: vec![Decision {
                candidate_id: MARCO.into(),
                outcome: Outcome::Hire,
                rationale: "Strong references.".into(),
                decided_by: "hm@example.com".into(),
                decided_at: "2025-03-03T10:00:00Z".into(),
            }],
            hidden: BTreeSet::from([ALEX.to_string()]),
            now: NOW.into(),
            coverage: Coverage::Requisition,
        }
    }

    pub fn row<'a>(board: &'a Board, id: &str) -> &'a CandidateRow {
        board.candidate(id).unwrap()
    }
}

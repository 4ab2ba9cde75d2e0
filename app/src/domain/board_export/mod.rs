//! The panel board's exports: the profile chart, the ratings CSV, the
//! debrief packet and the Greenhouse scorecards. Each takes a built
//! [`Board`](super::board::Board), already limited to what the viewer may
//! see, and returns data; the API decides how to send it.

pub mod chart;
#[cfg(feature = "ssr")]
pub mod csv;
#[cfg(feature = "ssr")]
pub mod debrief;
#[cfg(feature = "ssr")]
pub mod greenhouse;

/// A small requisition for the export tests: three columns, three
/// candidates (one hidden from the viewer), awkward names and notes.
#[cfg(all(test, feature = "ssr"))]
pub(crate) mod sample {
    use crate::domain::board::{
        build, Board, BoardColumn, BoardInput, BoardItem, CandidateInfo, Coverage, Decision,
        Outcome, RatingRecord, Slot,
    };
    use crate::domain::candidate::Stage;
    use crate::domain::scorecard::{CardStatus, Recommendation};
    use crate::domain::scoring::Rating;
    use std::collections::BTreeSet;

    /// Has a comma, a quote and a leading `=`: everything a CSV export
    /// can get wrong.
    pub const AWKWARD: &str = "=Cruz, \"Jo\"";
    pub const ANGLE: &str = "Ann <b>&\"";

    #[allow(clippy::too_many_arguments)]
    pub fn slot(
        id: &str,
        candidate: &str,
        interviewer: &str,
        round: &str,
        round_name: &str,
        state: CardStatus,
        recommendation: Option<Recommendation>,
        takeaways: &str,
    ) -> Slot {
        let submitted = state == CardStatus::Submitted;
        Slot {
            id: id.into(),
            candidate_id: candidate.into(),
            interviewer_id: format!("u-{interviewer}"),
            interviewer_email: format!("{interviewer}@example.com"),
            round: round.into(),
            round_name: round_name.into(),
            starts_at: "2024-06-01T10:00:00Z".into(),
            minutes: 60,
            state,
            submitted_at: submitted.then(|| "2024-06-01T12:00:00Z".to_string()),
            // As if each submitted card was amended a day later.
            updated_at: submitted.then(|| "2024-06-02T08:30:00Z".to_string()),
            recommendation,
            takeaways: takeaways.into(),
        }
    }

    pub fn rating(
        slot: &Slot,
        item: &str,
        rating: Rating,
        positive: &[&str],
        negative: &[&str],
        notes: &str,
    ) -> RatingRecord {
        RatingRecord {
            slot_id: slot.id.clone(),
            candidate_id: slot.candidate_id.clone(),
            interviewer_id: slot.interviewer_id.clone(),
            interviewer_email: slot.interviewer_email.clone(),
            round: slot.round.clone(),
            round_name: slot.round_name.clone(),
            item_key: item.into(),
            rating,
            positive: positive.iter().map(|s| s.to_string()).collect(),
            negative: negative.iter().map(|s| s.to_string()).collect(),
            notes: notes.into(),
            submitted_at: "2024-06-01T12:00:00Z".into(),
        }
    }

    pub fn board() -> Board {
        let columns = vec![
            BoardColumn {
                id: "competency:stakeholders".into(),
                label: "Stakeholder management".into(),
                weight: 3,
            },
            BoardColumn {
                id: "attitudes".into(),
                label: "Attitudes".into(),
                weight: 1,
            },
            BoardColumn {
                id: "exercise:simulation".into(),
                label: "Role-play".into(),
                weight: 2,
            },
        ];
        let items = vec![
            BoardItem {
                key: "competency:mid-q1".into(),
                title: "Escalations | conflicts".into(),
                column: "competency:stakeholders".into(),
                competency: Some("Stakeholder management".into()),
            },
            BoardItem {
                key: "attitude:curiosity".into(),
                title: "Curiosity".into(),
                column: "attitudes".into(),
                competency: None,
            },
            BoardItem {
                key: "exercise:simulation".into(),
                title: "Partner role-play".into(),
                column: "exercise:simulation".into(),
                competency: None,
            },
        ];
        let s1 = slot(
            "s1",
            "c1",
            "ana",
            "r1",
            "Technical interview",
            CardStatus::Submitted,
            Some(Recommendation::StrongHire),
            "Strong with partners.",
        );
        let s2 = slot(
            "s2",
            "c1",
            "ben",
            "r2",
            "Role-play round",
            CardStatus::Submitted,
            Some(Recommendation::NoHire),
            "",
        );
        let s3 = slot(
            "s3",
            "c1",
            "cat",
            "r1",
            "Technical interview",
            CardStatus::Draft,
            None,
            "",
        );
        let s4 = slot(
            "s4",
            "c2",
            "ana",
            "r1",
            "Technical interview",
            CardStatus::Submitted,
            Some(Recommendation::Hire),
            "Fine.",
        );
        let s5 = slot(
            "s5",
            "c3",
            "ana",
            "r1",
            "Technical interview",
            CardStatus::Submitted,
            Some(Recommendation::Hire),
            "Secret.",
        );
        let ratings = vec![
            rating(
                &s1,
                "competency:mid-q1",
                Rating::Exceeds,
                &["Names the partner's goal"],
                &[],
                "<script>alert(1)</script>\n\nSolid | clear answer.",
            ),
            rating(&s1, "attitude:curiosity", Rating::Meets, &[], &[], ""),
            rating(
                &s2,
                "competency:mid-q1",
                Rating::Below,
                &[],
                &["Blames the partner", "Vague"],
                "",
            ),
            rating(
                &s2,
                "exercise:simulation",
                Rating::Meets,
                &["Listens"],
                &[],
                "",
            ),
            rating(&s4, "competency:mid-q1", Rating::Meets, &[], &[], ""),
            rating(
                &s5,
                "competency:mid-q1",
                Rating::Exceeds,
                &[],
                &[],
                "Secret note",
            ),
        ];
        build(BoardInput {
            requisition_id: "req1".into(),
            title: "Partner manager | EMEA".into(),
            columns,
            items,
            candidates: vec![
                CandidateInfo {
                    id: "c1".into(),
                    name: AWKWARD.into(),
                    stage: Stage::Interviewing,
                },
                CandidateInfo {
                    id: "c2".into(),
                    name: ANGLE.into(),
                    stage: Stage::Interviewing,
                },
                CandidateInfo {
                    id: "c3".into(),
                    name: "Hidden Person".into(),
                    stage: Stage::Interviewing,
                },
            ],
            slots: vec![s1, s2, s3, s4, s5],
            ratings,
            decisions: vec![
                Decision {
                    candidate_id: "c1".into(),
                    outcome: Outcome::Hire,
                    rationale: "Strong on the partner plan.".into(),
                    decided_by: "hm@example.com".into(),
                    decided_at: "2024-06-04T09:00:00Z".into(),
                },
                Decision {
                    candidate_id: "c1".into(),
                    outcome: Outcome::NoHire,
                    rationale: "Not enough depth.".into(),
                    decided_by: "lead@example.com".into(),
                    decided_at: "2024-06-05T09:00:00Z".into(),
                },
            ],
            hidden: BTreeSet::from(["c3".to_string()]),
            now: "2024-06-10T00:00:00Z".into(),
            coverage: Coverage::Requisition,
        })
    }
}

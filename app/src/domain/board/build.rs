//! The board built from what the API gathered: a row per candidate with
//! its cells, flags, missing cards, recommendations and decisions, and the
//! panel's calibration.

#[cfg(feature = "ssr")]
use super::{
    calibration::covers, departs, evidence_call, weighted_score, Board, Calibration, CandidateRow,
    Cell, Counts, Flag, InterviewerLeniency, MissingCard, PanelRecommendation,
};
use super::{BoardColumn, BoardItem, CandidateInfo, Coverage, Decision, RatingRecord, Slot};
#[cfg(feature = "ssr")]
use crate::domain::{agreement, exact::Score, scorecard::CardStatus, scoring::Rating};
#[cfg(feature = "ssr")]
use foldhash::HashMap;
#[cfg(feature = "ssr")]
use std::collections::BTreeMap;
use std::collections::BTreeSet;

pub use crate::domain::scorecard::OVERDUE_AFTER_HOURS;

/// Everything the board is built from, already limited to what the
/// viewer may see.
#[derive(Clone, Debug)]
pub struct BoardInput {
    pub requisition_id: String,
    pub title: String,
    pub columns: Vec<BoardColumn>,
    pub items: Vec<BoardItem>,
    pub candidates: Vec<CandidateInfo>,
    pub slots: Vec<Slot>,
    /// Submitted ratings only.
    pub ratings: Vec<RatingRecord>,
    /// Every decision per candidate, oldest first: the last one is the
    /// current decision, the others its history.
    pub decisions: Vec<Decision>,
    /// Candidates whose ratings the viewer may not see yet (independent
    /// scoring): their rows show who owes cards, nothing scored.
    pub hidden: BTreeSet<String>,
    /// RFC 3339, UTC: when "overdue" is judged.
    pub now: String,
    /// Whose candidates these are.
    pub coverage: Coverage,
}

#[cfg(feature = "ssr")]
fn is_overdue(slot: &Slot, now: &str) -> bool {
    crate::domain::scorecard::is_overdue(&slot.starts_at, slot.minutes, now)
}

#[cfg(feature = "ssr")]
pub fn build(input: BoardInput) -> Board {
    let BoardInput {
        requisition_id,
        title,
        columns,
        items,
        candidates,
        slots,
        ratings,
        decisions,
        hidden,
        now,
        coverage,
    } = input;
    let ratings: Vec<RatingRecord> = ratings
        .into_iter()
        .filter(|r| !hidden.contains(&r.candidate_id))
        .collect();
    let column_index: HashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let item_column: HashMap<&str, usize> = items
        .iter()
        .filter_map(|i| Some((i.key.as_str(), *column_index.get(i.column.as_str())?)))
        .collect();
    let titles: HashMap<&str, &str> = items
        .iter()
        .map(|i| (i.key.as_str(), i.title.as_str()))
        .collect();

    let mut by_candidate: HashMap<&str, Vec<&RatingRecord>> = HashMap::default();
    for r in &ratings {
        by_candidate.entry(&r.candidate_id).or_default().push(r);
    }
    let mut slots_of: HashMap<&str, Vec<&Slot>> = HashMap::default();
    for s in &slots {
        slots_of.entry(&s.candidate_id).or_default().push(s);
    }
    let mut decisions_of: HashMap<&str, Vec<&Decision>> = HashMap::default();
    for d in &decisions {
        decisions_of.entry(&d.candidate_id).or_default().push(d);
    }

    let shown = candidates.len();
    let hidden_shown = candidates.iter().filter(|c| hidden.contains(&c.id)).count();
    let rows = candidates
        .iter()
        .map(|c| {
            let is_hidden = hidden.contains(&c.id);
            let mine = by_candidate
                .get(c.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let mut column_counts = vec![Counts::default(); columns.len()];
            let mut item_counts: BTreeMap<String, Counts> = BTreeMap::new();
            let mut extremes: BTreeMap<&str, (Vec<String>, Vec<String>)> = BTreeMap::new();
            for r in mine {
                if let Some(&i) = item_column.get(r.item_key.as_str()) {
                    column_counts[i].add(r.rating);
                }
                // Looked up before inserting, so a key is copied once per
                // candidate rather than once per rating.
                match item_counts.get_mut(&r.item_key) {
                    Some(counts) => counts.add(r.rating),
                    None => {
                        let mut counts = Counts::default();
                        counts.add(r.rating);
                        item_counts.insert(r.item_key.clone(), counts);
                    }
                }
                let (exceeds, below) = extremes.entry(&r.item_key).or_default();
                match r.rating {
                    Rating::Exceeds => exceeds.push(r.interviewer_email.clone()),
                    Rating::Below => below.push(r.interviewer_email.clone()),
                    _ => {}
                }
            }
            let cells: Vec<Cell> = columns
                .iter()
                .zip(column_counts)
                .map(|(col, counts)| Cell {
                    column: col.id.clone(),
                    mean: counts.mean(),
                    counts,
                })
                .collect();
            let flags: Vec<Flag> = extremes
                .into_iter()
                .filter(|(_, (e, b))| !e.is_empty() && !b.is_empty())
                .map(|(key, (exceeds_by, below_by))| Flag {
                    item_key: key.to_string(),
                    title: titles.get(key).map_or(key, |t| *t).to_string(),
                    exceeds_by,
                    below_by,
                })
                .collect();
            let panel = slots_of
                .get(c.id.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let missing = panel
                .iter()
                .filter(|s| s.state != CardStatus::Submitted)
                .map(|s| MissingCard {
                    slot_id: s.id.clone(),
                    interviewer_email: s.interviewer_email.clone(),
                    round_name: s.round_name.clone(),
                    state: s.state,
                    starts_at: s.starts_at.clone(),
                    overdue: is_overdue(s, &now),
                })
                .collect();
            let recommendations = if is_hidden {
                Vec::new()
            } else {
                panel
                    .iter()
                    .filter_map(|s| {
                        Some(PanelRecommendation {
                            slot_id: s.id.clone(),
                            interviewer_email: s.interviewer_email.clone(),
                            round_name: s.round_name.clone(),
                            recommendation: s.recommendation?,
                        })
                    })
                    .collect()
            };
            let weighted = weighted_score(&columns, &cells);
            // The panel's decision would tell a blind interviewer as much
            // as the ratings do.
            let mut history: Vec<Decision> = if is_hidden {
                Vec::new()
            } else {
                decisions_of
                    .get(c.id.as_str())
                    .map(|ds| ds.iter().map(|d| (*d).clone()).collect())
                    .unwrap_or_default()
            };
            let decision = history.pop();
            CandidateRow {
                id: c.id.clone(),
                name: c.name.clone(),
                stage: c.stage,
                hidden: is_hidden,
                departs: decision
                    .as_ref()
                    .is_some_and(|d| departs(d.outcome, weighted)),
                evidence: weighted.map(evidence_call),
                weighted: weighted.map(Score::to_f64),
                cells,
                items: item_counts,
                recommendations,
                to_discuss: flags.len(),
                flags,
                missing,
                submitted_cards: panel
                    .iter()
                    .filter(|s| s.state == CardStatus::Submitted)
                    .count(),
                decision,
                earlier_decisions: history,
            }
        })
        .collect();

    // A unit is a candidate's item.
    let panel = agreement::Panel::new(ratings.iter().map(|r| {
        let unit = (r.candidate_id.as_str(), r.item_key.as_str());
        (unit, r.interviewer_id.as_str(), r.rating)
    }));
    let agreement = panel.agreement();
    let emails: HashMap<&str, &str> = slots
        .iter()
        .map(|s| (s.interviewer_id.as_str(), s.interviewer_email.as_str()))
        .collect();
    let leniency = panel
        .leniency()
        .into_iter()
        .map(|l| InterviewerLeniency {
            interviewer_email: emails
                .get(l.rater.as_str())
                .map_or(l.rater.clone(), |e| e.to_string()),
            shared_items: l.shared_items,
            offset: l.offset,
        })
        .collect();
    let calibration = Calibration {
        reading: agreement.reading(),
        agreement,
        leniency,
        coverage,
        covers: covers(coverage, shown, hidden_shown),
    };
    let slots = slots
        .into_iter()
        .map(|mut s| {
            if hidden.contains(&s.candidate_id) {
                s.recommendation = None;
                s.takeaways.clear();
            }
            s
        })
        .collect();
    Board {
        requisition_id,
        title,
        generated_at: now,
        columns,
        items,
        candidates: rows,
        calibration,
        ratings,
        slots,
        people: Default::default(),
        times: Default::default(),
        updated: String::new(),
        practice: Default::default(),
    }
}

/// `build` needs chrono, which only the server side has.
#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::domain::board::fixtures::panel::*;
    use crate::domain::board::fixtures::{close, ids};
    use crate::domain::board::{Outcome, ATTITUDES};
    use crate::domain::scorecard::Recommendation;

    #[test]
    fn every_decision_is_kept_the_latest_is_current() {
        let mut input = input();
        let decision = |who: &str, outcome, at: &str| Decision {
            candidate_id: who.into(),
            outcome,
            rationale: format!("Rationale of {at}"),
            decided_by: "hm@example.com".into(),
            decided_at: at.into(),
        };
        input.decisions = vec![
            decision(PRIYA, Outcome::NoHire, "2025-03-03T09:00:00Z"),
            decision(MARCO, Outcome::Hire, "2025-03-03T10:00:00Z"),
            decision(PRIYA, Outcome::Hire, "2025-03-04T09:00:00Z"),
            decision(ALEX, Outcome::Hire, "2025-03-04T10:00:00Z"),
        ];
        let board = build(input);
        let priya = row(&board, PRIYA);
        assert_eq!(
            priya.decision.as_ref().map(|d| d.decided_at.as_str()),
            Some("2025-03-04T09:00:00Z")
        );
        assert_eq!(
            ids(&priya.earlier_decisions, |d| &d.decided_at),
            ["2025-03-03T09:00:00Z"]
        );
        assert_eq!(priya.earlier_decisions[0].outcome, Outcome::NoHire);
        assert!(row(&board, MARCO).earlier_decisions.is_empty());
        // Hidden from a viewer who has not scored: no decision at all.
        let alex = row(&board, ALEX);
        assert_eq!(
            (alex.decision.clone(), alex.earlier_decisions.len()),
            (None, 0)
        );
    }

    fn cell<'a>(row: &'a CandidateRow, column: &str) -> &'a Cell {
        row.cells.iter().find(|c| c.column == column).unwrap()
    }

    fn counts(exceeds: u32, meets: u32, below: u32, no_evidence: u32) -> Counts {
        Counts {
            exceeds,
            meets,
            below,
            no_evidence,
        }
    }

    #[test]
    fn cells_count_and_average_each_column() {
        let board = build(input());
        let priya = row(&board, PRIYA);
        assert_eq!(
            ids(&priya.cells, |c| &c.column),
            [PIPELINE, ATTITUDES, PRESENTATION]
        );
        // Pipeline: exceeds, meets, below, exceeds.
        assert_eq!(cell(priya, PIPELINE).counts, counts(2, 1, 1, 0));
        close(cell(priya, PIPELINE).mean.unwrap(), 9.0 / 4.0);
        assert_eq!(cell(priya, ATTITUDES).counts, counts(0, 2, 0, 0));
        close(cell(priya, ATTITUDES).mean.unwrap(), 2.0);
        close(cell(priya, PRESENTATION).mean.unwrap(), 2.5);

        let marco = row(&board, MARCO);
        // Meets, below, below and a "no evidence" that has no points.
        assert_eq!(cell(marco, PIPELINE).counts, counts(0, 1, 2, 1));
        close(cell(marco, PIPELINE).mean.unwrap(), 4.0 / 3.0);
        close(cell(marco, ATTITUDES).mean.unwrap(), 2.5);
        assert_eq!(cell(marco, PRESENTATION).counts, Counts::default());
        assert_eq!(cell(marco, PRESENTATION).mean, None);
        // Per item, including one no longer on the board, which counts
        // in no column.
        assert_eq!(marco.items[Q2], counts(0, 0, 1, 1));
        assert_eq!(marco.items[GONE], counts(1, 0, 0, 0));
        assert_eq!(marco.items.len(), 4);
    }

    #[test]
    fn weighted_score_evidence_and_departure() {
        let board = build(input());
        let priya = row(&board, PRIYA);
        // (3 x 9/4 + 1 x 2 + 2 x 5/2) / 6
        close(priya.weighted.unwrap(), 13.75 / 6.0);
        assert_eq!(priya.evidence, Some(Recommendation::Hire));
        assert_eq!(priya.decision, None);
        assert!(!priya.departs);

        let marco = row(&board, MARCO);
        // (3 x 4/3 + 1 x 5/2) / 4: no presentation ratings, so its
        // weight does not count.
        close(marco.weighted.unwrap(), 1.625);
        assert_eq!(marco.evidence, Some(Recommendation::NoHire));
        assert_eq!(
            marco.decision.as_ref().map(|d| d.outcome),
            Some(Outcome::Hire)
        );
        assert!(marco.departs, "a hire below the expectation departs");
    }

    #[test]
    fn flags_only_items_rated_both_exceeds_and_below() {
        let board = build(input());
        assert_eq!(
            row(&board, PRIYA).flags,
            vec![Flag {
                item_key: Q1.into(),
                title: format!("Title of {Q1}"),
                exceeds_by: vec!["ann@example.com".into()],
                below_by: vec!["bo@example.com".into()],
            }]
        );
        // Marco has an exceeds and a below, but on different items.
        assert_eq!(row(&board, MARCO).flags, vec![]);
        // The count the board page shows without the flags.
        assert_eq!(
            (row(&board, PRIYA).to_discuss, row(&board, MARCO).to_discuss),
            (1, 0)
        );
    }

    #[test]
    fn missing_cards_and_when_they_are_overdue() {
        let board = build(input());
        let missing = |id| {
            row(&board, id)
                .missing
                .iter()
                .map(|m| (m.slot_id.as_str(), m.state, m.overdue))
                .collect::<Vec<_>>()
        };
        assert_eq!(missing(PRIYA), [("c-priya-i3", CardStatus::Draft, true)]);
        assert_eq!(
            missing(MARCO),
            [("c-marco-i3", CardStatus::NotStarted, false)]
        );
        let card = &row(&board, MARCO).missing[0];
        assert_eq!(card.interviewer_email, "cy@example.com");
        assert_eq!(card.round_name, "Deep dive");
        assert_eq!(card.starts_at, "2025-03-02T11:15:00Z");
        assert_eq!(board.overdue_count(), 2);
        assert_eq!(row(&board, PRIYA).submitted_cards, 2);

        // One second later the card is overdue.
        let later = build(BoardInput {
            now: "2025-03-03T12:00:01Z".into(),
            ..input()
        });
        assert!(row(&later, MARCO).missing[0].overdue);
        assert_eq!(later.overdue_count(), 3);
    }

    #[test]
    fn recommendations_come_from_submitted_cards() {
        let board = build(input());
        let recommendations: Vec<(&str, Recommendation)> = row(&board, PRIYA)
            .recommendations
            .iter()
            .map(|r| (r.interviewer_email.as_str(), r.recommendation))
            .collect();
        assert_eq!(
            recommendations,
            [
                ("ann@example.com", Recommendation::Hire),
                ("bo@example.com", Recommendation::StrongHire)
            ]
        );
    }

    #[test]
    fn a_hidden_candidate_shows_only_who_owes_cards() {
        let board = build(input());
        let alex = row(&board, ALEX);
        assert!(alex.hidden);
        assert!(alex
            .cells
            .iter()
            .all(|c| c.counts == Counts::default() && c.mean.is_none()));
        assert_eq!(alex.cells.len(), 3);
        assert!(alex.items.is_empty());
        assert_eq!(alex.weighted, None);
        assert_eq!(alex.evidence, None);
        assert!(alex.recommendations.is_empty());
        assert!(alex.flags.is_empty());
        assert_eq!(alex.submitted_cards, 2);
        assert_eq!(ids(&alex.missing, |m| &m.slot_id), ["c-alex-i3"]);
        assert!(alex.missing[0].overdue);
        // Nor do the ratings, recommendations or takeaways leak through
        // the exports' lists.
        assert!(board.ratings.iter().all(|r| r.candidate_id != ALEX));
        assert_eq!(board.ratings.len(), 15);
        for s in board.slots.iter().filter(|s| s.candidate_id == ALEX) {
            assert_eq!(s.recommendation, None);
            assert_eq!(s.takeaways, "");
        }
        let priya_slot = board.slots.iter().find(|s| s.id == "c-priya-i1").unwrap();
        assert_eq!(priya_slot.recommendation, Some(Recommendation::Hire));
        assert_eq!(priya_slot.takeaways, "Takeaways on c-priya.");
    }
}

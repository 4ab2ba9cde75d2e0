//! Every rating on the board as one CSV row, for recruiters who want the
//! raw numbers in a spreadsheet. Text cells are guarded against formula
//! injection: a candidate named `=HYPERLINK(...)` must stay a name.

use crate::domain::board::{Board, RatingRecord};
use std::collections::HashMap;

pub const HEADER: [&str; 9] = [
    "requisition",
    "candidate",
    "round",
    "interviewer",
    "item",
    "competency",
    "rating",
    "indicators",
    "submitted_at",
];

/// A spreadsheet treats a cell starting with one of these as a formula;
/// a leading `'` makes it text and shows nothing extra.
fn guard(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// `positive: a; b | negative: c`, leaving out an empty side. Words, not
/// `+`/`-` signs, so the cell never starts with a formula character.
fn indicators(rating: &RatingRecord) -> String {
    let mut parts = Vec::new();
    if !rating.positive.is_empty() {
        parts.push(format!("positive: {}", rating.positive.join("; ")));
    }
    if !rating.negative.is_empty() {
        parts.push(format!("negative: {}", rating.negative.join("; ")));
    }
    parts.join(" | ")
}

fn write(board: &Board) -> Result<Vec<u8>, ::csv::Error> {
    let names: HashMap<&str, &str> = board
        .candidates
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    let item_order: HashMap<&str, usize> = board
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| (item.key.as_str(), i))
        .collect();
    let name_of = |r: &RatingRecord| -> String {
        names
            .get(r.candidate_id.as_str())
            .map_or_else(|| r.candidate_id.clone(), |n| n.to_string())
    };

    let mut rows: Vec<&RatingRecord> = board.ratings.iter().collect();
    rows.sort_by_cached_key(|r| {
        (
            name_of(r).to_lowercase(),
            r.candidate_id.clone(),
            r.round_name.to_lowercase(),
            r.interviewer_email.to_lowercase(),
            item_order
                .get(r.item_key.as_str())
                .copied()
                .unwrap_or(usize::MAX),
            r.item_key.clone(),
        )
    });

    let mut out = ::csv::Writer::from_writer(Vec::new());
    out.write_record(HEADER)?;
    for r in rows {
        let title = board.item_title(&r.item_key);
        let competency = board.item_area(&r.item_key).unwrap_or_default();
        out.write_record([
            guard(&board.title),
            guard(&name_of(r)),
            guard(&r.round_name),
            guard(&r.interviewer_email),
            guard(title),
            guard(competency),
            r.rating.id().to_string(),
            guard(&indicators(r)),
            guard(&r.submitted_at),
        ])?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}

/// The board's ratings as CSV: a header row, then one row per rating,
/// ordered by candidate, round, interviewer and the board's item order.
pub fn ratings_csv(board: &Board) -> String {
    // Writing to memory cannot fail and every record has nine fields, so
    // the error arm is unreachable; an empty export beats a panic.
    match write(board) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::board_export::sample::{self, AWKWARD};

    fn read(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let header = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_string)
            .collect();
        let rows = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        (header, rows)
    }

    #[test]
    fn header_is_exact() {
        let text = ratings_csv(&sample::board());
        assert!(text.starts_with(
            "requisition,candidate,round,interviewer,item,competency,rating,indicators,submitted_at\n"
        ));
    }

    #[test]
    fn rows_round_trip_with_awkward_names_and_a_formula_guard() {
        let text = ratings_csv(&sample::board());
        let (header, rows) = read(&text);
        assert_eq!(header, HEADER);
        // The hidden candidate's rating never reaches the board.
        assert_eq!(rows.len(), 5, "{text}");
        assert!(!text.contains("Hidden Person"));
        // Sorted by name: "=Cruz" comes before "Ann" ('=' sorts before
        // 'a'); within Cruz, "Role-play round" before "Technical interview".
        let cruz = format!("'{AWKWARD}");
        assert_eq!(
            rows[0],
            vec![
                "Partner manager | EMEA",
                cruz.as_str(),
                "Role-play round",
                "ben@example.com",
                "Escalations | conflicts",
                "Stakeholder management",
                "below",
                "negative: Blames the partner; Vague",
                "2024-06-01T12:00:00Z",
            ]
        );
        assert_eq!(rows[1][4], "Partner role-play");
        assert_eq!(rows[1][5], "Role-play");
        assert_eq!(rows[1][7], "positive: Listens");
        assert_eq!(rows[2][3], "ana@example.com");
        assert_eq!(rows[2][4], "Escalations | conflicts");
        assert_eq!(rows[2][6], "exceeds");
        assert_eq!(rows[2][7], "positive: Names the partner's goal");
        assert_eq!(rows[3][4], "Curiosity");
        assert_eq!(rows[3][5], "Attitudes");
        assert_eq!(rows[3][7], "");
        assert_eq!(rows[4][1], sample::ANGLE);
        assert_eq!(rows[4][6], "meets");
    }

    #[test]
    fn guard_prefixes_only_formula_starts() {
        for bad in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(guard(bad), format!("'{bad}"));
        }
        assert_eq!(guard("Ann"), "Ann");
        assert_eq!(guard("a=b"), "a=b");
        assert_eq!(guard(""), "");
    }

    #[test]
    fn indicators_use_words_not_signs() {
        let board = sample::board();
        let r = board
            .ratings
            .iter()
            .find(|r| r.slot_id == "s1" && r.item_key == "competency:mid-q1")
            .unwrap();
        let mut both = r.clone();
        both.negative = vec!["Rambles".into()];
        assert_eq!(
            indicators(&both),
            "positive: Names the partner's goal | negative: Rambles"
        );
    }
}

//! Every rating on the board as one CSV row, for recruiters who want the
//! raw numbers in a spreadsheet. The file follows RFC 4180 (CRLF line
//! ends, quoted fields where needed) and carries each candidate's id, so
//! two people with the same name stay apart for anyone who recomputes.
//! Text cells are guarded against formula injection without changing
//! names a spreadsheet would only show: see [`guard`].

use crate::domain::board::{Board, RatingRecord};
use std::collections::HashMap;

pub const HEADER: [&str; 10] = [
    "requisition",
    "candidate",
    "round",
    "interviewer",
    "item",
    "competency",
    "rating",
    "indicators",
    "submitted_at",
    // Last, so that readers of the nine earlier columns by position keep
    // working.
    "candidate_id",
];

/// Excel reads a CSV as the machine's legacy code page unless the file
/// opens with a UTF-8 byte-order mark; other readers do not need one.
pub const EXCEL_BOM: &str = "\u{FEFF}";

/// Whether a spreadsheet could run `text` as a formula that does something.
///
/// A cell starting with `=` or `@` (or a tab or line break, which some
/// spreadsheets skip before looking) is always a formula. A cell starting
/// with `+` or `-` is one too, but when the rest holds only letters,
/// digits, spaces and `.` `,` `'`, it can neither call a function, reach
/// another sheet or program (`(`, `!`, `|` are needed for that), nor
/// compute anything (no operator): such text, like the name "-Minus
/// Dash" or "+44 20 7946 0000", is kept as it is. Full-width `＝＋－＠`
/// count as their ASCII twins, and leading spaces are looked past.
fn needs_guard(text: &str) -> bool {
    let text = text.trim_start_matches(' ');
    let mut chars = text.chars();
    match chars.next() {
        Some('=' | '@' | '\t' | '\r' | '\n' | '\u{FF1D}' | '\u{FF20}') => true,
        Some('+' | '-' | '\u{FF0B}' | '\u{FF0D}') => {
            !chars.all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | ',' | '\''))
        }
        _ => false,
    }
}

/// A leading `'` makes a spreadsheet take the cell as text (OWASP's advice
/// for CSV injection); only cells that need it get one.
fn guard(text: &str) -> String {
    if needs_guard(text) {
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

    let mut out = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
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
            guard(&r.candidate_id),
        ])?;
    }
    out.into_inner().map_err(|e| e.into_error().into())
}

/// The board's ratings as CSV: a header row, then one row per rating,
/// ordered by candidate, round, interviewer and the board's item order.
/// `excel` starts the file with a byte-order mark so that Excel reads
/// accented names as UTF-8.
pub fn ratings_csv(board: &Board, excel: bool) -> String {
    // Writing to memory cannot fail and every record has the header's
    // length, so the error arm is unreachable; an empty export beats a
    // panic.
    let body = match write(board) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(_) => String::new(),
    };
    if excel {
        format!("{EXCEL_BOM}{body}")
    } else {
        body
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
    fn header_is_exact_and_lines_end_in_crlf() {
        let text = ratings_csv(&sample::board(), false);
        assert!(text.starts_with(
            "requisition,candidate,round,interviewer,item,competency,rating,indicators,submitted_at,candidate_id\r\n"
        ));
        // No field of the sample holds a line break, so every line break is
        // a record's end: one per row and the header, all CRLF.
        assert_eq!(text.matches('\n').count(), 6, "{text:?}");
        assert_eq!(text.matches("\r\n").count(), 6, "{text:?}");
        assert!(text.ends_with("\r\n"));
    }

    #[test]
    fn excel_gets_a_byte_order_mark_and_nothing_else_changes() {
        let board = sample::board();
        let plain = ratings_csv(&board, false);
        let excel = ratings_csv(&board, true);
        assert!(!plain.starts_with('\u{FEFF}'));
        assert_eq!(excel.as_bytes()[..3], [0xEF, 0xBB, 0xBF]);
        assert_eq!(&excel[3..], plain);
    }

    #[test]
    fn rows_round_trip_with_awkward_names_and_a_formula_guard() {
        let text = ratings_csv(&sample::board(), false);
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
                "c1",
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
        assert_eq!(rows[4][9], "c2");
    }

    #[test]
    fn two_candidates_with_one_name_stay_apart() {
        let mut board = sample::board();
        let first = board.candidates[0].name.clone();
        for row in &mut board.candidates {
            row.name = first.clone();
        }
        let (_, rows) = read(&ratings_csv(&board, false));
        let ids: std::collections::BTreeSet<&str> = rows.iter().map(|r| r[9].as_str()).collect();
        assert_eq!(ids, ["c1", "c2"].into());
        assert!(rows.iter().all(|r| r[1] == format!("'{first}")));
    }

    #[test]
    fn the_guard_stops_formulas_and_keeps_plain_names() {
        for formula in [
            "=1+1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "\nx",
            "-1+1",
            "+1-1",
            "-A1*2",
            "+HYPERLINK(\"http://x\",\"y\")",
            "-2+3+cmd|' /C calc'!A0",
            "-'Sheet 1'!A1",
            "  =1+1",
            "\u{FF1D}1+1",
            "\u{FF0D}1+1",
        ] {
            assert_eq!(guard(formula), format!("'{formula}"), "{formula:?}");
        }
        for kept in [
            "-Minus Dash",
            "+44 20 7946 0000",
            "-1",
            "-O'Neil, Jr.",
            "-Zoë Çelik",
            "Ann",
            "a=b",
            "Jean-Luc (JL)",
            "-",
            "",
        ] {
            assert_eq!(guard(kept), kept, "{kept:?}");
        }
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

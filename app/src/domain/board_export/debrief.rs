//! The debrief packet: everything the panel needs on the table when it
//! meets to decide, as Markdown (to download or paste) and as a printable
//! HTML page. How consistently the panel rated, the whole board, then per
//! candidate the disagreements, the cards still owed, the calls made and
//! the evidence behind them.

use super::chart::{self, escape};
use crate::domain::agreement::Agreement;
use crate::domain::board::{
    arrange, tenths_down, Board, CandidateRow, Direction, Listed, MissingCard, RatingRecord,
    SortKey, EXPECTATION, OVERDUE_AFTER_HOURS,
};
use crate::domain::scorecard::{CardStatus, Recommendation};
use std::collections::HashMap;
use std::fmt::Write;

const HIDDEN: &str = "Ratings for this candidate are hidden until you submit your own scorecard for them. Scores, recommendations, notes and the decision appear here once you have.";

/// User text for inline Markdown: one line, and every character that
/// could start emphasis, a link, raw HTML, a heading, a table cell or a
/// list is backslash-escaped, so a name or title reads as itself.
fn md(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(flat.len() + 8);
    let mut leading_digits = true;
    for (i, c) in flat.chars().enumerate() {
        let special = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '&'
        ) || (i == 0 && matches!(c, '+' | '-' | '='))
            // "1. Ann" or "1) Ann" at the start of a list item would
            // start a numbered list.
            || (i > 0 && leading_digits && matches!(c, '.' | ')'));
        if special {
            out.push('\\');
        }
        out.push(c);
        leading_digits = leading_digits && c.is_ascii_digit();
    }
    out
}

/// User Markdown (notes, rationales) as a block quote: every line quoted
/// so nothing in it can end the quote and run into the packet's own
/// structure.
fn quote(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::new();
    for line in text.trim().lines() {
        if line.trim().is_empty() {
            out.push_str(">\n");
        } else {
            let _ = writeln!(out, "> {line}");
        }
    }
    out.push('\n');
    out
}

/// `2024-06-01T10:00:00Z` as `1 Jun 2024, 10:00 UTC`; anything else as
/// stored.
fn when(rfc3339: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(rfc3339) {
        Ok(t) => t
            .with_timezone(&chrono::Utc)
            .format("%-d %b %Y, %H:%M UTC")
            .to_string(),
        Err(_) => md(rfc3339),
    }
}

/// One decimal, rounded down (see [`tenths_down`]).
fn score(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), tenths_down)
}

fn card_state(state: CardStatus) -> &'static str {
    match state {
        CardStatus::NotStarted => "not started",
        CardStatus::Draft => "draft started, not submitted",
        CardStatus::Submitted => "submitted",
    }
}

fn calibration(board: &Board, out: &mut String) {
    out.push_str("## How consistently the panel rated\n\n");
    match &board.calibration.agreement {
        Agreement::Alpha {
            alpha,
            pairable,
            units,
        } => {
            let _ = writeln!(
                out,
                "**Agreement:** Krippendorff's alpha is {alpha:.2} over {units} items that two or more interviewers rated ({pairable} ratings). {}\n",
                board.calibration.reading
            );
        }
        Agreement::TooLittleData { .. } => {
            let _ = writeln!(
                out,
                "**Agreement:** no figure yet. {}\n",
                board.calibration.reading
            );
        }
    }
    let _ = writeln!(out, "{}\n", board.calibration.covers);
    if board.calibration.leniency.is_empty() {
        out.push_str(
            "No interviewer has submitted ratings yet, so there is no leniency to compare.\n\n",
        );
        return;
    }
    out.push_str(
        "Leniency: how many rating steps each interviewer sits above (+) or below (-) the rest of the panel on the same candidates and items.\n\n",
    );
    out.push_str("| Interviewer | Shared items | Leniency |\n|---|---:|---|\n");
    for l in &board.calibration.leniency {
        let reading = match l.offset {
            None => "too few shared items to say".to_string(),
            Some(o) => {
                let steps = (o * 10.0).round() / 10.0;
                if steps == 0.0 {
                    "0.0 steps: in line with the rest of the panel".to_string()
                } else if steps > 0.0 {
                    format!("+{steps:.1} steps: rates more generously than the rest of the panel")
                } else {
                    format!(
                        "-{:.1} steps: rates more harshly than the rest of the panel",
                        -steps
                    )
                }
            }
        };
        let _ = writeln!(
            out,
            "| {} | {} | {reading} |",
            md(&l.interviewer_email),
            l.shared_items
        );
    }
    out.push('\n');
}

/// Candidates with evidence first (highest weighted score first, then by
/// name), then those without ratings yet or hidden from the viewer, by
/// name: the debrief starts where there is something to discuss.
fn in_debrief_order(board: &Board) -> Vec<&CandidateRow> {
    // The board's own order: a hidden candidate has no weighted score, so
    // it sorts with those not rated yet.
    arrange(
        board,
        &SortKey::Weighted,
        Direction::Descending,
        None,
        Listed::Everyone,
    )
    .rows
}

/// How many candidates share one table of ratings by column: with the
/// column names down the side, four candidates fit a portrait A4 page.
const CANDIDATES_PER_TABLE: usize = 4;

fn cell_text(row: &CandidateRow, column: &str) -> String {
    match row.cells.iter().find(|c| c.column == column) {
        Some(c) if c.counts.total() > 0 => format!(
            "{}/{}/{} · {}",
            c.counts.exceeds,
            c.counts.meets,
            c.counts.below,
            score(c.mean)
        ),
        _ => "no ratings".to_string(),
    }
}

/// The overview: one narrow summary table of every candidate, then their
/// ratings column by column in tables of a few candidates each, so that
/// nothing is wider than a printed page however many columns the kit has.
fn matrix(board: &Board, rows: &[&CandidateRow], out: &mut String) {
    out.push_str("## All candidates\n\n");
    if rows.is_empty() {
        out.push_str("No candidates on this board yet.\n\n");
        return;
    }
    out.push_str("| Candidate | Stage | Weighted score | Evidence says | Decision |\n|---|---|---:|---|---|\n");
    for row in rows {
        let _ = write!(out, "| {} | {} |", md(&row.name), row.stage.label());
        if row.hidden {
            out.push_str(" hidden | hidden | hidden |\n");
            continue;
        }
        let evidence = row.evidence.map_or("–", |e| e.label());
        let decision = match &row.decision {
            Some(d) if row.departs => format!("{} (departs from the evidence)", d.outcome.label()),
            Some(d) => d.outcome.label().to_string(),
            None => "none yet".to_string(),
        };
        let _ = writeln!(out, " {} | {evidence} | {decision} |", score(row.weighted));
    }
    out.push('\n');

    let rated: Vec<&CandidateRow> = rows
        .iter()
        .copied()
        .filter(|r| !r.hidden && r.cells.iter().any(|c| c.counts.total() > 0))
        .collect();
    out.push_str("### Ratings by column\n\n");
    if rated.is_empty() {
        out.push_str("No candidate has submitted ratings you can see yet.\n\n");
        return;
    }
    let _ = writeln!(
        out,
        "Each cell shows how many ratings said exceeds / meets / below (E/M/B), then their mean on 1 (below) to 3 (exceeds). The level expects {EXPECTATION:.1} (meets).\n"
    );
    for group in rated.chunks(CANDIDATES_PER_TABLE) {
        out.push_str("| Column (weight) |");
        for row in group {
            let _ = write!(out, " {} |", md(&row.name));
        }
        out.push_str("\n|---|");
        for _ in group {
            out.push_str("---|");
        }
        out.push('\n');
        for column in &board.columns {
            let _ = write!(out, "| {} ({}) |", md(&column.label), column.weight);
            for row in group {
                let _ = write!(out, " {} |", cell_text(row, &column.id));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    let unrated: Vec<String> = rows
        .iter()
        .filter(|r| r.hidden || r.cells.iter().all(|c| c.counts.total() == 0))
        .map(|r| md(&r.name))
        .collect();
    if !unrated.is_empty() {
        let _ = writeln!(
            out,
            "Not in these tables (no ratings you can see yet): {}.\n",
            unrated.join(", ")
        );
    }
}

fn missing(row: &CandidateRow, out: &mut String) {
    out.push_str("### Scorecards still owed\n\n");
    if row.missing.is_empty() {
        if row.submitted_cards == 0 {
            out.push_str("No interviews are on this board for this candidate yet.\n\n");
        } else if row.submitted_cards == 1 {
            out.push_str("The one scorecard is in.\n\n");
        } else {
            let _ = writeln!(out, "All {} scorecards are in.\n", row.submitted_cards);
        }
        return;
    }
    let _ = writeln!(
        out,
        "{} of {} scorecards are in.\n",
        row.submitted_cards,
        row.submitted_cards + row.missing.len()
    );
    for m in &row.missing {
        let MissingCard {
            interviewer_email,
            round_name,
            state,
            starts_at,
            overdue,
            ..
        } = m;
        let _ = write!(
            out,
            "- **{}** owes the {} scorecard (interview {}; {}).",
            md(interviewer_email),
            md(round_name),
            when(starts_at),
            card_state(*state)
        );
        if *overdue {
            let _ = write!(
                out,
                " **Overdue:** more than {OVERDUE_AFTER_HOURS} hours since the interview ended."
            );
        }
        out.push('\n');
    }
    out.push('\n');
}

fn flags(row: &CandidateRow, out: &mut String) {
    out.push_str("### Where the panel is two steps apart\n\n");
    if row.flags.is_empty() {
        out.push_str("None: no item was rated both exceeds and below.\n\n");
        return;
    }
    let people = |emails: &[String]| emails.iter().map(|e| md(e)).collect::<Vec<_>>().join(", ");
    for f in &row.flags {
        let _ = writeln!(
            out,
            "- **{}**: exceeds from {}; below from {}.",
            md(&f.title),
            people(&f.exceeds_by),
            people(&f.below_by)
        );
    }
    out.push_str("\nTalk these through before deciding: the interviewers saw different evidence or read the anchors differently.\n\n");
}

fn recommendations(board: &Board, row: &CandidateRow, out: &mut String) {
    out.push_str("### Recommendations\n\n");
    if row.recommendations.is_empty() {
        out.push_str("No recommendations submitted yet.\n\n");
    } else {
        out.push_str("| Interviewer | Round | Recommendation |\n|---|---|---|\n");
        for r in &row.recommendations {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                md(&r.interviewer_email),
                md(&r.round_name),
                r.recommendation.label()
            );
        }
        out.push('\n');
    }
    match (row.weighted, row.evidence) {
        (Some(w), Some(call)) => {
            let _ = writeln!(
                out,
                "**Weighted evidence:** {} of 3, which reads as **{}**.\n",
                tenths_down(w),
                call.label()
            );
        }
        _ => {
            out.push_str("**Weighted evidence:** none yet: nothing has been rated with points.\n\n")
        }
    }
    for slot in board
        .slots
        .iter()
        .filter(|s| s.candidate_id == row.id && !s.takeaways.trim().is_empty())
    {
        let _ = writeln!(
            out,
            "**{}**, {}, key take-aways:\n",
            md(&slot.interviewer_email),
            md(&slot.round_name)
        );
        out.push_str(&quote(&slot.takeaways));
    }
}

fn decision(row: &CandidateRow, out: &mut String) {
    out.push_str("### Decision\n\n");
    let Some(d) = &row.decision else {
        out.push_str("No decision recorded yet.\n\n");
        return;
    };
    let _ = writeln!(
        out,
        "**{}**, recorded by {} on {}.\n",
        d.outcome.label(),
        md(&d.decided_by),
        when(&d.decided_at)
    );
    if row.departs {
        // From the exact call, not the rounded score on display.
        let side = match row.evidence {
            Some(Recommendation::StrongHire | Recommendation::Hire) => "at or above",
            _ => "below",
        };
        let _ = writeln!(
            out,
            "**This decision departs from the evidence:** the weighted score is {}, {side} the level's expectation of {EXPECTATION:.1} (meets), which reads as {}. The rationale should say why the panel decided otherwise.\n",
            score(row.weighted),
            row.evidence.map_or("no call", |e| e.label()),
        );
    }
    rationale(&d.rationale, out);
    if row.earlier_decisions.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "#### Earlier decisions ({})\n\nReplaced by the decision above; newest first.\n",
        row.earlier_decisions.len()
    );
    for earlier in row.earlier_decisions.iter().rev() {
        let _ = writeln!(
            out,
            "**{}**, recorded by {} on {}.\n",
            earlier.outcome.label(),
            md(&earlier.decided_by),
            when(&earlier.decided_at)
        );
        rationale(&earlier.rationale, out);
    }
}

fn rationale(text: &str, out: &mut String) {
    if text.trim().is_empty() {
        out.push_str("No rationale recorded.\n\n");
    } else {
        out.push_str("Rationale:\n\n");
        out.push_str(&quote(text));
    }
}

fn evidence(board: &Board, row: &CandidateRow, out: &mut String) {
    out.push_str("### Evidence\n\n");
    let mut by_item: HashMap<&str, Vec<&RatingRecord>> = HashMap::new();
    for r in board.ratings.iter().filter(|r| r.candidate_id == row.id) {
        by_item.entry(r.item_key.as_str()).or_default().push(r);
    }
    if by_item.is_empty() {
        out.push_str("No submitted ratings yet.\n\n");
        return;
    }
    // The board's item order first, then anything it does not list.
    let mut keys: Vec<&str> = board
        .items
        .iter()
        .map(|i| i.key.as_str())
        .filter(|k| by_item.contains_key(k))
        .collect();
    let mut unknown: Vec<&str> = by_item
        .keys()
        .copied()
        .filter(|k| board.item(k).is_none())
        .collect();
    unknown.sort_unstable();
    keys.extend(unknown);

    for key in keys {
        let Some(ratings) = by_item.get_mut(key) else {
            continue;
        };
        ratings.sort_by(|a, b| {
            (a.round_name.as_str(), a.interviewer_email.as_str())
                .cmp(&(b.round_name.as_str(), b.interviewer_email.as_str()))
        });
        let title = board.item_title(key);
        let area = board.item_area(key);
        match area {
            Some(area) => {
                let _ = writeln!(out, "#### {} · {}\n", md(title), md(area));
            }
            None => {
                let _ = writeln!(out, "#### {}\n", md(title));
            }
        }
        for r in ratings.iter() {
            let _ = write!(
                out,
                "**{}**, {}: **{}**.",
                md(&r.interviewer_email),
                md(&r.round_name),
                r.rating.label()
            );
            let list =
                |items: &[String]| items.iter().map(|i| md(i)).collect::<Vec<_>>().join("; ");
            if !r.positive.is_empty() {
                let _ = write!(out, " Positive indicators seen: {}.", list(&r.positive));
            }
            if !r.negative.is_empty() {
                let _ = write!(out, " Negative indicators seen: {}.", list(&r.negative));
            }
            out.push_str("\n\n");
            if !r.notes.trim().is_empty() {
                out.push_str(&quote(&r.notes));
            }
        }
    }
}

/// The packet in parts, so the HTML page can put each candidate's chart
/// right after their heading without searching the rendered HTML.
struct Packet<'a> {
    head: String,
    candidates: Vec<(&'a CandidateRow, String, String)>,
}

fn packet(board: &Board) -> Packet<'_> {
    let mut head = String::new();
    let _ = writeln!(head, "# Debrief: {}\n", md(&board.title));
    let _ = writeln!(
        head,
        "Generated {}. Ratings run from 1 (below) through 2 (meets) to 3 (exceeds); the level expects {EXPECTATION:.1} (meets).\n",
        when(&board.generated_at)
    );
    calibration(board, &mut head);
    let rows = in_debrief_order(board);
    matrix(board, &rows, &mut head);

    let candidates = rows
        .into_iter()
        .map(|row| {
            let heading = format!("## {}\n\n", md(&row.name));
            let mut body = String::new();
            let _ = writeln!(body, "**Stage:** {}.\n", row.stage.label());
            if row.hidden {
                let _ = writeln!(body, "{HIDDEN}\n");
                missing(row, &mut body);
            } else {
                flags(row, &mut body);
                missing(row, &mut body);
                recommendations(board, row, &mut body);
                decision(row, &mut body);
                evidence(board, row, &mut body);
            }
            (row, heading, body)
        })
        .collect();
    Packet { head, candidates }
}

/// The debrief packet as Markdown. User notes and rationales are quoted
/// as written; names, titles and emails are escaped.
pub fn debrief_markdown(board: &Board) -> String {
    let packet = packet(board);
    let mut out = packet.head;
    for (_, heading, body) in packet.candidates {
        out.push_str(&heading);
        out.push_str(&body);
    }
    out
}

/// Every table spans the page with fixed column widths and long words
/// wrap anywhere, so nothing runs past the right edge on screen or on an
/// A4 page; the widest table has five columns.
const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#000;background:#fff;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;overflow-wrap:anywhere}\
h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:1px solid #999;padding-bottom:0.2rem;margin-top:2rem}h3{font-size:1.1rem}h4{font-size:1rem}\
table{border-collapse:collapse;margin:0.75rem 0;width:100%;table-layout:fixed}\
th,td{border:1px solid #555;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}\
th:first-child,td:first-child{width:30%}\
th{background:#eee}\
blockquote{border-left:3px solid #888;margin:0.5rem 0 0.75rem 0.5rem;padding:0 0.75rem;color:#222}\
figure.profile{margin:0.5rem 0 1rem}\
figure.profile svg{max-width:100%;height:auto}\
@page{size:A4;margin:14mm 12mm}\
@media print{body{margin:0;padding:0;max-width:none;font-size:10pt}section.candidate{break-before:page;page-break-before:always}th{background:none}a{color:#000}tr,figure,blockquote{break-inside:avoid}h2,h3,h4{break-after:avoid}}";

/// The policy of the printable debrief, in its `<meta>` and in the header
/// it is served with (see [`crate::standalone_page`]).
pub fn content_security_policy() -> String {
    crate::standalone_page::policy(STYLE)
}

/// The same, for the response header.
pub fn header_policy() -> String {
    crate::standalone_page::header_policy(STYLE)
}

/// The debrief packet as one printable HTML page: no scripts, its own
/// styles, each candidate on a new printed page with their profile chart.
pub fn debrief_html(board: &Board) -> String {
    let packet = packet(board);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body><main>\n",
        content_security_policy(),
        escape(&format!("Debrief: {}", board.title))
    );
    out.push_str(&crate::markdown::to_safe_html(&packet.head));
    for (row, heading, body) in &packet.candidates {
        out.push_str("<section class=\"candidate\">\n");
        out.push_str(&crate::markdown::to_safe_html(heading));
        // Our own chart, built with every user string escaped; it goes in
        // after sanitising because the sanitiser would strip SVG.
        out.push_str("<figure class=\"profile\">");
        out.push_str(&chart::profile_svg(board, row));
        out.push_str("</figure>\n");
        out.push_str(&crate::markdown::to_safe_html(body));
        out.push_str("</section>\n");
    }
    out.push_str("</main></body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::board_export::sample::{self, ANGLE};

    #[test]
    fn md_escapes_markup_and_flattens_lines() {
        assert_eq!(md("a | b"), "a \\| b");
        assert_eq!(md("*x* [y](z) <b>"), "\\*x\\* \\[y\\](z) \\<b\\>");
        assert_eq!(md("- Bob"), "\\- Bob");
        assert_eq!(md("=Cruz"), "\\=Cruz");
        assert_eq!(md("1. Ann"), "1\\. Ann");
        assert_eq!(md("Smith-Jones 2.0"), "Smith-Jones 2.0");
        assert_eq!(md("two\nlines\r\n# no"), "two lines \\# no");
    }

    #[test]
    fn quote_keeps_every_line_inside_the_quote() {
        assert_eq!(quote("a\r\n\r\n# b\rc"), "> a\n>\n> # b\n> c\n\n");
    }

    #[test]
    fn markdown_has_the_sections_and_escapes_pipes() {
        let text = debrief_markdown(&sample::board());
        assert!(
            text.starts_with("# Debrief: Partner manager \\| EMEA\n"),
            "{text}"
        );
        assert!(text.contains("Generated 10 Jun 2024, 00:00 UTC."));
        assert!(text.contains("## How consistently the panel rated"));
        assert!(
            text.contains("| Candidate | Stage | Weighted score | Evidence says | Decision |"),
            "{text}"
        );
        assert!(text.contains(
            "| \\=Cruz, \"Jo\" | Interviews | 2.0 | Hire | No hire (departs from the evidence) |"
        ), "{text}");
        assert!(text.contains("| Hidden Person | Interviews | hidden | hidden | hidden |"));
        // The ratings column by column, candidates across.
        assert!(
            text.contains("| Column (weight) | \\=Cruz, \"Jo\" | Ann \\<b\\>\\&\" |"),
            "{text}"
        );
        assert!(
            text.contains("| Stakeholder management (3) | 1/0/1 · 2.0 | 0/1/0 · 2.0 |"),
            "{text}"
        );
        assert!(
            text.contains("| Attitudes (1) | 0/1/0 · 2.0 | no ratings |"),
            "{text}"
        );
        assert!(text.contains("Not in these tables (no ratings you can see yet): Hidden Person."));
        assert!(text.contains("- **Escalations \\| conflicts**: exceeds from ana@example.com; below from ben@example.com."), "{text}");
        assert!(text.contains("- **cat@example.com** owes the Technical interview scorecard (interview 1 Jun 2024, 10:00 UTC; draft started, not submitted). **Overdue:**"), "{text}");
        assert!(text.contains("| ben@example.com | Role-play round | No hire |"));
        assert!(text.contains("**Weighted evidence:** 2.0 of 3, which reads as **Hire**."));
        assert!(text.contains("**This decision departs from the evidence:** the weighted score is 2.0, at or above"), "{text}");
        assert!(text.contains("> Not enough depth."));
        // The decision it replaced stays on record, after the current one.
        let history = text
            .split("#### Earlier decisions (1)")
            .nth(1)
            .expect("history");
        assert!(
            history.contains("**Hire**, recorded by hm@example.com on 4 Jun 2024, 09:00 UTC."),
            "{history}"
        );
        assert!(
            history.contains("> Strong on the partner plan."),
            "{history}"
        );
        assert!(text.find("> Not enough depth.") < text.find("#### Earlier decisions"));
        assert!(text.contains("#### Escalations \\| conflicts · Stakeholder management"));
        assert!(text.contains("**ana@example.com**, Technical interview: **Exceeds**. Positive indicators seen: Names the partner's goal."));
        assert!(text.contains("**ben@example.com**, Role-play round: **Below**. Negative indicators seen: Blames the partner; Vague."));
        assert!(text.contains("> <script>alert(1)</script>\n>\n> Solid | clear answer.\n"));
        assert!(text.contains("> Strong with partners."));
        assert!(text.contains("## Ann \\<b\\>\\&\"\n"));
    }

    #[test]
    fn hidden_candidates_show_who_owes_cards_and_nothing_scored() {
        let text = debrief_markdown(&sample::board());
        let hidden = text.split("## Hidden Person").nth(1).unwrap();
        assert!(hidden.contains("hidden until you submit your own scorecard"));
        assert!(!text.contains("Secret"));
        assert!(!hidden.contains("### Evidence"));
    }

    #[test]
    fn the_tables_survive_a_pipe_in_a_name() {
        let mut board = sample::board();
        board.candidates[1].name = "Jo | Ray".into();
        let html = crate::markdown::to_safe_html(&debrief_markdown(&board));
        let row = html.split("<tr>").find(|r| r.contains("Jo | Ray")).unwrap();
        // Candidate, stage, weighted, evidence, decision.
        assert_eq!(row.matches("<td").count(), 5, "{row}");
        let across = html
            .split("<tr>")
            .find(|r| r.contains("Column (weight)"))
            .unwrap();
        assert_eq!(across.matches("<th").count(), 3, "{across}");
    }

    #[test]
    fn candidates_with_evidence_come_first_and_tables_stay_narrow() {
        let mut board = sample::board();
        // Ten rated candidates and one without ratings, who sorts first by
        // name but comes last.
        let template = board.candidates[1].clone();
        for n in 0..10 {
            let mut row = template.clone();
            row.id = format!("x{n}");
            row.name = format!("Rated {n}");
            row.weighted = Some(1.0 + f64::from(n) / 5.0);
            board.candidates.push(row);
        }
        let mut none = template.clone();
        none.id = "x-none".into();
        none.name = "Aaron Unrated".into();
        none.weighted = None;
        for cell in &mut none.cells {
            cell.counts = Default::default();
            cell.mean = None;
        }
        board.candidates.push(none);
        let order: Vec<&str> = in_debrief_order(&board)
            .iter()
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(order[0], "Rated 9", "highest score first: {order:?}");
        assert_eq!(
            &order[order.len() - 2..],
            ["Aaron Unrated", "Hidden Person"]
        );
        let text = debrief_markdown(&board);
        // 12 rated candidates: three tables of four across.
        assert_eq!(text.matches("| Column (weight) |").count(), 3, "{text}");
        for line in text.lines().filter(|l| l.starts_with('|')) {
            assert!(
                line.matches(" |").count() <= 5,
                "at most five columns: {line}"
            );
        }
        // The candidate sections follow the same order.
        let first = text.find("## Rated 9").unwrap();
        assert!(first < text.find("## Aaron Unrated").unwrap());
        assert!(text.find("## Aaron Unrated").unwrap() < text.find("## Hidden Person").unwrap());
    }

    #[test]
    fn calibration_states_alpha_or_too_little_data_and_leniency() {
        let text = debrief_markdown(&sample::board());
        // Three ratings on shared items is too few for a figure.
        assert!(
            text.contains("**Agreement:** no figure yet. Too few"),
            "{text}"
        );
        assert!(
            text.contains("These figures cover the submitted ratings on 2 of this requisition's 3 candidates."),
            "{text}"
        );
        assert!(text.contains("| Interviewer | Shared items | Leniency |"));
        let mut board = sample::board();
        board.calibration.agreement = Agreement::Alpha {
            alpha: 0.8123,
            pairable: 64,
            units: 31,
        };
        board.calibration.reading = "The panel agrees well.".into();
        board.calibration.leniency[0].offset = Some(0.44);
        board.calibration.leniency[1].offset = Some(-0.31);
        let text = debrief_markdown(&board);
        assert!(
            text.contains("Krippendorff's alpha is 0.81 over 31 items that two or more interviewers rated (64 ratings)"),
            "{text}"
        );
        assert!(text.contains("The panel agrees well."));
        assert!(text.contains("+0.4 steps: rates more generously"), "{text}");
        assert!(text.contains("-0.3 steps: rates more harshly"), "{text}");
    }

    /// The one style block runs under the policy's hash; nothing else does.
    #[test]
    fn the_policy_allows_exactly_the_style_block() {
        use base64::Engine as _;
        use sha2::{Digest, Sha256};
        let html = debrief_html(&sample::board());
        let start = html.find("<style>").expect("a style block") + "<style>".len();
        let end = html[start..].find("</style>").expect("its end") + start;
        let hash =
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(&html[start..end]));
        let policy = content_security_policy();
        assert!(
            policy.contains(&format!("style-src 'sha256-{hash}';")),
            "{policy}"
        );
        assert!(html.contains(&format!("content=\"{policy}\"")));
        assert!(
            !policy.contains("unsafe-inline") && !policy.contains("https:"),
            "{policy}"
        );
        assert!(policy.contains("default-src 'none'") && policy.contains("img-src 'self' data:"));
    }

    #[test]
    fn html_is_standalone_safe_and_has_the_charts() {
        let mut board = sample::board();
        board.title = "Partner <b> & \"EMEA\"".into();
        let html = debrief_html(&board);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(
            html.contains("<title>Debrief: Partner &lt;b&gt; &amp; &quot;EMEA&quot;</title>"),
            "{html}"
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("Solid | clear answer."));
        assert!(html.contains("<table>"));
        assert!(html.contains("break-before:page"));
        assert_eq!(html.matches("<section class=\"candidate\">").count(), 3);
        assert_eq!(html.matches("<svg ").count(), 3);
        // Each chart follows its candidate's heading.
        let ann = html
            .find("Ann &lt;b&gt;&amp;\"</h2>")
            .or_else(|| html.find("Ann &lt;b&gt;&amp;&quot;</h2>"));
        let ann = ann.expect("Ann's heading");
        let chart = html[ann..].find("<svg ").unwrap();
        assert!(html[ann..ann + chart].contains("<figure class=\"profile\">"));
        assert!(html.contains(&format!(
            "<title>Ratings profile: {}</title>",
            escape(ANGLE)
        )));
        assert!(html.contains("hidden until you submit your own scorecard"));
    }
}

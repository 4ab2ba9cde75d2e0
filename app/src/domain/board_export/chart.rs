//! A candidate's profile on the board as an inline SVG bar chart: one bar
//! per column, against the level's expectation. Plain string building so
//! it renders the same on the server, in the browser and on paper: no
//! scripts, no stylesheet, explicit fills and strokes in black and greys.

use crate::domain::board::{tenths_down, Board, CandidateRow, EXPECTATION};
use std::fmt::Write;

/// Overall width of the chart, in SVG user units (pixels on screen).
const WIDTH: f64 = 520.0;
/// Left edge of the plot area: the column labels sit to its left.
const PLOT_LEFT: f64 = 190.0;
/// Right edge of the plot area: room for the value printed after a bar.
const PLOT_RIGHT: f64 = 480.0;
/// Space above the bars for the scale labels.
const TOP: f64 = 28.0;
/// One bar's band, and the bar's own height inside it.
const ROW: f64 = 26.0;
const BAR: f64 = 16.0;
/// Space below the bars for the expectation's label.
const BOTTOM: f64 = 30.0;
/// The scale runs from 0 so a "below" mean (1.0) still shows as a bar.
const SCALE_MAX: f64 = 3.0;
/// Longest column label drawn in full; longer ones are shortened (the
/// full text stays in the chart's aria-label).
const LABEL_CHARS: usize = 28;

const FONT: &str = "font-family=\"sans-serif\" font-size=\"12\"";
/// At or above the expectation: dark, reads as "solid" in print.
const FILL_MEETS: &str = "#404040";
/// Below the expectation: light, so the difference survives greyscale.
const FILL_BELOW: &str = "#c8c8c8";

/// Escapes text for SVG and HTML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn x_of(value: f64) -> f64 {
    PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * value.clamp(0.0, SCALE_MAX) / SCALE_MAX
}

fn shorten(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn open_svg(out: &mut String, height: f64, name: &str, aria: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{WIDTH:.0}\" \
         height=\"{height:.0}\" viewBox=\"0 0 {WIDTH:.0} {height:.0}\" aria-label=\"{}\">\
         <title>{}</title>\
         <rect x=\"0\" y=\"0\" width=\"{WIDTH:.0}\" height=\"{height:.0}\" fill=\"#ffffff\"/>",
        escape(aria),
        escape(&format!("Ratings profile: {name}")),
    );
}

/// The candidate's column means as bars on the 1 (below) to 3 (exceeds)
/// scale, with a dashed line at the level's expectation. A hidden row
/// gets a chart that says why there is nothing to show.
pub fn profile_svg(board: &Board, row: &CandidateRow) -> String {
    let mut out = String::new();
    if row.hidden {
        let message = "Ratings hidden until you submit your own scorecard for this candidate.";
        open_svg(
            &mut out,
            48.0,
            &row.name,
            &format!("{}: {message}", row.name),
        );
        let _ = write!(
            out,
            "<text x=\"12\" y=\"29\" {FONT} fill=\"#000000\">{}</text></svg>",
            escape(message)
        );
        return out;
    }

    let means: Vec<(&str, Option<f64>)> = board
        .columns
        .iter()
        .map(|column| {
            let mean = row
                .cells
                .iter()
                .find(|cell| cell.column == column.id)
                .and_then(|cell| cell.mean);
            (column.label.as_str(), mean)
        })
        .collect();

    let summary: Vec<String> = means
        .iter()
        .map(|(label, mean)| match mean {
            Some(m) => format!("{label} {}", tenths_down(*m)),
            None => format!("{label} no ratings"),
        })
        .collect();
    let aria = if summary.is_empty() {
        format!(
            "Ratings profile for {}: no columns on this board yet.",
            row.name
        )
    } else {
        format!(
            "Ratings profile for {} on a scale of 1 (below) to 3 (exceeds): {}. Level expectation: {EXPECTATION:.1} (meets).",
            row.name,
            summary.join(", ")
        )
    };

    let bars_height = ROW * means.len().max(1) as f64;
    let height = TOP + bars_height + BOTTOM;
    open_svg(&mut out, height, &row.name, &aria);

    // Scale: a light gridline and a label at each anchor.
    for (value, label) in [(1.0, "Below"), (2.0, "Meets"), (3.0, "Exceeds")] {
        let x = x_of(value);
        let _ = write!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#b0b0b0\" stroke-width=\"1\"/>\
             <text x=\"{x:.1}\" y=\"16\" {FONT} fill=\"#000000\" text-anchor=\"middle\">{label}</text>",
            TOP - 6.0,
            TOP + bars_height,
        );
    }
    // The axis the bars grow from.
    let origin = x_of(0.0);
    let _ = write!(
        out,
        "<line x1=\"{origin:.1}\" y1=\"{:.1}\" x2=\"{origin:.1}\" y2=\"{:.1}\" stroke=\"#000000\" stroke-width=\"1\"/>",
        TOP - 6.0,
        TOP + bars_height,
    );

    if means.is_empty() {
        let _ = write!(
            out,
            "<text x=\"12\" y=\"{:.1}\" {FONT} fill=\"#000000\">No columns on this board yet.</text>",
            TOP + ROW / 2.0 + 4.0
        );
    }
    for (i, (label, mean)) in means.iter().enumerate() {
        let top = TOP + ROW * i as f64;
        let text_y = top + ROW / 2.0 + 4.0;
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{text_y:.1}\" {FONT} fill=\"#000000\" text-anchor=\"end\">{}</text>",
            PLOT_LEFT - 8.0,
            escape(&shorten(label)),
        );
        match mean {
            Some(m) => {
                let fill = if *m < EXPECTATION {
                    FILL_BELOW
                } else {
                    FILL_MEETS
                };
                let end = x_of(*m);
                let _ = write!(
                    out,
                    "<rect x=\"{origin:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{BAR:.1}\" fill=\"{fill}\" stroke=\"#000000\" stroke-width=\"1\"/>\
                     <text x=\"{:.1}\" y=\"{text_y:.1}\" {FONT} fill=\"#000000\">{}</text>",
                    top + (ROW - BAR) / 2.0,
                    end - origin,
                    end + 4.0,
                    tenths_down(*m),
                );
            }
            None => {
                let _ = write!(
                    out,
                    "<text x=\"{:.1}\" y=\"{text_y:.1}\" {FONT} fill=\"#555555\" font-style=\"italic\">no ratings</text>",
                    origin + 6.0,
                );
            }
        }
    }

    // The level's expectation, drawn over the bars so it stays visible.
    let line_x = x_of(EXPECTATION);
    let _ = write!(
        out,
        "<line x1=\"{line_x:.1}\" y1=\"{:.1}\" x2=\"{line_x:.1}\" y2=\"{:.1}\" stroke=\"#000000\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\
         <text x=\"{line_x:.1}\" y=\"{:.1}\" {FONT} fill=\"#000000\" text-anchor=\"middle\">Level expectation (meets)</text></svg>",
        TOP - 6.0,
        TOP + bars_height + 6.0,
        TOP + bars_height + 22.0,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agreement::Agreement;
    use crate::domain::board::{BoardColumn, Calibration, Cell, Counts, Coverage};
    use crate::domain::candidate::Stage;
    use std::collections::BTreeMap;

    fn counts(exceeds: u32, meets: u32, below: u32) -> Counts {
        Counts {
            exceeds,
            meets,
            below,
            no_evidence: 0,
        }
    }

    fn board(name: &str, hidden: bool) -> (Board, CandidateRow) {
        let columns = vec![
            BoardColumn {
                id: "competency:stakeholders".into(),
                label: "Stakeholders & <partners>".into(),
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
        let cells = vec![
            Cell {
                column: "competency:stakeholders".into(),
                counts: counts(1, 1, 0),
                mean: Some(2.5),
            },
            Cell {
                column: "attitudes".into(),
                counts: counts(0, 0, 2),
                mean: Some(1.0),
            },
            Cell {
                column: "exercise:simulation".into(),
                counts: Counts::default(),
                mean: None,
            },
        ];
        let row = CandidateRow {
            id: "c1".into(),
            name: name.into(),
            stage: Stage::Interviewing,
            hidden,
            cells,
            items: BTreeMap::new(),
            weighted: Some(2.0),
            evidence: None,
            recommendations: vec![],
            flags: vec![],
            to_discuss: 0,
            missing: vec![],
            submitted_cards: 2,
            decision: None,
            earlier_decisions: Vec::new(),
            departs: false,
        };
        let board = Board {
            people: Default::default(),
            times: Default::default(),
            updated: String::new(),
            practice: Default::default(),
            requisition_id: "r1".into(),
            title: "Partner manager".into(),
            generated_at: "2024-06-10T00:00:00Z".into(),
            columns,
            items: vec![],
            candidates: vec![row.clone()],
            calibration: Calibration {
                agreement: Agreement::TooLittleData {
                    pairable: 0,
                    units: 0,
                    reason: "No ratings yet.".into(),
                },
                reading: "No ratings yet.".into(),
                leniency: vec![],
                coverage: Coverage::Requisition,
                covers: String::new(),
            },
            ratings: vec![],
            slots: vec![],
        };
        (board, row)
    }

    #[test]
    fn escape_covers_the_five_special_characters() {
        assert_eq!(escape(r#"<b>&"'"#), "&lt;b&gt;&amp;&quot;&#39;");
    }

    #[test]
    fn names_and_labels_are_escaped() {
        let (board, row) = board("<b>&\"", false);
        let svg = profile_svg(&board, &row);
        assert!(
            svg.contains("<title>Ratings profile: &lt;b&gt;&amp;&quot;</title>"),
            "{svg}"
        );
        assert!(
            svg.contains("aria-label=\"Ratings profile for &lt;b&gt;&amp;&quot; on"),
            "{svg}"
        );
        assert!(
            svg.contains(">Stakeholders &amp; &lt;partners&gt;</text>"),
            "{svg}"
        );
        assert!(!svg.contains("<b>"), "{svg}");
        assert!(!svg.contains("<partners>"), "{svg}");
    }

    #[test]
    fn one_bar_per_rated_column_with_values_and_the_expectation_line() {
        let (board, row) = board("Ann", false);
        let svg = profile_svg(&board, &row);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""));
        assert!(svg.ends_with("</svg>"));
        assert!(!svg.contains("<script"));
        // Two rated columns, one without ratings; plus the background rect.
        assert_eq!(svg.matches("<rect").count(), 3, "{svg}");
        assert!(svg.contains(">2.5</text>"));
        assert!(svg.contains(">1.0</text>"));
        assert_eq!(svg.matches(">no ratings</text>").count(), 1);
        // 2.5 is at/above the bar, 1.0 below it: different fills.
        assert_eq!(svg.matches(&format!("fill=\"{FILL_MEETS}\"")).count(), 1);
        assert_eq!(svg.matches(&format!("fill=\"{FILL_BELOW}\"")).count(), 1);
        assert!(svg.contains("stroke-dasharray"));
        assert!(svg.contains(">Level expectation (meets)</text>"));
        for label in ["Below", "Meets", "Exceeds"] {
            assert!(svg.contains(&format!(">{label}</text>")), "{label}");
        }
        // Height grows with the column count: 28 + 3 * 26 + 30.
        assert!(svg.contains("height=\"136\""), "{svg}");
        // The expectation line sits at 2.0 on a 0..3 scale over 190..480.
        let x = x_of(EXPECTATION);
        assert!((x - 383.333).abs() < 0.01);
        assert!(svg.contains("x1=\"383.3\""));
    }

    #[test]
    fn a_hidden_row_shows_no_ratings() {
        let (board, row) = board("Ann", true);
        let svg = profile_svg(&board, &row);
        assert!(
            svg.contains("hidden until you submit your own scorecard"),
            "{svg}"
        );
        assert!(!svg.contains(">2.5</text>"));
        assert!(!svg.contains("Stakeholders"));
    }

    #[test]
    fn long_labels_are_shortened() {
        let long = "Building and managing a partner pipeline";
        let short = shorten(long);
        assert_eq!(short.chars().count(), LABEL_CHARS);
        assert!(short.ends_with('…'));
        assert_eq!(shorten("Attitudes"), "Attitudes");
    }
}

//! The motion a JD must name (seed 000): the partner, the pipeline target,
//! the operating cadence; and the generic mandate that stands in for them.

use super::numbers::{money, number_word};
use super::partners::partners;
use super::phrases::{
    CADENCE_OBJECTS, COMPANY_MONEY_WORDS, FREQUENCIES, PAY_WORDS, SOCIAL_RHYTHMS, TARGET_WORDS,
};
use super::subject::{boilerplate, not_a_mandate, out_of_scope};
use super::text::{clause_start, find_all, find_word, has_any, negated_at, Doc, Sentence};
use super::{finding, Finding, Severity};

/// Returns whether the rule fired.
pub fn missing_partner(doc: &Doc, company: &[String], out: &mut Vec<Finding>) -> bool {
    let named = !partners(doc, company).is_empty();
    if !named {
        out.push(finding(
            "missing-partner",
            Severity::Error,
            "The JD names no partner. Hires brought in without a named partner drift into generic partnership work and rarely produce pipeline.",
            None,
            "Name the partner the role owns, for example \"owns our partnership with AWS (marketplace alliance)\".",
        ));
    }
    !named
}

/// Whether some money in the sentence is a target the role must reach.
pub fn money_target(s: &Sentence) -> Option<String> {
    let context = s.section.as_deref().unwrap_or("");
    let pipeline_sentence = has_any(
        &s.lower,
        &[
            "pipeline",
            "sourced",
            "partner-sourced",
            "bookings",
            "attached",
        ],
    );
    for m in money(&s.lower) {
        // The words of the clause around the amount decide what it is.
        let from = clause_start(&s.lower, m.start);
        let to = super::text::clause_end(&s.lower, m.end);
        let clause = &s.lower[from..to];
        let near = window(&s.lower, m.start, m.end, 40);
        let pay = has_any(near, PAY_WORDS) && !has_any(near, &["pipeline", "sourced", "bookings"]);
        let after: Vec<&str> = s.lower[m.end..].split_whitespace().take(3).collect();
        // Company words beside the amount, not anywhere in its clause:
        // "from roughly $400K last year to $1.5M" has a target too.
        // "from roughly $400K last year to $1.5M": the amount after "to"
        // is where the role must take it.
        let growth = s.lower[from..m.start].trim_end().ends_with(" to")
            && s.lower[from..m.start].contains("from ");
        let company = !growth && has_any(window(&s.lower, m.start, m.end, 30), COMPANY_MONEY_WORDS)
            || after.iter().any(|w| {
                ["company", "business", "startup", "scale-up", "firm"]
                    .contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))
            });
        let target = has_any(clause, TARGET_WORDS)
            || pipeline_sentence && !pay
            || has_any(
                context,
                &[
                    "target",
                    "goal",
                    "success",
                    "outcome",
                    "metric",
                    "first year",
                    "12 months",
                    "measure",
                ],
            ) && !pay;
        if target && !pay && !company && !negated_at(&s.lower, m.start) {
            return Some(s.text.clone());
        }
    }
    None
}

/// The lower-cased text up to `reach` bytes either side of a span, on char
/// boundaries.
fn window(lower: &str, start: usize, end: usize, reach: usize) -> &str {
    let mut a = start.saturating_sub(reach);
    while !lower.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + reach).min(lower.len());
    while !lower.is_char_boundary(b) {
        b += 1;
    }
    &lower[a..b]
}

pub fn missing_pipeline_target(doc: &Doc, out: &mut Vec<Finding>) -> bool {
    let has_target = doc
        .sentences
        .iter()
        .filter(|s| !boilerplate(s))
        .any(|s| money_target(s).is_some());
    if !has_target {
        out.push(finding(
            "missing-pipeline-target",
            Severity::Error,
            "The JD gives no pipeline target. Without a number, candidates cannot judge the job and the panel cannot judge them against it.",
            None,
            "State the joint pipeline the role must produce in 12 months, for example \"$4M of joint pipeline with the partner in the first 12 months\".",
        ));
    }
    !has_target
}

/// A frequency in the sentence that governs operating work, not pay or a
/// social gathering.
fn operating_rhythm(s: &Sentence) -> bool {
    if has_any(&s.lower, SOCIAL_RHYTHMS)
        && !has_any(&s.lower, &["pipeline", "deal", "sponsor", "qbr", "partner"])
    {
        return false;
    }
    for f in FREQUENCIES {
        for at in find_all(&s.lower, f) {
            let before = &s.lower[..at];
            let last_words: Vec<&str> = before.split_whitespace().rev().take(2).collect();
            // "paid quarterly", "payouts monthly": the rhythm of pay.
            if last_words.iter().any(|w| {
                [
                    "paid", "pays", "payout", "payouts", "out", "accrues", "vests",
                ]
                .contains(w)
            }) {
                continue;
            }
            if negated_at(&s.lower, at) {
                continue;
            }
            // "QBRs" are an operating rhythm by themselves.
            if f.starts_with("qbr") || f.starts_with("mbr") || *f == "wbr" {
                return true;
            }
            // What the frequency governs is in its own clause.
            let from = clause_start(&s.lower, at);
            let to = s.lower[at..]
                .find([',', ';'])
                .map_or(s.lower.len(), |i| at + i);
            let clause = &s.lower[from..to];
            let rel = at - from;
            let object = CADENCE_OBJECTS
                .iter()
                .any(|o| find_word(clause, o).is_some_and(|i| i != rel));
            // A stand-up or a call is the partnership's rhythm only with the
            // partner in it ("weekly stand-up with our CEO" is internal).
            let strong = CADENCE_OBJECTS
                .iter()
                .filter(|o| !WEAK_OBJECTS.contains(o))
                .any(|o| find_word(clause, o).is_some_and(|i| i != rel))
                || has_any(
                    clause,
                    &["partner", "partner's", "partner’s", "joint", "partners'"],
                );
            let object = object && strong;
            if object {
                return true;
            }
        }
    }
    false
}

pub fn missing_cadence(doc: &Doc, out: &mut Vec<Finding>) -> bool {
    let rhythm = doc
        .sentences
        .iter()
        .filter(|s| !boilerplate(s) && !out_of_scope(s))
        .any(operating_rhythm);
    if !rhythm {
        out.push(finding(
            "missing-cadence",
            Severity::Error,
            "The JD describes no operating cadence. The role lives on a rhythm of joint reviews; a JD without one attracts people who wait to be asked.",
            None,
            "Name the cadence: a monthly joint pipeline review with written dispositions, a quarterly executive sponsor meeting, weekly or biweekly deal pairing.",
        ));
    }
    !rhythm
}

/// Cadence objects that need the partner named beside them.
const WEAK_OBJECTS: &[&str] = &[
    "sync", "syncs", "call", "calls", "meeting", "meetings", "stand-up", "standup", "planning",
    "plan", "cadence", "rhythm", "partner",
];

/// Verbs of a mandate and the generic objects that make it empty.
const MANDATE_VERBS: &[&str] = &[
    "make",
    "making",
    "elevate",
    "transform",
    "unlock",
    "accelerate",
    "strengthen",
    "deepen",
    "manage",
    "managing",
    "build",
    "building",
    "build out",
    "build up",
    "own",
    "owning",
    "drive",
    "driving",
    "grow",
    "growing",
    "develop",
    "developing",
    "lead",
    "leading",
    "oversee",
    "overseeing",
    "scale",
    "scaling",
    "nurture",
    "nurturing",
    "expand",
    "expanding",
    "maintain",
    "maintaining",
    "run",
    "running",
    "create",
    "establish",
    "launch",
    "shape",
];

const MANDATE_OBJECTS: &[&str] = &[
    "strategic partnerships",
    "strategic alliances",
    "partnerships",
    "alliances",
    "partner program",
    "partner programme",
    "partnership program",
    "partnership programme",
    "partner ecosystem",
    "the ecosystem",
    "our ecosystem",
    "partnership strategy",
    "partner strategy",
    "alliance strategy",
    "ecosystem strategy",
    "partner success",
    "partnership success",
    "partner relationships",
    "partnerships function",
    "partner motion",
    "channel program",
    "partner channel",
    "key partnerships",
    "key alliances",
    "new partnerships",
    "our partnerships",
    "our alliances",
    "strategic relationships",
];

/// A generic mandate in the sentence: returns the phrase.
fn mandate(s: &Sentence, company: &[String]) -> Option<String> {
    let mut specific: Option<bool> = None;
    let words: Vec<(usize, &str)> = s
        .lower
        .split_whitespace()
        .scan(0usize, |pos, w| {
            let start = s.lower[*pos..].find(w).map_or(*pos, |i| *pos + i);
            *pos = start + w.len();
            Some((start, w))
        })
        .collect();
    for (k, (at, w)) in words.iter().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if !MANDATE_VERBS.contains(&w) {
            continue;
        }
        // The object within the next few words: "manage our strategic
        // alliances", "build out a world-class partner program".
        let reach_end = words.get(k + 7).map_or(s.lower.len(), |(i, _)| *i);
        let reach = &s.lower[*at..reach_end];
        let Some(object) = MANDATE_OBJECTS
            .iter()
            .find(|o| find_word(reach, o).is_some())
        else {
            continue;
        };
        if negated_at(&s.lower, *at) {
            continue;
        }
        // "our VP, who has run our partnerships", "I lead partnerships at
        // Larkspur": someone else's mandate, not the role's.
        let clause = &s.lower[clause_start(&s.lower, *at)..*at];
        let subject: Vec<&str> = clause.split_whitespace().rev().take(3).collect();
        if has_any(clause, &["who", "which", "whose"])
            || subject
                .iter()
                .any(|w| ["i", "we", "he", "she", "they", "i've", "we've"].contains(w))
        {
            continue;
        }
        // The motion in the same sentence makes it specific (read once a
        // sentence, however many mandate verbs it holds).
        let specific = *specific.get_or_insert_with(|| {
            !super::partners::partners_in(s, company).is_empty()
                || !money(&s.lower).is_empty()
                || has_any(&s.lower, FREQUENCIES)
                || s.lower.chars().any(|c| c.is_ascii_digit())
                // "the nine consulting boutiques": a counted span is a motion.
                || s
                    .lower
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| number_word(w).is_some_and(|n| n > 0))
        });
        if specific {
            continue;
        }
        return Some(format!("{w} {object}"));
    }
    None
}

pub fn generic_mandate(
    doc: &Doc,
    company: &[String],
    missing_motion: bool,
    out: &mut Vec<Finding>,
) {
    let hit = doc
        .sentences
        .iter()
        .filter(|s| !s.heading && !not_a_mandate(s))
        .find_map(|s| mandate(s, company).map(|m| (m, s)));
    if let Some((phrase, s)) = hit {
        out.push(finding(
            "generic-mandate",
            if missing_motion {
                Severity::Error
            } else {
                Severity::Warning
            },
            format!("\"{phrase}\" is a mandate with no motion attached; JDs built on it attract generic candidates and the hire misses."),
            Some(&s.text),
            "Replace it with the motion itself: which partner, what pipeline in 12 months, which cadence.",
        ));
    }
}

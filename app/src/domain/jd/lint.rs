//! The JD linter. Each rule is a small function over the text (and, when the
//! JD came from the studio, the declared sub-role and level), so a pasted JD
//! is judged by what it says, not by form fields. Rule ids are part of the
//! public interface.

use super::lint_data::*;
use crate::domain::{Level, Library, SubRole};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    /// Why this hurts the hire, in plain words.
    pub message: String,
    /// The offending text, where there is one.
    pub excerpt: Option<String>,
    /// A concrete fix.
    pub suggestion: String,
}

/// The text, split once for every rule.
struct Doc<'a> {
    lower: String,
    /// Sentences and list items, as written and lower-cased.
    sentences: Vec<(&'a str, String)>,
}

impl<'a> Doc<'a> {
    fn new(text: &'a str) -> Doc<'a> {
        let sentences = text
            .split(['\n', '.', '!', '?', ';'])
            .map(|s| s.trim().trim_start_matches(['-', '*', '#', ' ']))
            .filter(|s| !s.is_empty())
            .map(|s| (s, s.to_lowercase()))
            .collect();
        Doc {
            lower: text.to_lowercase(),
            sentences,
        }
    }

    fn has(&self, phrase: &str) -> bool {
        find_word(&self.lower, phrase).is_some()
    }

    fn has_any(&self, phrases: &[&str]) -> bool {
        phrases.iter().any(|p| self.has(p))
    }

    /// The first sentence containing any of the phrases.
    fn sentence_with(&self, phrases: &[&str]) -> Option<&'a str> {
        self.sentences
            .iter()
            .find(|(_, lower)| phrases.iter().any(|p| find_word(lower, p).is_some()))
            .map(|(s, _)| *s)
    }
}

/// Byte offset of `phrase` in `haystack` (both lower case) on word boundaries.
fn find_word(haystack: &str, phrase: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = haystack[from..].find(phrase) {
        let start = from + i;
        let end = start + phrase.len();
        let before = haystack[..start].chars().next_back();
        let after = haystack[end..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) {
            return Some(start);
        }
        from = start + phrase.len().max(1);
    }
    None
}

fn excerpt(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() > 200 {
        format!("{}…", s.chars().take(200).collect::<String>())
    } else {
        s.to_string()
    }
}

fn finding(
    rule: &str,
    severity: Severity,
    message: impl Into<String>,
    excerpt_text: Option<&str>,
    suggestion: impl Into<String>,
) -> Finding {
    Finding {
        rule: rule.into(),
        severity,
        message: message.into(),
        excerpt: excerpt_text.map(excerpt),
        suggestion: suggestion.into(),
    }
}

/// Lints a JD. `declared` is the sub-role and level the studio generated it
/// for; for a pasted JD they are read from the text where it says them.
pub fn lint(text: &str, library: &Library, declared: Option<(SubRole, Level)>) -> Vec<Finding> {
    let doc = Doc::new(text);
    let sub_role = declared.map(|d| d.0).or_else(|| detect_sub_role(&doc));
    let level = declared.map(|d| d.1).or_else(|| detect_level(&doc));
    let mut findings = Vec::new();
    let missing_motion = missing_partner(&doc, &mut findings)
        | missing_pipeline_target(&doc, &mut findings)
        | missing_cadence(&doc, &mut findings);
    generic_mandate(&doc, missing_motion, &mut findings);
    mixed_sub_roles(&doc, &mut findings);
    span_exceeds_ratio(&doc, library, sub_role, &mut findings);
    marketing_reporting_line(&doc, &mut findings);
    sentiment_comp(&doc, &mut findings);
    level_sub_role_mismatch(library, sub_role, level, &mut findings);
    relationship_only(&doc, &mut findings);
    exclusive_language(&doc, &mut findings);
    findings
}

fn detect_sub_role(doc: &Doc) -> Option<SubRole> {
    let hits: Vec<SubRole> = SUB_ROLE_TITLES
        .iter()
        .filter(|(_, titles)| doc.has_any(titles))
        .map(|(s, _)| *s)
        .collect();
    (hits.len() == 1).then(|| hits[0])
}

fn detect_level(doc: &Doc) -> Option<Level> {
    let hits: Vec<Level> = [
        (Level::Junior, &["junior", "entry-level"][..]),
        (Level::Mid, &["mid-level"][..]),
        (Level::Senior, &["senior"][..]),
    ]
    .into_iter()
    .filter(|(_, words)| doc.has_any(words))
    .map(|(l, _)| l)
    .collect();
    (hits.len() == 1).then(|| hits[0])
}

/// Returns whether the rule fired.
fn missing_partner(doc: &Doc, out: &mut Vec<Finding>) -> bool {
    let named = doc.has_any(KNOWN_PARTNERS)
        || doc.sentences.iter().any(|(s, _)| {
            [
                "partnership with ",
                "relationship with ",
                "alliance with ",
                "partner: ",
                "partner is ",
            ]
            .iter()
            .any(|lead| {
                s.to_lowercase().match_indices(lead).any(|(i, _)| {
                    let next = s[i + lead.len()..].trim_start_matches(['*', '_', ' ']);
                    let word: String = next
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || "&.-".contains(*c))
                        .collect();
                    word.chars().next().is_some_and(char::is_uppercase)
                        && !NOT_A_NAME.contains(&word.to_lowercase().as_str())
                })
            })
        });
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

fn has_money(lower: &str) -> bool {
    let chars: Vec<char> = lower.chars().collect();
    let symbol = chars
        .windows(2)
        .any(|w| "$€£".contains(w[0]) && w[1].is_ascii_digit());
    let code = [
        "usd", "eur", "gbp", "chf", "cad", "aud", "million", "billion",
    ]
    .iter()
    .any(|c| {
        find_word(lower, c).is_some_and(|i| {
            lower[..i]
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit() || c == 'k' || c == 'm')
        })
    });
    symbol || code
}

fn missing_pipeline_target(doc: &Doc, out: &mut Vec<Finding>) -> bool {
    let has_target = doc
        .sentences
        .iter()
        .any(|(_, l)| find_word(l, "pipeline").is_some() && has_money(l));
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

fn missing_cadence(doc: &Doc, out: &mut Vec<Finding>) -> bool {
    let rhythm = doc.sentences.iter().any(|(_, l)| {
        let has = |w: &str| find_word(l, w).is_some();
        (has("monthly") && (has("pipeline") || has("review")))
            || (has("quarterly")
                && (has("executive") || has("sponsor") || has("qbr") || has("business review")))
            || ((has("weekly") || has("biweekly") || has("bi-weekly") || has("fortnightly"))
                && (has("deal") || has("pairing") || has("deals")))
    });
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

fn generic_mandate(doc: &Doc, missing_motion: bool, out: &mut Vec<Finding>) {
    for phrase in GENERIC_MANDATES {
        if let Some(sentence) = doc.sentence_with(&[phrase]) {
            out.push(finding(
                "generic-mandate",
                if missing_motion { Severity::Error } else { Severity::Warning },
                format!("\"{phrase}\" is a mandate with no motion attached; JDs built on it attract generic candidates and the hire misses."),
                Some(sentence),
                "Replace it with the motion itself: which partner, what pipeline in 12 months, which cadence.",
            ));
        }
    }
}

fn mixed_sub_roles(doc: &Doc, out: &mut Vec<Finding>) {
    let hits: Vec<(SubRole, &str)> = SUB_ROLE_SIGNALS
        .iter()
        .filter_map(|(s, phrases)| phrases.iter().find(|p| doc.has(p)).map(|p| (*s, *p)))
        .collect();
    if hits.len() >= 2 {
        let names: Vec<String> = hits
            .iter()
            .map(|(s, p)| format!("{} (\"{p}\")", s.id()))
            .collect();
        out.push(finding(
            "mixed-sub-roles",
            Severity::Error,
            format!("The JD mixes the scope of several sub-roles: {}. Searches for a mixed JD find nobody, and the hire fits no profile well.", names.join(", ")),
            doc.sentence_with(&[hits[1].1]),
            "Choose the one sub-role the company needs and cut the responsibilities of the others.",
        ));
    }
}

/// Numbers of partners or accounts the JD asks one person to cover.
fn counts_before(doc: &Doc, nouns: &[&'static str]) -> Vec<(u32, &'static str)> {
    let mut found = Vec::new();
    for (_, lower) in &doc.sentences {
        let words: Vec<&str> = lower
            .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
            .filter(|w| !w.is_empty())
            .collect();
        for (i, w) in words.iter().enumerate() {
            if let Some(noun) = nouns.iter().find(|n| w.trim_end_matches(['.', ':']) == **n) {
                // The number sits right before the noun or one qualifier before it.
                for back in 1..=2 {
                    let Some(prev) = i.checked_sub(back).map(|j| words[j]) else {
                        break;
                    };
                    let max = prev
                        .split(['-', '–'])
                        .filter_map(|p| p.parse::<u32>().ok().or_else(|| number_word(p)))
                        .max();
                    if let Some(n) = max {
                        found.push((n, *noun));
                        break;
                    }
                }
            }
        }
    }
    found
}

fn span_exceeds_ratio(
    doc: &Doc,
    library: &Library,
    sub_role: Option<SubRole>,
    out: &mut Vec<Finding>,
) {
    // Without a known sub-role, the most generous ratio of any applies.
    let (title, max_partners, max_accounts) = match sub_role.and_then(|s| library.sub_role(s)) {
        Some(r) => (
            r.profile.title.clone(),
            r.profile.span_limit.max_partners,
            r.profile.span_limit.max_accounts,
        ),
        None => (
            "alliance manager".to_string(),
            library
                .sub_roles
                .iter()
                .map(|r| r.profile.span_limit.max_partners)
                .max()
                .unwrap_or(7),
            library
                .sub_roles
                .iter()
                .filter_map(|r| r.profile.span_limit.max_accounts)
                .max(),
        ),
    };
    if let Some((n, noun)) = counts_before(doc, &["partners", "partnerships", "alliances"])
        .into_iter()
        .find(|(n, _)| *n > max_partners)
    {
        out.push(finding(
            "span-exceeds-ratio",
            Severity::Error,
            format!("The JD asks one {title} to cover {n} {noun}; the ratio that works is at most {max_partners}. Beyond it, none of the relationships gets run well."),
            doc.sentence_with(&[noun]),
            format!("Cut the span to {max_partners} or fewer, or split the scope across more than one hire."),
        ));
    }
    if let Some(max_accounts) = max_accounts {
        if let Some((n, _)) = counts_before(doc, &["accounts"])
            .into_iter()
            .find(|(n, _)| *n > max_accounts)
        {
            out.push(finding(
                "span-exceeds-ratio",
                Severity::Error,
                format!("The JD asks one {title} to cover {n} accounts; at most {max_accounts} named accounts can be coordinated deal by deal."),
                doc.sentence_with(&["accounts"]),
                format!("Name at most {max_accounts} accounts, or prioritise a named subset."),
            ));
        }
    }
}

fn marketing_reporting_line(doc: &Doc, out: &mut Vec<Finding>) {
    if doc.has("co-marketing motion") {
        return;
    }
    let reports = [
        "reports to",
        "report to",
        "reporting to",
        "reports into",
        "report into",
        "reporting into",
        "reporting line",
    ];
    let hit = doc.sentences.iter().find(|(_, l)| {
        reports.iter().filter_map(|r| find_word(l, r)).any(|i| {
            let after = &l[i..];
            find_word(after, "marketing").is_some() || find_word(after, "cmo").is_some()
        })
    });
    if let Some((sentence, _)) = hit {
        out.push(finding(
            "marketing-reporting-line",
            Severity::Error,
            "The role reports into marketing. Alliance managers who report into marketing produce co-marketing output, not co-sell pipeline.",
            Some(sentence),
            "Have the role report into sales (the CRO or a VP Sales), unless the partnership really is a co-marketing motion; then say so.",
        ));
    }
}

fn sentiment_comp(doc: &Doc, out: &mut Vec<Finding>) {
    let hit = doc.sentences.iter().find(|(_, l)| {
        COMP_WORDS.iter().any(|w| find_word(l, w).is_some())
            && SENTIMENT_WORDS.iter().any(|w| find_word(l, w).is_some())
    });
    if let Some((sentence, _)) = hit {
        out.push(finding(
            "sentiment-comp",
            Severity::Error,
            "Variable pay is tied to partner sentiment. Roles paid on sentiment produce relationship management, not revenue.",
            Some(sentence),
            "Pay the variable part on partner-sourced or partner-attached revenue.",
        ));
    }
}

fn level_sub_role_mismatch(
    library: &Library,
    sub_role: Option<SubRole>,
    level: Option<Level>,
    out: &mut Vec<Finding>,
) {
    let (Some(sub_role), Some(level)) = (sub_role, level) else {
        return;
    };
    let Some(rubric) = library.sub_role(sub_role) else {
        return;
    };
    let typical = &rubric.profile.typical_levels;
    if !typical.contains(&level) {
        let usual: Vec<&str> = typical.iter().map(|l| l.title()).collect();
        out.push(finding(
            "level-sub-role-mismatch",
            Severity::Warning,
            format!(
                "A {} is usually hired at {} level ({}); a {} hire is unlikely to carry the scope.",
                rubric.profile.title,
                usual.join(" or "),
                rubric.profile.seniority,
                level.title()
            ),
            None,
            format!(
                "Hire at {} level, or choose the sub-role whose scope fits a {} hire.",
                usual.join(" or "),
                level.title()
            ),
        ));
    }
}

fn relationship_only(doc: &Doc, out: &mut Vec<Finding>) {
    if doc.has_any(RELATIONSHIP_WORDS) && !doc.has_any(DEAL_WORDS) {
        out.push(finding(
            "relationship-only",
            Severity::Error,
            "The JD asks only for relationship work. A relationship-only hire produces partner goodwill but no partner pipeline.",
            doc.sentence_with(RELATIONSHIP_WORDS),
            "Add the deal work: joint pipeline, deal registration, pairing partner and company account executives on named opportunities.",
        ));
    }
}

fn exclusive_language(doc: &Doc, out: &mut Vec<Finding>) {
    for (word, replacement) in EXCLUSIVE_WORDS {
        if let Some(sentence) = doc.sentence_with(&[word]) {
            out.push(finding(
                "exclusive-language",
                Severity::Warning,
                format!("\"{word}\" is gendered, age-coded or jargon wording that puts qualified people off applying."),
                Some(sentence),
                format!("Use \"{replacement}\" instead."),
            ));
        }
    }
}

#[cfg(test)]
#[path = "lint_tests.rs"]
mod tests;

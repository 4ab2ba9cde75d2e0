//! How the JD frames the job (seed 000): a reporting line into marketing,
//! relationship work with no deal work, and wording that puts qualified
//! people off applying.

use super::motion::money_target;
use super::phrases::{COMP_WORDS, DEAL_WORDS, EXCLUSIVE_WORDS, RELATIONSHIP_WORDS};
use super::subject::{about_the_role, boilerplate, clause_about_others};
use super::text::{find_all, find_word, has_any, negated_at, Doc, Sentence};
use super::{finding, Finding, Severity};

const REPORTS: &[&str] = &[
    "reports to",
    "report to",
    "reporting to",
    "reports into",
    "report into",
    "reporting into",
    "reporting line",
    "reports directly to",
    "report directly to",
    "reporting directly to",
    "reports up to",
    "reports up into",
    "sits in",
    "sits within",
    "sit in",
    "sit within",
    "based in our",
    "part of the",
    "part of our",
    "belongs to our",
    "lives in",
    "lives within",
    "you will join",
    "you'll join",
    "joins our",
    "manager:",
    "line manager",
    "moved under",
    "sits under",
    "sit under",
    "under our",
    "under the",
];

const MARKETING: &[&str] = &[
    "marketing",
    "cmo",
    "chief marketing officer",
    "head of marketing",
    "demand generation",
    "demand gen",
    "brand team",
];

/// The JD says the partnership is a co-marketing motion.
fn co_marketing_motion(doc: &Doc) -> bool {
    doc.sentences.iter().any(|s| {
        find_all(&s.lower, "co-marketing").into_iter().any(|at| {
            !negated_at(&s.lower, at)
                && has_any(
                    &s.lower,
                    &[
                        "motion",
                        "partnership is",
                        "this is a",
                        "primarily",
                        "fundamentally",
                        "mainly",
                        "at heart",
                        "marketing-led",
                    ],
                )
        })
    })
}

fn reports_into_marketing(s: &Sentence) -> bool {
    let role_reporting = s.lower.starts_with("reports to")
        || s.lower.starts_with("reporting to")
        || s.lower.starts_with("reporting line")
        || s.lower.starts_with("report to")
        || s.lower.starts_with("manager:");
    for phrase in REPORTS {
        for at in find_all(&s.lower, phrase) {
            if negated_at(&s.lower, at) {
                continue;
            }
            // The subject before the phrase must be the role, not another
            // team ("our marketing team reports to the CEO").
            let subject = &s.lower[..at];
            if has_any(subject, MARKETING) && !role_reporting {
                continue;
            }
            let after_start = at + phrase.len();
            let clause_end = s.lower[after_start..]
                .find([';', '.', '('])
                .map_or(s.lower.len(), |i| after_start + i);
            let rest = &s.lower[after_start..clause_end];
            // "part of the team" etc. only with marketing right after.
            let loose = matches!(
                *phrase,
                "part of the"
                    | "part of our"
                    | "you will join"
                    | "you'll join"
                    | "joins our"
                    | "based in our"
                    | "sits in"
                    | "sit in"
                    | "lives in"
            );
            let reach = if loose {
                // "lives in Brand & Demand, our marketing organisation":
                // the name of the team may come before what it is.
                rest.split_whitespace()
                    .take(10)
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                // Up to the first "and"/"but"/"while" clause.
                let cut = [
                    "and work",
                    "and partner",
                    " but ",
                    " while ",
                    " with ",
                    " alongside ",
                ]
                .iter()
                .filter_map(|w| rest.find(w))
                .min()
                .unwrap_or(rest.len());
                rest[..cut].to_string()
            };
            let hit = MARKETING.iter().any(|m| {
                find_all(&reach, m)
                    .into_iter()
                    .any(|i| !negated_at(&reach, i))
            }) && !has_any(
                &reach,
                &["product marketing team and", "partner with marketing"],
            );
            if hit {
                return true;
            }
        }
    }
    false
}

pub fn marketing_reporting_line(doc: &Doc, out: &mut Vec<Finding>) {
    if co_marketing_motion(doc) {
        return;
    }
    let hit = doc
        .sentences
        .iter()
        .filter(|s| !boilerplate(s))
        .find(|s| reports_into_marketing(s));
    if let Some(s) = hit {
        out.push(finding(
            "marketing-reporting-line",
            Severity::Error,
            "The role reports into marketing. Alliance managers who report into marketing produce co-marketing output, not co-sell pipeline.",
            Some(&s.text),
            "Have the role report into sales (the CRO or a VP Sales), unless the partnership really is a co-marketing motion; then say so.",
        ));
    }
}

pub fn relationship_only(doc: &Doc, out: &mut Vec<Finding>) {
    let role: Vec<&Sentence> = doc
        .sentences
        .iter()
        .filter(|s| !boilerplate(s) && about_the_role(s) && !s.heading)
        .collect();
    let relationship = role.iter().find(|s| {
        RELATIONSHIP_WORDS
            .iter()
            .flat_map(|w| find_all(&s.lower, w))
            .any(|at| !negated_at(&s.lower, at))
    });
    let Some(first) = relationship else {
        return;
    };
    let deal_work = doc
        .sentences
        .iter()
        .filter(|s| !boilerplate(s) && !s.heading)
        .filter(|s| !(has_any(&s.lower, COMP_WORDS) && money_target(s).is_none()))
        .any(|s| {
            DEAL_WORDS
                .iter()
                .flat_map(|w| find_all(&s.lower, w))
                // "We have closed deals in 40 countries, and in this role
                // ...": deal words in a clause about the company are not
                // the role's.
                .any(|at| !negated_at(&s.lower, at) && !clause_about_others(&s.lower, at))
                && about_the_role(s)
        });
    if !deal_work {
        out.push(finding(
            "relationship-only",
            Severity::Error,
            "The JD asks only for relationship work. A relationship-only hire produces partner goodwill but no partner pipeline.",
            Some(&first.text),
            "Add the deal work: joint pipeline, deal registration, pairing partner and company account executives on named opportunities.",
        ));
    }
}

/// "Young" of a company or a market is not about people.
fn about_things(s: &Sentence, at: usize, word: &str) -> bool {
    let lower = &s.lower;
    // "Hannah Young": a capitalised word inside a sentence is a name.
    if at > 0
        && s.text
            .get(at..at + 1)
            .is_some_and(|c| c.chars().all(char::is_uppercase))
    {
        return true;
    }
    let after = lower[at + word.len()..].trim_start();
    word == "young"
        && [
            "company",
            "startup",
            "start-up",
            "business",
            "market",
            "category",
            "product",
            "industry",
            "program",
            "programme",
        ]
        .iter()
        .any(|w| after.starts_with(w))
}

/// "not for \"culture fit\"": a word quoted in a negated clause is named
/// to be refused, not used.
fn quoted_to_reject(lower: &str, at: usize) -> bool {
    let quoted = lower[..at].ends_with(['"', '“', '\'', '‘']);
    quoted && negated_at(lower, at)
}

/// "native French speaker", "native speakers of German": the language
/// between the words changes, the exclusion does not.
fn native_speaker(lower: &str) -> bool {
    find_all(lower, "native").into_iter().any(|at| {
        let after: Vec<&str> = lower[at..].split_whitespace().skip(1).take(3).collect();
        after
            .iter()
            .any(|w| w.starts_with("speaker") || *w == "tongue" || w.starts_with("level"))
    })
}

pub fn exclusive_language(doc: &Doc, out: &mut Vec<Finding>) {
    if let Some(s) = doc.sentences.iter().find(|s| native_speaker(&s.lower)) {
        out.push(finding(
            "exclusive-language",
            Severity::Warning,
            "Asking for a native speaker shuts out fluent people who learned the language later; what the job needs is fluency.",
            Some(&s.text),
            "Ask for fluency in the language instead.",
        ));
    }
    let mut seen: Vec<&str> = Vec::new();
    for s in &doc.sentences {
        for (word, replacement) in EXCLUSIVE_WORDS {
            if seen.contains(word) {
                continue;
            }
            // Quoting a word to reject it ("not for \"culture fit\"") is
            // not using it.
            let hit = find_all(&s.lower, word)
                .into_iter()
                .any(|at| !about_things(s, at, word) && !quoted_to_reject(&s.lower, at));
            if hit && find_word(&s.lower, word).is_some() {
                seen.push(word);
                out.push(finding(
                    "exclusive-language",
                    Severity::Warning,
                    format!("\"{word}\" is gendered, age-coded or jargon wording that puts qualified people off applying."),
                    Some(&s.text),
                    format!("Use \"{replacement}\" instead."),
                ));
            }
        }
    }
}

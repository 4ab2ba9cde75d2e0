//! The role's scope: which sub-role and level it is, whether it mixes the
//! work of several sub-roles, and how many partners or accounts it is asked
//! to cover, read only from sentences about the role itself.

use super::numbers::{count_at, number_word};
use super::partners::partners_in;
use super::subject::{about_the_role, boilerplate, clause_about_others, out_of_scope};
use super::text::{find_all, find_word, has_any, negated_at, spans, Doc, Sentence};
use super::{finding, Finding, Severity};
use crate::domain::{Level, Library, SubRole};

/// Titles that say which sub-role a JD is for.
const TITLES: &[(SubRole, &[&str])] = &[
    (
        SubRole::CoSellOps,
        &[
            "co-sell ops",
            "co-sell operations",
            "co-sell alliance manager",
            "co-selling alliance manager",
            "co-sell manager",
        ],
    ),
    (
        SubRole::GlobalAllianceDirector,
        &[
            "global alliance director",
            "global alliances director",
            "director, global alliances",
            "director of global alliances",
            "director global alliances",
            "global director of alliances",
            "global alliance directors",
        ],
    ),
    (
        SubRole::StrategicAllianceLead,
        &[
            "strategic alliance lead",
            "strategic alliances lead",
            "lead, strategic alliances",
            "strategic alliance leads",
        ],
    ),
    (SubRole::PartnerManager, &["partner manager"]),
];

/// The sub-role whose title the JD's title (or, failing that, its text
/// about the role, or its stated scope) gives, when it gives exactly one.
/// A JD whose scopes mix sub-roles is read as one only where its title
/// says so: a passing mention of a title in its text does not decide it.
pub fn detect_sub_role(doc: &Doc, scopes: &[ScopeHit]) -> Option<SubRole> {
    let from_text = scopes.len() < 2;
    let in_text = |lower: &str| -> Vec<SubRole> {
        let mut hits = Vec::new();
        for (role, titles) in TITLES {
            if titles.iter().any(|t| find_word(lower, t).is_some()) && !hits.contains(role) {
                hits.push(*role);
            }
        }
        // "Co-sell ops partner manager" is the co-sell title, not two.
        if hits.len() == 2 && hits.contains(&SubRole::PartnerManager) {
            hits.retain(|r| *r != SubRole::PartnerManager);
        }
        hits
    };
    if let Some(title) = doc.title() {
        if let [one] = in_text(&title.lower).as_slice() {
            return Some(*one);
        }
        // "Senior Alliance Manager (Co-Sell)": in a title, co-sell alone
        // names the sub-role.
        if in_text(&title.lower).is_empty() && find_word(&title.lower, "co-sell").is_some() {
            return Some(SubRole::CoSellOps);
        }
    }
    if !from_text {
        return None;
    }
    let mut hits: Vec<SubRole> = Vec::new();
    for s in doc.sentences.iter().filter(|s| about_the_role(s)) {
        for r in in_text(&s.lower) {
            if !hits.contains(&r) {
                hits.push(r);
            }
        }
    }
    if let [one] = hits.as_slice() {
        return Some(*one);
    }
    // No title decides: a stated scope of exactly one sub-role does
    // ("90 named accounts", "our one partnership").
    match (hits.as_slice(), scopes) {
        ([], [(one, _, _)]) => Some(*one),
        _ => None,
    }
}

const LEVEL_WORDS: &[(Level, &[&str])] = &[
    (
        Level::Junior,
        &[
            "junior",
            "jr",
            "jr.",
            "entry-level",
            "entry level",
            "associate",
            "graduate",
            "early-career",
            "early career",
        ],
    ),
    (
        Level::Mid,
        &[
            "mid-level",
            "mid level",
            "intermediate",
            "mid-career",
            "mid",
        ],
    ),
    (
        Level::Senior,
        &[
            "senior",
            "sr",
            "sr.",
            "principal",
            "director",
            "vp",
            "vice president",
            "head of",
            "executive-level",
        ],
    ),
];

/// Words after a level word that make it someone else's level.
const OTHER_PEOPLE: &[&str] = &[
    "account",
    "accounts",
    "executive",
    "executives",
    "leader",
    "leaders",
    "leadership",
    "stakeholder",
    "stakeholders",
    "management",
    "director",
    "directors",
    "vp",
    "vps",
    "of sales",
    "sales",
    "engineer",
    "engineers",
    "people",
    "colleagues",
    "team",
    "decision",
    "buyers",
    "counterparts",
];

/// Nouns after a level word that make it the role's level.
const ROLE_NOUNS: &[&str] = &[
    "role",
    "position",
    "hire",
    "individual contributor",
    "ic",
    "level",
    "seat",
    "opening",
    "alliance manager",
    "partner manager",
    "alliance lead",
    "alliance director",
    "alliances",
    "partnerships",
    "partnership manager",
    "co-sell",
];

fn levels_in(lower: &str, title: bool) -> Vec<Level> {
    let mut found = Vec::new();
    for (level, words) in LEVEL_WORDS {
        for w in *words {
            for at in find_all(lower, w) {
                let after = lower[at + w.len()..].trim_start_matches([' ', '-', ',']);
                if *w == "mid" && !after.starts_with("level") && !title {
                    continue;
                }
                // "our VP of Alliances", "your manager, a senior director":
                // a level owned by someone is theirs.
                let owner = lower[..at].split_whitespace().next_back().is_some_and(|w| {
                    ["our", "your", "their", "the", "from", "with", "to"].contains(&w)
                });
                let someone_else = owner && !title
                    || OTHER_PEOPLE.iter().any(|o| after.starts_with(o))
                        && !ROLE_NOUNS.iter().any(|r| after.starts_with(r));
                if someone_else {
                    continue;
                }
                // "Director" in a title is the role's level; in a sentence
                // it must sit before a role noun, or after "level:".
                let window = after
                    .split_whitespace()
                    .take(4)
                    .collect::<Vec<_>>()
                    .join(" ");
                let ok = title
                    || ROLE_NOUNS.iter().any(|r| find_word(&window, r).is_some())
                    || lower[..at].trim_end().ends_with("level:")
                    || lower.starts_with("level:")
                    || lower.starts_with("seniority:");
                if ok && !negated_at(lower, at) && !found.contains(level) {
                    found.push(*level);
                }
            }
        }
    }
    found
}

/// The role's level, from its title or a sentence that states it.
pub fn detect_level(doc: &Doc) -> Option<Level> {
    if let Some(title) = doc.title() {
        // "Senior director" is still one level.
        if let [one] = levels_in(&title.lower, true).as_slice() {
            return Some(*one);
        }
    }
    let mut hits: Vec<Level> = Vec::new();
    for s in doc
        .sentences
        .iter()
        .filter(|s| !boilerplate(s) && !out_of_scope(s))
    {
        for l in levels_in(&s.lower, false) {
            if !hits.contains(&l) {
                hits.push(l);
            }
        }
    }
    match hits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Work that belongs to one sub-role, as the JD might give it to the role.
const SCOPE_SIGNALS: &[(SubRole, &[&str])] = &[
    (
        SubRole::CoSellOps,
        &[
            "deal-by-deal",
            "deal by deal",
            "field-level",
            "field level coordination",
            "co-sell ops",
            "co-sell operations",
        ],
    ),
    (
        SubRole::PartnerManager,
        &[
            "single partner",
            "single-partner",
            "one named partner",
            "one partner",
            "one partnership",
            "full account base",
            "entire account base",
            "whole account base",
        ],
    ),
    (
        SubRole::StrategicAllianceLead,
        &[
            "portfolio of",
            "partner portfolio",
            "alliance portfolio",
            "named portfolio",
            "multiple strategic partners",
            "several strategic partners",
            "three to seven",
            "3-7",
            "3 to 7",
        ],
    ),
    (
        SubRole::GlobalAllianceDirector,
        &[
            "flagship",
            "c-suite",
            "c-level",
            "ceo-to-ceo",
            "board-level",
            "executive-level relationship",
            "executive relationship",
            "executive relationships",
            "at global level",
            "global executive",
            "alliance vice presidents",
            "global alliance director",
        ],
    ),
];

/// Which sub-roles' work the sentences about the role give it.
/// One sub-role's work given to the role: the sub-role, the words that
/// gave it, the sentence they are in.
pub type ScopeHit = (SubRole, String, usize);

/// Which sub-roles' work the sentences about the role give it.
pub fn scope_hits(doc: &Doc) -> Vec<ScopeHit> {
    let mut hits: Vec<(SubRole, String, usize)> = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        // The title names the job, not its work; other headings often do
        // name the work ("Part two: the data ISV portfolio").
        if !about_the_role(s) || s.heading && i == 0 {
            continue;
        }
        for (role, phrases) in SCOPE_SIGNALS {
            if hits.iter().any(|(r, _, _)| r == role) {
                continue;
            }
            let hit = phrases.iter().find(|p| {
                find_all(&s.lower, p)
                    .into_iter()
                    .any(|at| !negated_at(&s.lower, at))
            });
            if let Some(p) = hit {
                hits.push((*role, p.to_string(), i));
            }
        }
        // A portfolio of several partners is the strategic alliance lead's.
        let flagship = SCOPE_SIGNALS
            .iter()
            .filter(|(r, _)| *r == SubRole::GlobalAllianceDirector)
            .any(|(_, phrases)| has_any(&s.lower, phrases));
        if !flagship
            && !hits
                .iter()
                .any(|(r, _, _)| *r == SubRole::StrategicAllianceLead)
        {
            if let Some(n) = counted(&s.lower, PARTNER_NOUNS).into_iter().max() {
                if (3..=7).contains(&n) {
                    hits.push((SubRole::StrategicAllianceLead, format!("{n} partners"), i));
                }
            }
        }
        // Named accounts by the hundred are co-sell work.
        if !hits.iter().any(|(r, _, _)| *r == SubRole::CoSellOps) {
            if let Some(n) = counted(&s.lower, &["accounts", "named accounts", "target accounts"])
                .into_iter()
                .max()
            {
                if n >= 40 {
                    hits.push((SubRole::CoSellOps, format!("{n} named accounts"), i));
                }
            }
        }
    }
    hits
}

pub fn mixed_sub_roles(doc: &Doc, hits: &[ScopeHit], out: &mut Vec<Finding>) {
    if hits.len() >= 2 {
        let names: Vec<String> = hits
            .iter()
            .map(|(s, p, _)| format!("{} (\"{p}\")", s.id()))
            .collect();
        out.push(finding(
            "mixed-sub-roles",
            Severity::Error,
            format!("The JD mixes the scope of several sub-roles: {}. Searches for a mixed JD find nobody, and the hire fits no profile well.", names.join(", ")),
            Some(&doc.sentences[hits[1].2].text),
            "Choose the one sub-role the company needs and cut the responsibilities of the others.",
        ));
    }
}

/// Nouns a partner count is a count of.
const PARTNER_NOUNS: &[&str] = &[
    "partners",
    "partnerships",
    "alliances",
    "partner relationships",
    "relationships",
    "resellers",
    "integrators",
    "isvs",
    "sis",
    "gsis",
    "distributors",
    "msps",
    "hyperscalers",
    "marketplaces",
    "vendors",
    "consultancies",
    "agencies",
];

/// The counts the sentence puts before any of `nouns`.
fn counted(lower: &str, nouns: &[&str]) -> Vec<u32> {
    counted_at(lower, nouns)
        .into_iter()
        .map(|(n, _)| n)
        .collect()
}

/// Words that never sit between a count and what it counts.
const NOT_QUALIFIERS: &[&str] = &[
    "in", "for", "with", "to", "per", "from", "by", "at", "on", "than", "is", "are", "was", "were",
    "a", "an", "you", "we", "they", "will", "each", "every",
];

/// The counts before any of `nouns`, each with the byte offset of its word.
fn counted_at(lower: &str, nouns: &[&str]) -> Vec<(u32, usize)> {
    let words: Vec<(usize, &str)> = spans(lower, |c| !c.is_whitespace() && !"(),;:/".contains(c))
        .into_iter()
        .map(|(p, e)| (p, lower[p..e].trim_end_matches(['.', '!', '?'])))
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let bare: Vec<&str> = words.iter().map(|(_, w)| *w).collect();
    let mut found = Vec::new();
    for (i, (pos, w)) in words.iter().enumerate() {
        let noun_here = nouns.iter().any(|n| {
            let parts: Vec<&str> = n.split(' ').collect();
            bare.get(i..i + parts.len()) == Some(parts.as_slice()) || *w == *n
        });
        if !noun_here {
            continue;
        }
        // "Named accounts: 320", a labelled count after its noun.
        if let Some(next) = bare
            .get(i + 1)
            .filter(|_| lower[*pos..].starts_with(&format!("{w}:")))
        {
            if let Some(n) = count_at(&bare, i + 1).filter(|_| {
                next.chars()
                    .all(|c| c.is_ascii_digit() || "-–,+".contains(c))
            }) {
                found.push((n, words[i + 1].0));
                continue;
            }
        }
        let mut j = i;
        let mut skipped = 0;
        while j > 0 && skipped <= 3 {
            j -= 1;
            let prev = bare[j];
            if let Some(n) = count_at(&bare, j).or_else(|| (prev == "dozen").then_some(12)) {
                let before = j.checked_sub(1).map(|k| bare[k]);
                let before2 = j.checked_sub(2).map(|k| bare[k]);
                let mut n = n;
                // "between 4 and 6", "four to six": the upper end.
                if let Some(b) = before2.filter(|_| matches!(before, Some("to" | "and"))) {
                    if let Some(m) = b.parse::<u32>().ok().or_else(|| number_word(b)) {
                        n = n.max(m);
                    }
                }
                if matches!(before, Some("than" | "over" | "above")) {
                    n += 1; // "more than 250": at least 251
                }
                // "one of our partners", "two of them": not a count of them;
                // "the four partnerships" refers back to a count made
                // before; "one of the big three" counts a market.
                let anaphoric = matches!(before, Some("the" | "these" | "those"))
                    || bare[j.saturating_sub(4)..j]
                        .windows(2)
                        .any(|p| p == ["one", "of"]);
                // "all eight of our partners" is the whole span.
                let partitive = bare.get(j + 1) == Some(&"of") && before != Some("all");
                if !partitive && !anaphoric {
                    found.push((n, words[j].0));
                }
                break;
            }
            let word_like = prev
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '&');
            if NOT_QUALIFIERS.contains(&prev) || !word_like {
                break;
            }
            skipped += 1;
        }
    }
    found
}

/// How many partners a sentence lists by name (a portfolio written out).
/// Examples after "such as" or "for example" are not the role's list.
fn listed_partners(s: &Sentence, company: &[String]) -> u32 {
    let cut = ["such as", "like", "e.g", "for example", "for instance"]
        .iter()
        .filter_map(|w| find_word(&s.lower, w))
        .min();
    let listed = match cut {
        Some(at) if s.text.is_char_boundary(at) => {
            let head = Sentence {
                text: s.text[..at].to_string(),
                lower: s.lower[..at].to_string(),
                ..s.clone()
            };
            partners_in(&head, company).len()
        }
        _ => partners_in(s, company).len(),
    };
    u32::try_from(listed).unwrap_or(0)
}

pub fn span_exceeds_ratio(
    doc: &Doc,
    company: &[String],
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
    let role_sentences = || {
        doc.sentences.iter().filter(|s| {
            about_the_role(s) && !has_any(&s.lower, &["up to", "at most", "no more than"])
        })
    };
    // Counts in a clause about the company, a team or the past are not
    // the role's ("we work with 200 partners, but this role owns one").
    let role_counts = |s: &Sentence, nouns: &[&str]| -> Vec<u32> {
        counted_at(&s.lower, nouns)
            .into_iter()
            .filter(|(_, at)| !clause_about_others(&s.lower, *at))
            .map(|(n, _)| n)
            .collect()
    };
    let partner_span = role_sentences().find_map(|s| {
        let n = role_counts(s, PARTNER_NOUNS)
            .into_iter()
            .chain(std::iter::once(listed_partners(s, company)))
            .max()?;
        (n > max_partners).then_some((n, s))
    });
    if let Some((n, s)) = partner_span {
        out.push(finding(
            "span-exceeds-ratio",
            Severity::Error,
            format!("The JD asks one {title} to cover {n} partners; the ratio that works is at most {max_partners}. Beyond it, none of the relationships gets run well."),
            Some(&s.text),
            format!("Cut the span to {max_partners} or fewer, or split the scope across more than one hire."),
        ));
        return;
    }
    if let Some(max_accounts) = max_accounts {
        let accounts = role_sentences().find_map(|s| {
            let n = role_counts(s, &["accounts", "named accounts", "target accounts"])
                .into_iter()
                .max()?;
            (n > max_accounts).then_some((n, s))
        });
        if let Some((n, s)) = accounts {
            out.push(finding(
                "span-exceeds-ratio",
                Severity::Error,
                format!("The JD asks one {title} to cover {n} accounts; at most {max_accounts} named accounts can be coordinated deal by deal."),
                Some(&s.text),
                format!("Name at most {max_accounts} accounts, or prioritise a named subset."),
            ));
        }
    }
}

pub fn level_sub_role_mismatch(
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_before_their_nouns() {
        assert_eq!(counted("six systems integrators", PARTNER_NOUNS), vec![6]);
        assert_eq!(counted("9 isv and si partners", PARTNER_NOUNS), vec![9]);
        assert_eq!(counted("between 4 and 6 alliances", PARTNER_NOUNS), vec![6]);
        assert_eq!(counted("a dozen resellers", PARTNER_NOUNS), vec![12]);
        assert_eq!(
            counted("more than 250 named accounts", &["accounts"]),
            vec![251]
        );
        assert_eq!(counted("120-180 named accounts", &["accounts"]), vec![180]);
        assert_eq!(
            counted("one of our partners", PARTNER_NOUNS),
            Vec::<u32>::new()
        );
    }
}

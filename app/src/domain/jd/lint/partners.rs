//! Which companies a JD names as the role's partners. A fixed list cannot
//! know a regional reseller, so a name is found from the words around it
//! ("our partnership with Halvorsen Distribution", "Kestrel's account
//! executives", "Partner Manager, Vireo Analytics"); well-known partners are
//! recognised alone. Tools the role uses (a CRM), customers, past employers,
//! departments and the hiring company itself are not partners.

use super::phrases::{KNOWN_PARTNERS, NOT_NAMES};
use super::text::{clause_start, find_all, has_any, spans, Doc, Sentence};

/// A capitalised run of words in a sentence: a possible company name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    /// Byte span in the sentence (`text` and `lower` share offsets).
    pub start: usize,
    pub end: usize,
    /// Where the capitalised run ended before generic words were trimmed
    /// ("Halcyon Cloud, our partner": the cue is read after "Cloud").
    pub tail: usize,
}

/// Words right before a name that make it a partner.
const CUES_BEFORE: &[&str] = &[
    "partnership with",
    "partnerships with",
    "partnering with",
    "partner with",
    "alliance with",
    "alliances with",
    "relationship with",
    "relationships with",
    "co-sell with",
    "co-selling with",
    "co-sell motion with",
    "pipeline with",
    "joint business with",
    "motion with",
    "our partner",
    "the partner",
    "named partner",
    "partner is",
    "partners are",
    "partners:",
    "partner:",
    "partners include",
    "partners such as",
    "partners like",
    "partner manager,",
    "partner manager —",
    "partner manager -",
    "partner manager –",
    "alliance manager,",
    "alliance manager —",
    "alliance manager -",
    "alliance manager –",
    "alliance lead,",
    "alliance lead —",
    "portfolio:",
    "alongside",
    "owns our",
    "own our",
    "deals with",
    "deal with",
    "bookings with",
    "closed with",
    "opportunities with",
    "registrations with",
    "register through",
    "registered through",
    "deals through",
    "sell through",
    "resell through",
    "among them",
    "namely",
    "manager for",
    "lead for",
    "director for",
    "contact for",
    "contact at",
];

/// Words right after a name that make it a partner.
const CUES_AFTER: &[&str] = &[
    "partnership",
    "alliance",
    "relationship",
    "co-sell",
    "marketplace",
    "'s field",
    "’s field",
    "'s sellers",
    "’s sellers",
    "'s account",
    "’s account",
    "'s partner",
    "’s partner",
    "'s reps",
    "’s reps",
    "' channel",
    "' field",
    "' partner",
    "' sellers",
    "' account",
    "' reps",
    "' team",
    "'s channel",
    "’s channel",
    "(partner",
    "is our partner",
    "as a partner",
    "-sourced",
    "-attached",
];

/// Words before a name that make it something else: a tool, a customer, a
/// past employer.
const NOT_PARTNER_BEFORE: &[&str] = &[
    "in",
    "somewhere like",
    "companies like",
    "company like",
    "places like",
    "firms like",
    "knowledge of",
    "comfort with",
    "comfortable with",
    "familiarity with",
    "familiar with",
    "fluency in",
    "fluent in",
    "proficiency in",
    "proficiency with",
    "proficient in",
    "skills in",
    "time at",
    "years at",
    "stint at",
    "tenure at",
    "come from",
    "coming from",
    "worked for",
    "work for",
    "keep",
    "update",
    "logged in",
    "tracked in",
    "using",
    "use",
    "via",
    "tools like",
    "tools such as",
    "customers like",
    "customers such as",
    "customers include",
    "customers including",
    "clients like",
    "clients such as",
    "clients include",
    "experience at",
    "experience with",
    "worked at",
    "work at",
    "previously at",
    "background at",
    "alumni of",
    "ex-",
    "backed by",
    "investors include",
    "crm (",
    "crm:",
    "crm is",
];

/// Words after a name that make it a tool or a customer.
const NOT_PARTNER_AFTER: &[&str] = &[
    "crm",
    "reporting",
    "skills",
    "sales cloud",
    "dashboards",
    "dashboard",
    "reports",
    "hygiene",
    "admin",
    "instance",
    "is a customer",
    "is our crm",
    "as our crm",
    "as the crm",
    "as a crm",
    "alumni",
    "experience",
];

/// Names of one partner: a product or a cloud of a partner is that partner.
const ALIASES: &[(&str, &str)] = &[
    ("azure", "microsoft"),
    ("dynamics", "microsoft"),
    ("amazon", "aws"),
    ("gcp", "google"),
    ("bigquery", "google"),
    ("netsuite", "oracle"),
    ("appexchange", "salesforce"),
];

/// The key that names one partner: the first word, possessive dropped,
/// aliases resolved ("Google Cloud", "Google" and "GCP" are one).
pub fn partner_key(name: &str) -> String {
    let first = name
        .split([' ', '-'])
        .next()
        .unwrap_or(name)
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_lowercase();
    ALIASES
        .iter()
        .find(|(a, _)| *a == first)
        .map_or(first, |(_, k)| k.to_string())
}

/// Verbs that open a bullet or a sentence in a JD ("Pair Kestrel's sellers
/// with ours"): never the first word of a company name there.
const OPENING_VERBS: &[&str] = &[
    "build",
    "run",
    "own",
    "pair",
    "lead",
    "manage",
    "drive",
    "grow",
    "partner",
    "work",
    "agree",
    "hold",
    "coordinate",
    "negotiate",
    "support",
    "help",
    "create",
    "develop",
    "launch",
    "maintain",
    "report",
    "present",
    "train",
    "enable",
    "recruit",
    "sign",
    "plan",
    "keep",
    "make",
    "host",
    "join",
    "bring",
    "use",
    "map",
    "track",
    "review",
    "write",
    "set",
    "close",
    "open",
    "register",
    "define",
    "deliver",
    "ensure",
    "align",
    "represent",
    "meet",
    "attend",
    "sit",
    "sell",
    "co-sell",
    "expand",
    "turn",
    "get",
    "take",
    "give",
    "launching",
    "owning",
    "running",
    "building",
    "managing",
    "leading",
    "working",
    "helping",
    "pairing",
    "prepare",
    "chair",
    "brief",
    "escalate",
    "resolve",
    "protect",
    "approve",
    "propose",
    "certify",
    "tell",
    "show",
    "grow",
    "scale",
    "target",
    "close",
    "nurture",
    "champion",
    "led",
    "committed",
    "coordinate",
    "negotiate",
    "confirm",
    "secure",
    "land",
];

/// Capitalised runs in `text`: "Halvorsen Distribution", "AWS", "Fenwick &
/// Orme" (lower-case names such as "dbt Labs" are in the known list).
pub fn names(text: &str) -> Vec<Name> {
    let mut out = Vec::new();
    let words = spans(text, |c| c.is_alphanumeric() || "&'’.-".contains(c));
    let mut run: Vec<(usize, usize)> = Vec::new();
    let close = |run: &mut Vec<(usize, usize)>, out: &mut Vec<Name>| {
        let run_end = run.last().map_or(0, |&(s, e)| {
            let w = &text[s..e];
            e - (w.len()
                - w.trim_end_matches("'s")
                    .trim_end_matches("’s")
                    .trim_end_matches(['\'', '’'])
                    .len())
        });
        // Trailing possessives and punctuation are not part of the name.
        while let Some(&(s, e)) = run.last() {
            let w = &text[s..e];
            if NOT_NAMES.contains(&clean(w).to_lowercase().as_str()) {
                run.pop();
            } else {
                break;
            }
        }
        while let Some(&(s, e)) = run.first() {
            let w = &text[s..e];
            let lower = clean(w).to_lowercase();
            // A bullet's opening verb is not part of the name after it.
            if NOT_NAMES.contains(&lower.as_str())
                || s == 0 && OPENING_VERBS.contains(&lower.as_str())
            {
                run.remove(0);
            } else {
                break;
            }
        }
        if let (Some(&(s, _)), Some(&(_, e))) = (run.first(), run.last()) {
            let raw = &text[s..e];
            let trimmed = clean(raw);
            if !trimmed.is_empty() {
                out.push(Name {
                    text: trimmed.to_string(),
                    start: s,
                    end: s + trimmed.len(),
                    tail: run_end,
                });
            }
        }
        run.clear();
    };
    for &(s, e) in &words {
        // "Databricks-attached": the name ends at a hyphen before a
        // lower-case word.
        let e = match text[s..e].find('-') {
            Some(h)
                if h >= 3
                    && text[s + h + 1..e]
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase) =>
            {
                s + h
            }
            _ => e,
        };
        let w = &text[s..e];
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        // Names continue across spaces only; a comma or full stop ends them.
        let joined = run
            .last()
            .is_none_or(|&(_, pe)| text[pe..s].chars().all(|c| c == ' '));
        let connector = !capital && w == "&" || (w == "of" && !run.is_empty());
        if (capital || connector && !run.is_empty()) && joined {
            run.push((s, e));
        } else {
            close(&mut run, &mut out);
            if capital {
                run.push((s, e));
            }
        }
        if w.ends_with(['.', ',']) && !is_initialism(w) {
            close(&mut run, &mut out);
        }
    }
    close(&mut run, &mut out);
    out.retain(|n| !NOT_NAMES.contains(&n.text.to_lowercase().as_str()));
    out
}

fn is_initialism(w: &str) -> bool {
    w.len() <= 5 && w.chars().filter(|c| *c == '.').count() >= 2
}

fn clean(w: &str) -> &str {
    w.trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
}

/// Kinds of partner: "our reseller, Marlowe Systems", "the SI Brightpath".
const PARTNER_KINDS: &[&str] = &[
    "partner",
    "reseller",
    "distributor",
    "integrator",
    "systems integrator",
    "isv",
    "si",
    "gsi",
    "msp",
    "var",
    "oem",
    "channel partner",
    "technology partner",
    "alliance partner",
    "marketplace partner",
    "consultancy",
];

/// "our reseller, X", "the distributor X", "reseller X".
fn after_a_kind(lower: &str, at: usize) -> bool {
    let head = lower[..at]
        .trim_end()
        .trim_end_matches([',', ':'])
        .trim_end();
    PARTNER_KINDS.iter().any(|k| {
        before_word(head, k).is_some_and(|before| {
            ["our", "the", "a", "named", "key"]
                .iter()
                .any(|d| before_word(before.trim_end(), d).is_some())
        })
    })
}

/// What comes before `word` when `text` ends with it as a whole word.
fn before_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let before = text.strip_suffix(word)?;
    before
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
        .then_some(before)
}

fn preceded_by(lower: &str, at: usize, cues: &[&str]) -> bool {
    let head = lower[..at].trim_end();
    cues.iter().any(|cue| before_word(head, cue).is_some())
}

fn followed_by(lower: &str, at: usize, cues: &[&str]) -> bool {
    let raw = &lower[at..];
    let bare = raw
        .strip_prefix("'s")
        .or_else(|| raw.strip_prefix("’s"))
        .unwrap_or(raw)
        .trim_start();
    cues.iter().any(|cue| {
        if cue.starts_with(['\'', '’', '-', '(']) {
            raw.trim_start().starts_with(cue)
        } else {
            bare.starts_with(cue)
        }
    })
}

/// The hiring company's own name, where the JD says it ("At Lumora, we",
/// "Lumora is a", "Join Lumora", "About Lumora").
pub fn company_names(doc: &Doc) -> Vec<String> {
    let mut found = Vec::new();
    for s in doc.sentences.iter().take(40) {
        for n in names(&s.text) {
            let lower_name = n.text.to_lowercase();
            let head = s.lower[..n.start].trim_end();
            let tail = s.lower[n.end..].trim_start();
            let company = head.is_empty()
                && (tail.starts_with("is a ")
                    || tail.starts_with("is an ")
                    || tail.starts_with("is the ")
                    || tail.starts_with("builds ")
                    || tail.starts_with("makes ")
                    || tail.starts_with("helps ")
                    || tail.starts_with("is hiring")
                    || tail.starts_with("is looking"))
                || head.ends_with("at") && tail.starts_with(", we")
                || head == "join"
                || head == "about"
                || head.ends_with("why")
                || tail.starts_with("'s own")
                || head.ends_with("here at")
                || [
                    "'s partnership with",
                    "’s partnership with",
                    "'s alliance with",
                    "’s alliance with",
                    "'s relationship with",
                    "’s relationship with",
                ]
                .iter()
                .any(|p| s.lower[n.tail..].starts_with(p));
            if company && !KNOWN_PARTNERS.contains(&lower_name.as_str()) {
                found.push(lower_name);
            }
        }
    }
    // A name the JD calls a partner outright is the partner, even where it
    // was introduced like a company ("Lattice Forms builds ...").
    let cued: Vec<String> = doc
        .sentences
        .iter()
        .flat_map(|s| {
            names(&s.text)
                .into_iter()
                .filter(|n| {
                    preceded_by(&s.lower, n.start, CUES_BEFORE) || title_partner(s, n.start)
                })
                .map(|n| partner_key(&n.text))
                .collect::<Vec<_>>()
        })
        .collect();
    found.retain(|c| !cued.contains(&partner_key(c)));
    found
}

/// Whether the span `start..end` of the sentence is a tool, a customer or
/// a past employer by the words around it.
fn not_a_partner(lower: &str, start: usize, end: usize) -> bool {
    let clause = &lower[clause_start(lower, start)..start];
    preceded_by(lower, start, NOT_PARTNER_BEFORE)
        || followed_by(lower, end, NOT_PARTNER_AFTER)
        || has_any(
            clause,
            &[
                "experience",
                "worked",
                "background",
                "customers",
                "clients",
                "investors",
                "backed",
                "competitors",
                "competing",
                "alumni",
            ],
        )
}

/// After the name: ", our flagship partner", "is our most important
/// partner", "(reseller)".
fn described_as_partner(lower: &str, end: usize) -> bool {
    let tail = lower[end..]
        .trim_start_matches(['\'', '’', 's'])
        .trim_start();
    let to = tail.find(['.', ';', '(']).unwrap_or(tail.len());
    let clause = &tail[..to];
    (tail.starts_with(", our")
        || tail.starts_with("is our")
        || tail.starts_with(", the")
        || tail.starts_with("is the")
        || tail.starts_with("— our")
        || tail.starts_with("- our"))
        && has_any(
            clause,
            &[
                "partner",
                "alliance",
                "integrator",
                "reseller",
                "distributor",
                "marketplace",
            ],
        )
        || tail.starts_with("(")
            && has_any(
                &tail[..tail.find(')').unwrap_or(tail.len())],
                &[
                    "partner",
                    "reseller",
                    "distributor",
                    "isv",
                    "si",
                    "integrator",
                    "var",
                    "msp",
                    "marketplace",
                    "consultancy",
                ],
            )
}

/// In a title, the name after "Partner Manager, " or "Alliance Lead — ".
fn title_partner(s: &Sentence, start: usize) -> bool {
    let head = s.lower[..start].trim_end();
    let Some(sep) = [",", "—", "–", "-", "for", ":", "|"]
        .iter()
        .find(|sep| head.ends_with(*sep))
    else {
        return false;
    };
    // Right after the role's title, not after a place or a tag line.
    let title = head[..head.len() - sep.len()].trim_end();
    s.heading
        && [
            "manager",
            "lead",
            "director",
            "partnerships",
            "alliances",
            "alliance",
            "partner",
            "head",
        ]
        .iter()
        .any(|w| title.ends_with(w))
}

/// Words that say a list or a column holds partners.
const PARTNER_WORDS: &[&str] = &[
    "partner",
    "roster",
    "partners",
    "alliances",
    "portfolio",
    "integrators",
    "resellers",
    "isvs",
    "sis",
    "distributors",
];

/// After a colon that follows partner words: "four channel alliances:
/// Halvorsen Distribution, Atea, Crayon and Fjordline IT".
fn after_partner_colon(lower: &str, start: usize) -> bool {
    let head = lower[..start].trim_end();
    head.ends_with([':', '—', '–']) && has_any(head, PARTNER_WORDS)
}

/// The partners a sentence names: well-known partners by name, others by
/// the words around them, and the names listed with either ("Deloitte,
/// Brightpath Consulting and CGI"). A list that starts as tools or past
/// employers stays that ("experience at Accenture, Deloitte or AWS").
pub fn partners_in(s: &Sentence, company: &[String]) -> Vec<Name> {
    let lower = &s.lower;
    // A "Tools" or "Stack" section lists what the role works in.
    if s.section.as_deref().is_some_and(|h| {
        has_any(
            h,
            &[
                "tools",
                "tooling",
                "stack",
                "systems you'll use",
                "tech stack",
            ],
        )
    }) {
        return Vec::new();
    }
    let mut found: Vec<(Name, bool)> = Vec::new(); // (name, is a partner)
    for k in KNOWN_PARTNERS {
        for at in find_all(lower, k) {
            let end = at + k.len();
            let text = s.text.get(at..end).unwrap_or(k).to_string();
            found.push((
                Name {
                    text,
                    start: at,
                    end,
                    tail: end,
                },
                !not_a_partner(lower, at, end),
            ));
        }
    }
    for n in names(&s.text) {
        if found
            .iter()
            .any(|(f, _)| f.start < n.end && n.start < f.end)
        {
            continue; // a known partner, already read
        }
        let lower_name = n.text.to_lowercase();
        if company
            .iter()
            .any(|c| partner_key(c) == partner_key(&lower_name))
        {
            continue;
        }
        // A short capitalised acronym is a product or a term, not a company.
        if n.text.len() <= 3 && n.text.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        // A single capitalised word opening a sentence is usually a verb
        // or a heading word ("Build", "Led"), not a name, unless cued.
        let opener = n.start == 0 && !n.text.contains(' ');
        let after = followed_by(lower, n.tail, CUES_AFTER) || described_as_partner(lower, n.tail);
        let cued = preceded_by(lower, n.start, CUES_BEFORE)
            || after_a_kind(lower, n.start)
            || after
            || title_partner(s, n.start)
            || after_partner_colon(lower, n.start)
            || partner_row(s) && lower[..n.start].contains(':');
        let possessive = followed_by(lower, n.tail, &["'s", "’s", "-sourced", "-attached"])
            || described_as_partner(lower, n.tail);
        // "Workflow ISVs and SIs": a word before a category is a descriptor.
        let descriptor = has_any(
            &lower[n.end..n.tail],
            &[
                "isvs",
                "sis",
                "partners",
                "integrators",
                "resellers",
                "distributors",
                "vendors",
                "msps",
            ],
        );
        let cued = cued && (possessive || !opener) && !descriptor;
        let excluded = not_a_partner(lower, n.start, n.end);
        found.push((n, cued && !excluded));
    }
    found.sort_by_key(|(n, _)| n.start);
    // A name listed right after another takes that one's reading; a list
    // that began as tools, customers or employers stays that.
    let mut out: Vec<Name> = Vec::new();
    let mut previous: Option<(usize, bool, bool)> = None; // end, partner, excluded
    for (n, partner) in found {
        let excluded_here = not_a_partner(lower, n.start, n.end);
        let listed = previous.and_then(|(end, was, was_excluded)| {
            let between = lower.get(end..n.start)?.trim();
            let joined = matches!(between, "," | "and" | "or" | "&" | ", and" | ", or" | "/");
            joined.then_some((was, was_excluded))
        });
        let (is_partner, excluded) = match listed {
            Some((_, true)) => (false, true),
            Some((was, false)) => (was && !excluded_here || partner, excluded_here),
            None => (partner, excluded_here),
        };
        previous = Some((n.end, is_partner, excluded));
        if is_partner && !company.contains(&n.text.to_lowercase()) {
            out.push(n);
        }
    }
    let mut keys: Vec<String> = Vec::new();
    out.retain(|n| {
        let k = partner_key(&n.text);
        let new = !keys.contains(&k);
        keys.push(k);
        new
    });
    out
}

/// A table row or labelled line whose key says "partner".
fn partner_row(s: &Sentence) -> bool {
    let key = s.lower.split(':').next().unwrap_or("");
    s.lower.contains(':')
        && key.len() < 40
        && (key.contains("partner") || key.contains("alliance") || key.contains("portfolio"))
        && !key.contains("type")
}

/// Every partner the JD names, once each, with the sentence it is in.
pub fn partners(doc: &Doc, company: &[String]) -> Vec<(usize, Name)> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    // "Your partners:" or a "The partners" section, then bullets or table
    // rows that each start with a name.
    let mut intro: Option<usize> = None;
    for (i, s) in doc.sentences.iter().enumerate() {
        if !s.item {
            let lower = s.lower.trim_end();
            intro = (lower.ends_with(':') && has_any(lower, PARTNER_WORDS)).then_some(s.paragraph);
        }
        let listed = s.item
            && (intro == Some(s.paragraph)
                || s.section
                    .as_deref()
                    .is_some_and(|h| has_any(h, PARTNER_WORDS))
                || s.column
                    .as_deref()
                    .is_some_and(|h| has_any(h, PARTNER_WORDS)));
        if listed {
            if let Some(n) = names(&s.text).into_iter().next().filter(|n| n.start == 0) {
                let rest = s.text[n.tail..].trim_start();
                let short = s.text.split_whitespace().count() <= 5;
                let labelled =
                    rest.is_empty() || rest.starts_with(['(', ':', '—', '–', '-', ',', ';']);
                let key = partner_key(&n.text);
                if (short || labelled) && !company.iter().any(|c| partner_key(c) == key) {
                    if !seen.contains(&key) {
                        seen.push(key);
                        out.push((i, n));
                    }
                    continue;
                }
            }
        }
        for n in partners_in(s, company) {
            let key = partner_key(&n.text);
            if !seen.contains(&key) {
                seen.push(key);
                out.push((i, n));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        partners(&doc, &company_names(&doc))
            .into_iter()
            .map(|(_, n)| n.text)
            .collect()
    }

    #[test]
    fn partners_are_found_by_the_words_around_them() {
        assert_eq!(
            found("You will own our partnership with Halvorsen Distribution."),
            vec!["Halvorsen Distribution"]
        );
        assert_eq!(
            found("Pair Kestrel's account executives with ours."),
            vec!["Kestrel"]
        );
        assert_eq!(
            found("You will run co-sell with AWS and Snowflake."),
            vec!["AWS", "Snowflake"]
        );
        assert_eq!(
            found("# Partner Manager, Vireo Analytics\nText."),
            vec!["Vireo Analytics"]
        );
    }

    #[test]
    fn tools_customers_departments_and_the_company_are_not_partners() {
        assert!(found("Keep the pipeline clean in Salesforce CRM.").is_empty());
        assert!(found("Build a strong relationship with Finance and Legal.").is_empty());
        assert!(found("At Lumora, we build data tools. Lumora is hiring.").is_empty());
        assert!(found("Customers such as Walmart rely on us.").is_empty());
        assert!(found("Experience at Oracle is a plus.").is_empty());
    }
}

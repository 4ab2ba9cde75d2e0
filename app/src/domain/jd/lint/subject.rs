//! Whose work a sentence describes. Rules about the role's scope, span and
//! work read only sentences about the role: not the company's story, not
//! colleagues' jobs, not work said to be out of scope, not the candidate's
//! past, not the equal-opportunity statement.

use super::text::{clause_end, clause_start, has_any, Sentence};

/// Sections that are about the company or the terms, not the work.
const COMPANY_SECTIONS: &[&str] = &[
    "about us",
    "about the company",
    "who we are",
    "our company",
    "company",
    "benefits",
    "perks",
    "equal opportunity",
    "eeo",
    "diversity",
    "our commitment",
    "why join",
    "why us",
    "life at",
    "how to apply",
    "our values",
];

/// "About ..." headings that introduce the job, not the company.
const ABOUT_THE_JOB: &[&str] = &[
    "about the role",
    "about this role",
    "about the job",
    "about this job",
    "about the position",
    "about the opportunity",
    "about you",
    "about the team",
];

/// Sentences that say work belongs to someone else or is not this job.
const OUT_OF_SCOPE: &[&str] = &[
    "out of scope",
    "not in scope",
    "outside the scope",
    "outside this role",
    "not part of this role",
    "not part of the role",
    "not part of your",
    "not this role",
    "not for this role",
    "not your job",
    "not your remit",
    "is not your",
    "isn't your",
    "isn’t your",
    "are not your",
    "is owned by",
    "are owned by",
    "owned elsewhere",
    "sits with",
    "sit with",
    "stays with",
    "stay with",
    "handled by",
    "is handled",
    "are handled",
    "is run by",
    "are run by",
    "belongs to",
    "belong to",
    "is the job of",
    "the job of our",
    "you will not",
    "you won't",
    "you won’t",
    "you will never",
    "you do not",
    "you don't",
    "you don’t",
    "this role does not",
    "this role doesn't",
    "this role will not",
    "this role won't",
    "the role does not",
    "the role will not",
    "this is not a",
    "this isn't a",
    "this isn’t a",
    "not responsible for",
    "not be responsible",
    "someone else",
    "another team",
    "other teams",
    "colleagues",
    "our co-sell ops team",
    "our co-sell team",
    "our partner managers",
    "our alliance directors",
    "other partner managers",
    "separate role",
    "separate team",
    "separate hire",
    "not expected",
    "owns both",
    "owns that",
    "owns those",
    "owns these",
    "owns it",
    "own both",
    "nobody will",
    "no one will",
    "no expectation",
    "instead of",
    "rather than",
    "unlike",
];

/// Sentences about the candidate's past or about other people.
const NOT_THE_ROLE: &[&str] = &[
    "experience",
    "years of",
    "track record",
    "you have",
    "you've",
    "you’ve",
    "you bring",
    "you may have",
    "in your last",
    "in your current",
    "previously",
    "background in",
    "have managed",
    "have owned",
    "have run",
    "has managed",
    "we have",
    "we work with",
    "works with",
    "work with more than",
    "we look after",
    "the whole partner team",
    "whole partner team",
    "who has",
    "who have",
    "at least",
    "or more years",
    "+ years",
    "years in",
    "years managing",
    "years running",
    "a record of",
    "you can explain",
    "you can show",
    "you have done",
    "report to you",
    "between them they",
    "between them, they",
    "they cover",
    "they run",
    "they own",
    "they manage",
    "they handle",
    "reports to you",
    "your direct reports",
];

/// Words that put a count or a claim on the company, not the role.
const COMPANY_SCALE: &[&str] = &[
    "we partner with",
    "we serve",
    "our ecosystem",
    "our partner ecosystem",
    "ecosystem of",
    "across the company",
    "the company",
    "company-wide",
    "our customers",
    "customers",
    "the team manages",
    "the team of",
    "team of",
    "our team",
    "the wider team",
    "the partner team",
    "founded",
    "our first",
    "has partnered",
    "have partnered",
    "now makes up",
    "since 19",
    "since 20",
    "in 2019",
    "in 2020",
    "in 2021",
    "in 2022",
    "in 2023",
    "in 2024",
    "in 2025",
    "alliances team",
    "partner team",
    "partnerships team",
    "-person",
    "person team",
    "team covers",
    "team manages",
    "team looks after",
    "we list on",
    "our marketplace",
    "registered partners",
    "looks after",
    "organisation of",
    "organization of",
];

fn in_company_section(s: &Sentence) -> bool {
    s.section.as_deref().is_some_and(|sec| {
        COMPANY_SECTIONS
            .iter()
            .any(|c| sec == *c || sec.starts_with(&format!("{c} ")))
            || sec.starts_with("about ") && !ABOUT_THE_JOB.iter().any(|j| sec.starts_with(j))
    })
}

fn equal_opportunity(s: &Sentence) -> bool {
    has_any(
        &s.lower,
        &[
            "equal opportunity",
            "equal-opportunity",
            "discriminat",
            "accommodation",
            "protected characteristic",
            "regardless of",
            "all backgrounds",
        ],
    ) || s.lower.contains("discriminat")
}

/// The sentence says some work is not this role's.
pub fn out_of_scope(s: &Sentence) -> bool {
    const NOT_THIS_JOB: &[&str] = &[
        "out of scope",
        "not in scope",
        "not in this job",
        "not in this role",
        "not this job",
        "what this role is not",
        "what this job is not",
        "what you won't do",
        "what you will not do",
        "not your job",
        "not responsible",
        "owned elsewhere",
        "who owns it",
    ];
    // A table with a column for who owns each row: a row owned by a team
    // or a colleague is not this role's ("Community | 60+ boutiques |
    // partner programme team").
    let owned_elsewhere = s
        .header
        .as_deref()
        .is_some_and(|h| has_any(h, &["who owns", "owner", "owned by", "who looks after"]))
        && !has_any(&s.lower, &["you", "this role", "the role"]);
    has_any(&s.lower, OUT_OF_SCOPE)
        || owned_elsewhere
        || s.section
            .as_deref()
            .is_some_and(|h| has_any(h, NOT_THIS_JOB))
        || s.column
            .as_deref()
            .is_some_and(|h| has_any(h, NOT_THIS_JOB))
}

/// The sentence describes the role's own work (not the company, not a
/// colleague, not the past, not out of scope).
pub fn about_the_role(s: &Sentence) -> bool {
    !in_company_section(s) && !equal_opportunity(s) && !out_of_scope(s) && !about_others(s)
}

/// The sentence is about the company, the candidate's past or other people.
pub fn about_others(s: &Sentence) -> bool {
    (has_any(&s.lower, NOT_THE_ROLE) || has_any(&s.lower, COMPANY_SCALE))
        && !has_any(&s.lower, ROLE_SUBJECTS)
}

const ROLE_SUBJECTS: &[&str] = &[
    "you will",
    "you'll",
    "you’ll",
    "this role",
    "the role",
    "you own",
    "you run",
];

/// The clause around byte `at` speaks of the company's scale, a team, the
/// past or other people ("we work with more than 200 partners, but this
/// role ..."): a count there is not the role's.
pub fn clause_about_others(lower: &str, at: usize) -> bool {
    let from = clause_start(lower, at);
    let to = clause_end(lower, at);
    let clause = &lower[from..to];
    has_any(clause, NOT_THE_ROLE) || has_any(clause, COMPANY_SCALE)
}

/// The sentence says whose work it is in a way that rules out the role's
/// mandate: boilerplate, out of scope, or the candidate's past.
pub fn not_a_mandate(s: &Sentence) -> bool {
    boilerplate(s)
        || out_of_scope(s)
        || has_any(&s.lower, NOT_THE_ROLE) && !has_any(&s.lower, ROLE_SUBJECTS)
}

/// The sentence is boilerplate about the company or the law.
pub fn boilerplate(s: &Sentence) -> bool {
    in_company_section(s) || equal_opportunity(s)
}

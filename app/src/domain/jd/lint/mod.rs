//! The JD linter. The text is read once (`text`: sentences, sections,
//! tables; `numbers`: money, shares and counts exactly; `partners`: which
//! companies are the role's partners; `subject`: whose work a sentence
//! describes), then each rule reads that understanding, grouped by concern:
//! `motion` (partner, target, cadence, generic mandate), `scope` (sub-role,
//! level, mixing, span), `pay`, `wording`. A pasted JD is judged by what it
//! says; the studio's hints only fill in what the text leaves open. Rule
//! ids are part of the public interface; `tests/jd-corpus` measures them.

mod motion;
mod numbers;
mod partners;
mod pay;
mod phrases;
mod scope;
mod subject;
mod text;
mod wording;

use crate::domain::{Level, Library, SubRole};
use serde::{Deserialize, Serialize};

/// How serious a finding is: an `error` or a `warning`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A known hiring failure the JD linter found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Finding {
    /// A stable rule id.
    pub rule: String,
    pub severity: Severity,
    /// Why this hurts the hire, in plain words.
    pub message: String,
    /// The offending text, where there is one.
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub excerpt: Option<String>,
    /// A concrete fix.
    pub suggestion: String,
}

/// Every rule id, in the order findings are given. Part of the public
/// interface: the API, the studio and the corpus labels use them.
pub const RULES: &[&str] = &[
    "missing-partner",
    "missing-pipeline-target",
    "missing-cadence",
    "generic-mandate",
    "mixed-sub-roles",
    "span-exceeds-ratio",
    "marketing-reporting-line",
    "sentiment-comp",
    "level-sub-role-mismatch",
    "relationship-only",
    "exclusive-language",
    "pay-outside-band",
    "missing-variable-basis",
];

/// What is known of a JD besides its text: the studio sends both for the
/// JD it generated; a pasted JD may come with either, or neither. What is
/// missing is read from the text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hints {
    pub sub_role: Option<SubRole>,
    pub level: Option<Level>,
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

/// Lints a JD. What the hints do not say of the sub-role and level is read
/// from the text where it says them.
pub fn lint(text: &str, library: &Library, hints: Hints) -> Vec<Finding> {
    let doc = text::Doc::new(text);
    // Read once for every rule that needs them.
    let company = partners::company_names(&doc);
    let scopes = scope::scope_hits(&doc);
    let sub_role = hints
        .sub_role
        .or_else(|| scope::detect_sub_role(&doc, &scopes));
    let level = hints.level.or_else(|| scope::detect_level(&doc));
    let mut findings = Vec::new();
    let missing_motion = motion::missing_partner(&doc, &company, &mut findings)
        | motion::missing_pipeline_target(&doc, &mut findings)
        | motion::missing_cadence(&doc, &mut findings);
    motion::generic_mandate(&doc, &company, missing_motion, &mut findings);
    scope::mixed_sub_roles(&doc, &scopes, &mut findings);
    scope::span_exceeds_ratio(&doc, &company, library, sub_role, &mut findings);
    wording::marketing_reporting_line(&doc, &mut findings);
    pay::sentiment_comp(&doc, &mut findings);
    scope::level_sub_role_mismatch(library, sub_role, level, &mut findings);
    wording::relationship_only(&doc, &mut findings);
    wording::exclusive_language(&doc, &mut findings);
    pay::pay_outside_band(&doc, library, sub_role, &mut findings);
    pay::missing_variable_basis(&doc, &mut findings);
    findings
}

#[cfg(test)]
mod tests;

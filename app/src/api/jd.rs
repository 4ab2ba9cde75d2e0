//! The JD studio's operations, shared by the JSON routes and the page.

use crate::domain::jd::outcome::optional_id;
use crate::domain::jd::{generate, lint, FieldError, Finding, Hints, Outcome, OutcomeInput};
use crate::domain::{Level, Library, SubRole};
use serde::{Deserialize, Serialize};

/// The longest JD the linter reads (a JD is a page or two of text).
pub const MAX_JD_CHARS: usize = 60_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GeneratedJd {
    pub markdown: String,
    /// Sanitised HTML of the Markdown; empty in the browser build.
    pub html: String,
    pub findings: Vec<Finding>,
}

/// Validates the outcome, writes the JD and lints it.
pub fn generate_jd(
    library: &Library,
    input: &OutcomeInput,
) -> Result<(Outcome, GeneratedJd), Vec<FieldError>> {
    let outcome = Outcome::parse(input)?;
    let markdown = generate(&outcome, library).ok_or_else(|| {
        vec![FieldError {
            field: "sub_role".into(),
            message: "the rubric library has no kit for this sub-role".into(),
        }]
    })?;
    let hints = Hints {
        sub_role: Some(outcome.sub_role),
        level: Some(outcome.level),
    };
    let findings = lint(&markdown, library, hints);
    let html = render(&markdown);
    Ok((
        outcome,
        GeneratedJd {
            markdown,
            html,
            findings,
        },
    ))
}

/// Lints a pasted JD; the sub-role and level are optional hints.
pub fn lint_text(
    library: &Library,
    text: &str,
    sub_role: Option<&str>,
    level: Option<&str>,
) -> Result<Vec<Finding>, Vec<FieldError>> {
    let mut errors = Vec::new();
    if text.trim().is_empty() {
        errors.push(FieldError {
            field: "text".into(),
            message: "paste the JD to check".into(),
        });
    } else if text.chars().count() > MAX_JD_CHARS {
        errors.push(FieldError {
            field: "text".into(),
            message: format!("is longer than {MAX_JD_CHARS} characters"),
        });
    }
    let sub_role = optional_id::<SubRole>("sub_role", sub_role, &mut errors);
    let level = optional_id::<Level>("level", level, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(lint(text, library, Hints { sub_role, level }))
}

#[cfg(feature = "ssr")]
fn render(markdown: &str) -> String {
    crate::markdown::to_safe_html(markdown)
}

#[cfg(not(feature = "ssr"))]
fn render(_markdown: &str) -> String {
    String::new()
}

//! The JD studio's operations, shared by the JSON routes and the page.

use crate::domain::jd::outcome::optional_id;
use crate::domain::jd::{generate, lint, FieldError, Finding, Hints, Outcome, OutcomeInput};
use crate::domain::{Level, Library, SubRole};
use serde::{Deserialize, Serialize};

/// The longest JD the linter reads, in bytes of UTF-8: 100 KB, far more
/// than any real JD (a long one is 10 KB), so nothing real is turned away.
pub const MAX_JD_BYTES: usize = 100 * 1024;

/// A job description written from an outcome, and what the linter found
/// in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GeneratedJd {
    /// The JD, as Markdown.
    pub markdown: String,
    // Empty in the browser build.
    /// Sanitised HTML of the Markdown.
    pub html: String,
    /// The linter's findings on the JD.
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
    } else if text.len() > MAX_JD_BYTES {
        errors.push(FieldError {
            field: "text".into(),
            message: format!(
                "is {} KB; the linter reads JDs up to {} KB, so shorten it (boilerplate such as benefits and the equal-opportunity statement can go) and check again",
                text.len().div_ceil(1024),
                MAX_JD_BYTES / 1024
            ),
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

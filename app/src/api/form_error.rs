//! The error of form server functions: what was refused, and what was
//! typed, so the page shows every message beside its field with the values
//! as they were sent. Without JavaScript the browser posts the form and is
//! redirected back with the error in the URL (Leptos' form redirects); with
//! it, the page reads the error from the server function's answer.

use crate::domain::jd::FieldError;
use crate::error::AppError;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

// The browser's copy of the import's row error (`RowError`), which is
// server-only; this is the one the API sends, so it has the schema name.
/// A problem at one line of a CSV file of candidates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(as = RowError))]
pub struct LineError {
    /// The line of the CSV file (1 is the header).
    #[cfg_attr(feature = "ssr", schema(minimum = 1))]
    pub line: u64,
    /// The column at fault, or `file` / `row` when the problem is not
    /// about one cell.
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// At most this many line errors travel back to the page: a file that is
/// wrong on every line needs the pattern fixed, not a thousand messages.
pub const MAX_LISTED_LINE_ERRORS: usize = 100;
/// A pasted or uploaded file is handed back to the form for correction only
/// up to this size, since without JavaScript it travels in the URL.
pub const MAX_KEPT_TEXT_BYTES: usize = 24 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum FormError {
    /// Fields that were refused, and what was typed in every field.
    #[error("{}", describe_fields(.errors))]
    Fields {
        errors: Vec<FieldError>,
        values: BTreeMap<String, String>,
    },
    /// An import refused by line. `more` counts the errors not listed;
    /// `text` is the file to correct, when it was small enough to keep.
    #[error("nothing was imported: the file has {} problems", .rows.len() + .more)]
    Rows {
        rows: Vec<LineError>,
        more: usize,
        text: Option<String>,
    },
    /// The plan changed since the editor read it, so the edit was not
    /// applied. `values` is the edit as sent, to apply again; `plan` is the
    /// plan as it is now, at `plan.version`.
    #[error("{message}")]
    StalePlan {
        message: String,
        values: BTreeMap<String, String>,
        plan: Box<super::requisitions::PlanView>,
    },
    /// A scorecard changed since the writer read it (another tab or device
    /// saved first), so nothing was saved. `values` is what was sent and
    /// `card` the card as stored now: the page shows the stored text
    /// beside the typed one from this answer alone. A plain form post
    /// gets `Fields` with the message under the version field instead
    /// (its answer travels in the address, and the page it returns to
    /// reads the stored card anyway).
    #[error("{message}")]
    StaleCard {
        message: String,
        values: BTreeMap<String, String>,
        card: Box<super::scorecards::ScorecardView>,
    },
    #[error(transparent)]
    App(#[from] AppError),
}

impl FormError {
    /// The HTTP status this error stands for.
    pub fn status_code(&self) -> u16 {
        match self {
            FormError::Fields { .. } | FormError::Rows { .. } => 422,
            FormError::StalePlan { .. } | FormError::StaleCard { .. } => 409,
            FormError::App(e) => e.status_code(),
        }
    }
}

fn describe_fields(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect::<Vec<_>>()
        .join("; ")
}

impl FromServerFnError for FormError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        FormError::App(AppError::from_server_fn_error(value))
    }

    fn ser(&self) -> leptos::server_fn::Bytes {
        crate::error::encode_with_status(self, self.status_code())
    }
}

/// What was typed, by field name, as a form error carries it.
pub fn typed_values(values: &[(&str, &str)]) -> BTreeMap<String, String> {
    values
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

impl FormError {
    pub fn fields(errors: Vec<FieldError>, values: &[(&str, &str)]) -> FormError {
        FormError::Fields {
            errors,
            values: typed_values(values),
        }
    }

    /// One refused field.
    pub fn field(field: &str, message: impl Into<String>, values: &[(&str, &str)]) -> FormError {
        FormError::fields(
            vec![FieldError {
                field: field.to_string(),
                message: message.into(),
            }],
            values,
        )
    }

    /// The messages about one field (a stale scorecard's message is about
    /// its version field).
    pub fn messages_for(&self, field: &str) -> Vec<String> {
        match self {
            FormError::Fields { errors, .. } => errors
                .iter()
                .filter(|e| e.field == field)
                .map(|e| e.message.clone())
                .collect(),
            FormError::StaleCard { message, .. } if field == super::scorecard_form::STALE_FIELD => {
                vec![message.clone()]
            }
            _ => Vec::new(),
        }
    }

    /// Every field as it was sent, when the form was refused.
    pub fn values(&self) -> Option<&BTreeMap<String, String>> {
        match self {
            FormError::Fields { values, .. }
            | FormError::StalePlan { values, .. }
            | FormError::StaleCard { values, .. } => Some(values),
            _ => None,
        }
    }

    /// What was typed in a field, when the form was refused.
    pub fn value(&self, name: &str) -> Option<String> {
        self.values().and_then(|values| values.get(name).cloned())
    }

    /// A line-error list from the import's errors: capped, with the text to
    /// correct when it is small enough to hand back.
    pub fn rows(mut rows: Vec<LineError>, text: &str) -> FormError {
        let more = rows.len().saturating_sub(MAX_LISTED_LINE_ERRORS);
        rows.truncate(MAX_LISTED_LINE_ERRORS);
        FormError::Rows {
            rows,
            more,
            text: (text.len() <= MAX_KEPT_TEXT_BYTES).then(|| text.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_error_list_is_capped_and_a_long_text_not_kept() {
        let rows: Vec<LineError> = (0..150)
            .map(|i| LineError {
                line: i + 2,
                field: "email".into(),
                message: "bad".into(),
            })
            .collect();
        match FormError::rows(rows.clone(), "name,email\n") {
            FormError::Rows { rows, more, text } => {
                assert_eq!(rows.len(), MAX_LISTED_LINE_ERRORS);
                assert_eq!(more, 50);
                assert_eq!(text.as_deref(), Some("name,email\n"));
            }
            other => panic!("{other:?}"),
        }
        let long = "x".repeat(MAX_KEPT_TEXT_BYTES + 1);
        assert!(matches!(
            FormError::rows(rows, &long),
            FormError::Rows { text: None, .. }
        ));
    }

    #[test]
    fn field_errors_keep_values_and_group_by_field() {
        let e = FormError::fields(
            vec![
                FieldError {
                    field: "email".into(),
                    message: "one".into(),
                },
                FieldError {
                    field: "email".into(),
                    message: "two".into(),
                },
            ],
            &[("email", "ada@"), ("name", "Ada")],
        );
        assert_eq!(e.messages_for("email"), vec!["one", "two"]);
        assert!(e.messages_for("name").is_empty());
        assert_eq!(e.value("name").as_deref(), Some("Ada"));
        assert!(e.to_string().contains("email: one"));
    }
}

//! Why a rule refused a write, said once for both of its callers: a JSON
//! route turns it into a status and a body (the server's `ApiError`), a
//! form's server function into a [`FormError`] that keeps what was typed.

use crate::api::form_error::{typed_values, FormError, LineError};
use crate::api::requisitions::PlanView;
use crate::api::scorecards::ScorecardView;
use crate::domain::jd::FieldError;
use crate::error::AppError;

#[derive(Debug)]
pub enum Refusal {
    /// Fields that were refused, each with its message (422).
    Fields(Vec<FieldError>),
    /// Problems in an imported file, by line; nothing was imported (422).
    Rows(Vec<LineError>),
    /// It exists already (409); `field` is the form field it is about.
    Duplicate {
        field: &'static str,
        message: String,
    },
    /// A scorecard changed since the writer read it, or is no longer in
    /// the state the write needs; nothing was saved (409). `current` is
    /// the card as stored, for the writer to see what changed.
    StaleCard {
        message: String,
        current: Box<ScorecardView>,
    },
    /// The interview plan changed since the editor read it; the edit was
    /// not applied (409). `current` is the plan as it is now.
    StalePlan {
        message: String,
        current: Box<PlanView>,
    },
    App(AppError),
}

impl From<AppError> for Refusal {
    fn from(e: AppError) -> Self {
        Refusal::App(e)
    }
}

impl Refusal {
    /// For a form: each message beside its field with what was typed in
    /// `values`; an import's lines with its text (the `text` value), when
    /// small enough to hand back.
    pub fn into_form(self, values: &[(&str, &str)]) -> FormError {
        match self {
            Refusal::Fields(errors) => FormError::fields(errors, values),
            Refusal::Rows(rows) => {
                let text = values
                    .iter()
                    .find(|(name, _)| *name == "text")
                    .map(|(_, text)| *text)
                    .unwrap_or_default();
                FormError::rows(rows, text)
            }
            Refusal::Duplicate { field, message } => FormError::field(field, message, values),
            Refusal::StaleCard { message, current } => FormError::StaleCard {
                message,
                values: typed_values(values),
                card: current,
            },
            Refusal::StalePlan { message, current } => FormError::StalePlan {
                message,
                values: typed_values(values),
                plan: current,
            },
            Refusal::App(e) => FormError::App(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_lands_beside_its_field_with_what_was_typed() {
        let typed = [("name", "Ada"), ("email", "ada@example.com")];
        let duplicate = Refusal::Duplicate {
            field: "email",
            message: "already a candidate".into(),
        }
        .into_form(&typed);
        assert_eq!(duplicate.messages_for("email"), vec!["already a candidate"]);
        assert_eq!(duplicate.value("name").as_deref(), Some("Ada"));
        assert_eq!(duplicate.status_code(), 422);

        let rows = vec![LineError {
            line: 3,
            field: "email".into(),
            message: "not an email".into(),
        }];
        match Refusal::Rows(rows).into_form(&[("text", "name,email\nAda,x\n")]) {
            FormError::Rows { rows, text, .. } => {
                assert_eq!(rows[0].line, 3);
                assert_eq!(text.as_deref(), Some("name,email\nAda,x\n"));
            }
            other => panic!("{other:?}"),
        }
        let app = Refusal::from(AppError::Conflict("a draft".into())).into_form(&typed);
        assert_eq!(app.status_code(), 409);
    }
}

//! The pieces every form page shares: the refused input of a form's last
//! submission, the message under each field, what was typed before a
//! refusal, and the notice above a refused form.

use crate::api::form_error::FormError;
use leptos::prelude::*;

/// The refused input of a form's last submission, if any.
pub fn refused<S>(action: ServerAction<S>) -> Signal<Option<FormError>>
where
    S: leptos::server_fn::ServerFn<Error = FormError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// The messages about one field, under it.
#[component]
pub fn FieldMessage(
    error: Signal<Option<FormError>>,
    #[prop(into)] field: String,
) -> impl IntoView {
    let id = field_message_id(&field);
    let name = field.clone();
    view! {
        <p class="field-error" id=id role="alert" data-field=name>
            {move || error.get().map(|e| e.messages_for(&field).join(" ")).unwrap_or_default()}
        </p>
    }
}

/// The id of a field's message, for `aria-describedby`.
pub fn field_message_id(field: &str) -> String {
    format!("{}-error", field.replace(['.', '[', ']'], "-"))
}

/// What was typed in a field before the form was refused, or `fallback`.
pub fn typed(error: &Option<FormError>, field: &str, fallback: &str) -> String {
    error
        .as_ref()
        .and_then(|e| e.value(field))
        .unwrap_or_else(|| fallback.to_string())
}

/// The notice above a refused form: a summary for field errors, the message
/// itself for anything else.
#[component]
pub fn FormNotice(error: Signal<Option<FormError>>) -> impl IntoView {
    move || {
        error.get().and_then(|e| match e {
            FormError::Fields { .. } => Some(
                view! {
                    <p class="form-alert" role="alert">"Please correct the fields marked below."</p>
                }
                .into_any(),
            ),
            FormError::App(_) | FormError::StalePlan { .. } | FormError::StaleCard { .. } => {
                Some(view! { <p class="form-alert" role="alert">{e.to_string()}</p> }.into_any())
            }
            FormError::Rows { .. } => None,
        })
    }
}

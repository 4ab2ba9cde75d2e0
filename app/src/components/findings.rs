//! Lint findings as a hiring manager reads them: what, why, where, fix.

use crate::domain::jd::{FieldError, Finding, Severity};
use leptos::prelude::*;

#[component]
pub fn FindingList(findings: Vec<Finding>) -> impl IntoView {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    view! {
        <div class="findings" data-errors=errors data-warnings=warnings>
            <h3>{format!("{errors} {} · {warnings} {}", if errors == 1 { "error" } else { "errors" }, if warnings == 1 { "warning" } else { "warnings" })}</h3>
            {findings.is_empty().then(|| view! { <p class="ok">"No known hiring failure found in this JD."</p> })}
            <ul>
                {findings.into_iter().map(|f| {
                    let rule_id = f.rule.clone();
                    let class = match f.severity { Severity::Error => "finding error-finding", Severity::Warning => "finding warning-finding" };
                    view! {
                        <li class=class data-rule=rule_id>
                            <p>
                                <span class="tag">{match f.severity { Severity::Error => "error", Severity::Warning => "warning" }}</span>" "
                                <code>{f.rule}</code>" "{f.message}
                            </p>
                            {f.excerpt.map(|e| view! { <blockquote class="excerpt">{e}</blockquote> })}
                            <p class="fix"><strong>"Fix: "</strong>{f.suggestion}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

#[component]
pub fn FieldErrors(errors: Vec<FieldError>) -> impl IntoView {
    view! {
        <div class="field-errors" role="alert">
            <p><strong>"Please correct these fields:"</strong></p>
            <ul>
                {errors.into_iter().map(|e| {
                    let field = e.field.clone();
                    view! { <li data-field=field><code>{e.field}</code>" "{e.message}</li> }
                }).collect_view()}
            </ul>
        </div>
    }
    .into_any()
}

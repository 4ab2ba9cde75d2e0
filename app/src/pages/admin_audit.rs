//! The audit log, for admins: who viewed, exported, changed or erased
//! candidate data, newest first.

use crate::api::data_rights::{audit_log, AuditEntry, AUDIT_PAGE};
use crate::time_text::utc_minutes;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdminAuditPage() -> impl IntoView {
    let entries = Resource::new(|| (), |_| audit_log());
    view! {
        <Title text="Audit log · Alliance Hiring Kit"/>
        <section class="page audit">
            <h1>"Audit log"</h1>
            <p class="lead">
                "Every time someone opens a candidate's page or files, exports a requisition's candidate data, records a screening decision or erases a candidate. "
                {format!("The newest {AUDIT_PAGE} entries are shown.")}
            </p>
            <Suspense fallback=|| view! { <p>"Loading the log…"</p> }>
                {move || Suspend::new(async move {
                    match entries.await {
                        Ok(rows) if rows.is_empty() => view! { <p class="muted">"Nothing yet."</p> }.into_any(),
                        Ok(rows) => view! { <AuditTable rows/> }.into_any(),
                        Err(e) => {
                            crate::pages::set_error_status(&e);
                            view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn AuditTable(rows: Vec<AuditEntry>) -> impl IntoView {
    view! {
        <table class="table audit-table">
            <thead><tr><th>"When"</th><th>"Who"</th><th>"What"</th><th>"Candidate"</th><th>"Requisition"</th><th>"Detail"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|e| {
                    let who = if e.actor_email.is_empty() { "retention period".to_string() } else { e.actor_email.clone() };
                    view! {
                        <tr data-action=e.action.clone()>
                            <td>{utc_minutes(&e.at)}</td>
                            <td>{who}</td>
                            <td>{e.action.clone()}</td>
                            <td>{e.candidate_id.clone().map(|id| view! { <a href=format!("/candidates/{id}")><code>{id.get(..8).unwrap_or(&id).to_string()}</code></a> })}</td>
                            <td>{e.requisition_id.clone().map(|id| view! { <a href=format!("/requisitions/{id}")><code>{id.get(..8).unwrap_or(&id).to_string()}</code></a> })}</td>
                            <td>{e.detail.clone()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

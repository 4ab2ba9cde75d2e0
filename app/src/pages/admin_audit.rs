//! The audit log, for admins: who viewed, exported, changed or erased
//! candidate data, newest first.

use crate::api::data_rights::{audit_log, AuditView, AUDIT_PAGE};
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
                "Who looked at candidates (their page, their files, a requisition's list; a page read again within the hour counts once), exported them, changed them (added, imported, screened, interviews scheduled, moved, handed over or cancelled, a debrief decision) or erased them. "
                {format!("The newest {AUDIT_PAGE} entries are shown.")}
            </p>
            <Suspense fallback=|| view! { <p>"Loading the log…"</p> }>
                {move || Suspend::new(async move {
                    match entries.await {
                        Ok(log) if log.entries.is_empty() => view! { <p class="muted">"Nothing yet."</p> }.into_any(),
                        Ok(log) => view! { <AuditTable log/> }.into_any(),
                        Err(e) => crate::pages::load_error(&e),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn AuditTable(log: AuditView) -> impl IntoView {
    let AuditView { entries, times } = log;
    view! {
        <table class="table audit-table">
            <thead><tr><th>"When"</th><th>"Who"</th><th>"What"</th><th>"Candidate"</th><th>"Requisition"</th><th>"Detail"</th></tr></thead>
            <tbody>
                {entries.into_iter().map(|e| {
                    let who = if e.actor_email.is_empty() { "retention period".to_string() } else { e.actor_email.clone() };
                    view! {
                        <tr data-action=e.action.clone()>
                            <td>{times.at(&e.at)}</td>
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

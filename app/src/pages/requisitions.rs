//! The requisitions this person runs.

use crate::api::requisitions::list_requisitions;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn RequisitionsPage() -> impl IntoView {
    let list = Resource::new(|| (), |_| list_requisitions());
    view! {
        <Title text="Requisitions · Alliance Hiring Kit"/>
        <section class="page requisitions">
            <h1>"Requisitions"</h1>
            <p class="lead">
                "A requisition starts as a JD saved from the "<a href="/jd">"JD studio"</a>
                ". Open it to get the interview plan and the link candidates apply through."
            </p>
            <Suspense fallback=|| view! { <p>"Loading requisitions…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(rows) if rows.is_empty() => view! {
                            <p class="empty">"No requisitions yet. Write the operating outcome and JD in the JD studio, then save it as a requisition draft."</p>
                        }.into_any(),
                        Ok(rows) => view! {
                            <table class="table">
                                <thead><tr><th>"Title"</th><th>"Status"</th><th>"Candidates"</th><th>"Created"</th></tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|r| view! {
                                        <tr data-requisition=r.id.to_string()>
                                            <td><a href=format!("/requisitions/{}", r.id)>{r.title.clone()}</a></td>
                                            <td><span class=format!("status status-{}", r.status)>{r.status.clone()}</span></td>
                                            <td>{r.candidates}</td>
                                            <td>{r.created_at.get(..10).unwrap_or_default().to_string()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(e) => crate::pages::load_error(&e),
                    }
                })}
            </Suspense>
        </section>
    }
}

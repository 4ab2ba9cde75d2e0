//! A requisition draft: the outcome, the frozen rubric version, the JD.

use crate::api::requisitions::get_requisition;
use crate::domain::jd::outcome::format_money;
use crate::api::requisitions::RequisitionView;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn RequisitionPage() -> impl IntoView {
    let params = use_params_map();
    let draft = Resource::new(
        move || params.with(|p| p.get("id").unwrap_or_default()),
        get_requisition,
    );
    view! {
        <Suspense fallback=|| view! { <p class="page">"Loading the requisition…"</p> }>
            {move || Suspend::new(async move {
                match draft.await {
                    Ok(v) => view! { <DraftView v/> }.into_any(),
                    Err(error) => {
                        #[cfg(feature = "ssr")]
                        if let (crate::error::AppError::NotFound(_), Some(r)) = (&error, use_context::<leptos_axum::ResponseOptions>()) {
                            r.set_status(http::StatusCode::NOT_FOUND);
                        }
                        view! {
                            <section class="page narrow">
                                <h1>"Requisition not found"</h1>
                                <p class="error" role="alert">{error.to_string()}</p>
                                <p><a href="/jd">"Write a JD in the JD studio"</a></p>
                            </section>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn DraftView(v: RequisitionView) -> impl IntoView {
    let d = v.requisition;
    let o = d.outcome.clone();
    let kit = format!("/kits/{}/{}", o.sub_role, o.level);
    let cadences: Vec<&str> = o.cadences.iter().map(|c| c.label()).collect();
    view! {
        <Title text=format!("{} · Requisition", d.title)/>
        <article class="page requisition" data-requisition=d.id.clone()>
            <p class="eyebrow">"Requisition · "<span class="status">{d.status.clone()}</span></p>
            <h1>{d.title.clone()}</h1>
            <dl class="facts wide">
                <dt>"Partner"</dt><dd>{o.partner_name.clone()}" ("{o.partner_type.title()}")"</dd>
                <dt>"Pipeline in 12 months"</dt><dd>{format_money(o.pipeline_amount, &o.pipeline_currency)}</dd>
                <dt>"Cadence"</dt><dd>{cadences.join(", ")}</dd>
                <dt>"Interview kit"</dt><dd><a href=kit>"Open the kit"</a>" · rubric version "<code class="rubric-version">{d.rubric_version.clone()}</code>" (frozen for this hire)"</dd>
                <dt>"Saved"</dt><dd>{d.created_at.clone()}</dd>
            </dl>
            <p class="muted">"Keep this link: until accounts are set up, anyone with it can read this draft."</p>
            <div class="jd-rendered" inner_html=d.jd_html></div>
        </article>
    }
    .into_any()
}

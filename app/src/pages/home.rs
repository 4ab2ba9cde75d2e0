//! The kit browser: pick the sub-role the company really needs, then a level.

use crate::api::kits::{list_sub_roles, SubRoleOverview};
use crate::domain::Level;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HomePage() -> impl IntoView {
    let sub_roles = Resource::new(|| (), |_| list_sub_roles());
    view! {
        <Title text="Interview kits · Alliance Hiring Kit"/>
        <section class="page">
            <h1>"Interview kits"</h1>
            <p class="lead">
                "Alliance hires fail when one job description asks for two roles. Pick the one sub-role "
                "the company needs and the level you are hiring at; the kit gives the panel every question, "
                "exercise and rating anchor for that pair."
            </p>
            <Suspense fallback=|| view! { <p>"Loading the library…"</p> }>
                {move || Suspend::new(async move {
                    match sub_roles.await {
                        Ok(list) => view! {
                            <div class="sub-role-grid">
                                {list.into_iter().map(|s| view! { <SubRoleCard overview=s/> }).collect_view()}
                            </div>
                        }.into_any(),
                        Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn SubRoleCard(overview: SubRoleOverview) -> impl IntoView {
    let SubRoleOverview { id, profile } = overview;
    let typical = profile.typical_levels.clone();
    view! {
        <article class="sub-role-card" data-sub-role=id.id()>
            <h2>{profile.title.clone()}</h2>
            <p>{profile.summary.clone()}</p>
            <dl class="facts">
                <dt>"Owns"</dt><dd>{profile.owns.clone()}</dd>
                <dt>"Success metric"</dt><dd>{profile.success_metric.clone()}</dd>
                <dt>"Span"</dt><dd>{profile.span.clone()}</dd>
                <dt>"Seniority"</dt><dd>{profile.seniority.clone()}</dd>
                <dt>"OTE (US, 2026)"</dt>
                <dd>
                    {profile.ote.band()}", "
                    {profile.variable_pay.min_percent}"–"{profile.variable_pay.max_percent}"% variable"
                </dd>
            </dl>
            <p class="levels-label">"Open the kit at:"</p>
            <ul class="level-links">
                {Level::ALL.into_iter().map(|level| {
                    let usual = typical.contains(&level);
                    view! {
                        <li>
                            <a href=format!("/kits/{}/{}", id.id(), level.id()) class:usual=usual>
                                {level.title()}
                            </a>
                            {usual.then(|| view! { <span class="usual-note">" usual"</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </article>
    }
}

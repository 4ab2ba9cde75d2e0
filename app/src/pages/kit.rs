//! One interview kit: everything the panel needs for a sub-role at a level,
//! printable so an interviewer can take it into the room.

use super::kit_sections::*;
use crate::api::kits::get_kit;
use crate::domain::{Kit, Level, SubRole};
use crate::error::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn KitPage() -> impl IntoView {
    let params = use_params_map();
    let kit = Resource::new(
        move || {
            params.with(|p| {
                (
                    p.get("sub_role").unwrap_or_default(),
                    p.get("level").unwrap_or_default(),
                )
            })
        },
        |(sub_role, level)| get_kit(sub_role, level),
    );
    view! {
        <Suspense fallback=|| view! { <p class="page">"Loading the kit…"</p> }>
            {move || Suspend::new(async move {
                match kit.await {
                    Ok(kit) => view! { <KitView kit/> }.into_any(),
                    Err(error) => view! { <KitError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn KitError(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let (AppError::NotFound(_), Some(response)) =
        (&error, use_context::<leptos_axum::ResponseOptions>())
    {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text="Kit not found · Alliance Hiring Kit"/>
        <section class="page narrow">
            <h1>"No such kit"</h1>
            <p class="error" role="alert">{error.to_string()}</p>
            <p><a href="/">"Back to the kit browser"</a></p>
        </section>
    }
}

#[component]
fn KitView(kit: Kit) -> impl IntoView {
    let title = kit.title.clone();
    let title_text = format!("{title} · Interview kit");
    let kit_id = format!("{}/{}", kit.sub_role, kit.level);
    let profile = kit.profile.clone();
    let level_note = (!kit.typical_level).then(|| {
        let usual = profile
            .typical_levels
            .iter()
            .map(|l| l.title())
            .collect::<Vec<_>>()
            .join(" or ");
        format!(
            "This sub-role is usually hired at {usual}. Check that the level matches the scope before using this kit."
        )
    });
    view! {
        <Title text=crate::escape::page_title(title_text)/>
        <article class="page kit" data-kit=kit_id>
            <Switchers sub_role=kit.sub_role level=kit.level/>
            <header class="kit-header">
                <p class="eyebrow">"Interview kit · rubric "{kit.rubric_version.clone()}</p>
                <h1>{title}</h1>
                {level_note.map(|n| view! { <p class="warning" role="note">{n}</p> })}
                <button type="button" class="no-print print-button" data-action="print">"Print this kit"</button>
            </header>
            <section id="profile" class="kit-section">
                <h2>"The role"</h2>
                <dl class="facts wide">
                    <dt>"Owns"</dt><dd>{profile.owns.clone()}</dd>
                    <dt>"Success metric"</dt><dd>{profile.success_metric.clone()}</dd>
                    <dt>"Span"</dt><dd>{profile.span.clone()}</dd>
                    <dt>"Seniority"</dt><dd>{profile.seniority.clone()}</dd>
                    <dt>"Reports to"</dt><dd>{profile.reporting_line.clone()}</dd>
                    <dt>"OTE (US, 2026)"</dt>
                    <dd>{profile.ote.band()}", "{profile.variable_pay.min_percent}"–"{profile.variable_pay.max_percent}"% variable, paid on partner-sourced or partner-attached revenue"</dd>
                    <dt>"Tooling"</dt><dd>{profile.tooling.join(", ")}</dd>
                    <dt>"Partner types"</dt>
                    <dd>{profile.partner_types.iter().map(|p| p.title()).collect::<Vec<_>>().join(", ")}</dd>
                    <dt>"Ideal background"</dt><dd>{profile.ideal_background.clone()}</dd>
                </dl>
                <h3>"Why this role is hard"</h3>
                <p class="why-hard">{kit.why_hard.clone()}</p>
                <CompetencyTable competencies=kit.competencies.clone()/>
            </section>
            <ApplicationStage application=kit.application.clone()/>
            <ResumeStage criteria=kit.resume_criteria.clone()/>
            <crate::components::rubric::ReferenceChecks checks=kit.reference_checks.clone() criteria=kit.resume_criteria.clone()/>
            <InterviewStage kit/>
        </article>
    }
    .into_any()
}

/// Links to the same kit at another level, or another sub-role at this level.
/// Plain links, so switching works without JavaScript too.
#[component]
fn Switchers(sub_role: SubRole, level: Level) -> impl IntoView {
    view! {
        <nav class="switchers no-print" aria-label="Choose kit">
            <div>
                <span class="switch-label">"Sub-role"</span>
                {SubRole::ALL.into_iter().map(|s| view! {
                    <a href=format!("/kits/{}/{}", s.id(), level.id())
                       class="switch" data-sub-role=s.id()
                       aria-current=(s == sub_role).then_some("page")>{sub_role_label(s)}</a>
                }).collect_view()}
            </div>
            <div>
                <span class="switch-label">"Level"</span>
                {Level::ALL.into_iter().map(|l| view! {
                    <a href=format!("/kits/{}/{}", sub_role.id(), l.id())
                       class="switch" data-level=l.id()
                       aria-current=(l == level).then_some("page")>{l.title()}</a>
                }).collect_view()}
            </div>
        </nav>
    }
}

fn sub_role_label(s: SubRole) -> &'static str {
    match s {
        SubRole::CoSellOps => "Co-sell ops",
        SubRole::PartnerManager => "Partner manager",
        SubRole::StrategicAllianceLead => "Strategic alliance lead",
        SubRole::GlobalAllianceDirector => "Global alliance director",
    }
}

//! The actor's brief for the role-play, `/interviews/:id/brief`: who they
//! play, what they want and the cues to deliver, without how the candidate
//! is scored.

use leptos::prelude::*;

/// The actor's brief for the role-play: `/interviews/:id/brief`.
#[component]
pub fn ActorBriefPage() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    let brief = Resource::new(
        move || params.with(|p| p.get("id").unwrap_or_default()),
        crate::api::scorecard_form::actor_brief,
    );
    view! {
        <Suspense fallback=|| view! { <p class="page">"Loading the brief…"</p> }>
            {move || Suspend::new(async move {
                match brief.await {
                    Ok(b) => {
                        let p = b.persona.clone();
                        let list = |title: &'static str, items: Vec<String>| view! {
                            <h2>{title}</h2>
                            <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                        };
                        view! {
                            <leptos_meta::Title text=crate::escape::page_title(format!("Actor's brief · {}", b.title))/>
                            <article class="page narrow actor-brief">
                                <p class="eyebrow">{format!("Actor's brief · {} · {}", b.round_name, b.candidate_name)}</p>
                                <h1>{format!("You play: {}", p.role)}</h1>
                                <p class="lead">{p.stance.clone()}</p>
                                <dl class="facts">
                                    <dt>"Exercise"</dt><dd>{format!("{} · {} min", b.title, b.minutes)}</dd>
                                    <dt>"Played by"</dt><dd>{p.played_by.clone()}</dd>
                                    <dt>"Scenario"</dt><dd>{b.scenario.clone()}</dd>
                                    <dt>"The candidate's task"</dt><dd>{b.problem.clone()}</dd>
                                </dl>
                                <h2>"Motivation"</h2>
                                <p class="motivation">{p.motivation.clone()}</p>
                                {list("Constraints", p.constraints.clone())}
                                {list("Tensions to introduce", p.tensions.clone())}
                                {list("Staying in character", p.guidance.clone())}
                                {list("Do not", p.do_not.clone())}
                                {(!p.cues.is_empty()).then(|| view! {
                                    <section class="actor-cues">
                                        <h2>"Cue checklist"</h2>
                                        <p class="muted">"Deliver these moments in this order, and tick each as you do: every candidate should meet the same pressure."</p>
                                        <ol>
                                            {p.cues.iter().map(|cue| view! {
                                                <li><label><input type="checkbox"/>" "{cue.clone()}</label></li>
                                            }).collect_view()}
                                        </ol>
                                    </section>
                                })}
                                <p class="muted">"This brief leaves out how the candidate is scored, so your part stays natural; the interviewer scores."</p>
                                <p><a href=format!("/interviews/{}", b.assignment_id)>"Back to the interview"</a></p>
                            </article>
                        }.into_any()
                    }
                    Err(e) => crate::pages::unavailable("Actor's brief", &e),
                }
            })}
        </Suspense>
    }
}

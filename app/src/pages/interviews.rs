//! The interviewer's pages: their interviews (today's first), and one
//! interview's round with what to ask and how answers are judged.

use crate::api::panel::interviews::{
    get_interview, my_interviews, InterviewItem, InterviewView, MyInterview,
};
use crate::components::rubric::{AnchorsTable, BulletList, Indicators, Probes, ScoringGuide};
use crate::domain::kit_item::Exercise;
use crate::pages::scorecard::ScorecardPanel;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn InterviewsPage() -> impl IntoView {
    let schedule = Resource::new(|| (), |_| my_interviews());
    view! {
        <Title text="My interviews · Alliance Hiring Kit"/>
        <section class="page interviews">
            <h1>"My interviews"</h1>
            <Suspense fallback=|| view! { <p>"Loading your interviews…"</p> }>
                {move || Suspend::new(async move {
                    match schedule.await {
                        Ok(s) if s.today.is_empty() && s.upcoming.is_empty() && s.past.is_empty() => view! {
                            <p class="empty">"You have no interviews. When a recruiter puts you on a candidate's panel, the interview appears here with its calendar invite."</p>
                        }.into_any(),
                        Ok(s) => view! {
                            <InterviewList id="today" title="Today" rows=s.today/>
                            <InterviewList id="upcoming" title="Coming up" rows=s.upcoming/>
                            <InterviewList id="past" title="Done" rows=s.past/>
                            <p class="muted">"Times are in UTC."</p>
                        }.into_any(),
                        Err(e) => crate::pages::load_error(&e),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn InterviewList(id: &'static str, title: &'static str, rows: Vec<MyInterview>) -> impl IntoView {
    (!rows.is_empty()).then(|| {
        view! {
            <section class="interview-group" id=id>
                <h2>{title}</h2>
                <table class="interview-list">
                    <thead><tr><th>"When"</th><th>"Candidate"</th><th>"Round"</th><th>"Requisition"</th><th>"Your scorecard"</th><th></th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|MyInterview { assignment: a, card }| view! {
                            <tr data-assignment=a.id.clone() data-candidate=a.candidate_id.clone() data-card=card.id()>
                                <td>{a.when.clone()}</td>
                                <td><a href=format!("/candidates/{}", a.candidate_id)>{a.candidate_name.clone()}</a></td>
                                <td>{a.round_name.clone()}</td>
                                <td>{a.requisition_title.clone()}</td>
                                {if a.actor {
                                    view! { <td class="card-mark card-actor">"You play the partner: no scorecard"</td> }.into_any()
                                } else {
                                    view! { <td class=format!("card-mark card-{}", card.id())>{card.label()}</td> }.into_any()
                                }}
                                <td>
                                    {if a.actor {
                                        view! { <a href=format!("/interviews/{}/brief", a.id)>"Actor's brief"</a> }.into_any()
                                    } else {
                                        view! { <a href=format!("/interviews/{}", a.id)>"Interview kit"</a> }.into_any()
                                    }}" · "
                                    <a href=format!("/interviews/{}/invite.ics", a.id) download="">"Calendar invite"</a>
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        }
    })
}

#[component]
pub fn InterviewPage() -> impl IntoView {
    let params = use_params_map();
    let interview = Resource::new(
        move || params.with(|p| p.get("id").unwrap_or_default()),
        get_interview,
    );
    view! {
        <Suspense fallback=|| view! { <p class="page">"Loading the interview…"</p> }>
            {move || Suspend::new(async move {
                match interview.await {
                    Ok(v) => view! { <InterviewBody v/> }.into_any(),
                    Err(e) => crate::pages::unavailable("Interview", &e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn InterviewBody(v: InterviewView) -> impl IntoView {
    let a = v.assignment.clone();
    let count = v.items.len();
    view! {
        <Title text=crate::escape::page_title(format!("{} · {}", a.round_name, a.candidate_name))/>
        <article class="page interview" data-assignment=a.id.clone() data-round=a.round.clone()>
            <p class="eyebrow">{format!("Interview · {} · {}", a.round_name, a.requisition_title)}</p>
            <h1>{a.candidate_name.clone()}</h1>
            <dl class="facts">
                <dt>"When"</dt><dd>{a.when.clone()}</dd>
                <dt>{if a.actor { "Actor" } else { "Interviewer" }}</dt><dd>{crate::domain::accounts::shown_name(&a.interviewer_name, &a.interviewer_email).to_string()}{(!v.mine).then_some(" (you are viewing as someone who runs the requisition)")}</dd>
                <dt>"Round"</dt><dd>{a.round_name.clone()}{(!v.led_by.is_empty()).then(|| format!(" · led by {}", v.led_by))}</dd>
                <dt>"Kit"</dt><dd>{v.kit_title.clone()}" · rubric version "<code>{v.rubric_version.clone()}</code></dd>
            </dl>
            <p class="actions">
                <a class="button" href=format!("/interviews/{}/invite.ics", a.id) download="">"Calendar invite (.ics)"</a>
                <a class="button" href=format!("/candidates/{}", a.candidate_id)>"The candidate's application"</a>
            </p>
            {(!v.purpose.is_empty()).then(|| view! { <p class="lead">{v.purpose.clone()}</p> })}
            <details class="why-hard">
                <summary>"Why this role is hard to hire for"</summary>
                <p>{v.why_hard.clone()}</p>
            </details>
            <h2>{format!("What to cover: {count} {}", if count == 1 { "item" } else { "items" })}</h2>
            <p class="muted">"Ask each question as written, listen for the indicators, and judge the answer against the anchors."</p>
            {if a.actor && v.mine {
                view! {
                    <p class="notice actor-part">
                        "You play the partner in this round's role-play. Everything you need is in "
                        <a class="actor-brief-link" href=format!("/interviews/{}/brief", a.id)>"your brief"</a>
                        ". You owe no scorecard: the interviewers score."
                    </p>
                }.into_any()
            } else if v.mine {
                // The interviewer scores here; everyone else who may open
                // the interview reads the round without anyone's ratings.
                view! { <ScorecardPanel id=a.id.clone()/> }.into_any()
            } else if v.items.is_empty() {
                view! { <p class="empty">"The plan has nothing in this round."</p> }.into_any()
            } else {
                view! { <ScoringGuide/><ol class="interview-items">{v.items.into_iter().map(|item| view! { <li><ItemCard item assignment_id=a.id.clone()/></li> }).collect_view()}</ol> }.into_any()
            }}
        </article>
    }
    .into_any()
}

#[component]
fn ItemCard(item: InterviewItem, assignment_id: String) -> impl IntoView {
    let kind = format!("{:?}", item.kind).to_lowercase();
    let is_simulation = item.kind == crate::domain::plan::ItemKind::Exercise
        && Exercise::parse(&item.id) == Some(Exercise::Simulation);
    view! {
        <article class="item" data-item=item.id.clone() data-kind=kind>
            <p class="eyebrow">{item.eyebrow.clone()}</p>
            <h3>{item.title.clone()}</h3>
            <blockquote class="ask">{item.ask.clone()}</blockquote>
            <Probes probes=item.probes.clone()/>
            {is_simulation.then(|| view! {
                <p><a class="actor-brief-link" href=format!("/interviews/{assignment_id}/brief")>"Actor's brief for the colleague playing the partner"</a></p>
            })}
            <dl class="facts">
                {item.facts.iter().map(|(label, value)| view! { <dt>{label.clone()}</dt><dd>{value.clone()}</dd> }).collect_view()}
            </dl>
            <div class="columns">
                {item.lists.iter().map(|(title, items)| view! { <ListBlock title=title.clone() items=items.clone()/> }).collect_view()}
            </div>
            <AnchorsTable anchors=item.anchors.clone()/>
            <Indicators positive=item.positive.clone() negative=item.negative.clone()/>
        </article>
    }
    .into_any()
}

/// Like the kit's `Section`, whose title is static; exercise lists carry
/// theirs as data.
#[component]
fn ListBlock(title: String, items: Vec<String>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <div class="list-block">
                <h5>{title}</h5>
                <BulletList items/>
            </div>
        }
    })
}

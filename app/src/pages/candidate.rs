//! One candidate: contact details, the application (knock-out answers,
//! resume, video answers), the resume screen with its decision, and the
//! panel. Interviewers on the panel see the application and their own
//! interviews only.

use crate::api::candidates::{get_candidate, CandidateView, FileView, OtherApplication};
use crate::api::form_error::FormError;
use crate::api::panel::changes::{CancelInterview, ReplaceInterviewer, RescheduleInterview};
use crate::api::panel::{AssignInterviewer, PanelView, MAX_MINUTES, MIN_MINUTES};
use crate::api::screening::{ScreenCandidate, ScreenView};
use crate::components::form::{field_message_id, refused, typed, FieldMessage, FormNotice};
use crate::domain::kit::CriterionSource;
use crate::domain::requisition::Candidate;
use crate::domain::scoring::Rating;
use crate::domain::screening::Decision;
use crate::pages::candidates::screen_summary;
use crate::time_text::Times;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn CandidatePage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let screen = ServerAction::<ScreenCandidate>::new();
    let assign = ServerAction::<AssignInterviewer>::new();
    let moves = PanelChanges {
        reschedule: ServerAction::new(),
        cancel: ServerAction::new(),
        replace: ServerAction::new(),
    };
    // Reloaded after every change; a refused form is drawn again from the
    // values its error carries, so nothing typed is lost.
    let changes = move || {
        (
            screen.version().get(),
            assign.version().get(),
            moves.reschedule.version().get(),
            moves.cancel.version().get(),
            moves.replace.version().get(),
        )
    };
    let candidate = Resource::new(
        move || {
            (
                params.with(|p| p.get("id").unwrap_or_default()),
                query.with(|q| q.get("done")),
                changes(),
            )
        },
        |(id, _, _)| get_candidate(id),
    );
    view! {
        <Suspense fallback=|| view! { <p class="page">"Loading the candidate…"</p> }>
            {move || Suspend::new(async move {
                match candidate.await {
                    Ok(v) => view! { <CandidateBody v screen assign moves/> }.into_any(),
                    Err(e) => crate::pages::unavailable("Candidate", &e),
                }
            })}
        </Suspense>
    }
}

/// Moving, cancelling and handing over a scheduled interview.
#[derive(Clone, Copy)]
struct PanelChanges {
    reschedule: ServerAction<RescheduleInterview>,
    cancel: ServerAction<CancelInterview>,
    replace: ServerAction<ReplaceInterviewer>,
}

impl PanelChanges {
    /// The last refusal of any of them, to show above the panel.
    fn refusal(self) -> Option<String> {
        let message = |e: FormError| match e {
            FormError::Fields { errors, .. } => errors
                .into_iter()
                .map(|e| e.message)
                .collect::<Vec<_>>()
                .join("; "),
            e => e.to_string(),
        };
        self.reschedule
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| self.cancel.value().get().and_then(Result::err))
            .or_else(|| self.replace.value().get().and_then(Result::err))
            .map(message)
    }
}

/// `Ivy Chen <ivy@example.com> (interviewer)`, or the email alone for
/// someone without a name.
fn person_label(p: &crate::api::panel::PanelPerson) -> String {
    let role = p.role.replace('-', " ");
    if p.name.is_empty() || p.name == p.email {
        format!("{} ({role})", p.email)
    } else {
        format!("{} <{}> ({role})", p.name, p.email)
    }
}

fn done_message(done: &str) -> Option<&'static str> {
    match done {
        "screen-saved" => Some("Screen saved."),
        "advanced" => Some("Advanced to interviews. Put the panel together below."),
        "archived" => Some("Archived, with the reason recorded."),
        "assigned" => Some("Added to the panel. The interviewer is emailed the calendar invite, which can also be downloaded here or from My interviews."),
        "moved" => Some("Interview moved. The interviewer is emailed the updated invite."),
        "cancelled" => Some("Interview cancelled. The interviewer is emailed the cancellation."),
        "replaced" => Some("Interview handed over. Both interviewers are emailed: the cancellation and the invite."),
        _ => None,
    }
}

#[component]
fn CandidateBody(
    v: CandidateView,
    screen: ServerAction<ScreenCandidate>,
    assign: ServerAction<AssignInterviewer>,
    moves: PanelChanges,
) -> impl IntoView {
    let query = use_query_map();
    let done = query
        .with_untracked(|q| {
            if q.get("__err").is_some() {
                None
            } else {
                q.get("done")
            }
        })
        .and_then(|d| done_message(&d));
    let c = v.candidate.clone();
    view! {
        <Title text=crate::escape::page_title(format!("{} · Candidate", c.name))/>
        <article class="page candidate" data-candidate=c.id.to_string() data-stage=c.stage.id() data-access=if v.runs { "runs" } else { "interviews" }>
            {if v.runs {
                view! { <p class="eyebrow">"Candidate · "<a href=format!("/requisitions/{}/candidates", v.requisition_id)>{v.requisition_title.clone()}</a></p> }.into_any()
            } else {
                view! { <p class="eyebrow">"Candidate · "{v.requisition_title.clone()}</p> }.into_any()
            }}
            <h1>{c.name.clone()}</h1>
            <p class="board-link"><a href=format!("/candidates/{}/board", c.id)>"Panel board"</a>
                {v.runs.then(|| view! { " · "<a class="reference-guide-link" href=format!("{}#references", v.kit_path)>"Reference-check guide"</a> })}
            </p>
            {done.map(|m| view! { <p class="notice-ok" role="status">{m}</p> })}
            {v.runs.then(|| view! { <Contact c=c.clone() others=v.other_applications.clone() times=v.times.clone()/> })}
            <Application c=c.clone() files=v.files.clone()/>
            {v.screen.clone().map(|s| view! { <Screen candidate_id=c.id.to_string() s times=v.times.clone() screen/> })}
            <Panel candidate_id=c.id.to_string() candidate_name=c.name.clone() panel=v.panel.clone() runs=v.runs assign moves/>
            {v.runs.then(|| view! { <EraseCandidate id=c.id.to_string()/> })}
        </article>
    }
    .into_any()
}

#[component]
fn Contact(c: Candidate, others: Vec<OtherApplication>, times: Times) -> impl IntoView {
    let reason = c.stage_reason.clone();
    let repeat = c.repeat_of.is_some();
    view! {
        <section class="contact">
            <dl class="facts">
                <dt>"Stage"</dt>
                <dd><strong class=format!("stage stage-{}", c.stage.id()) data-stage=c.stage.id()>{c.stage.label()}</strong>
                    {(!reason.is_empty()).then(|| view! { <span class="stage-reason">" · "{reason.clone()}</span> })}
                </dd>
                <dt>"Email"</dt><dd><a href=crate::escape::mailto_href(&c.email)>{c.email.clone()}</a></dd>
                {(!c.phone.is_empty()).then(|| view! { <dt>"Phone"</dt><dd>{c.phone.clone()}</dd> })}
                <dt>"Source"</dt><dd>{c.source.label()}</dd>
                <dt>"Added"</dt><dd>{times.at(&c.created_at)}</dd>
                {c.submitted_at.clone().map(|at| view! { <dt>"Application submitted"</dt><dd>{times.at(&at)}</dd> })}
                {(!others.is_empty()).then(|| view! {
                    <dt>{if repeat { "Applied before" } else { "Applied again" }}</dt>
                    <dd>
                        <ul class="other-applications" data-other-applications="">
                            {others.iter().map(|o| view! {
                                <li>
                                    <a href=format!("/candidates/{}", o.candidate_id)>
                                        {if o.first { "First application" } else { "Later application" }}
                                    </a>
                                    {format!(", {} · {}", times.at(&o.created_at), o.stage.label())}
                                </li>
                            }).collect_view()}
                        </ul>
                        <span class="muted">"Same email, same job. Compare them and archive the one you do not need."</span>
                    </dd>
                })}
            </dl>
        </section>
    }
}

/// Only web addresses become links; anything else stays text.
fn is_web_address(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn size(bytes: i64) -> String {
    match bytes {
        b if b >= 1024 * 1024 => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
        b if b >= 1024 => format!("{} KB", b / 1024),
        b => format!("{b} bytes"),
    }
}

/// A video's length as a player shows it: `m:ss`, or `h:mm:ss`.
fn duration(ms: i64) -> String {
    let seconds = ms.max(0) / 1000;
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[component]
fn Application(c: Candidate, files: Vec<FileView>) -> impl IntoView {
    let (videos, documents): (Vec<FileView>, Vec<FileView>) =
        files.into_iter().partition(|f| f.is_video);
    view! {
        <section class="application" id="application">
            <h2>"Application"</h2>
            <h3>"Links"</h3>
            {if c.links.is_empty() {
                view! { <p class="muted">"No links given."</p> }.into_any()
            } else {
                view! {
                    <ul class="links">
                        {c.links.iter().map(|l| if is_web_address(l) {
                            view! { <li><a href=l.clone() rel="noopener noreferrer nofollow" target="_blank">{l.clone()}</a></li> }.into_any()
                        } else {
                            view! { <li>{l.clone()}</li> }.into_any()
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <h3>"Knock-out answers"</h3>
            {if c.knockouts.is_empty() {
                view! { <p class="muted">"None: this candidate did not apply through the application form."</p> }.into_any()
            } else {
                view! {
                    <dl class="knockout-answers">
                        {c.knockouts.iter().map(|k| view! {
                            <dt>{k.question.clone()}</dt>
                            <dd class:disqualifies=k.disqualifies>{k.answer.clone()}
                                {k.disqualifies.then(|| view! { " "<span class="tag stop">"ends the application"</span> })}
                            </dd>
                        }).collect_view()}
                    </dl>
                }.into_any()
            }}
            <h3>"Resume and files"</h3>
            {if documents.is_empty() {
                view! { <p class="muted">"No resume uploaded."</p> }.into_any()
            } else {
                view! {
                    <ul class="files">
                        {documents.into_iter().map(|f| view! {
                            <li data-file=f.file.id.clone()>
                                {f.label.clone()}": "<a href=format!("/files/{}", f.file.id)>{f.file.original_name.clone()}</a>
                                <span class="muted">{format!(" · {}", size(f.file.size_bytes))}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {(!videos.is_empty()).then(|| view! {
                <h3>"Video answers"</h3>
                {videos.into_iter().map(|f| view! {
                    <figure class="video-answer" data-file=f.file.id.clone() data-prompt=f.file.prompt_id.clone()>
                        <figcaption>{f.label.clone()}
                            {f.file.duration_ms.map(|ms| view! { <span class="muted duration">{format!(" · {}", duration(ms))}</span> })}
                        </figcaption>
                        <video controls=true preload="metadata" src=format!("/files/{}", f.file.id)></video>
                    </figure>
                }).collect_view()}
            })}
        </section>
    }
}

#[component]
fn Screen(
    candidate_id: String,
    s: ScreenView,
    times: Times,
    screen: ServerAction<ScreenCandidate>,
) -> impl IntoView {
    let error = refused(screen);
    let first = error.get_untracked();
    let refused_before = first.is_some();
    let saved = s.screening.clone();
    let decided = saved
        .decision
        .clone()
        .and_then(|d| d.parse::<Decision>().ok());
    view! {
        <section class="screen" id="screen">
            <h2>"Resume screen"</h2>
            <p class="muted">
                "Rate each criterion of the kit against its anchors. Save as you go; a decision needs every criterion rated and a reason. Current screen: "
                <span class="screen-summary">{screen_summary(Some(s.summary))}</span>"."
            </p>
            {decided.map(|d| view! {
                <p class="decision" data-decision=d.id()>
                    <strong>{match d { Decision::Advance => "Advanced to interviews", Decision::Archive => "Archived" }}</strong>
                    {saved.decided_at.clone().map(|at| format!(" on {}", times.at(&at)))}
                    {format!(": {}", saved.reason)}
                </p>
            })}
            {match s.closed.clone() {
                Some(why) => view! { <p class="warning">{why}</p> }.into_any(),
                None => {
                    let form = view! {
                    <ActionForm action=screen attr:class="screen-form">
                        <FormNotice error/>
                        <input type="hidden" name="candidate_id" value=candidate_id.clone()/>
                        <ol class="criteria">
                            {s.criteria.iter().map(|c| {
                                let field = format!("criterion.{}", c.id);
                                let stored = saved.ratings.get(&c.id).map(|r| r.id()).unwrap_or("");
                                let chosen = typed(&first, &field, stored);
                                let name = format!("ratings[{}]", c.id);
                                let option = |value: &'static str, label: &'static str, anchor: Option<String>| {
                                    let checked = chosen == value;
                                    view! {
                                        <label class=format!("rating rating-{}", if value.is_empty() { "none" } else { value })>
                                            <input type="radio" name=name.clone() value=value checked=checked/>
                                            " "<strong>{label}</strong>
                                            {anchor.map(|a| view! { <span class="anchor-text">{a}</span> })}
                                        </label>
                                    }
                                };
                                view! {
                                    <li class="item criterion" data-criterion=c.id.clone()>
                                        <fieldset aria-describedby=field_message_id(&field)>
                                            <legend>
                                                {c.criterion.clone()}" "
                                                <span class="tag">{match c.source { CriterionSource::Role => "role-specific", CriterionSource::General => "general" }}</span>
                                            </legend>
                                            <div class="ratings">
                                                {option(Rating::Exceeds.id(), Rating::Exceeds.label(), Some(c.anchors.exceeds.clone()))}
                                                {option(Rating::Meets.id(), Rating::Meets.label(), Some(c.anchors.meets.clone()))}
                                                {option(Rating::Below.id(), Rating::Below.label(), Some(c.anchors.below.clone()))}
                                                {option(Rating::NoEvidence.id(), Rating::NoEvidence.label(), Some("Nothing in the resume or application speaks to this.".into()))}
                                                {option("", "Not rated yet", None)}
                                            </div>
                                            <FieldMessage error field=field.clone()/>
                                        </fieldset>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        <label for="screen-notes">"Notes (Markdown)"</label>
                        <textarea id="screen-notes" name="notes" rows="4" aria-describedby=field_message_id("notes") inner_html=crate::escape::textarea_html(typed(&first, "notes", &saved.notes))></textarea>
                        <FieldMessage error field="notes"/>
                        <p><button type="submit" name="intent" value="save">"Save screen"</button></p>
                        <fieldset class="decide">
                            <legend>"Decision"</legend>
                            <label for="screen-reason">"Reason (kept with the decision; at least three characters)"</label>
                            <textarea id="screen-reason" name="reason" rows="2" aria-describedby=field_message_id("reason") inner_html=crate::escape::textarea_html(typed(&first, "reason", ""))></textarea>
                            <FieldMessage error field="reason"/>
                            <FieldMessage error field="intent"/>
                            <button type="submit" name="intent" value=Decision::Advance.id() class="primary">{Decision::Advance.label()}</button>
                            <button type="submit" name="intent" value=Decision::Archive.id()>{Decision::Archive.label()}</button>
                        </fieldset>
                    </ActionForm>
                    };
                    // Once decided, the long form folds away (open again when
                    // a change was refused, so the messages show).
                    if decided.is_some() {
                        view! {
                            <details class="screen-edit" open=refused_before>
                                <summary>"Review or change the screen and the decision"</summary>
                                {form}
                            </details>
                        }.into_any()
                    } else {
                        form.into_any()
                    }
                }
            }}
        </section>
    }
}

#[component]
fn Panel(
    candidate_id: String,
    candidate_name: String,
    panel: PanelView,
    runs: bool,
    assign: ServerAction<AssignInterviewer>,
    moves: PanelChanges,
) -> impl IntoView {
    let may_change = runs && panel.closed.is_none();
    let people = panel.people.clone();
    let zone = panel.time_zone.clone();
    let heading = if runs {
        "Panel".to_string()
    } else {
        format!("Your interviews with {candidate_name}")
    };
    view! {
        <section class="panel" id="panel">
            <h2>{heading}</h2>
            {move || moves.refusal().map(|m| view! { <p class="error" role="alert">{m}</p> })}
            {if panel.rounds.is_empty() {
                view! { <p class="muted">"The requisition has no interview plan yet."</p> }.into_any()
            } else {
                view! {
                    <div class="panel-rounds">
                        {panel.rounds.iter().map(|r| view! {
                            <div class="panel-round" data-round=r.id.clone()>
                                <h3>{r.name.clone()}<span class="muted">{format!(" · {} min in the kit", r.minutes)}</span></h3>
                                {if r.assignments.is_empty() {
                                    view! { <p class="muted">"Nobody yet."</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="assignments">
                                            {r.assignments.iter().map(|a| view! {
                                                <li data-assignment=a.id.clone()>
                                                    <strong title=a.interviewer_email.clone()>{crate::domain::accounts::shown_name(&a.interviewer_name, &a.interviewer_email).to_string()}</strong>
                                                    {a.actor.then(|| view! { <span class="tag">"actor: plays the partner"</span> })}
                                                    " · "{a.when.clone()}" · "
                                                    <a href=format!("/interviews/{}", a.id)>"Interview kit"</a>" · "
                                                    <a href=format!("/interviews/{}/invite.ics", a.id) download="">"Calendar invite (.ics)"</a>
                                                    {may_change.then(|| view! { <ChangeInterview id=a.id.clone() people=people.clone() zone=zone.clone() moves/> })}
                                                </li>
                                            }).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                            </div>
                        }).collect_view()}
                    </div>
                }.into_any()
            }}
            {runs.then(|| match panel.closed.clone() {
                Some(why) => view! { <p class="warning scheduling-closed">{why}</p> }.into_any(),
                None => view! { <AssignForm candidate_id=candidate_id.clone() panel=panel.clone() assign/> }.into_any(),
            })}
        </section>
    }
}

/// Erasing the candidate's personal data at their request. It cannot be
/// undone, so the word is typed, not clicked.
#[component]
fn EraseCandidate(id: String) -> impl IntoView {
    use crate::api::data_rights::{EraseCandidate, ERASE_CONFIRMATION};
    let erase = ServerAction::<EraseCandidate>::new();
    let error = Signal::derive(move || match erase.value().get() {
        Some(Err(FormError::Fields { errors, .. })) => errors.first().map(|e| e.message.clone()),
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    });
    view! {
        <details class="erase-candidate">
            <summary>"Erase this candidate's personal data"</summary>
            <p>
                "At the candidate's request: their contact details, answers and files, the notes the panel wrote about them and the messages to them go for good. "
                "The panel's ratings stay, without a name, so the requisition's figures hold. The audit log records who erased them."
            </p>
            <ActionForm action=erase attr:class="stack narrow-form">
                <input type="hidden" name="id" value=id/>
                <label for="erase-confirm">{format!("Type {ERASE_CONFIRMATION} to confirm")}</label>
                <input id="erase-confirm" type="text" name="confirm" autocomplete="off" required=true/>
                <p class="error" role="alert">{move || error.get()}</p>
                <button type="submit" class="danger">"Erase their personal data"</button>
            </ActionForm>
        </details>
    }
}

/// Move, hand over or cancel one interview. Refusals (a card its
/// interviewer has written on) show above the panel.
#[component]
fn ChangeInterview(
    id: String,
    people: Vec<crate::api::panel::PanelPerson>,
    /// The time zone the new start is read in (the viewer's).
    zone: String,
    moves: PanelChanges,
) -> impl IntoView {
    let (start_id, minutes_id, person_id) = (
        format!("move-start-{id}"),
        format!("move-minutes-{id}"),
        format!("replace-person-{id}"),
    );
    let (move_id, replace_id) = (id.clone(), id.clone());
    view! {
        <details class="change-interview">
            <summary>"Change"</summary>
            <ActionForm action=moves.reschedule attr:class="stack move-interview">
                <input type="hidden" name="id" value=move_id/>
                <label for=start_id.clone()>{format!("New start ({zone})")}</label>
                <input id=start_id type="datetime-local" name="starts_at" required=true/>
                <label for=minutes_id.clone()>"Length in minutes (empty: as it is)"</label>
                <input id=minutes_id type="number" name="duration_minutes" min=MIN_MINUTES max=MAX_MINUTES/>
                <button type="submit">"Move the interview"</button>
            </ActionForm>
            <ActionForm action=moves.replace attr:class="stack replace-interviewer">
                <input type="hidden" name="id" value=replace_id/>
                <label for=person_id.clone()>"Hand it to"</label>
                <select id=person_id name="interviewer_email" required=true>
                    <option value="">"Choose…"</option>
                    {people.into_iter().map(|p| view! {
                        <option value=p.email.clone()>{person_label(&p)}</option>
                    }).collect_view()}
                </select>
                <button type="submit">"Hand over"</button>
            </ActionForm>
            <ActionForm action=moves.cancel attr:class="cancel-interview">
                <input type="hidden" name="id" value=id/>
                <button type="submit">"Cancel the interview"</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn AssignForm(
    candidate_id: String,
    panel: PanelView,
    assign: ServerAction<AssignInterviewer>,
) -> impl IntoView {
    let error = refused(assign);
    let first = error.get_untracked();
    let chosen_person = typed(&first, "interviewer_email", "");
    let chosen_round = typed(&first, "round", "");
    let chosen_part = typed(&first, "part", "");
    view! {
        <ActionForm action=assign attr:class="stack assign-form">
            <h3>"Add an interviewer"</h3>
            <FormNotice error/>
            <input type="hidden" name="candidate_id" value=candidate_id/>
            <label for="assign-person">"Interviewer"</label>
            <select id="assign-person" name="interviewer_email" aria-describedby=field_message_id("interviewer_email")>
                <option value="">"Choose…"</option>
                {panel.people.iter().map(|p| view! {
                    <option value=p.email.clone() selected=chosen_person == p.email>{person_label(p)}</option>
                }).collect_view()}
            </select>
            <span class="hint">"Interviewer accounts and this requisition's recruiters and hiring managers."</span>
            <FieldMessage error field="interviewer_email"/>
            <label for="assign-round">"Round"</label>
            <select id="assign-round" name="round" aria-describedby=field_message_id("round")>
                {panel.rounds.iter().map(|r| view! {
                    <option value=r.id.clone() selected=chosen_round == r.id>{format!("{} ({} min)", r.name, r.minutes)}</option>
                }).collect_view()}
            </select>
            <FieldMessage error field="round"/>
            <label for="assign-part">"Part"</label>
            <select id="assign-part" name="part" aria-describedby=field_message_id("part")>
                <option value="interviewer" selected=chosen_part != "actor">"Interviewer: asks and scores"</option>
                <option value="actor" selected=chosen_part == "actor">"Actor: plays the partner in the role-play (no scorecard)"</option>
            </select>
            <FieldMessage error field="part"/>
            <label for="assign-start">{format!("Starts at ({})", panel.time_zone)}</label>
            <input id="assign-start" type="datetime-local" name="starts_at" value=typed(&first, "starts_at", "") aria-describedby=field_message_id("starts_at")/>
            <span class="hint">{format!("Give the time in your time zone, {}. It is now {}. Each interviewer reads it in their own.", panel.time_zone, panel.now_local)}</span>
            <FieldMessage error field="starts_at"/>
            <label for="assign-minutes">"Length in minutes (optional)"</label>
            <input id="assign-minutes" type="number" name="duration_minutes" min=MIN_MINUTES max=MAX_MINUTES value=typed(&first, "duration_minutes", "") aria-describedby=field_message_id("duration_minutes")/>
            <span class="hint">"Leave empty for the round's length in the kit."</span>
            <FieldMessage error field="duration_minutes"/>
            <FieldMessage error field="candidate_id"/>
            <button type="submit" class="primary">"Add to the panel"</button>
        </ActionForm>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_links() {
        assert!(is_web_address("HTTPS://example.com"));
        assert!(!is_web_address("javascript:alert(1)"));
    }

    #[test]
    fn durations_read_like_a_player() {
        assert_eq!(duration(0), "0:00");
        assert_eq!(duration(59_999), "0:59");
        assert_eq!(duration(61_000), "1:01");
        assert_eq!(duration(3_725_000), "1:02:05");
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(size(512), "512 bytes");
        assert_eq!(size(2048), "2 KB");
        assert_eq!(size(3 * 1024 * 1024 + 1024 * 512), "3.5 MB");
    }
}

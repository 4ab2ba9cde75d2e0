//! The interviewer's scorecard on the interview page: each item of the
//! round with what to ask and its anchors, rated with indicators and notes,
//! then the recommendation. One form, posted by a server function, so it
//! works without JavaScript; a refused save is drawn again with what was
//! typed, and a stale one also shows the stored text beside it.
//!
//! With JavaScript, `autosave` saves the card as it is typed, `keyboard`
//! rates the item in focus by key, and `timer` counts a timed item down.

mod autosave;
mod keyboard;
mod timer;

use autosave::{send_unsent, Autosave, SaveState, Unsent};
use keyboard::on_key;
use timer::Countdown;

use crate::api::form_error::FormError;
use crate::api::scorecard_form::{open_scorecard, scorecard_history, SaveScorecard, STALE_FIELD};
use crate::api::scorecards::{ScorecardItem, ScorecardView};
use crate::components::form::{field_message_id, typed, FieldMessage, FormNotice};
use crate::components::rubric::{AnchorsTable, Probes, ScoringGuide};
use crate::domain::scorecard::{Recommendation, ScorecardState, VersionKind};
use crate::domain::scoring::Rating;
use crate::time_text::Times;
use leptos::form::ActionForm;
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::atomic::Ordering;
use std::sync::Arc;

#[component]
pub fn ScorecardPanel(id: String) -> impl IntoView {
    let save = ServerAction::<SaveScorecard>::new();
    let answers = Answers::new(save);
    // The card and its history are read again after each answer to the
    // form's button (a refused submission still saves the draft), except a
    // stale refusal: nothing was stored, and it carries the stored card.
    let reads = Memo::new(move |before: Option<&usize>| {
        let answered = save.version().get();
        match save.value().get_untracked() {
            Some(Err(FormError::StaleCard { .. })) => before.copied().unwrap_or(answered),
            _ => answered,
        }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(_)) => answers.saved(),
        Some(Err(e)) => answers.refused(e),
        None => {}
    });
    let card_id = id.clone();
    let card = Resource::new(
        move || reads.get(),
        move |_| open_scorecard(card_id.clone()),
    );
    // Another tab may have submitted or amended: the history is read
    // again when a stale answer shows a newer card too.
    let history = Resource::new(
        move || {
            (
                reads.get(),
                answers.newer.with(|n| n.as_ref().map(|c| c.version)),
            )
        },
        move |_| scorecard_history(id.clone()),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Loading your scorecard…"</p> }>
            {move || {
                // After a stale refusal the card is drawn as that answer
                // says it is stored, with what was typed beside it. (Read
                // with `get`: a `Suspend` made again when `newer` changes
                // never resolved.)
                let newer = answers.newer.get();
                card.get().map(|loaded| match loaded {
                    Ok(page) => {
                        // Versions only grow: the card read after a later
                        // save wins over an older stale answer.
                        let c = match newer {
                            Some(n) if n.version > page.card.version => n,
                            _ => page.card,
                        };
                        let first = answers.refusal.get_untracked();
                        view! { <Card c timers=page.timers times=page.times save answers first/> }.into_any()
                    }
                    Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
                })
            }}
        </Suspense>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                history.await.ok().filter(|h| !h.versions.is_empty()).map(|h| view! {
                    <section class="scorecard-history" id="history">
                        <h2>"History"</h2>
                        <ol>
                            {h.versions.into_iter().map(|v| view! {
                                <li data-version=v.version data-kind=v.kind.id()>
                                    <strong>{match v.kind { VersionKind::Submit => "Submitted", VersionKind::Amend => "Amended" }}</strong>
                                    {format!(" by {} at {} (version {})", v.author_name, h.times.at(&v.saved_at), v.version)}
                                    {(!v.reason.is_empty()).then(|| view! { <p class="reason">"Reason: "{v.reason.clone()}</p> })}
                                    <p class="muted">{format!(
                                        "Recommendation: {}",
                                        v.body.recommendation.map(Recommendation::label).unwrap_or("none")
                                    )}</p>
                                </li>
                            }).collect_view()}
                        </ol>
                    </section>
                })
            })}
        </Suspense>
    }
}

/// Whether a refusal says another save won (the stored card is newer).
fn is_stale(e: &FormError) -> bool {
    !e.messages_for(STALE_FIELD).is_empty()
}

/// Whether a checkbox is ticked: as sent when the form was refused, else
/// as stored.
fn ticked(error: &Option<FormError>, name: &str, stored: bool) -> bool {
    match error.as_ref().and_then(FormError::values) {
        Some(values) => values.contains_key(name),
        None => stored,
    }
}

fn card_name(field: &str) -> String {
    format!("card[{field}]")
}

/// What the page last heard back from a save, by the form's button or by
/// the autosave.
#[derive(Clone, Copy)]
struct Answers {
    /// The last refusal, whose messages show under the fields.
    refusal: RwSignal<Option<FormError>>,
    /// The card as stored, from the last stale refusal. It is drawn while
    /// it is newer than the card the page read.
    newer: RwSignal<Option<ScorecardView>>,
}

impl Answers {
    /// Starts from the action's refusal: on a page drawn after a form
    /// posted without JavaScript was refused, it is read from the address.
    fn new(save: ServerAction<SaveScorecard>) -> Self {
        Answers {
            refusal: RwSignal::new(save.value().get_untracked().and_then(Result::err)),
            newer: RwSignal::new(None),
        }
    }

    /// A save went through: the card read again is newer.
    fn saved(self) {
        self.refusal.set(None);
    }

    fn refused(self, e: FormError) {
        if let FormError::StaleCard { card, .. } = &e {
            self.newer.set(Some((**card).clone()));
        }
        self.refusal.set(Some(e));
    }
}

/// The card as `c` has it. `first` is the stale refusal it is drawn
/// after: what was typed fills the form, the stored text beside it.
#[component]
fn Card(
    c: ScorecardView,
    timers: BTreeMap<String, u32>,
    times: Times,
    save: ServerAction<SaveScorecard>,
    answers: Answers,
    first: Option<FormError>,
) -> impl IntoView {
    let submitted = c.state == ScorecardState::Submitted;
    let refused_before = first.is_some();
    let (state, version) = (c.state.id(), c.version);
    view! {
        <section class="scorecard" id="scorecard" data-state=state data-version=version>
            <h2>{if submitted { "Your scorecard (submitted)" } else { "Your scorecard" }}</h2>
            {if submitted {
                view! {
                    <p class="muted">{format!(
                        "Submitted{}. The panel reads it with your recommendation; your private notes stay yours. To change it, amend it with a reason: every version is kept in the history.",
                        c.submitted_at.as_deref().map(|at| format!(" at {}", times.at(at))).unwrap_or_default()
                    )}</p>
                    <Summary c=c.clone()/>
                    <details class="amend" open=refused_before>
                        <summary>"Amend this scorecard"</summary>
                        <CardForm c timers=timers.clone() save answers first amend=true/>
                    </details>
                }.into_any()
            } else {
                view! {
                    <p class="muted">"Your ratings and notes are yours alone until you submit: no one else on the panel sees them before then, and you see theirs only after submitting yours. Save a draft as often as you like."</p>
                    <CardForm c timers=timers.clone() save answers first amend=false/>
                }.into_any()
            }}
        </section>
    }
}

/// The submitted card, read-only.
#[component]
fn Summary(c: ScorecardView) -> impl IntoView {
    view! {
        <ol class="scorecard-summary">
            {c.items.iter().map(|i| {
                let score = c.body.items.get(&i.key).cloned().unwrap_or_default();
                let seen = |list: &[String], ticked: &[usize]| -> Vec<String> {
                    ticked.iter().filter_map(|n| list.get(*n).cloned()).collect()
                };
                let positive = seen(&i.item.positive, &score.positive);
                let negative = seen(&i.item.negative, &score.negative);
                let html = c.html.items.get(&i.key).cloned().unwrap_or_default();
                view! {
                    <li data-item-key=i.key.clone() data-rating=score.rating.map(Rating::id).unwrap_or("")>
                        <strong>{i.item.title.clone()}</strong>": "
                        {score.rating.map(Rating::label).unwrap_or("not rated")}
                        {(!positive.is_empty()).then(|| view! { <p>"Seen: "{positive.join("; ")}</p> })}
                        {(!negative.is_empty()).then(|| view! { <p>"Concerns: "{negative.join("; ")}</p> })}
                        {(!html.is_empty()).then(|| view! { <div class="notes" inner_html=html/> })}
                    </li>
                }
            }).collect_view()}
        </ol>
        <p class="recommendation" data-recommendation=c.body.recommendation.map(Recommendation::id).unwrap_or("")>
            "Recommendation: "<strong>{c.body.recommendation.map(Recommendation::label).unwrap_or("none")}</strong>
        </p>
        {(!c.html.takeaways.is_empty()).then(|| view! { <div class="notes takeaways" inner_html=c.html.takeaways.clone()/> })}
    }
}

/// A stale save keeps the typed text in the field; the stored one is shown
/// beside it when they differ.
fn stored_beside(stale: bool, typed: &str, stored: &str) -> Option<impl IntoView> {
    (stale && typed != stored).then(|| {
        view! {
            <div class="stored-text">
                <p class="muted">"Stored text (saved elsewhere):"</p>
                <pre>{stored.to_string()}</pre>
            </div>
        }
    })
}

#[component]
fn CardForm(
    c: ScorecardView,
    timers: BTreeMap<String, u32>,
    save: ServerAction<SaveScorecard>,
    answers: Answers,
    first: Option<FormError>,
    amend: bool,
) -> impl IntoView {
    // The messages under the fields: the last refusal, whichever way the
    // save went (the form's button or the autosave).
    let error: Signal<Option<FormError>> = answers.refusal.into();
    let stale = first.as_ref().is_some_and(is_stale);
    let private_stored = c.body.private_notes.clone().unwrap_or_default();
    let private_typed = typed(&first, "private_notes", &private_stored);
    let takeaways_typed = typed(&first, "takeaways", &c.body.takeaways);
    let chosen = typed(
        &first,
        "recommendation",
        c.body.recommendation.map(Recommendation::id).unwrap_or(""),
    );
    let items = c
        .items
        .iter()
        .map(|i| item_fields(i, &c, timers.get(&i.key).copied(), &first, error, stale))
        .collect_view();
    let shared = Arc::new(Unsent::new(c.version));
    let autosave = Autosave::new(c.version, stale, !amend, shared.clone(), answers);
    let version = autosave.version;
    let state = autosave.state;
    let leave = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if state.try_get_untracked().is_some_and(|s| s != "saved") {
            ev.prevent_default();
            ev.set_return_value("You have unsaved changes on this scorecard.");
        }
    });
    // Closing the tab or reloading ends the page before a timer or a fetch
    // can finish; a beacon is the one request a browser still sends then.
    // The warning above stays: the beacon is the safety net under it.
    let hide = window_event_listener(leptos::ev::pagehide, move |_| autosave.beacon());
    // Leaving by a link inside the site is not an unload: nothing warns and
    // the page's timers die with it. What was typed since the last save is
    // sent now instead (after the save already on its way, if there is one).
    on_cleanup(move || {
        leave.remove();
        hide.remove();
        autosave.cancel();
        shared.left.store(true, Ordering::SeqCst);
        // (On the server a page is drawn, never left: nothing to send.)
        if cfg!(feature = "hydrate") && !shared.in_flight.load(Ordering::SeqCst) {
            leptos::task::spawn_local(send_unsent(shared));
        }
    });
    view! {
        <div
            class="scorecard-live"
            node_ref=autosave.wrapper
            on:input=move |_| autosave.changed()
            on:keydown=move |ev| on_key(autosave.wrapper, ev)
            on:submit=move |_| autosave.submitted()
        >
        <ActionForm action=save attr:class="scorecard-form" attr:id=if amend { "amend-form" } else { "scorecard-form" }>
            // A stale save has its own message; the summary would point at
            // fields that are not wrong.
            <FormNotice error=Signal::derive(move || error.get().filter(|e| !is_stale(e)))/>
            <FieldMessage error field=STALE_FIELD/>
            <SaveState autosave/>
            <input type="hidden" name="id" value=c.id.clone()/>
            <input type="hidden" name="version" value=c.version prop:value=move || version.get().to_string()/>
            <p class="muted keys" id="scorecard-keys">
                "Keyboard: "<kbd>"j"</kbd>" / "<kbd>"k"</kbd>" (or "<kbd>"↓"</kbd>" / "<kbd>"↑"</kbd>" on an item) move between items; on an item, "
                <kbd>"1"</kbd>" or "<kbd>"e"</kbd>" rates it Exceeds, "<kbd>"2"</kbd>" or "<kbd>"m"</kbd>" Meets, "
                <kbd>"3"</kbd>" or "<kbd>"b"</kbd>" Below, "<kbd>"0"</kbd>" or "<kbd>"n"</kbd>" No evidence. Keys typed in a text box are text."
            </p>
            <ScoringGuide/>
            <ol class="interview-items scorecard-items">{items}</ol>
            <fieldset class="recommendation" aria-describedby=field_message_id("recommendation")>
                <legend>"Overall recommendation"</legend>
                {Recommendation::ALL.into_iter().map(|r| view! {
                    <label><input type="radio" name=card_name("recommendation") value=r.id() checked=chosen == r.id()/>" "{r.label()}</label>
                }).collect_view()}
                <label><input type="radio" name=card_name("recommendation") value="" checked=chosen.is_empty()/>" Not chosen yet"</label>
                <FieldMessage error field="recommendation"/>
            </fieldset>
            <label for="takeaways">"Key take-aways (Markdown; the panel reads them once you submit)"</label>
            <textarea id="takeaways" name=card_name("takeaways") rows="4" aria-describedby=field_message_id("takeaways") inner_html=crate::escape::textarea_html(takeaways_typed.clone())></textarea>
            {stored_beside(stale, &takeaways_typed, &c.body.takeaways)}
            <FieldMessage error field="takeaways"/>
            <label for="private-notes">"Private notes (yours alone: never shown to the panel or the hiring team)"</label>
            <textarea id="private-notes" name=card_name("private_notes") rows="3" aria-describedby=field_message_id("private_notes") inner_html=crate::escape::textarea_html(private_typed.clone())></textarea>
            {stored_beside(stale, &private_typed, &private_stored)}
            <FieldMessage error field="private_notes"/>
            {if amend {
                view! {
                    <label for="amend-reason">"Reason for the amendment (shown in the history)"</label>
                    <textarea id="amend-reason" name="reason" rows="2" aria-describedby=field_message_id("reason") inner_html=crate::escape::textarea_html(typed(&first, "reason", ""))></textarea>
                    <FieldMessage error field="reason"/>
                    <p class="actions"><button type="submit" name="intent" value="save" class="primary">"Save amendment"</button></p>
                }.into_any()
            } else {
                view! {
                    <p class="actions">
                        <button type="submit" name="intent" value="save">"Save draft"</button>
                        <button type="submit" name="intent" value="submit" class="primary">"Submit scorecard"</button>
                    </p>
                    <p class="muted">"Submitting needs every item rated (“No evidence” counts) and a recommendation. You submit once; later changes are amendments with a reason."</p>
                }.into_any()
            }}
        </ActionForm>
        </div>
    }
}

fn item_fields(
    i: &ScorecardItem,
    c: &ScorecardView,
    minutes: Option<u32>,
    first: &Option<FormError>,
    error: Signal<Option<FormError>>,
    stale: bool,
) -> impl IntoView {
    let key = i.key.clone();
    let stored = c.body.items.get(&key).cloned().unwrap_or_default();
    let field = |part: &str| format!("items.{key}.{part}");
    let rating_field = field("rating");
    let notes_field = field("notes");
    let chosen = typed(
        first,
        &rating_field,
        stored.rating.map(Rating::id).unwrap_or(""),
    );
    let notes = typed(first, &notes_field, &stored.notes);
    let rating_name = card_name(&rating_field);
    let anchors = i.item.anchors.clone();
    let anchor = move |r: Rating| {
        anchors
            .at(r)
            .unwrap_or("The conversation gave nothing to judge this on.")
            .to_string()
    };
    let option = |value: &'static str, label: &'static str, hint: Option<String>| {
        view! {
            <label class=format!("rating rating-{}", if value.is_empty() { "none" } else { value })>
                <input type="radio" name=rating_name.clone() value=value checked=chosen == value/>
                " "<strong>{label}</strong>
                {hint.map(|h| view! { <span class="anchor-text">{h}</span> })}
            </label>
        }
    };
    let indicators = |list: &'static str, words: &[String], seen: &[usize]| {
        words
            .iter()
            .enumerate()
            .map(|(n, w)| {
                let name = field(&format!("{list}.{n}"));
                let checked = ticked(first, &name, seen.contains(&n));
                view! {
                    <label class="indicator"><input type="checkbox" name=card_name(&name) value="on" checked=checked/>" "{w.clone()}</label>
                }
            })
            .collect_view()
    };
    let positive = indicators("positive", &i.item.positive, &stored.positive);
    let negative = indicators("negative", &i.item.negative, &stored.negative);
    let kind = format!("{:?}", i.item.kind).to_lowercase();
    let notes_id = format!("notes-{}", key.replace(':', "-"));
    view! {
        <li class="item score-item" data-item-key=key.clone() data-item=i.item.id.clone() data-kind=kind tabindex="-1">
            <p class="eyebrow">{i.item.eyebrow.clone()}{(!i.in_plan).then_some(" · no longer in this round's plan")}</p>
            <h3>{i.item.title.clone()}</h3>
            <blockquote class="ask">{i.item.ask.clone()}</blockquote>
            <Probes probes=i.item.probes.clone()/>
            {(key == "exercise:simulation").then(|| view! {
                <p><a class="actor-brief-link" href=format!("/interviews/{}/brief", c.id)>"Actor's brief for the colleague playing the partner"</a></p>
            })}
            {minutes.map(|minutes| view! { <Countdown id=key.clone() minutes/> })}
            <dl class="facts">
                {i.item.facts.iter().map(|(label, value)| view! { <dt>{label.clone()}</dt><dd>{value.clone()}</dd> }).collect_view()}
            </dl>
            <AnchorsTable anchors=i.item.anchors.clone()/>
            <fieldset class="ratings" aria-describedby=field_message_id(&rating_field)>
                <legend>"Rating"</legend>
                {option(Rating::Exceeds.id(), Rating::Exceeds.label(), Some(anchor(Rating::Exceeds)))}
                {option(Rating::Meets.id(), Rating::Meets.label(), Some(anchor(Rating::Meets)))}
                {option(Rating::Below.id(), Rating::Below.label(), Some(anchor(Rating::Below)))}
                {option(Rating::NoEvidence.id(), Rating::NoEvidence.label(), Some(anchor(Rating::NoEvidence)))}
                {option("", "Not rated yet", None)}
                <FieldMessage error field=rating_field.clone()/>
            </fieldset>
            <div class="columns indicators">
                <fieldset aria-describedby=field_message_id(&field("positive"))>
                    <legend>"Positive indicators seen"</legend>
                    {positive}
                    <FieldMessage error field=field("positive")/>
                </fieldset>
                <fieldset aria-describedby=field_message_id(&field("negative"))>
                    <legend>"Negative indicators seen"</legend>
                    {negative}
                    <FieldMessage error field=field("negative")/>
                </fieldset>
            </div>
            <label for=notes_id.clone()>"Notes (Markdown; the panel reads them once you submit)"</label>
            <textarea id=notes_id name=card_name(&notes_field) rows="3" aria-describedby=field_message_id(&notes_field) inner_html=crate::escape::textarea_html(notes.clone())></textarea>
            {stored_beside(stale, &notes, &stored.notes)}
            <FieldMessage error field=notes_field.clone()/>
        </li>
    }
}

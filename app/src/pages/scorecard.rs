//! The interviewer's scorecard on the interview page: each item of the
//! round with what to ask and its anchors, rated with indicators and notes,
//! then the recommendation. One form, posted by a server function, so it
//! works without JavaScript; a refused save is drawn again with what was
//! typed, and a stale one also shows the stored text beside it.

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
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex};

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

/// Where a draft save goes (the `save-scorecard` server function).
#[cfg(feature = "hydrate")]
const SAVE_URL: &str = "/api/fn/save-scorecard";

/// How long typing must pause before a draft is saved.
const AUTOSAVE_AFTER: std::time::Duration = std::time::Duration::from_millis(1500);

/// Drafts saved as they type, the saved state and the warning before
/// leaving with unsaved text: all with JavaScript only. The saves call the
/// server function directly rather than through the form's action, so the
/// form is not redrawn under the cursor.
#[derive(Clone, Copy)]
struct Autosave {
    wrapper: NodeRef<leptos::html::Div>,
    /// saved, saving, unsaved or stale (`data-save-state`).
    state: RwSignal<&'static str>,
    /// The version shown; `Unsent::version` is the one the next save names.
    version: RwSignal<i64>,
    message: RwSignal<String>,
    timer: StoredValue<Option<leptos::prelude::TimeoutHandle>>,
    unsent: StoredValue<Arc<Unsent>>,
    /// Drafts save themselves; an amendment waits for its reason and button.
    enabled: bool,
    answers: Answers,
}

/// What must outlive the page: the typed draft not yet on its way, the
/// version to name, and whether a save is travelling. Plain shared data,
/// not signals, because the page's signals are gone once it is left while
/// a save it started, or the one it sends on leaving, is still running.
struct Unsent {
    draft: Mutex<Option<SaveScorecard>>,
    version: AtomicI64,
    in_flight: AtomicBool,
    /// The interviewer went to another page of the site.
    left: AtomicBool,
}

impl Unsent {
    fn new(version: i64) -> Self {
        Unsent {
            draft: Mutex::new(None),
            version: AtomicI64::new(version),
            in_flight: AtomicBool::new(false),
            left: AtomicBool::new(false),
        }
    }

    fn take_draft(&self) -> Option<SaveScorecard> {
        self.draft.lock().ok().and_then(|mut d| d.take())
    }
}

/// Saves drafts typed after the last save once the page has been left, one
/// after another so each names the version the one before it returned.
async fn send_unsent(unsent: Arc<Unsent>) {
    while let Some(mut args) = unsent.take_draft() {
        args.version = unsent.version.load(Ordering::SeqCst);
        unsent.in_flight.store(true, Ordering::SeqCst);
        let result = crate::api::scorecard_form::save_scorecard(
            args.id,
            args.version,
            args.card,
            "save".into(),
            args.reason,
        )
        .await;
        unsent.in_flight.store(false, Ordering::SeqCst);
        match result {
            Ok(version) => unsent.version.store(version, Ordering::SeqCst),
            Err(e) => {
                // Nowhere left to show it: the card keeps its last saved
                // version, and the console says why this one was refused.
                leptos::logging::warn!("the scorecard draft sent on leaving was not saved: {e}");
                return;
            }
        }
    }
}

impl Autosave {
    fn new(
        version: i64,
        stale: bool,
        enabled: bool,
        unsent: Arc<Unsent>,
        answers: Answers,
    ) -> Self {
        Autosave {
            wrapper: NodeRef::new(),
            state: RwSignal::new(if stale { "stale" } else { "saved" }),
            version: RwSignal::new(version),
            message: RwSignal::new(if stale {
                "Not saved: the stored text is shown beside yours.".to_string()
            } else {
                String::new()
            }),
            timer: StoredValue::new(None),
            unsent: StoredValue::new(unsent),
            enabled,
            answers,
        }
    }

    fn cancel(self) {
        if let Some(Some(handle)) = self.timer.try_get_value() {
            handle.clear();
        }
    }

    /// The form's own button sends everything typed: nothing is left to
    /// save later.
    fn submitted(self) {
        self.cancel();
        if let Some(unsent) = self.unsent.try_get_value() {
            unsent.take_draft();
        }
        self.state.set("saving");
    }

    fn changed(self) {
        if self.state.get_untracked() != "stale" {
            self.state.set("unsaved");
        }
        if !self.enabled || self.state.get_untracked() == "stale" {
            return;
        }
        // Kept at every keystroke, so leaving the page at any moment has
        // the text as it is to send.
        if let (Some(args), Some(unsent)) = (self.form_args(), self.unsent.try_get_value()) {
            if let Ok(mut draft) = unsent.draft.lock() {
                *draft = Some(args);
            }
        }
        self.schedule();
    }

    fn schedule(self) {
        self.cancel();
        let handle =
            leptos::prelude::set_timeout_with_handle(move || self.run(), AUTOSAVE_AFTER).ok();
        self.timer.set_value(handle);
    }

    fn form(self) -> Option<leptos::web_sys::HtmlFormElement> {
        use leptos::wasm_bindgen::JsCast;
        // The form was replaced (saved by its button) since this was set.
        let wrapper = self.wrapper.try_get_untracked().flatten()?;
        wrapper
            .query_selector("form")
            .ok()
            .flatten()
            .and_then(|f| f.dyn_into::<leptos::web_sys::HtmlFormElement>().ok())
    }

    /// The form as a draft save would send it.
    fn form_args(self) -> Option<SaveScorecard> {
        use leptos::form::FromFormData;
        let data = leptos::web_sys::FormData::new_with_form(&self.form()?).ok()?;
        let mut args = SaveScorecard::from_form_data(&data).ok()?;
        args.intent = "save".into();
        Some(args)
    }

    /// Sends the form as a draft save by `navigator.sendBeacon` while the
    /// page unloads, when anything typed may not be stored yet.
    fn beacon(self) {
        #[cfg(feature = "hydrate")]
        {
            if !self.enabled || !matches!(self.state.get_untracked(), "unsaved" | "saving") {
                return;
            }
            let (Some(form), Some(unsent)) = (self.form(), self.unsent.try_get_value()) else {
                return;
            };
            let Ok(data) = leptos::web_sys::FormData::new_with_form(&form) else {
                return;
            };
            let Ok(params) = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data) else {
                return;
            };
            params.set("intent", "save");
            params.set(
                "version",
                &unsent.version.load(Ordering::SeqCst).to_string(),
            );
            let sent = window()
                .navigator()
                .send_beacon_with_opt_url_search_params(SAVE_URL, Some(&params))
                .unwrap_or(false);
            if sent {
                unsent.take_draft();
            }
        }
    }

    fn run(self) {
        let Some(unsent) = self.unsent.try_get_value() else {
            return;
        };
        if unsent.in_flight.load(Ordering::SeqCst) {
            // Save after the one on its way, with the version it returns.
            self.schedule();
            return;
        }
        let Some(mut args) = self.form_args() else {
            return;
        };
        // This save carries everything typed so far.
        unsent.take_draft();
        args.version = unsent.version.load(Ordering::SeqCst);
        self.state.set("saving");
        unsent.in_flight.store(true, Ordering::SeqCst);
        leptos::task::spawn_local(async move {
            let result = crate::api::scorecard_form::save_scorecard(
                args.id,
                args.version,
                args.card,
                args.intent,
                args.reason,
            )
            .await;
            unsent.in_flight.store(false, Ordering::SeqCst);
            if let Ok(version) = &result {
                unsent.version.store(*version, Ordering::SeqCst);
            }
            if unsent.left.load(Ordering::SeqCst) {
                // The page was left while this save travelled: send what
                // was typed after it, naming the version it returned.
                send_unsent(unsent).await;
                return;
            }
            match result {
                Ok(version) => {
                    self.version.set(version);
                    self.message.set(String::new());
                    if self.state.get_untracked() == "saving" {
                        self.state.set("saved");
                    }
                }
                Err(e) => {
                    let stale = e.messages_for(STALE_FIELD);
                    if stale.is_empty() {
                        self.state.set("unsaved");
                        self.message.set(format!(
                            "Not saved yet: {e}. Your text is still here; press “Save draft” to see what to correct."
                        ));
                    } else {
                        // Another save won; nothing unsent must go out on
                        // leaving with a version that is no longer current.
                        unsent.take_draft();
                        self.state.set("stale");
                        self.message.set(format!(
                            "{} The stored text is shown beside yours.",
                            stale.join(" ")
                        ));
                        // The answer carries the card as stored: the page
                        // draws it with what was typed, from this answer
                        // alone.
                        self.answers.refused(e);
                    }
                }
            }
        });
    }
}

#[component]
fn SaveState(autosave: Autosave) -> impl IntoView {
    let Autosave {
        state,
        version,
        message,
        ..
    } = autosave;
    view! {
        <p class="save-state" role="status" data-save-state=move || state.get()>
            {move || match state.get() {
                "saved" => format!("Saved (version {}).", version.get()),
                "saving" => "Saving…".to_string(),
                "stale" => message.get(),
                _ => {
                    let m = message.get();
                    if m.is_empty() { "Unsaved changes.".to_string() } else { m }
                }
            }}
        </p>
    }
}

/// The rating a key gives the focused item: 1/e exceeds, 2/m meets,
/// 3/b below, 0/n no evidence.
pub fn rating_for_key(key: &str) -> Option<Rating> {
    match key {
        "1" | "e" => Some(Rating::Exceeds),
        "2" | "m" => Some(Rating::Meets),
        "3" | "b" => Some(Rating::Below),
        "0" | "n" => Some(Rating::NoEvidence),
        _ => None,
    }
}

/// Keyboard rating and moving between items. Keys typed into a text field
/// are left alone, and arrow keys only move between items when an item
/// itself (not one of its radio buttons) has the focus.
fn on_key(wrapper: NodeRef<leptos::html::Div>, ev: leptos::ev::KeyboardEvent) {
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::{Element, HtmlElement};
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let tag = target.tag_name().to_ascii_lowercase();
    let typing = tag == "textarea"
        || (tag == "input"
            && !matches!(
                target.get_attribute("type").as_deref(),
                Some("radio" | "checkbox")
            ));
    if typing {
        return;
    }
    let key = ev.key();
    let item = target.closest("li.score-item").ok().flatten();
    if let Some(rating) = rating_for_key(&key) {
        let Some(item) = item else { return };
        let selector = format!(".ratings input[value=\"{}\"]", rating.id());
        if let Some(radio) = item
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|r| r.dyn_into::<HtmlElement>().ok())
        {
            ev.prevent_default();
            radio.click();
        }
        return;
    }
    let on_item = item.as_ref().is_some_and(|i| *i == target);
    let step: i32 = match key.as_str() {
        "j" => 1,
        "k" => -1,
        "ArrowDown" if on_item => 1,
        "ArrowUp" if on_item => -1,
        _ => return,
    };
    // Items are siblings in one list.
    let next = match item {
        Some(i) if step > 0 => i.next_element_sibling(),
        Some(i) => i.previous_element_sibling(),
        None => match wrapper.try_get_untracked() {
            Some(Some(root)) => root.query_selector("li.score-item").ok().flatten(),
            _ => None,
        },
    };
    if let Some(el) = next.and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
        ev.prevent_default();
        let _ = el.focus();
        el.scroll_into_view();
    }
}

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

/// `mm:ss`.
pub fn clock(seconds: u32) -> String {
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

/// Seconds left at which the countdown warns.
const WARN_AT: u32 = 2 * 60;

/// A countdown of the kit's response time for an exercise, with start,
/// pause and reset; it warns in the last two minutes.
///
/// The page draws it and the page-actions script runs it (one listener on
/// the document, its state kept by exercise, not in this element): the
/// card is redrawn after saves, and a countdown held in this component's
/// signals stopped with the component, sometimes leaving dead buttons on
/// screen. Without JavaScript the length still shows.
#[component]
fn Countdown(id: String, minutes: u32) -> impl IntoView {
    let total = minutes * 60;
    view! {
        <div
            class="countdown"
            role="timer"
            data-countdown=id
            data-seconds=total
            data-warn-at=WARN_AT
            data-warning="false"
        >
            <span class="muted">{format!("Response time {minutes} min: ")}</span>
            <strong class="clock">{clock(total)}</strong>
            <span class="countdown-warning"></span>
            " "
            <button type="button" class="countdown-start" data-action="countdown-start">"Start"</button>
            <button type="button" class="countdown-pause" data-action="countdown-pause">"Pause"</button>
            <button type="button" class="countdown-reset" data-action="countdown-reset">"Reset"</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_rate_as_documented() {
        for (keys, rating) in [
            (["1", "e"], Rating::Exceeds),
            (["2", "m"], Rating::Meets),
            (["3", "b"], Rating::Below),
            (["0", "n"], Rating::NoEvidence),
        ] {
            for key in keys {
                assert_eq!(rating_for_key(key), Some(rating), "{key}");
            }
        }
        assert_eq!(rating_for_key("j"), None);
        assert_eq!(rating_for_key("4"), None);
    }

    #[test]
    fn the_clock_reads_minutes_and_seconds() {
        assert_eq!(clock(40 * 60), "40:00");
        assert_eq!(clock(WARN_AT), "02:00");
        assert_eq!(clock(59), "00:59");
        assert_eq!(clock(0), "00:00");
    }
}

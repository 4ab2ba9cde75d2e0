//! Saving a card as it is typed: a save a moment after the last change,
//! each naming the version the one before it returned, and what is still
//! unsent when the page is left (an in-app link or closing the tab).

use super::Answers;
use crate::api::scorecard_form::{SaveScorecard, STALE_FIELD};
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex};

/// Where a draft save goes (the `save-scorecard` server function).
#[cfg(feature = "hydrate")]
pub(super) const SAVE_URL: &str = "/api/fn/save-scorecard";

/// How long typing must pause before a draft is saved.
pub(super) const AUTOSAVE_AFTER: std::time::Duration = std::time::Duration::from_millis(1500);

/// Drafts saved as they type, the saved state and the warning before
/// leaving with unsaved text: all with JavaScript only. The saves call the
/// server function directly rather than through the form's action, so the
/// form is not redrawn under the cursor.
#[derive(Clone, Copy)]
pub(super) struct Autosave {
    pub(super) wrapper: NodeRef<leptos::html::Div>,
    /// saved, saving, unsaved or stale (`data-save-state`).
    pub(super) state: RwSignal<&'static str>,
    /// The version shown; `Unsent::version` is the one the next save names.
    pub(super) version: RwSignal<i64>,
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
pub(super) struct Unsent {
    draft: Mutex<Option<SaveScorecard>>,
    version: AtomicI64,
    pub(super) in_flight: AtomicBool,
    /// The interviewer went to another page of the site.
    pub(super) left: AtomicBool,
}

impl Unsent {
    pub(super) fn new(version: i64) -> Self {
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
pub(super) async fn send_unsent(unsent: Arc<Unsent>) {
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
    pub(super) fn new(
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

    pub(super) fn cancel(self) {
        if let Some(Some(handle)) = self.timer.try_get_value() {
            handle.clear();
        }
    }

    /// The form's own button sends everything typed: nothing is left to
    /// save later.
    pub(super) fn submitted(self) {
        self.cancel();
        if let Some(unsent) = self.unsent.try_get_value() {
            unsent.take_draft();
        }
        self.state.set("saving");
    }

    pub(super) fn changed(self) {
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
    pub(super) fn beacon(self) {
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
pub(super) fn SaveState(autosave: Autosave) -> impl IntoView {
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

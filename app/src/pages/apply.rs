//! The public job page a recruiter shares: the JD, then one form with the
//! candidate's contact details and the knock-out questions. Starting the
//! application sends the candidate to their own page (`application`).

pub mod application;

use crate::api::apply::{
    apply_job, ApplyOutcome, ApplyPageView, ApplyRecover, ApplyStart, LINK_SENT,
};
use crate::api::form_error::FormError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

pub use application::ApplicationPage;

/// The recorder script; on this page it keeps a draft of the form in the
/// browser so a reload loses nothing typed.
pub const RECORDER_SCRIPT: &str = "/assets/recorder.js";
/// The recorder and draft keeper: a plain ES module, embedded so it needs
/// no build step (served by the server at [`RECORDER_SCRIPT`]).
pub const RECORDER_SCRIPT_TEXT: &str = include_str!("../../assets/recorder.js");
pub const RECORDER_SCRIPT_VERSION: u64 = crate::assets::fingerprint(RECORDER_SCRIPT_TEXT);

/// The recorder script's address as pages link it.
pub fn recorder_script_href() -> String {
    crate::assets::href(RECORDER_SCRIPT, RECORDER_SCRIPT_VERSION)
}

#[component]
pub fn ApplyPage() -> impl IntoView {
    let params = use_params_map();
    let page = Resource::new(
        move || params.with(|p| p.get("id").unwrap_or_default()),
        apply_job,
    );
    view! {
        <Suspense fallback=|| view! { <p class="page">"Loading the job…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(v) => view! { <JobView v/> }.into_any(),
                    Err(error) => {
                        super::set_error_status(&error);
                        view! {
                            <Title text="Not taking applications"/>
                            <section class="page narrow apply-closed">
                                <h1>"This job is not taking applications"</h1>
                                <p role="alert">{error.to_string()}</p>
                                <p class="muted">
                                    "If a recruiter sent you this link, the job may not be open yet or may have closed. "
                                    "Ask them for the current link."
                                </p>
                            </section>
                        }
                        .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// "1 minute 30 seconds": for the overview of what the application asks.
pub fn spoken_duration(seconds: u32) -> String {
    let (m, s) = (seconds / 60, seconds % 60);
    let plural = |n: u32, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (m, s) {
        (0, s) => plural(s, "second"),
        (m, 0) => plural(m, "minute"),
        (m, s) => format!("{} {}", plural(m, "minute"), plural(s, "second")),
    }
}

fn what_to_expect(v: &ApplyPageView) -> String {
    let questions = match v.knockouts.len() {
        0 => String::new(),
        1 => ", one short question about the role's requirements".to_string(),
        n => format!(", {n} short questions about the role's requirements"),
    };
    let videos =
        match v.video_seconds.iter().max() {
            None => String::new(),
            Some(&longest) => format!(
            ", and {} recorded video {} of up to {} each (record in your browser or upload a file)",
            v.video_seconds.len(),
            if v.video_seconds.len() == 1 { "answer" } else { "answers" },
            spoken_duration(longest)
        ),
        };
    format!(
        "The application asks for your contact details{questions}, then your resume (PDF or Word){videos}. \
         Each step is saved as you go, so you can stop and come back."
    )
}

#[component]
fn JobView(v: ApplyPageView) -> impl IntoView {
    let expect = what_to_expect(&v);
    let ApplyPageView {
        requisition_id,
        title,
        jd_html,
        knockouts,
        ..
    } = v;
    let start = ServerAction::<ApplyStart>::new();
    // Problems by field, from the last attempt: in the answer (with
    // JavaScript) or in the error a plain form post comes back with.
    let field_errors = Memo::new(move |_| match start.value().get() {
        Some(Ok(ApplyOutcome::Invalid(errors))) | Some(Err(FormError::Fields { errors, .. })) => {
            errors
        }
        _ => Vec::new(),
    });
    // What was typed, after a plain form post (the page's script keeps it
    // in the browser otherwise).
    let typed = move |field: &'static str| {
        Signal::derive(move || match start.value().get() {
            Some(Err(FormError::Fields { values, .. })) => values.get(field).cloned(),
            _ => None,
        })
    };
    // Anything else worth saying.
    let message = move || match start.value().get() {
        Some(Err(FormError::Fields { .. })) | Some(Ok(ApplyOutcome::Invalid(_))) => Some(
            "Your application was not started: please correct the fields marked above.".to_string(),
        ),
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    };
    let error_for = move |field: &'static str| {
        move || {
            field_errors.with(|errors| {
                errors
                    .iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        }
    };
    let question_count = knockouts.len();
    let (req_attr, persist_attr, id_value, lost_link_id) = (
        requisition_id.clone(),
        requisition_id.clone(),
        requisition_id.clone(),
        requisition_id,
    );
    view! {
        <Title text=crate::escape::page_title(format!("{title} · Apply"))/>
        <article class="page narrow apply" data-requisition=req_attr>
            <p class="eyebrow">"Job application"</p>
            <h1>{title.clone()}</h1>
            <div class="jd-rendered" inner_html=jd_html></div>
            <section class="apply-start" aria-labelledby="apply-heading">
                <h2 id="apply-heading">"Apply for this job"</h2>
                <p>{expect}</p>
                <ActionForm action=start attr:class="apply-form stack" attr:data-persist=persist_attr>
                    <input type="hidden" name="id" value=id_value/>
                    <fieldset>
                        <legend>"Your contact details"</legend>
                        <TextField name="name" label="Full name" kind="text" autocomplete="name" required=true error=Signal::derive(error_for("name")) value=typed("name")/>
                        <TextField name="email" label="Email" kind="email" autocomplete="email" required=true error=Signal::derive(error_for("email")) value=typed("email")/>
                        <TextField name="phone" label="Phone (optional)" kind="tel" autocomplete="tel" required=false error=Signal::derive(error_for("phone")) value=typed("phone")/>
                        <label for="apply-links">"Links (optional): LinkedIn, portfolio or other pages, up to 5, one per line"</label>
                        <textarea id="apply-links" name="links" rows="3"
                            aria-invalid=move || error_for("links")().is_some().then_some("true")
                            aria-describedby="apply-links-error"
                            inner_html=crate::escape::textarea_html(typed("links").get_untracked().unwrap_or_default())></textarea>
                        <FieldError id="apply-links-error".to_string() error=Signal::derive(error_for("links"))/>
                    </fieldset>
                    {(question_count > 0).then(|| view! {
                        <fieldset class="knockouts">
                            <legend>"About the role's requirements"</legend>
                            <p class="muted">"Please answer each question. There are no trick questions; an honest answer saves you time."</p>
                            {knockouts.into_iter().enumerate().map(|(i, k)| {
                                let field = format!("knockout.{}", k.id);
                                let error = Signal::derive(move || field_errors.with(|errors| {
                                    errors.iter().find(|e| e.field == field).map(|e| e.message.clone())
                                }));
                                let error_id = format!("knockout-{}-error", k.id);
                                let described_by = error_id.clone();
                                let name = format!("knockout[{}]", k.id);
                                view! {
                                    <fieldset class="knockout" data-knockout=k.id.clone()
                                        aria-invalid=move || error.get().is_some().then_some("true")
                                        aria-describedby=described_by>
                                        <legend>{format!("{}. ", i + 1)}{k.question.clone()}</legend>
                                        {k.answers.into_iter().enumerate().map(|(j, label)| view! {
                                            <label class="choice">
                                                <input type="radio" name=name.clone() value=j.to_string() required=true/>
                                                " "{label}
                                            </label>
                                        }).collect_view()}
                                        <FieldError id=error_id error/>
                                    </fieldset>
                                }
                            }).collect_view()}
                        </fieldset>
                    })}
                    <p class="error" role="alert">{message}</p>
                    <button type="submit" class="primary apply-submit" disabled=move || start.pending().get()>
                        "Continue to your resume"
                    </button>
                </ActionForm>
            </section>
            <LostLink requisition_id=lost_link_id/>
            <script type="module" src=recorder_script_href() nonce=leptos::nonce::use_nonce()></script>
        </article>
    }
    .into_any()
}

#[component]
fn TextField(
    name: &'static str,
    label: &'static str,
    kind: &'static str,
    autocomplete: &'static str,
    required: bool,
    error: Signal<Option<String>>,
    /// What was typed before a plain form post came back refused.
    value: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("apply-{name}");
    let error_id = format!("apply-{name}-error");
    view! {
        <label for=id.clone()>{label}</label>
        <input id=id type=kind name=name autocomplete=autocomplete required=required value=move || value.get()
            aria-invalid=move || error.get().is_some().then_some("true")
            aria-describedby=error_id.clone()/>
        <FieldError id=error_id error/>
    }
}

/// For a candidate who applied and lost the private link to their
/// application: it is sent again to the address they applied with. The
/// page says the same thing whatever the address (see `apply_recover`).
#[component]
fn LostLink(requisition_id: String) -> impl IntoView {
    let recover = ServerAction::<ApplyRecover>::new();
    let query = use_query_map();
    let sent = move || {
        matches!(recover.value().get(), Some(Ok(())))
            || query.with(|q| q.get("link").as_deref() == Some("sent"))
    };
    let error = Signal::derive(move || match recover.value().get() {
        Some(Err(FormError::Fields { errors, .. })) => errors.first().map(|e| e.message.clone()),
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    });
    view! {
        <section class="lost-link" id="lost-link" aria-labelledby="lost-link-heading">
            <h2 id="lost-link-heading">"Applied already?"</h2>
            <p>
                "Your application has a private link of its own, emailed to you when you started it. "
                "If you have lost it, give the address you applied with and we will send it again."
            </p>
            <ActionForm action=recover attr:class="stack lost-link-form">
                <input type="hidden" name="id" value=requisition_id/>
                <label for="lost-link-email">"The email you applied with"</label>
                <input id="lost-link-email" type="email" name="email" autocomplete="email" required=true
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby="lost-link-email-error"/>
                <FieldError id="lost-link-email-error".to_string() error/>
                <button type="submit" disabled=move || recover.pending().get()>"Send me my link"</button>
            </ActionForm>
            <p class="notice lost-link-sent" role="status">{move || sent().then_some(LINK_SENT)}</p>
        </section>
    }
}

/// A field's problem, right under it; empty (and silent) when there is none.
#[component]
fn FieldError(id: String, error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p class="field-error" id=id data-field-error=move || error.get().is_some().then_some("true")>
            {move || error.get()}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(spoken_duration(90), "1 minute 30 seconds");
        assert_eq!(spoken_duration(120), "2 minutes");
        assert_eq!(spoken_duration(1), "1 second");
        assert_eq!(spoken_duration(150), "2 minutes 30 seconds");
    }

    #[test]
    fn the_overview_says_what_is_asked() {
        let v = ApplyPageView {
            requisition_id: "r".into(),
            title: "t".into(),
            jd_html: String::new(),
            knockouts: vec![],
            video_seconds: vec![90, 150],
        };
        let text = what_to_expect(&v);
        assert!(
            text.contains("2 recorded video answers of up to 2 minutes 30 seconds each"),
            "{text}"
        );
        assert!(!text.contains("questions about"), "{text}");
    }
}

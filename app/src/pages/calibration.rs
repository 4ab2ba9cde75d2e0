//! `/calibration`: an interviewer practises on the kits' sample answers,
//! one at a time, blind, and sees how their ratings compare with the
//! references.

use crate::api::calibration::{
    calibration, CalibrationView, PracticeItem, PracticeRate, PracticeResult,
};
use crate::components::form::{field_message_id, refused, FieldMessage, FormNotice};
use crate::components::rubric::AnchorsTable;
use crate::domain::calibration::{MIN_RATED, PASS_DENOMINATOR, PASS_NUMERATOR, SAMPLE_RATINGS};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CalibrationPage() -> impl IntoView {
    let query = use_query_map();
    let rate = ServerAction::<PracticeRate>::new();
    let page = Resource::new(
        move || {
            (
                query.with(|q| q.get("last")).unwrap_or_default(),
                rate.version().get(),
            )
        },
        |(last, _)| calibration(last),
    );
    view! {
        <Title text="Calibration · Alliance Hiring Kit"/>
        <section class="page calibration">
            <h1>"Calibration"</h1>
            <p class="lead">
                "Rate sample answers from the kits you interview for, as you would on a scorecard: read the question, the answer and the anchors, and choose a rating. "
                "Each answer was written to sit at one rating; once you have rated it you see which, and the anchor that decides it. "
                "Every rating you give here is kept, and your figures below come from them."
            </p>
            <Transition fallback=|| view! { <p>"Loading your practice…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(v) => view! { <Practice v rate/> }.into_any(),
                        Err(e) => crate::pages::load_error(&e),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Practice(v: CalibrationView, rate: ServerAction<PracticeRate>) -> impl IntoView {
    let s = v.score.clone();
    let standard = if s.passes() {
        "met".to_string()
    } else {
        format!("not yet ({MIN_RATED} or more samples, {PASS_NUMERATOR} in {PASS_DENOMINATOR} rated as the reference)")
    };
    let kits = if v.own_kits {
        format!("From the kits of your requisitions: {}.", v.kits.join("; "))
    } else {
        format!(
            "You are on no requisition yet, so the samples come from every kit at its usual level: {}.",
            v.kits.join("; ")
        )
    };
    view! {
        <section class="calibration-figures" id="figures">
            <h2>"Your figures"</h2>
            <dl class="facts" data-rated=s.rated data-exact=s.exact data-passes=s.passes().to_string()>
                <dt>"Rated as the reference"</dt><dd class="calibration-agreement">{s.agreement_text()}</dd>
                <dt>"Tendency"</dt><dd class="calibration-tendency">{s.tendency_text()}</dd>
                <dt>"Krippendorff's alpha against the references"</dt><dd>{s.alpha_text()}</dd>
                <dt>"Standard a requisition can require"</dt><dd class="calibration-standard">{standard}</dd>
            </dl>
            <p class="muted">{kits}{format!(" {} of {} samples left.", v.left, v.samples)}</p>
        </section>
        {v.last.map(|r| view! { <LastResult r/> })}
        {match v.next {
            Some(item) => view! { <RateSample item rate/> }.into_any(),
            None => view! {
                <p class="notice-ok" role="status">
                    "You have rated every sample answer of your kits. When the library gains new ones, they appear here."
                </p>
            }.into_any(),
        }}
    }
}

#[component]
fn LastResult(r: PracticeResult) -> impl IntoView {
    let same = r.given == r.reference;
    view! {
        <section class="calibration-result" id="result" data-match=same.to_string() role="status">
            <h2>{if same { "Rated as the reference" } else { "Not the reference rating" }}</h2>
            <p>
                {format!("{}: you rated it ", r.title)}<strong data-given=r.given.id()>{r.given.label()}</strong>
                "; it was written at "<strong data-reference=r.reference.id()>{r.reference.label()}</strong>"."
            </p>
            <p class="muted">"What decides it, from the anchors:"</p>
            <blockquote class="anchor-decides">{r.anchor}</blockquote>
            <details>
                <summary>"The answer again"</summary>
                <p class="sample-answer">{r.answer}</p>
            </details>
        </section>
    }
}

#[component]
fn RateSample(item: PracticeItem, rate: ServerAction<PracticeRate>) -> impl IntoView {
    let error = refused(rate);
    let sample = item.sample.clone();
    view! {
        <section class="calibration-practice item" id="practice" data-sample=item.sample.clone()>
            <p class="eyebrow">{item.kit_title.clone()}" · "{item.eyebrow.clone()}</p>
            <h2>{item.title.clone()}</h2>
            <blockquote class="ask">{item.ask.clone()}</blockquote>
            <h3>"The answer"</h3>
            <p class="sample-answer">{item.answer.clone()}</p>
            <AnchorsTable anchors=item.anchors.clone()/>
            <ActionForm action=rate attr:class="calibration-form">
                <FormNotice error/>
                <input type="hidden" name="sample" value=sample/>
                <fieldset class="ratings" aria-describedby=field_message_id("rating")>
                    <legend>"Your rating"</legend>
                    {SAMPLE_RATINGS.into_iter().map(|r| view! {
                        <label class=format!("rating rating-{}", r.id())>
                            <input type="radio" name="rating" value=r.id()/>" "<strong>{r.label()}</strong>
                        </label>
                    }).collect_view()}
                    <FieldMessage error field="rating"/>
                </fieldset>
                <button type="submit">"Rate this answer"</button>
            </ActionForm>
        </section>
    }
}

//! How a scored item's anchors and indicators are shown. One layout for every
//! kind of item, so interviewers learn to read it once.

use crate::domain::rubric::Anchors;
use leptos::prelude::*;

/// The three rating anchors side by side.
#[component]
pub fn AnchorsTable(anchors: Anchors) -> impl IntoView {
    view! {
        <dl class="anchors">
            <div class="anchor exceeds">
                <dt>"Exceeds"</dt>
                <dd>{anchors.exceeds}</dd>
            </div>
            <div class="anchor meets">
                <dt>"Meets"</dt>
                <dd>{anchors.meets}</dd>
            </div>
            <div class="anchor below">
                <dt>"Below"</dt>
                <dd>{anchors.below}</dd>
            </div>
        </dl>
    }
}

/// Positive and negative indicators in two columns.
#[component]
pub fn Indicators(positive: Vec<String>, negative: Vec<String>) -> impl IntoView {
    view! {
        <div class="indicators">
            <div class="positive">
                <h5>"Positive indicators"</h5>
                <BulletList items=positive/>
            </div>
            <div class="negative">
                <h5>"Negative indicators"</h5>
                <BulletList items=negative/>
            </div>
        </div>
    }
}

#[component]
pub fn BulletList(items: Vec<String>) -> impl IntoView {
    view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
}

/// A titled bullet list, skipped entirely when empty.
#[component]
pub fn Section(title: &'static str, items: Vec<String>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <div class="list-block">
                <h5>{title}</h5>
                <BulletList items/>
            </div>
        }
    })
}

/// The follow-up probes of an item, when its kit has them.
#[component]
pub fn Probes(probes: Vec<String>) -> impl IntoView {
    (!probes.is_empty()).then(|| {
        view! {
            <div class="probes">
                <p class="probes-title">"Follow-ups, when the answer stays general"</p>
                <ul>{probes.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

/// How to score fairly, once above an interview's items: when "No
/// evidence" is the rating, what to write down, and the three biases that
/// most often move a rating away from what was said.
#[component]
pub fn ScoringGuide() -> impl IntoView {
    view! {
        <details class="scoring-guide">
            <summary>"Scoring fairly: no evidence, notes, bias"</summary>
            <h4>"When to rate “No evidence”"</h4>
            <p>
                "Rate No evidence when, after at least one follow-up, the answer gave you nothing to judge this item by. "
                "It counts neither for nor against the candidate. Do not fill the gap with a guess, or with what another answer suggested."
            </p>
            <h4>"Notes worth keeping"</h4>
            <ul>
                <li>"Write what was said and done, close to the candidate's words, not your verdict: “ran two webinars, 40 sign-ups, none traced to an opportunity”, not “weak on metrics”."</li>
                <li>"Keep the figures, dates, roles and who did the work: “I” or “we”."</li>
                <li>"Note the follow-ups you asked and what each drew out."</li>
                <li>"Rate each item from its anchors as its answer ends, not from memory at the end of the interview."</li>
            </ul>
            <h4>"Three biases to check before you submit"</h4>
            <ul>
                <li><strong>"Halo: "</strong>"one strong or weak answer is not evidence about the next item. Rate each against its own anchors."</li>
                <li><strong>"Similar to me: "</strong>"a shared employer, school, background or style is not evidence. Would the same answer from someone unlike you get the same rating?"</li>
                <li><strong>"Contrast: "</strong>"compare the answer with the anchors, not with the candidate you saw before."</li>
            </ul>
        </details>
    }
}

/// The questions for referees, each with the resume criterion it checks.
#[component]
pub fn ReferenceChecks(
    checks: Vec<crate::domain::rubric::ReferenceCheck>,
    criteria: Vec<crate::domain::kit::KitResumeCriterion>,
) -> impl IntoView {
    (!checks.is_empty()).then(|| {
        view! {
            <section id="references" class="kit-section reference-checks">
                <h2>"Reference checks"</h2>
                <p class="muted">"Before an offer, ask a former manager or partner counterpart these questions: each checks a figure or claim the resume screen rewarded, and the candidate's own part in it."</p>
                <ol>
                    {checks.into_iter().map(|r| {
                        let criterion = criteria
                            .iter()
                            .find(|c| c.id == r.criterion)
                            .map(|c| c.criterion.clone())
                            .unwrap_or_else(|| r.criterion.clone());
                        view! {
                            <li class="item" data-reference=r.id>
                                <p class="eyebrow">"Checks: "{criterion}</p>
                                <blockquote class="ask">{r.ask}</blockquote>
                                <p><strong>"What confirms it: "</strong>{r.confirms}</p>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        }
    })
}

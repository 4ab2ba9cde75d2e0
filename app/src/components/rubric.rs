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

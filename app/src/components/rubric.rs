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

/// "$130K–$170K" or "$280K–$400K+".
pub fn format_ote(ote: &crate::domain::rubric::Ote) -> String {
    ote.band()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rubric::Ote;

    #[test]
    fn ote_reads_like_the_market_band() {
        let ote = Ote {
            currency: "USD".into(),
            min: 280_000,
            max: 400_000,
            open_ended: true,
        };
        assert_eq!(format_ote(&ote), "$280K–$400K+");
        let chf = Ote {
            currency: "CHF".into(),
            min: 130_000,
            max: 170_000,
            open_ended: false,
        };
        assert_eq!(format_ote(&chf), "130K–170K CHF");
    }
}

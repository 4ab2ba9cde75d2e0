//! Rating with the keyboard: a key rates the item in focus.

use crate::domain::scoring::Rating;
use leptos::prelude::*;

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
pub(super) fn on_key(wrapper: NodeRef<leptos::html::Div>, ev: leptos::ev::KeyboardEvent) {
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
}

//! The countdown beside a timed item (the presentation, the role-play).

use leptos::prelude::*;

/// `mm:ss`.
pub fn clock(seconds: u32) -> String {
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

/// Seconds left at which the countdown warns.
pub(super) const WARN_AT: u32 = 2 * 60;

/// A countdown of the kit's response time for an exercise, with start,
/// pause and reset; it warns in the last two minutes.
///
/// The page draws it and the page-actions script runs it (one listener on
/// the document, its state kept by exercise, not in this element): the
/// card is redrawn after saves, and a countdown held in this component's
/// signals stopped with the component, sometimes leaving dead buttons on
/// screen. Without JavaScript the length still shows.
#[component]
pub(super) fn Countdown(id: String, minutes: u32) -> impl IntoView {
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
    fn the_clock_reads_minutes_and_seconds() {
        assert_eq!(clock(40 * 60), "40:00");
        assert_eq!(clock(WARN_AT), "02:00");
        assert_eq!(clock(59), "00:59");
        assert_eq!(clock(0), "00:00");
    }
}

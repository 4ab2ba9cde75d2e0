//! `hiring-kit bench markdown`: the slowest hostile note, and a card of
//! 30 such notes (a full hiring-manager round), rendered as the board and
//! the scorecard render them.

use super::median;
use std::time::Duration;

pub fn run(runs: usize) {
    let notes = app::markdown::hostile_notes();
    let mut worst = Duration::ZERO;
    let mut worst_note = "";
    for note in &notes {
        let time = median(runs, || {
            std::hint::black_box(app::markdown::to_safe_html(note));
        });
        if time > worst {
            worst = time;
            worst_note = note;
        }
    }
    println!(
        "markdown: worst hostile note ({} characters, starting {:?}) renders in {:.1} ms (median of {runs})",
        worst_note.chars().count(),
        worst_note.chars().take(8).collect::<String>(),
        worst.as_secs_f64() * 1000.0
    );
    let card: Vec<&String> = notes.iter().cycle().take(30).collect();
    let time = median(runs, || {
        for note in &card {
            std::hint::black_box(app::markdown::to_safe_html(note));
        }
    });
    println!(
        "markdown: a card of 30 hostile notes renders in {:.1} ms (median of {runs})",
        time.as_secs_f64() * 1000.0
    );
    // What the board and the scorecard pay on every read after the first:
    // each note is rendered once per server (`to_safe_html_once`).
    for note in &card {
        app::markdown::to_safe_html_once(note);
    }
    let time = median(runs, || {
        for note in &card {
            std::hint::black_box(app::markdown::to_safe_html_once(note));
        }
    });
    println!(
        "markdown: the same card read again (each note rendered once per server) in {:.2} ms (median of {runs})",
        time.as_secs_f64() * 1000.0
    );
}

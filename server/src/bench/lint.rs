//! `hiring-kit bench lint`: the JD linter on 100 KB JDs built to be slow
//! (one sentence with no full stop, packed with the words rules look
//! around; a run of names; a run of amounts and shares), and on a real
//! corpus JD repeated to 100 KB. The linter reads clauses within a fixed
//! reach, so these stay linear in the JD's length.

use super::median;
use app::api::jd::MAX_JD_BYTES;
use app::domain::jd::{lint, Hints};
use app::domain::Library;

fn fill(unit: &str) -> String {
    let mut text = unit.repeat(MAX_JD_BYTES / unit.len());
    text.truncate(MAX_JD_BYTES);
    while !text.is_char_boundary(text.len()) {
        text.pop();
    }
    text
}

pub fn run(library: &Library, runs: usize) {
    let cases = [
        (
            "one 100 KB sentence of rule words",
            fill("our partner rapport is not a deal and we pay no bonus on nps but the partner team of 12 manages 90 partners while you will manage strategic alliances, "),
        ),
        (
            "100 KB of capitalised names",
            fill("Kestrel Halvorsen Brightpath Vireo "),
        ),
        (
            "100 KB of amounts and shares",
            fill("$1.2M-$3.4M, 35%-45% 70/30 "),
        ),
        (
            "a real JD repeated to 100 KB",
            fill("# Partner Manager, Snowflake\n\nYou will own our partnership with Snowflake and $4M of joint pipeline in 12 months. Run a monthly joint pipeline review and weekly deal pairing. OTE $190K, 40% variable, paid on partner-sourced revenue.\n\n"),
        ),
    ];
    for (name, text) in &cases {
        let time = median(runs, || {
            std::hint::black_box(lint(text, library, Hints::default()));
        });
        println!(
            "lint: {name} in {:.1} ms (median of {runs})",
            time.as_secs_f64() * 1000.0
        );
    }
}

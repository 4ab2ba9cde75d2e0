//! `hiring-kit bench …`: how long the heavy paths take on this machine.
//! Each benchmark works on a scratch database (a temporary SQLite file, or a
//! PostgreSQL database it creates and drops), never the configured one, and
//! prints figures; nothing asserts them, so no test depends on the
//! machine's speed. `scripts/bench` runs them all.

mod board;
mod lint;
mod markdown;
mod saves;
mod scratch;
pub(crate) mod seed;

pub use board::{run as board, BoardBench};
pub use lint::run as lint;
pub use markdown::run as markdown;
pub use saves::{run as saves, SavesBench};

use std::time::{Duration, Instant};

/// The median time of `runs` runs of `work`.
fn median(runs: usize, mut work: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// The figure at quantile `q` (0 to 1) of sorted durations.
fn quantile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let at = ((sorted.len() - 1) as f64 * q).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// An error as the commands that fill a database report it (the
/// benchmarks and the demo).
pub(crate) fn fail(message: impl std::fmt::Display) -> String {
    message.to_string()
}

//! `hiring-kit bench saves`: scorecard autosaves under load. N interviewers
//! each hold their own card open and save it as they type, one save after
//! the other, for a fixed time: `PUT /api/scorecards/{id}` over loopback
//! HTTP against the real router and accept loop, with a signed-in session
//! per interviewer, on a scratch database (SQLite, then PostgreSQL when
//! given). Prints saves per second and the latency of one save (p50, p99).
//! The clients run in this process, so they share the machine's cores
//! with the server, as a load generator on the same host would.

use super::scratch::Scratch;
use super::seed;
use super::{fail, ms, quantile};
use crate::auth::{DbSessionStore, SESSION_COOKIE, USER_ID_KEY};
use crate::http::serve::{serve, Timeouts};
use crate::http::{build_app, AppState};
use crate::rubrics;
use app::db::{rubric_snapshots, Db};
use app::domain::keys::AssignmentId;
use app::domain::scorecard::{item_key, ItemInput, ScorecardInput};
use app::domain::Library;
use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{Method, Request, StatusCode};
use hyper_util::rt::TokioIo;
use leptos::prelude::LeptosOptions;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower_sessions::session::{Id, Record};
use tower_sessions::SessionStore;

pub struct SavesBench {
    pub interviewers: usize,
    pub seconds: u64,
    /// An admin URL of a PostgreSQL server to measure beside SQLite.
    pub postgres: Option<String>,
}

pub async fn run(rubrics_dir: &Path, bench: &SavesBench) -> Result<(), String> {
    let library = Arc::new(rubrics::load(rubrics_dir).map_err(fail)?);
    let scratch = Scratch::sqlite("saves")?;
    let result = measure("SQLite", &library, &scratch, bench).await;
    scratch.remove().await;
    result?;
    if let Some(admin_url) = &bench.postgres {
        let scratch = Scratch::postgres("saves", admin_url).await?;
        let result = measure("PostgreSQL", &library, &scratch, bench).await;
        scratch.remove().await;
        result?;
    }
    Ok(())
}

/// One interviewer's open card: where to save it and as whom.
struct Card {
    id: AssignmentId,
    cookie: String,
    items: Vec<String>,
    version: i64,
}

async fn measure(
    backend: &str,
    library: &Arc<Library>,
    scratch: &Scratch,
    bench: &SavesBench,
) -> Result<(), String> {
    let db = Db::connect(&scratch.url).await.map_err(fail)?;
    rubric_snapshots::record(&db, library).await.map_err(fail)?;
    let cards = fill(&db, library, bench.interviewers).await?;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(fail)?;
    let addr = listener.local_addr().map_err(fail)?;
    let state = AppState {
        leptos_options: LeptosOptions::builder()
            .output_name(crate::http::BUNDLE_OUTPUT_NAME)
            .site_root(scratch.dir.to_string_lossy().to_string())
            .site_pkg_dir("pkg")
            .site_addr(addr)
            .build(),
        db: db.clone(),
        library: library.clone(),
        data_dir: scratch.dir.clone(),
        secure_cookies: false,
        mail: app::api::mail::MailSettings {
            public_url: format!("http://{addr}"),
            sending: false,
        },
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve(
        listener,
        build_app(state),
        Timeouts::default(),
        async move {
            let _ = stopped.await;
        },
    ));

    let warm_up = Duration::from_secs(1);
    let run_for = Duration::from_secs(bench.seconds.max(1));
    let started = Instant::now();
    let clients: Vec<_> = cards
        .into_iter()
        .map(|card| tokio::spawn(interviewer(addr, card, started + warm_up, run_for)))
        .collect();
    let mut latencies = Vec::new();
    for client in clients {
        latencies.extend(client.await.map_err(fail)??);
    }
    let _ = stop.send(());
    let _ = server.await;
    db.pool.close().await;

    latencies.sort();
    println!(
        "scorecard saves ({backend}, {} interviewers each saving their own card, {} s over loopback HTTP): {:.0} saves/s, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        bench.interviewers,
        run_for.as_secs(),
        latencies.len() as f64 / run_for.as_secs_f64(),
        ms(quantile(&latencies, 0.5)),
        ms(quantile(&latencies, 0.99)),
        ms(quantile(&latencies, 1.0)),
    );
    Ok(())
}

/// One requisition, a candidate per interviewer, each interviewer on one
/// round of their candidate with the card opened and a session signed in.
async fn fill(db: &Db, library: &Library, count: usize) -> Result<Vec<Card>, String> {
    let opened = seed::open_requisition(db, library).await?;
    let plan = opened.requisition.plan.clone().ok_or("no interview plan")?;
    let interviewers = seed::interviewers(db, count, &opened.hash).await?;
    let candidates = seed::candidates(db, &opened.requisition.id, count).await?;
    let sessions = DbSessionStore::new(db.clone());
    let mut cards = Vec::with_capacity(count);
    for (i, (interviewer, candidate)) in interviewers.iter().zip(&candidates).enumerate() {
        let round = &plan.rounds[i % plan.rounds.len()];
        let card = seed::open_card(db, &opened, candidate, &round.round, interviewer).await?;
        // A session as signing in leaves it (without hashing 64 passwords).
        let mut record = Record {
            id: Id::default(),
            data: [(USER_ID_KEY.to_string(), serde_json::json!(interviewer))]
                .into_iter()
                .collect(),
            expiry_date: tower_sessions::cookie::time::OffsetDateTime::now_utc()
                + tower_sessions::cookie::time::Duration::hours(1),
        };
        sessions.create(&mut record).await.map_err(fail)?;
        cards.push(Card {
            id: card.id,
            cookie: format!("{SESSION_COOKIE}={}", record.id),
            items: round.items.iter().map(item_key).collect(),
            version: card.version,
        });
    }
    Ok(cards)
}

/// What an autosave sends after `typed` more sentences: every item of the
/// round rated, notes growing on one item at a time.
fn content(card: &Card, typed: usize) -> ScorecardInput {
    const SENTENCE: &str = "Walked through the joint pipeline review with the partner's sales lead and named who owns each stage. ";
    let items = card
        .items
        .iter()
        .enumerate()
        .map(|(n, key)| {
            let sentences =
                typed / card.items.len().max(1) + usize::from(n < typed % card.items.len().max(1));
            (
                key.clone(),
                ItemInput {
                    rating: Some("meets".into()),
                    positive: vec![0],
                    negative: vec![],
                    notes: SENTENCE.repeat(sentences.min(20)),
                },
            )
        })
        .collect();
    ScorecardInput {
        items,
        private_notes: String::new(),
        recommendation: None,
        takeaways: String::new(),
    }
}

/// Saves the card one save after another until `run_for` after
/// `count_from`; returns the latency of each save that started after
/// `count_from`.
async fn interviewer(
    addr: SocketAddr,
    mut card: Card,
    count_from: Instant,
    run_for: Duration,
) -> Result<Vec<Duration>, String> {
    let stream = tokio::net::TcpStream::connect(addr).await.map_err(fail)?;
    stream.set_nodelay(true).map_err(fail)?;
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake::<_, Full<Bytes>>(TokioIo::new(stream))
            .await
            .map_err(fail)?;
    tokio::spawn(connection);
    let path = format!("/api/scorecards/{}", card.id);
    let until = count_from + run_for;
    let mut latencies = Vec::new();
    let mut typed = 0;
    loop {
        let sent = Instant::now();
        if sent >= until {
            return Ok(latencies);
        }
        typed += 1;
        let body = serde_json::to_vec(&serde_json::json!({
            "version": card.version,
            "body": content(&card, typed),
        }))
        .map_err(fail)?;
        let request = Request::builder()
            .method(Method::PUT)
            .uri(&path)
            .header(hyper::header::HOST, addr.to_string())
            .header(hyper::header::CONTENT_TYPE, "application/json")
            .header(hyper::header::COOKIE, &card.cookie)
            .body(Full::new(Bytes::from(body)))
            .map_err(fail)?;
        sender.ready().await.map_err(fail)?;
        let response = sender.send_request(request).await.map_err(fail)?;
        let status = response.status();
        let answer = response
            .into_body()
            .collect()
            .await
            .map_err(fail)?
            .to_bytes();
        if status != StatusCode::OK {
            return Err(format!(
                "a save was answered {status}: {}",
                String::from_utf8_lossy(&answer)
            ));
        }
        let saved: serde_json::Value = serde_json::from_slice(&answer).map_err(fail)?;
        card.version = saved["version"]
            .as_i64()
            .ok_or("a save's answer has no version")?;
        if sent >= count_from {
            latencies.push(sent.elapsed());
        }
    }
}

//! Connections cannot hold the server: a request's headers must arrive
//! within the header-read timeout, a connection where nothing moves is
//! closed after the idle timeout, and shutdown ends at its deadline even
//! while a client is half-way through a request. Transport only: these run
//! on SQLite (the database plays no part).

use crate::support::process::ServerProcess;
use crate::support::raw::{authority, read_head, read_until_closed, Ended};
use crate::support::{spawn_app_with, Backend, Serving, TestApp};
use server::http::serve::Timeouts;
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

async fn app_with(timeouts: Timeouts) -> TestApp {
    spawn_app_with(
        Backend::Sqlite,
        Serving {
            timeouts,
            ..Serving::default()
        },
    )
    .await
}

async fn connect(app: &TestApp) -> TcpStream {
    TcpStream::connect(authority(&app.base))
        .await
        .expect("connect")
}

/// Headers announcing a 1000-byte JSON body, and 10 bytes of it.
const HALF_A_REQUEST: &[u8] = b"POST /api/session HTTP/1.1\r\nHost: test\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{\"email\":";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slowloris_connection_is_closed_after_the_header_timeout() {
    let app = app_with(Timeouts {
        header_read: Duration::from_secs(1),
        ..Timeouts::default()
    })
    .await;
    let mut stream = connect(&app).await;
    let started = Instant::now();
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: test\r\n")
        .await
        .expect("write");
    // One header byte every 200 ms: each write is "activity", but the
    // headers never end.
    let (mut reader, mut writer) = stream.into_split();
    let trickle = tokio::spawn(async move {
        for _ in 0..50 {
            tokio::time::sleep(Duration::from_millis(200)).await;
            if writer.write_all(b"X").await.is_err() {
                return;
            }
        }
    });
    let ended = read_until_closed(&mut reader, Duration::from_secs(8)).await;
    let took = started.elapsed();
    trickle.abort();
    assert!(matches!(ended, Ended::Closed(_)), "{ended:?}");
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(4),
        "closed after {took:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_kept_alive_connection_that_sends_nothing_more_is_closed() {
    let app = app_with(Timeouts {
        header_read: Duration::from_secs(1),
        ..Timeouts::default()
    })
    .await;
    let mut stream = connect(&app).await;
    stream
        .write_all(b"GET /api/health HTTP/1.1\r\nHost: test\r\n\r\n")
        .await
        .expect("write");
    let (status, _) = read_head(&mut stream, Duration::from_secs(10))
        .await
        .expect("an answer");
    assert_eq!(status, 200);
    let started = Instant::now();
    let ended = read_until_closed(&mut stream, Duration::from_secs(8)).await;
    assert!(matches!(ended, Ended::Closed(_)), "{ended:?}");
    assert!(started.elapsed() < Duration::from_secs(4));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_stalls_is_cut_off_after_the_idle_timeout() {
    let app = app_with(Timeouts {
        idle: Duration::from_secs(1),
        ..Timeouts::default()
    })
    .await;
    let mut stream = connect(&app).await;
    stream.write_all(HALF_A_REQUEST).await.expect("write");
    let started = Instant::now();
    let ended = read_until_closed(&mut stream, Duration::from_secs(8)).await;
    let took = started.elapsed();
    assert!(matches!(ended, Ended::Closed(_)), "{ended:?}");
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(4),
        "closed after {took:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_ends_at_its_deadline_despite_a_half_sent_request() {
    let mut app = app_with(Timeouts {
        shutdown_deadline: Duration::from_secs(1),
        ..Timeouts::default()
    })
    .await;
    let mut stream = connect(&app).await;
    stream.write_all(HALF_A_REQUEST).await.expect("write");
    // Let the server start on the request before the signal.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let started = Instant::now();
    let _ = app.shutdown.take().expect("shutdown handle").send(());
    let served = app.served.take().expect("serve loop");
    let result = tokio::time::timeout(Duration::from_secs(5), served)
        .await
        .expect("the serve loop ended within 5 s");
    let took = started.elapsed();
    assert!(matches!(result, Ok(Ok(()))), "{result:?}");
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(3),
        "ended after {took:?}"
    );
    // The half-sent request's connection is closed, and nothing new is taken.
    let ended = read_until_closed(&mut stream, Duration::from_secs(2)).await;
    assert!(matches!(ended, Ended::Closed(_)), "{ended:?}");
    assert!(TcpStream::connect(authority(&app.base)).await.is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_in_flight_finishes_during_shutdown() {
    let mut app = app_with(Timeouts {
        shutdown_deadline: Duration::from_secs(5),
        ..Timeouts::default()
    })
    .await;
    let body = br#"{"email":"nobody@example.com","password":"wrong password"}"#;
    let head = format!(
        "POST /api/session HTTP/1.1\r\nHost: test\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    let mut stream = connect(&app).await;
    stream.write_all(head.as_bytes()).await.expect("write");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let _ = app.shutdown.take().expect("shutdown handle").send(());
    tokio::time::sleep(Duration::from_millis(200)).await;
    // The rest of the body, after the signal but within the deadline.
    stream.write_all(body).await.expect("write the body");
    let (status, head) = read_head(&mut stream, Duration::from_secs(5))
        .await
        .expect("an answer");
    assert_eq!(status, 401, "{head}");
    assert!(
        head.to_ascii_lowercase().contains("connection: close"),
        "told the connection ends: {head}"
    );
    let served = app.served.take().expect("serve loop");
    let result = tokio::time::timeout(Duration::from_secs(5), served).await;
    assert!(matches!(result, Ok(Ok(Ok(())))), "{result:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_exits_within_its_deadline_after_sigterm() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("kit.db").display());
    let mut server = ServerProcess::start(&url, dir.path());
    let mut stream = TcpStream::connect(authority(&server.base))
        .await
        .expect("connect");
    stream.write_all(HALF_A_REQUEST).await.expect("write");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let started = Instant::now();
    server.terminate();
    let status = server.exited_within(Duration::from_secs(20)).await;
    let took = started.elapsed();
    eprintln!("hiring-kit exited {took:?} after SIGTERM with a half-sent request open");
    assert!(status.success(), "{status:?}");
    // The default deadline is 10 s; allow for a slow machine.
    assert!(took < Duration::from_secs(13), "{took:?}");
}

/// Sixteen requests on their way when SIGTERM arrives (headers sent, the
/// body still coming) are every one answered before the process exits: it
/// stops accepting, finishes what is in flight, then exits.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_request_in_flight_at_sigterm_is_answered() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("kit.db").display());
    let mut server = ServerProcess::start(&url, dir.path());
    let body = br#"{"email":"nobody@example.com","password":"wrong password"}"#;
    let head = format!(
        "POST /api/session HTTP/1.1\r\nHost: test\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    let mut streams = Vec::new();
    for _ in 0..16 {
        let mut stream = TcpStream::connect(authority(&server.base))
            .await
            .expect("connect");
        stream.write_all(head.as_bytes()).await.expect("write");
        stream.write_all(&body[..10]).await.expect("write");
        streams.push(stream);
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    server.terminate();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let answers = streams.into_iter().map(|mut stream| {
        tokio::spawn(async move {
            stream
                .write_all(&body[10..])
                .await
                .expect("the rest of the body");
            read_head(&mut stream, Duration::from_secs(10)).await
        })
    });
    let mut statuses = Vec::new();
    for answer in answers.collect::<Vec<_>>() {
        statuses.push(answer.await.expect("task").map(|(status, _)| status));
    }
    assert!(
        statuses.iter().all(|s| matches!(s, Some(401) | Some(429))),
        "every request answered (a wrong password, or slowed down): {statuses:?}"
    );
    let status = server.exited_within(Duration::from_secs(20)).await;
    assert!(status.success(), "{status:?}");
}

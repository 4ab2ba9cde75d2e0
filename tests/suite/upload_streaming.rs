//! Uploads are streamed with their cap enforced while reading: a body of
//! unknown length is cut off at the cap with 413 and leaves nothing behind,
//! a declared Content-Length over the cap is refused before the body is
//! read, and concurrent large uploads do not pile up in the server's memory.

use crate::on_both_databases;
use crate::support::applications::{apply, kit_of, open_requisition, stored_files, PDF, WEBM};
use crate::support::process::ServerProcess;
use crate::support::raw::{authority, read_head};
use crate::support::TestApp;
use app::db::candidate_files;
use app::domain::upload::{MAX_RESUME_BYTES, MAX_VIDEO_BYTES};
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

const BOUNDARY: &str = "XtestBoundaryX";
const MIB: usize = 1024 * 1024;

/// What came of a streamed upload.
#[derive(Debug)]
struct Streamed {
    /// The answer's status, if one came.
    status: Option<u16>,
    head: String,
    /// Bytes of the file the client managed to send.
    sent: usize,
}

/// Posts a multipart form with one file (`first` then zeros up to
/// `file_len`) as a chunked body with no Content-Length, generated on the
/// fly, while reading the answer.
async fn stream_upload(
    authority: &str,
    path: &str,
    field: &str,
    first: &[u8],
    file_len: usize,
) -> Streamed {
    let stream = TcpStream::connect(authority).await.expect("connect");
    let (mut reader, mut writer) = stream.into_split();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: test\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    let part_head = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"file.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    );
    let first = first.to_vec();
    let sender = tokio::spawn(async move {
        let chunk = |data: &[u8]| {
            let mut out = format!("{:x}\r\n", data.len()).into_bytes();
            out.extend_from_slice(data);
            out.extend_from_slice(b"\r\n");
            out
        };
        let mut sent = 0usize;
        if writer.write_all(head.as_bytes()).await.is_err() {
            return sent;
        }
        let mut opening = part_head.into_bytes();
        opening.extend_from_slice(&first);
        if writer.write_all(&chunk(&opening)).await.is_err() {
            return sent;
        }
        sent += first.len();
        let zeros = vec![0u8; 64 * 1024];
        while sent < file_len {
            let n = zeros.len().min(file_len - sent);
            if writer.write_all(&chunk(&zeros[..n])).await.is_err() {
                return sent;
            }
            sent += n;
        }
        let closing = format!("\r\n--{BOUNDARY}--\r\n");
        let _ = writer.write_all(&chunk(closing.as_bytes())).await;
        let _ = writer.write_all(b"0\r\n\r\n").await;
        // Keep the write half open until the answer is read.
        tokio::time::sleep(Duration::from_secs(30)).await;
        sent
    });
    let answer = read_head(&mut reader, Duration::from_secs(120)).await;
    // The sender is done (or stuck on a closed connection): how far it got.
    let sent = match tokio::time::timeout(Duration::from_secs(2), async {
        loop {
            if sender.is_finished() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    {
        Ok(()) => sender.await.unwrap_or(0),
        Err(_) => {
            sender.abort();
            file_len
        }
    };
    let (status, head) = match answer {
        Some((status, head)) => (Some(status), head),
        None => (None, String::new()),
    };
    Streamed { status, head, sent }
}

async fn chunked_over_the_cap_is_refused_while_streaming(app: TestApp) {
    let id = open_requisition(&app).await;
    let page = apply(&app, &id, "st@example.com", None).await;
    let candidate_id = {
        let mut parts = page.trim_start_matches("/apply/").split('/');
        let (rid, token) = (parts.next().unwrap(), parts.next().unwrap());
        app::db::candidates::by_token(&app.db, &rid.into(), token)
            .await
            .unwrap()
            .expect("candidate")
            .id
    };
    // 40 MB behind a PDF header, to a slot that takes 5 MB, with no length.
    let total = 40 * MIB;
    let result = stream_upload(
        &authority(&app.base),
        &format!("{page}/resume"),
        "resume",
        PDF,
        total,
    )
    .await;
    assert_eq!(result.status, Some(413), "{result:?}");
    assert!(
        result.sent < total,
        "the server stopped reading: {result:?}"
    );
    assert!(
        candidate_files::list(&app.db, &candidate_id)
            .await
            .unwrap()
            .is_empty(),
        "nothing recorded"
    );
    assert!(
        stored_files(&app).await.is_empty(),
        "nothing left on disk: {:?}",
        stored_files(&app).await
    );

    // The same file within the cap is stored.
    let result = stream_upload(
        &authority(&app.base),
        &format!("{page}/resume"),
        "resume",
        PDF,
        MAX_RESUME_BYTES,
    )
    .await;
    assert_eq!(result.status, Some(303), "{result:?}");
    assert!(result.head.contains("saved=resume"), "{}", result.head);
    let files = candidate_files::list(&app.db, &candidate_id).await.unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].size_bytes, MAX_RESUME_BYTES as i64);
    assert_eq!(
        stored_files(&app).await.len(),
        1,
        "{:?}",
        stored_files(&app).await
    );
}
on_both_databases!(
    upload_cap_while_streaming,
    chunked_over_the_cap_is_refused_while_streaming
);

async fn a_declared_length_over_the_cap_is_refused_at_once(app: TestApp) {
    let id = open_requisition(&app).await;
    let kit = kit_of(&app, &id).await;
    let page = apply(&app, &id, "cl@example.com", None).await;
    let prompt = &kit.application.video_prompts[0].id;
    for (path, length) in [
        (format!("{page}/resume"), MAX_RESUME_BYTES + MIB),
        (format!("{page}/videos/{prompt}"), MAX_VIDEO_BYTES + MIB),
    ] {
        let mut stream = TcpStream::connect(authority(&app.base))
            .await
            .expect("connect");
        // The headers only: the answer must come without a byte of body.
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: test\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {length}\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).await.expect("write");
        let (status, text) = read_head(&mut stream, Duration::from_secs(5))
            .await
            .expect("an answer before any body");
        assert_eq!(status, 413, "{path}: {text}");
    }
    assert!(stored_files(&app).await.is_empty());
}
on_both_databases!(
    upload_declared_length_over_cap,
    a_declared_length_over_the_cap_is_refused_at_once
);

/// The measurement, on the real binary: concurrent video uploads
/// (over the cap and within it) must not add up in the server's memory.
/// Before streaming, 8 concurrent 50 MB uploads took it from 190 to 508 MB.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_large_uploads_do_not_pile_up_in_memory() {
    // The application is set up through the in-process app; the binary
    // then serves the same SQLite database and data folder.
    let app = crate::support::spawn_app(crate::support::Backend::Sqlite).await;
    let id = open_requisition(&app).await;
    let kit = kit_of(&app, &id).await;
    let prompt = kit.application.video_prompts[0].id.clone();
    let mut pages = Vec::new();
    for i in 0..8 {
        pages.push(apply(&app, &id, &format!("mem{i}@example.com"), None).await);
    }
    let server = ServerProcess::start(&app.db_url, app.data_dir());
    let before = server.peak_rss_mib();

    let over = (MAX_VIDEO_BYTES + 10 * MIB, 413);
    let within = (20 * MIB, 303);
    for (file_len, expected) in [over, within] {
        let uploads = pages.iter().map(|page| {
            let authority = authority(&server.base);
            let path = format!("{page}/videos/{prompt}");
            tokio::spawn(
                async move { stream_upload(&authority, &path, "video", WEBM, file_len).await },
            )
        });
        let results: Vec<Streamed> = futures_join(uploads.collect()).await;
        for result in &results {
            assert_eq!(result.status, Some(expected), "{result:?}");
            if expected == 303 {
                assert!(result.head.contains("saved=video"), "{}", result.head);
            }
        }
    }
    let after = server.peak_rss_mib();
    eprintln!(
        "hiring-kit peak RSS: {before} MiB after start, {after} MiB after 8 concurrent \
         {} MiB (over the cap) then 8 concurrent {} MiB video uploads",
        over.0 / MIB,
        within.0 / MIB
    );
    assert_eq!(
        stored_files(&app).await.len(),
        8,
        "one video per application, no leftovers: {:?}",
        stored_files(&app).await
    );
    // Holding the files would add 400 MiB; streaming holds a few chunks.
    assert!(
        after.saturating_sub(before) < 100,
        "peak RSS grew from {before} to {after} MiB"
    );
}

async fn futures_join<T: Send + 'static>(handles: Vec<tokio::task::JoinHandle<T>>) -> Vec<T> {
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.expect("upload task"));
    }
    out
}

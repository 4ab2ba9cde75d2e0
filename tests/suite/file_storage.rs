//! Uploaded files live in the database (issue 12): what goes in comes out
//! byte for byte, in whole or by range, through any server on the same
//! database; many uploads at once are all stored; the same slot uploaded
//! twice at once keeps one file and answers both normally; files an older
//! version kept on disk move in at start, once, losing nothing.

use crate::on_both_databases;
use crate::support::applications::{
    apply, candidate_at, kit_of, open_requisition, stored_files, upload, PDF,
};
use crate::support::{
    each_database_with, postgres_admin_url, spawn_app, spawn_app_sharing, Backend, Serving, TestApp,
};
use app::db::candidate_files::{self, CHUNK_BYTES};
use app::domain::keys::RequisitionId;
use std::time::Instant;

/// A PDF (by its header) of `len` bytes whose every position differs from
/// its neighbours', so a misplaced chunk or range cannot go unnoticed.
fn pdf_of(len: usize, seed: u64) -> Vec<u8> {
    let mut bytes = PDF.to_vec();
    let mut x = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    while bytes.len() < len {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        bytes.push((x >> 56) as u8);
    }
    bytes.truncate(len);
    bytes
}

async fn get_file(
    client: &reqwest::Client,
    url: &str,
    headers: &[(&str, &str)],
) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let mut request = client.get(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let res = request.send().await.expect("request");
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    (status, headers, res.bytes().await.expect("body").to_vec())
}

/// Applies and uploads `bytes` as the resume; returns the file's id.
async fn resume_of(
    app: &TestApp,
    requisition: &RequisitionId,
    email: &str,
    bytes: Vec<u8>,
) -> String {
    let page = apply(app, requisition, email, None).await;
    let res = upload(app, &format!("{page}/resume"), "resume", "cv.pdf", bytes).await;
    assert_eq!(res.status(), 303);
    let candidate = candidate_at(app, &page).await;
    let files = candidate_files::list(&app.db, &candidate.id).await.unwrap();
    assert_eq!(files.len(), 1);
    files[0].id.clone()
}

async fn files_come_back_whole_and_by_range(app: TestApp) {
    let id = open_requisition(&app).await;
    // Three chunks and a bit.
    let len = 3 * CHUNK_BYTES + 1234;
    let bytes = pdf_of(len, 1);
    let file_id = resume_of(&app, &id, "range@example.com", bytes.clone()).await;
    let chunks: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM file_chunks WHERE file_id = $1")
        .bind(&file_id)
        .fetch_one(&app.db.pool)
        .await
        .unwrap();
    assert_eq!(chunks.0, 4, "cut into 256 KiB chunks");
    assert!(
        !app.data_dir().join("uploads").exists(),
        "nothing written to the data directory"
    );
    let url = app.url(&format!("/files/{file_id}"));

    let (status, h, body) = get_file(&app.client, &url, &[]).await;
    assert_eq!(status, 200);
    assert_eq!(body, bytes, "byte for byte");
    assert_eq!(h["accept-ranges"], "bytes");
    assert_eq!(h["content-length"], len.to_string().as_str());
    assert_eq!(h["content-type"], "application/pdf");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(
        h["content-security-policy"],
        "sandbox; default-src 'none'; media-src 'self'"
    );
    assert!(h["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment;"));

    let c = CHUNK_BYTES;
    let n = len as u64;
    for (range, start, end) in [
        ("bytes=0-0".to_string(), 0, 0),
        ("bytes=0-9".to_string(), 0, 9),
        // Across a chunk boundary, and across two.
        (format!("bytes={}-{}", c - 5, c + 4), c - 5, c + 4),
        (format!("bytes={}-{}", c - 1, 2 * c + 1), c - 1, 2 * c + 1),
        // The last chunk alone; open-ended; a suffix; past the end.
        (format!("bytes={}-", 3 * c), 3 * c, len - 1),
        (format!("bytes={}-", len - 1), len - 1, len - 1),
        ("bytes=-100".to_string(), len - 100, len - 1),
        (format!("bytes=-{}", 10 * len), 0, len - 1),
        (format!("bytes=100-{}", 10 * len), 100, len - 1),
    ] {
        let (status, h, body) = get_file(&app.client, &url, &[("range", &range)]).await;
        assert_eq!(status, 206, "{range}");
        assert_eq!(
            h["content-range"],
            format!("bytes {start}-{end}/{n}").as_str(),
            "{range}"
        );
        assert_eq!(
            h["content-length"],
            (end - start + 1).to_string().as_str(),
            "{range}"
        );
        assert_eq!(h["accept-ranges"], "bytes");
        assert_eq!(body, &bytes[start..=end], "{range}");
    }

    for range in [
        format!("bytes={len}-"),
        "bytes=-0".to_string(),
        format!("bytes={}-{}", len + 5, len + 9),
    ] {
        let (status, h, body) = get_file(&app.client, &url, &[("range", &range)]).await;
        assert_eq!(status, 416, "{range}");
        assert_eq!(
            h["content-range"],
            format!("bytes */{n}").as_str(),
            "{range}"
        );
        assert!(body.is_empty());
    }

    // Malformed, several ranges, another unit, or If-Range (we keep no
    // validator it could match): the whole file.
    for headers in [
        vec![("range", "bytes=5-2")],
        vec![("range", "bytes=abc")],
        vec![("range", "items=0-1")],
        vec![("range", "bytes=0-1,5-6")],
        vec![("range", "bytes=0-1"), ("if-range", "\"x\"")],
    ] {
        let (status, h, body) = get_file(&app.client, &url, &headers).await;
        assert_eq!(status, 200, "{headers:?}");
        assert!(h.get("content-range").is_none());
        assert_eq!(body.len(), len, "{headers:?}");
    }

    // A range reads only the chunks it overlaps: with the first three
    // gone, the last one is still served.
    sqlx::query("DELETE FROM file_chunks WHERE file_id = $1 AND seq < 3")
        .bind(&file_id)
        .execute(&app.db.pool)
        .await
        .unwrap();
    let range = format!("bytes={}-{}", 3 * c + 10, 3 * c + 20);
    let (status, _, body) = get_file(&app.client, &url, &[("range", &range)]).await;
    assert_eq!(status, 206);
    assert_eq!(body, &bytes[3 * c + 10..=3 * c + 20]);

    // Still only for people on the requisition.
    let outsider = app
        .client_as(app::domain::accounts::Role::Recruiter, "out@example.com")
        .await;
    let (status, _, _) = get_file(&outsider, &url, &[("range", "bytes=0-9")]).await;
    assert_eq!(status, 403);
}
on_both_databases!(
    files_in_database_whole_and_ranges,
    files_come_back_whole_and_by_range
);

/// Two servers on one database, each with its own data directory: a file
/// uploaded through one is read through the other, seeking included.
async fn two_servers_share_every_file(backend: Backend) {
    let a = spawn_app(backend).await;
    let b = spawn_app_sharing(&a).await;
    assert_ne!(a.data_dir(), b.data_dir());
    let id = open_requisition(&a).await;
    let bytes = pdf_of(CHUNK_BYTES + 5000, 2);
    let file_id = resume_of(&a, &id, "shared@example.com", bytes.clone()).await;

    let url = b.url(&format!("/files/{file_id}"));
    let (status, _, body) = get_file(&b.client, &url, &[]).await;
    assert_eq!(status, 200, "served by the other instance");
    assert_eq!(body, bytes);
    let start = CHUNK_BYTES - 10;
    let (status, h, body) =
        get_file(&b.client, &url, &[("range", &format!("bytes={start}-"))]).await;
    assert_eq!(status, 206);
    assert_eq!(
        h["content-range"],
        format!("bytes {start}-{}/{}", bytes.len() - 1, bytes.len()).as_str()
    );
    assert_eq!(body, &bytes[start..]);

    // And the other way round, after a replacement through B.
    let kit = kit_of(&b, &id).await;
    let page = apply(&b, &id, "other-way@example.com", None).await;
    let prompt = &kit.application.video_prompts[0].id;
    let video = crate::support::webm::media_recorder_webm(40);
    let res = upload(
        &b,
        &format!("{page}/videos/{prompt}"),
        "video",
        "a.webm",
        video,
    )
    .await;
    assert_eq!(res.status(), 303);
    let candidate = candidate_at(&b, &page).await;
    let files = candidate_files::list(&a.db, &candidate.id).await.unwrap();
    let (status, _, body) = get_file(
        &a.client,
        &a.url(&format!("/files/{}", files[0].id)),
        &[("range", "bytes=0-3")],
    )
    .await;
    assert_eq!(status, 206);
    assert_eq!(body, [0x1A, 0x45, 0xDF, 0xA3]);
    for app in [&a, &b] {
        assert!(
            !app.data_dir().join("uploads").exists(),
            "no instance keeps files of its own"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_postgres_database_share_files() {
    if postgres_admin_url().is_none() {
        return;
    }
    two_servers_share_every_file(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_on_one_sqlite_database_share_files() {
    two_servers_share_every_file(Backend::Sqlite).await;
}

/// The load: sixty applicants uploading at the same moment.
async fn sixty_uploads_at_once_are_all_stored(app: TestApp) {
    const N: usize = 60;
    // Each at the resume's cap: the longest write a resume makes.
    const LEN: usize = app::domain::upload::MAX_RESUME_BYTES;
    let id = open_requisition(&app).await;
    let mut pages = Vec::new();
    for i in 0..N {
        pages.push(apply(&app, &id, &format!("load{i}@example.com"), None).await);
    }
    let app = std::sync::Arc::new(app);
    let started = Instant::now();
    let uploads: Vec<_> = pages
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let app = app.clone();
            let page = page.clone();
            let bytes = pdf_of(LEN, 100 + i as u64);
            tokio::spawn(async move {
                let res = upload(&app, &format!("{page}/resume"), "resume", "cv.pdf", bytes).await;
                let status = res.status().as_u16();
                let location = res
                    .headers()
                    .get("location")
                    .map(|l| l.to_str().unwrap_or_default().to_string())
                    .unwrap_or_default();
                let body = res.text().await.unwrap_or_default();
                (status, location, body)
            })
        })
        .collect();
    let mut answers = Vec::new();
    for u in uploads {
        answers.push(u.await.expect("upload task"));
    }
    let elapsed = started.elapsed();
    for (i, (status, location, body)) in answers.iter().enumerate() {
        assert_eq!(*status, 303, "upload {i}: {body}");
        assert!(
            location.ends_with("?saved=resume"),
            "upload {i}: {location}"
        );
    }
    eprintln!(
        "{N} concurrent {} MiB resume uploads on {}: all stored in {:.2} s",
        LEN / (1024 * 1024),
        app.db.backend.name(),
        elapsed.as_secs_f64()
    );
    for (i, page) in pages.iter().enumerate() {
        let candidate = candidate_at(&app, page).await;
        let files = candidate_files::list(&app.db, &candidate.id).await.unwrap();
        assert_eq!(files.len(), 1, "applicant {i}");
        let (status, _, body) = get_file(
            &app.client,
            &app.url(&format!("/files/{}", files[0].id)),
            &[],
        )
        .await;
        assert_eq!(status, 200);
        assert!(
            body == pdf_of(LEN, 100 + i as u64),
            "applicant {i}'s own bytes"
        );
    }
    assert_eq!(stored_files(&app).await.len(), N);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_concurrent_uploads() {
    each_database_with(Serving::unthrottled, sixty_uploads_at_once_are_all_stored).await;
}

/// A double click, or two tabs: the same slot uploaded twice at once. Both
/// answers are the normal one, and the slot keeps one whole file.
async fn the_same_slot_twice_at_once_keeps_one_file(app: TestApp) {
    let id = open_requisition(&app).await;
    let kit = kit_of(&app, &id).await;
    let prompt = kit.application.video_prompts[0].id.clone();
    let app = std::sync::Arc::new(app);
    for round in 0..10u64 {
        let page = apply(&app, &id, &format!("twice{round}@example.com"), None).await;
        let candidate = candidate_at(&app, &page).await;
        let first = pdf_of(CHUNK_BYTES + 100, 1000 + round);
        let second = pdf_of(CHUNK_BYTES + 200, 2000 + round);
        let video_one = crate::support::webm::media_recorder_webm(10 + round as i16);
        let video_two = crate::support::webm::media_recorder_webm(20 + round as i16);
        let send = |url: String, field: &'static str, bytes: Vec<u8>| {
            let app = app.clone();
            tokio::spawn(async move {
                let res = upload(&app, &url, field, "f", bytes).await;
                let status = res.status().as_u16();
                let location = res
                    .headers()
                    .get("location")
                    .map(|l| l.to_str().unwrap_or_default().to_string())
                    .unwrap_or_default();
                (status, location)
            })
        };
        let resume_url = format!("{page}/resume");
        let video_url = format!("{page}/videos/{prompt}");
        let tasks = [
            send(resume_url.clone(), "resume", first.clone()),
            send(resume_url, "resume", second.clone()),
            send(video_url.clone(), "video", video_one.clone()),
            send(video_url, "video", video_two.clone()),
        ];
        for (i, task) in tasks.into_iter().enumerate() {
            let (status, location) = task.await.expect("upload task");
            assert_eq!(status, 303, "round {round}, upload {i}");
            let saved = if i < 2 {
                "?saved=resume"
            } else {
                "?saved=video"
            };
            assert!(
                location.contains(saved),
                "round {round}, upload {i}: {location}"
            );
        }
        let files = candidate_files::list(&app.db, &candidate.id).await.unwrap();
        assert_eq!(files.len(), 2, "one resume and one video: {files:?}");
        for f in &files {
            let (status, _, body) =
                get_file(&app.client, &app.url(&format!("/files/{}", f.id)), &[]).await;
            assert_eq!(status, 200);
            if f.kind == "resume" {
                assert!(body == first || body == second, "one of the two, whole");
            } else {
                assert_eq!(body.len(), video_one.len() + 11, "with its Duration");
                assert!(f.duration_ms.is_some());
            }
        }
    }
    // The replaced files' chunks went with them.
    let stored = stored_files(&app).await;
    assert_eq!(stored.len(), 20, "{stored:?}");
}
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn same_slot_twice_at_once() {
    each_database_with(
        Serving::unthrottled,
        the_same_slot_twice_at_once_keeps_one_file,
    )
    .await;
}

/// Files an older version wrote under data/uploads move into the database
/// at start: once, one transaction each, the disk copy deleted after; a
/// record whose file is not here is left as it is.
async fn disk_files_move_in_once(app: TestApp) {
    let id = open_requisition(&app).await;
    let kit = kit_of(&app, &id).await;
    let page = apply(&app, &id, "legacy@example.com", None).await;
    let candidate = candidate_at(&app, &page).await;
    let legacy_dir = app.data_dir().join("uploads");
    std::fs::create_dir_all(&legacy_dir).unwrap();

    // As the older version stored them: a record naming a file on disk.
    let bytes = pdf_of(2 * CHUNK_BYTES + 77, 3);
    let moved_id = app::db::new_id();
    let moved_name = app::db::new_id();
    std::fs::write(legacy_dir.join(&moved_name), &bytes).unwrap();
    let missing_id = app::db::new_id();
    for (file_id, kind, prompt, name, size) in [
        (&moved_id, "resume", "", &moved_name, bytes.len()),
        (
            &missing_id,
            "video",
            kit.application.video_prompts[0].id.as_str(),
            &app::db::new_id(),
            1000,
        ),
    ] {
        sqlx::query(
            "INSERT INTO candidate_files (id, candidate_id, kind, prompt_id, content_type, \
             original_name, size_bytes, stored_name, created_at) \
             VALUES ($1, $2, $3, $4, 'application/pdf', 'old.pdf', $5, $6, '2026-01-01T00:00:00.000Z')",
        )
        .bind(file_id)
        .bind(&candidate.id)
        .bind(kind)
        .bind(prompt)
        .bind(size as i64)
        .bind(name)
        .execute(&app.db.pool)
        .await
        .unwrap();
    }

    // Before the move the file is still served, from disk.
    let url = app.url(&format!("/files/{moved_id}"));
    let (status, _, body) = get_file(&app.client, &url, &[("range", "bytes=10-19")]).await;
    assert_eq!(status, 206);
    assert_eq!(body, &bytes[10..20]);

    let moved = server::storage::move_disk_files_in(&app.db, app.data_dir())
        .await
        .unwrap();
    assert_eq!(
        moved,
        server::storage::Moved {
            moved: 1,
            missing: 1,
            failed: 0
        }
    );
    assert!(
        !legacy_dir.join(&moved_name).exists(),
        "the disk copy is deleted once the bytes are in"
    );
    let (status, _, body) = get_file(&app.client, &url, &[]).await;
    assert_eq!(status, 200);
    assert_eq!(body, bytes, "nothing lost");
    let (status, _, body) = get_file(&app.client, &url, &[("range", "bytes=-5")]).await;
    assert_eq!(status, 206);
    assert_eq!(body, &bytes[bytes.len() - 5..]);
    let (content_in, stored_name): (String, String) =
        sqlx::query_as("SELECT content_in, stored_name FROM candidate_files WHERE id = $1")
            .bind(&moved_id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(
        (content_in.as_str(), stored_name.as_str()),
        ("database", "")
    );
    let (content_in,): (String,) =
        sqlx::query_as("SELECT content_in FROM candidate_files WHERE id = $1")
            .bind(&missing_id)
            .fetch_one(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(
        content_in, "disk",
        "a file not here is left for whoever has it"
    );

    // Once: the next start moves nothing and changes nothing.
    let again = server::storage::move_disk_files_in(&app.db, app.data_dir())
        .await
        .unwrap();
    assert_eq!(
        again,
        server::storage::Moved {
            moved: 0,
            missing: 1,
            failed: 0
        }
    );
    let (_, _, body) = get_file(&app.client, &url, &[]).await;
    assert_eq!(body, bytes);

    // A stop between a move's commit and the deletion leaves a copy: the
    // next start deletes it.
    let leftover = app::db::new_id();
    std::fs::create_dir_all(&legacy_dir).unwrap();
    std::fs::write(legacy_dir.join(&leftover), b"old copy").unwrap();
    sqlx::query("UPDATE candidate_files SET stored_name = $1 WHERE id = $2")
        .bind(&leftover)
        .bind(&moved_id)
        .execute(&app.db.pool)
        .await
        .unwrap();
    server::storage::move_disk_files_in(&app.db, app.data_dir())
        .await
        .unwrap();
    assert!(!legacy_dir.join(&leftover).exists());
    let (_, _, body) = get_file(&app.client, &url, &[]).await;
    assert_eq!(body, bytes, "the database's bytes, not the copy's");

    // The emptied folder goes too.
    assert!(!legacy_dir.exists());
}
on_both_databases!(legacy_disk_files_move_in, disk_files_move_in_once);

/// A recording as MediaRecorder writes it is stored with its Duration and
/// length; recruiters see the answers in the kit's order, labelled with
/// the question and the length.
async fn recordings_get_their_duration(app: TestApp) {
    let id = open_requisition(&app).await;
    let kit = kit_of(&app, &id).await;
    assert!(
        kit.application.video_prompts.len() >= 2,
        "two prompts at least"
    );
    let page = apply(&app, &id, "rec@example.com", None).await;
    let candidate = candidate_at(&app, &page).await;
    // Upload the answers last prompt first, so storage order is not kit order.
    for (i, p) in kit.application.video_prompts.iter().enumerate().rev() {
        let video = crate::support::webm::media_recorder_webm(100 + i as i16);
        let res = upload(
            &app,
            &format!("{page}/videos/{}", p.id),
            "video",
            "a.webm",
            video,
        )
        .await;
        assert_eq!(res.status(), 303);
    }
    // An MP4 from a phone is kept as it is, without a length.
    let mp4 = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41rest".to_vec();
    let last = kit.application.video_prompts.last().unwrap();
    let res = upload(
        &app,
        &format!("{page}/videos/{}", last.id),
        "video",
        "p.mp4",
        mp4.clone(),
    )
    .await;
    assert_eq!(res.status(), 303);

    let files = candidate_files::list(&app.db, &candidate.id).await.unwrap();
    let first = kit.application.video_prompts[0].id.as_str();
    let recorded = files.iter().find(|f| f.prompt_id == first).unwrap();
    // Clusters at 0 and 1000 ms; the last block 1000 + 100 ms.
    assert_eq!(recorded.duration_ms, Some(1100));
    let (_, _, body) = get_file(
        &app.client,
        &app.url(&format!("/files/{}", recorded.id)),
        &[],
    )
    .await;
    let analysis = app::domain::webm::analyse(std::io::Cursor::new(&body)).unwrap();
    assert_eq!(analysis.stated_duration, Some(1100.0));
    assert_eq!(recorded.size_bytes as usize, body.len());
    let phone = files.iter().find(|f| f.prompt_id == last.id).unwrap();
    assert_eq!(phone.duration_ms, None);
    let (_, _, body) = get_file(&app.client, &app.url(&format!("/files/{}", phone.id)), &[]).await;
    assert_eq!(body, mp4, "stored unchanged");

    let (status, html) = app.get_text(&format!("/candidates/{}", candidate.id)).await;
    assert_eq!(status, 200);
    let mut at = 0;
    for p in &kit.application.video_prompts {
        let found = html[at..]
            .find(&format!("data-prompt=\"{}\"", p.id))
            .unwrap_or_else(|| panic!("{} after the previous answer", p.id));
        at += found;
        let figure = &html[at..at + html[at..].find("</figure>").unwrap()];
        let label = html_escape::encode_text(&p.prompt).to_string();
        assert!(
            figure.contains(&label),
            "labelled with the question: {figure}"
        );
        if p.id == first {
            assert!(figure.contains("0:01"), "with its length: {figure}");
        }
    }
}
on_both_databases!(
    recorded_videos_get_a_duration,
    recordings_get_their_duration
);

/// The real binary moves the files in before it listens, and clears what
/// a killed server left half-received.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_moves_disk_files_in_at_start() {
    let app = spawn_app(Backend::Sqlite).await;
    let id = open_requisition(&app).await;
    let page = apply(&app, &id, "startup@example.com", None).await;
    let candidate = candidate_at(&app, &page).await;
    let legacy_dir = app.data_dir().join("uploads");
    std::fs::create_dir_all(&legacy_dir).unwrap();
    let bytes = pdf_of(CHUNK_BYTES + 3, 4);
    let (file_id, name) = (app::db::new_id(), app::db::new_id());
    std::fs::write(legacy_dir.join(&name), &bytes).unwrap();
    sqlx::query(
        "INSERT INTO candidate_files (id, candidate_id, kind, prompt_id, content_type, \
         original_name, size_bytes, stored_name, created_at) \
         VALUES ($1, $2, 'resume', '', 'application/pdf', 'old.pdf', $3, $4, '2026-01-01T00:00:00.000Z')",
    )
    .bind(&file_id)
    .bind(&candidate.id)
    .bind(bytes.len() as i64)
    .bind(&name)
    .execute(&app.db.pool)
    .await
    .unwrap();
    let staging = app.data_dir().join("staging");
    std::fs::create_dir_all(&staging).unwrap();
    std::fs::write(staging.join(".0123.part"), b"half an upload").unwrap();

    let server = crate::support::process::ServerProcess::start(&app.db_url, app.data_dir());
    assert!(!legacy_dir.exists(), "moved in and the folder removed");
    assert!(
        !staging.join(".0123.part").exists(),
        "the staged part is gone"
    );
    let client = app.anonymous();
    let res = client
        .post(format!("{}/api/session", server.base))
        .json(&serde_json::json!({ "email": "admin@example.com", "password": crate::support::PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let (status, _, body) =
        get_file(&client, &format!("{}/files/{file_id}", server.base), &[]).await;
    assert_eq!(status, 200);
    assert_eq!(body, bytes);
}

/// A video at the 50 MB cap goes in as 200 chunks in one transaction and
/// comes back whole, and a seek near its end reads only the last chunk.
async fn a_video_at_the_cap_round_trips(app: TestApp) {
    let id = open_requisition(&app).await;
    let kit = kit_of(&app, &id).await;
    let page = apply(&app, &id, "big@example.com", None).await;
    let prompt = &kit.application.video_prompts[0].id;
    // An MP4 by its header (stored as sent), then distinct bytes.
    let mut video = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41".to_vec();
    video.extend(pdf_of(
        app::domain::upload::MAX_VIDEO_BYTES - video.len(),
        9,
    ));
    let started = Instant::now();
    let res = upload(
        &app,
        &format!("{page}/videos/{prompt}"),
        "video",
        "big.mp4",
        video.clone(),
    )
    .await;
    assert_eq!(res.status(), 303);
    let stored_in = started.elapsed();
    let candidate = candidate_at(&app, &page).await;
    let files = candidate_files::list(&app.db, &candidate.id).await.unwrap();
    let url = app.url(&format!("/files/{}", files[0].id));
    let started = Instant::now();
    let (status, _, body) = get_file(&app.client, &url, &[]).await;
    let read_in = started.elapsed();
    assert_eq!(status, 200);
    assert!(body == video, "byte for byte");
    let started = Instant::now();
    let (status, _, body) = get_file(&app.client, &url, &[("range", "bytes=-65536")]).await;
    let seek_in = started.elapsed();
    assert_eq!(status, 206);
    assert!(body == video[video.len() - 65536..]);
    eprintln!(
        "50 MiB video on {}: upload and store {:.2} s, download {:.2} s, last 64 KiB {:.1} ms",
        app.db.backend.name(),
        stored_in.as_secs_f64(),
        read_in.as_secs_f64(),
        seek_in.as_secs_f64() * 1000.0
    );
}
on_both_databases!(video_at_the_cap_round_trips, a_video_at_the_cap_round_trips);

use crate::on_both_databases;
use crate::support::TestApp;
use app::db::rubric_snapshots;

async fn the_loaded_library_is_stored_once_under_its_version(app: TestApp) {
    let library = crate::support::library();
    assert_eq!(
        rubric_snapshots::versions(&app.db).await.unwrap(),
        vec![library.version.clone()]
    );
    // A restart with the same library stores nothing new.
    assert!(!rubric_snapshots::record(&app.db, &library).await.unwrap());
    // An edited library is a new version, kept beside the old one.
    let mut edited = (*library).clone();
    edited.version = "edited000000".into();
    assert!(rubric_snapshots::record(&app.db, &edited).await.unwrap());
    let versions = rubric_snapshots::versions(&app.db).await.unwrap();
    assert_eq!(versions.len(), 2);
    assert!(versions.contains(&library.version));
}
on_both_databases!(
    rubric_snapshots_are_kept,
    the_loaded_library_is_stored_once_under_its_version
);

async fn migrations_are_recorded_and_idempotent(app: TestApp) {
    let applied = || async {
        let rows: Vec<(i64,)> =
            sqlx::query_as("SELECT version FROM _sqlx_migrations ORDER BY version")
                .fetch_all(&app.db.pool)
                .await
                .unwrap();
        rows.into_iter().map(|r| r.0).collect::<Vec<_>>()
    };
    let before = applied().await;
    assert_eq!(before.first(), Some(&1));
    // A second server start on the same database runs the migrator again:
    // nothing is re-applied and the stored snapshot survives.
    let again = app::db::Db::connect(&app.db_url).await.expect("reconnect");
    assert_eq!(applied().await, before);
    assert_eq!(
        app::db::rubric_snapshots::versions(&again)
            .await
            .unwrap()
            .len(),
        1
    );
}
on_both_databases!(migrations_recorded, migrations_are_recorded_and_idempotent);

/// Migration 0008 rebuilds the candidates table on SQLite, where a table
/// constraint cannot be dropped. A database that already holds candidates,
/// and rows in every table that points at them, comes through whole: the
/// same rows, every reference still resolving, and the one-application-per-
/// email rule kept for first applications only.
#[tokio::test]
async fn the_sqlite_candidates_rebuild_keeps_every_row_and_reference() {
    use sqlx::any::AnyPoolOptions;
    let dir = tempfile::tempdir().unwrap();
    let before = dir.path().join("migrations-before-0008");
    std::fs::create_dir(&before).unwrap();
    let all = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations/sqlite");
    for entry in std::fs::read_dir(&all).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name().to_string_lossy().as_ref() < "0008" {
            std::fs::copy(entry.path(), before.join(entry.file_name())).unwrap();
        }
    }
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("old.db").display());
    sqlx::any::install_default_drivers();
    let pool = AnyPoolOptions::new()
        .max_connections(1)
        .after_connect(|conn, _| {
            Box::pin(async move {
                sqlx::Executor::execute(conn, "PRAGMA foreign_keys = ON").await?;
                Ok(())
            })
        })
        .connect(&url)
        .await
        .unwrap();
    sqlx::migrate::Migrator::new(before.as_path())
        .await
        .unwrap()
        .run(&pool)
        .await
        .unwrap();
    for statement in [
        "INSERT INTO rubric_snapshots VALUES ('v1', '2026-01-01T00:00:00.000Z', '{}')",
        "INSERT INTO users (id, email, role, password_hash, created_at) \
         VALUES ('u1', 'rec@example.com', 'recruiter', 'x', '2026-01-01T00:00:00.000Z')",
        "INSERT INTO requisitions (id, status, title, sub_role, level, outcome_json, jd_markdown, rubric_version, created_at) \
         VALUES ('r1', 'open', 'Partner manager', 'partner_manager', 'mid', '{}', '', 'v1', '2026-01-01T00:00:00.000Z')",
        "INSERT INTO candidates (id, requisition_id, name, email, phone, links_json, source, stage, stage_reason, \
         application_token, knockouts_json, submitted_at, created_at, updated_at) \
         VALUES ('c1', 'r1', 'Ada', 'ada@example.com', '', '[]', 'applied', 'screening', '', 'tok1', '[]', NULL, \
         '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z')",
        "INSERT INTO candidate_files (id, candidate_id, kind, prompt_id, content_type, original_name, size_bytes, stored_name, created_at) \
         VALUES ('f1', 'c1', 'resume', '', 'application/pdf', 'cv.pdf', 4, 'abc', '2026-01-02T00:00:00.000Z')",
        "INSERT INTO screenings (candidate_id, ratings_json, notes, decision, reason, screened_by, updated_at) \
         VALUES ('c1', '{}', 'strong', NULL, '', 'u1', '2026-01-03T00:00:00.000Z')",
    ] {
        sqlx::query(statement).execute(&pool).await.unwrap();
    }
    pool.close().await;

    let db = app::db::Db::connect(&url).await.expect("migrates");
    let c1 = app::db::candidates::get(&db, &"c1".into())
        .await
        .unwrap()
        .unwrap();
    assert_eq!((c1.name.as_str(), c1.repeat_of), ("Ada", None));
    let by_token = app::db::candidates::by_token(&db, &"r1".into(), "tok1")
        .await
        .unwrap();
    assert_eq!(by_token.map(|c| c.id.to_string()).as_deref(), Some("c1"));
    let files: Vec<(String,)> =
        sqlx::query_as("SELECT id FROM candidate_files WHERE candidate_id = 'c1'")
            .fetch_all(&db.pool)
            .await
            .unwrap();
    assert_eq!(files.len(), 1);
    let broken: Vec<(String,)> = sqlx::query_as("SELECT \"table\" FROM pragma_foreign_key_check")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    assert!(broken.is_empty(), "dangling references: {broken:?}");

    // First applications stay one per email; repeats may share it.
    let duplicate = "INSERT INTO candidates (id, requisition_id, name, email, phone, links_json, source, stage, \
         stage_reason, application_token, knockouts_json, submitted_at, created_at, updated_at, repeat_of) \
         VALUES ($1, 'r1', 'Ada', 'ada@example.com', '', '[]', 'applied', 'applying', '', NULL, '[]', NULL, \
         '2026-01-04T00:00:00.000Z', '2026-01-04T00:00:00.000Z', $2)";
    let first_again = sqlx::query(duplicate)
        .bind("c2")
        .bind(None::<String>)
        .execute(&db.pool)
        .await;
    assert!(first_again.is_err(), "a second first application");
    sqlx::query(duplicate)
        .bind("c3")
        .bind(Some("c1"))
        .execute(&db.pool)
        .await
        .expect("a repeat");
    // And the rebuilt table still refuses a reference to nobody.
    let orphan = sqlx::query(duplicate)
        .bind("c4")
        .bind(Some("nobody"))
        .execute(&db.pool)
        .await;
    assert!(orphan.is_err(), "repeat_of must name a candidate");
}

/// A frozen kit is decoded from its snapshot once, then shared: asking
/// again returns the very same kit, equal to one built from the library.
async fn a_frozen_kit_is_decoded_once_and_shared(app: TestApp) {
    use app::domain::{Level, SubRole};
    let library = crate::support::library();
    for sub_role in SubRole::ALL {
        for level in Level::ALL {
            let first = rubric_snapshots::kit(&app.db, &library.version, sub_role, level)
                .await
                .unwrap()
                .expect("stored");
            let again = rubric_snapshots::kit(&app.db, &library.version, sub_role, level)
                .await
                .unwrap()
                .expect("stored");
            assert!(
                std::sync::Arc::ptr_eq(&first, &again),
                "shared, not decoded again"
            );
            assert_eq!(*first, library.kit(sub_role, level).unwrap());
        }
    }
    let unknown = rubric_snapshots::kit(&app.db, "no-such-version", SubRole::ALL[0], Level::ALL[0])
        .await
        .unwrap();
    assert!(unknown.is_none());
}
on_both_databases!(frozen_kits_shared, a_frozen_kit_is_decoded_once_and_shared);

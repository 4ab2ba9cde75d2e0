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

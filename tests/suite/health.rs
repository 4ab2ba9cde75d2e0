use crate::on_both_databases;
use crate::support::TestApp;

async fn health_reports_the_database_and_rubric_version(app: TestApp) {
    let (status, body) = app.get_json("/api/health").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], app.db.backend.name());
    assert_eq!(
        body["rubric_version"],
        crate::support::library().version.as_str()
    );
    assert_eq!(body["rubric_version"].as_str().map(str::len), Some(12));
}
on_both_databases!(
    health_reports,
    health_reports_the_database_and_rubric_version
);

async fn unknown_api_paths_get_a_json_404(app: TestApp) {
    let (status, body) = app.get_json("/api/no-such-thing").await;
    assert_eq!(status, 404);
    assert!(
        body["error"]
            .as_str()
            .unwrap_or_default()
            .contains("/api/kits"),
        "{body}"
    );
}
on_both_databases!(unknown_api_path, unknown_api_paths_get_a_json_404);

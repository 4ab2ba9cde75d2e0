//! The OpenAPI document at `/api/openapi.json` is generated from the
//! handlers and types (server/src/http/openapi.rs). These tests check what
//! generation alone does not promise: it is served to anyone and a strict
//! validator accepts it; every operation it lists answers on the router; no
//! `/api/` route bypasses it; and what it calls public is exactly what the
//! sign-in gate lets through.

use crate::support::{spawn_app, Backend, TestApp};
use app::domain::accounts::Role;
use reqwest::Method;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Stands in for every `{id}`-like segment: no object has this id.
const DUMMY: &str = "openapi-dummy";
const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// (path as written, upper-case method)
type Operation = (String, String);

async fn fetch_document(app: &TestApp) -> Value {
    let res = app
        .anonymous()
        .get(app.url("/api/openapi.json"))
        .send()
        .await
        .expect("request");
    assert_eq!(res.status().as_u16(), 200, "served without signing in");
    let content_type = res.headers()["content-type"]
        .to_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        content_type.starts_with("application/json"),
        "{content_type}"
    );
    res.json().await.expect("the document is JSON")
}

fn operations(doc: &Value) -> BTreeMap<Operation, Value> {
    let mut ops = BTreeMap::new();
    let paths = doc["paths"].as_object().expect("`paths` is an object");
    for (path, item) in paths {
        let item = item.as_object().expect("a path item is an object");
        for (method, op) in item {
            if METHODS.contains(&method.as_str()) {
                ops.insert((path.clone(), method.to_uppercase()), op.clone());
            }
        }
    }
    ops
}

/// `/api/requisitions/{id}` -> `/api/requisitions/openapi-dummy`.
fn concrete(path: &str) -> String {
    let mut out = String::new();
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_param = true;
                out.push_str(DUMMY);
            }
            '}' => in_param = false,
            _ if in_param => {}
            _ => out.push(c),
        }
    }
    out
}

/// Calls an operation with dummy ids and an empty JSON object as the body
/// (for methods that take one): enough to reach the handler, which then
/// refuses the input or finds nothing.
async fn call(client: &reqwest::Client, app: &TestApp, op: &Operation) -> (u16, Value) {
    let (path, method) = op;
    let method = Method::from_bytes(method.as_bytes()).expect("method");
    let mut request = client.request(method.clone(), app.url(&concrete(path)));
    if matches!(method, Method::POST | Method::PUT | Method::PATCH) {
        request = request
            .header("content-type", "application/json")
            .body("{}");
    }
    let res = request.send().await.expect("request");
    let status = res.status().as_u16();
    let text = res.text().await.unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// The router's catch-all for paths under `/api/` that no route serves.
fn is_catch_all(status: u16, body: &Value) -> bool {
    status == 404
        && body["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("no API route at this path"))
}

/// The sign-in gate's refusal, given before any route is reached.
fn is_gate(status: u16, body: &Value) -> bool {
    status == 401
        && body["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("sign in first"))
}

#[tokio::test]
async fn the_document_is_served_to_anyone_and_well_formed() {
    let app = spawn_app(Backend::Sqlite).await;
    let doc = fetch_document(&app).await;
    let version = doc["openapi"].as_str().unwrap_or_default();
    assert!(version.starts_with("3."), "openapi: {version:?}");
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());

    let mut problems = Vec::new();
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    for r in refs {
        let target = r.strip_prefix('#').and_then(|pointer| doc.pointer(pointer));
        if target.is_none() {
            problems.push(format!("`$ref: {r}` points at nothing"));
        }
    }
    let mut operation_ids = BTreeSet::new();
    for ((path, method), op) in operations(&doc) {
        let name = format!("{method} {path}");
        match op["operationId"].as_str() {
            Some(id) if operation_ids.insert(id.to_string()) => {}
            Some(id) => problems.push(format!("{name}: operationId `{id}` is used twice")),
            None => problems.push(format!("{name}: no operationId")),
        }
        let responses = op["responses"].as_object().cloned().unwrap_or_default();
        if responses.is_empty() {
            problems.push(format!("{name}: no responses"));
        }
        // Every `{param}` in the path is declared on the operation.
        let declared: BTreeSet<&str> = op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|p| p["in"] == "path")
            .filter_map(|p| p["name"].as_str())
            .collect();
        for segment in path.split('/') {
            if let Some(param) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                if !declared.contains(param) {
                    problems.push(format!("{name}: path parameter `{param}` is not declared"));
                }
            }
        }
        // Signed-in routes say what happens without a session; changes say
        // what happens when another site sends them.
        let public = op["security"].as_array().is_some_and(|r| anonymous(r));
        if !public && !responses.contains_key("401") {
            problems.push(format!("{name}: needs a session but documents no 401"));
        }
        if matches!(method.as_str(), "POST" | "PUT" | "PATCH" | "DELETE")
            && !responses.contains_key("403")
        {
            problems.push(format!("{name}: documents no 403 for cross-site requests"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Whether a list of security requirements lets a request without
/// credentials through: an empty list names none, and an empty requirement
/// (`{}`) is met by any request (OpenAPI 3.1, Security Requirement Object).
fn anonymous(requirements: &[Value]) -> bool {
    requirements.is_empty()
        || requirements
            .iter()
            .any(|r| r.as_object().is_some_and(|o| o.is_empty()))
}

fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("$ref", Value::String(r)) => out.push(r.clone()),
                    _ => collect_refs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

#[tokio::test]
async fn every_documented_operation_answers_on_the_router() {
    let app = spawn_app(Backend::Sqlite).await;
    let doc = fetch_document(&app).await;
    let ops = operations(&doc);
    assert!(!ops.is_empty(), "the document lists no operations");

    // The checks below can tell a missing route from a present one.
    let missing = ("/api/openapi-no-such-route".to_string(), "GET".to_string());
    let (status, body) = call(&app.client, &app, &missing).await;
    assert!(is_catch_all(status, &body), "{status} {body}");

    // Signing out would end the admin client's session, and every later
    // call would then stop at the sign-in gate.
    let separate = app
        .client_as(Role::Admin, "openapi-sign-out@example.com")
        .await;
    let mut problems = Vec::new();
    for op in ops.keys() {
        let client = if op.0 == "/api/session" && op.1 == "DELETE" {
            &separate
        } else {
            &app.client
        };
        let (status, body) = call(client, &app, op).await;
        let name = format!("{} {}", op.1, op.0);
        if is_catch_all(status, &body) {
            problems.push(format!(
                "{name}: no such route (the /api catch-all answered)"
            ));
        } else if status == 405 {
            problems.push(format!(
                "{name}: the path exists but not with this method (405)"
            ));
        } else if is_gate(status, &body) {
            problems.push(format!(
                "{name}: the admin client was stopped at the sign-in gate"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[tokio::test]
async fn what_is_documented_as_public_is_exactly_what_the_gate_lets_through() {
    let app = spawn_app(Backend::Sqlite).await;
    let doc = fetch_document(&app).await;
    let default_public = doc["security"].as_array().is_none_or(|r| anonymous(r));
    let stranger = app.anonymous();
    let mut problems = Vec::new();
    for (op, spec) in operations(&doc) {
        let public = match spec["security"].as_array() {
            Some(requirements) => anonymous(requirements),
            None => default_public,
        };
        let (status, body) = call(&stranger, &app, &op).await;
        let gated = is_gate(status, &body);
        if public && gated {
            problems.push(format!(
                "{} {}: documented as public, but needs a session",
                op.1, op.0
            ));
        }
        if !public && !gated {
            problems.push(format!(
                "{} {}: documented as needing a session, but answered {status} without one",
                op.1, op.0
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("read the server's source")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The paths registered in a source text by a plain axum call
/// (`.route("/api/...", ...)`, `.route_service(`, `.nest(`): every such call
/// whose first argument is a string literal.
fn plain_routes(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for call in [".route(", ".route_service(", ".nest("] {
        let mut rest = source;
        while let Some(at) = rest.find(call) {
            rest = &rest[at + call.len()..];
            let Some(literal) = rest.trim_start().strip_prefix('"') else {
                continue;
            };
            if let Some(end) = literal.find('"') {
                found.push(literal[..end].to_string());
            }
        }
    }
    found
}

#[test]
fn the_scanner_finds_plain_routes() {
    let source = r#"
        OpenApiRouter::new()
            .routes(routes!(list, create))
            .route("/sign-in", post(form))
            .route(
                "/api/things/{id}",
                get(show),
            )
            .nest("/api/v2", other)
            .route_service("/api/files", service)
            .route(path, get(dynamic))
    "#;
    assert_eq!(
        plain_routes(source),
        ["/sign-in", "/api/things/{id}", "/api/files", "/api/v2"]
    );
}

/// The document is generated from the routes registered with
/// `utoipa_axum::routes!`, so it lists every one of them by construction.
/// What it cannot see is a route added to the router the plain axum way;
/// under `/api/` the only one allowed is the catch-all that answers 404.
#[test]
fn every_api_route_is_registered_with_its_description() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files.sort();
    let mut seen = 0;
    let mut problems = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("read a source file");
        for path in plain_routes(&source) {
            seen += 1;
            if path.starts_with("/api/") && path != "/api/{*rest}" {
                problems.push(format!(
                    "{path} ({}) is registered with a plain `.route`: register it with `routes!` and describe it with `#[utoipa::path]`",
                    file.display()
                ));
            }
        }
    }
    assert!(
        seen > 0,
        "the scanner found no routes in {} files",
        files.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The Python that has openapi-spec-validator: `HIRING_KIT_TEST_OPENAPI_PYTHON`,
/// set by scripts/test (which installs it), else `python3`.
fn validator_python() -> String {
    std::env::var("HIRING_KIT_TEST_OPENAPI_PYTHON").unwrap_or_else(|_| "python3".into())
}

/// A strict, independent reading of the document: openapi-spec-validator
/// checks it against the OpenAPI 3.1 schema and resolves every `$ref`.
#[tokio::test]
async fn a_strict_validator_accepts_the_document() {
    let app = spawn_app(Backend::Sqlite).await;
    let doc = fetch_document(&app).await;
    assert!(
        doc["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1")),
        "the document says OpenAPI {}",
        doc["openapi"]
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("openapi.json");
    std::fs::write(&file, doc.to_string()).expect("write the document");
    let output = std::process::Command::new(validator_python())
        .args(["-m", "openapi_spec_validator"])
        .arg(&file)
        .output()
        .expect("run openapi-spec-validator (scripts/test installs it)");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success() && said.contains(": OK"),
        "openapi-spec-validator refused the document:\n{said}"
    );
}

/// One answer the router gave: which documented operation, its status and
/// its JSON body.
struct Answer {
    path: &'static str,
    method: &'static str,
    status: u16,
    body: Value,
}

/// Checks each answer against the schema the document gives for its
/// operation and status, with a JSON Schema 2020-12 validator (OpenAPI 3.1
/// dialect). Every `$ref` resolves inside the document itself.
const CHECK_ANSWERS: &str = r#"
import json, sys
from urllib.parse import quote
from openapi_schema_validator import OAS31Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

doc = json.load(open(sys.argv[1]))
answers = json.load(open(sys.argv[2]))
registry = Registry().with_resource("urn:doc", Resource(contents=doc, specification=DRAFT202012))

def pointer(*parts):
    return "/".join(quote(str(p).replace("~", "~0").replace("/", "~1"), safe="") for p in parts)

problems = []
for a in answers:
    where = f"{a['method'].upper()} {a['path']} {a['status']}"
    responses = doc["paths"][a["path"]][a["method"]]["responses"]
    if str(a["status"]) not in responses:
        problems.append(f"{where}: this status is not documented")
        continue
    response = responses[str(a["status"])]
    base = ("paths", a["path"], a["method"], "responses", str(a["status"]))
    if "$ref" in response:
        name = response["$ref"].split("/")[-1]
        response = doc["components"]["responses"][name]
        base = ("components", "responses", name)
    if "application/json" not in response.get("content", {}):
        problems.append(f"{where}: no JSON body is documented")
        continue
    schema = {"$ref": "urn:doc#/" + pointer(*base, "content", "application/json", "schema")}
    validator = OAS31Validator(schema, registry=registry)
    for error in sorted(validator.iter_errors(a["body"]), key=str)[:5]:
        path = "/".join(str(p) for p in error.absolute_path)
        problems.append(f"{where}: at /{path}: {error.message[:300]}")
print("\n".join(problems) if problems else "every answer matches")
sys.exit(1 if problems else 0)
"#;

/// The types the document is generated from are the types the handlers
/// send; this checks that claim on real answers: a panel that has scored,
/// read through every JSON route, and the usual refusals, each validated
/// against the schema the document gives for it.
#[tokio::test]
async fn real_answers_match_their_documented_schemas() {
    let app = spawn_app(Backend::Sqlite).await;
    let panel = crate::support::panel::panel(&app).await;
    let doc = fetch_document(&app).await;
    let rq = &panel.requisition;
    let candidate = &panel.candidates[0];
    let mut answers = Vec::new();

    async fn answer(
        client: &reqwest::Client,
        app: &TestApp,
        (path, method): (&'static str, &'static str),
        url: String,
        body: Option<Value>,
    ) -> Answer {
        let mut request = client.request(
            Method::from_bytes(method.to_uppercase().as_bytes()).expect("method"),
            app.url(&url),
        );
        if let Some(body) = body {
            request = request.json(&body);
        }
        let res = request.send().await.expect("request");
        let status = res.status().as_u16();
        let body = res.json().await.unwrap_or(Value::Null);
        Answer {
            path,
            method,
            status,
            body,
        }
    }

    let recruiter = &panel.recruiter;
    for (op, url) in [
        (("/api/health", "get"), "/api/health".to_string()),
        (("/api/session", "get"), "/api/session".to_string()),
        (("/api/kits", "get"), "/api/kits".to_string()),
        (
            ("/api/kits/{sub_role}/{level}", "get"),
            "/api/kits/partner-manager/mid".to_string(),
        ),
        (
            ("/api/kits/{sub_role}/{level}", "get"),
            "/api/kits/astronaut/mid".to_string(),
        ),
        (
            ("/api/requisitions", "get"),
            "/api/requisitions".to_string(),
        ),
        (
            ("/api/requisitions/{id}", "get"),
            format!("/api/requisitions/{rq}"),
        ),
        (
            ("/api/requisitions/{id}", "get"),
            "/api/requisitions/no-such-requisition".to_string(),
        ),
        (
            ("/api/requisitions/{id}/candidates", "get"),
            format!("/api/requisitions/{rq}/candidates"),
        ),
        (
            ("/api/requisitions/{id}/assignments", "get"),
            format!("/api/requisitions/{rq}/assignments"),
        ),
        (
            ("/api/requisitions/{id}/board", "get"),
            format!("/api/requisitions/{rq}/board"),
        ),
        (
            ("/api/requisitions/{id}/scorecards.greenhouse.json", "get"),
            format!("/api/requisitions/{rq}/scorecards.greenhouse.json"),
        ),
        (
            ("/api/requisitions/{id}/ratings.csv", "get"),
            format!("/api/requisitions/{rq}/ratings.csv?excel=maybe"),
        ),
        (
            ("/api/candidates/{id}/scorecards", "get"),
            format!("/api/candidates/{candidate}/scorecards"),
        ),
    ] {
        answers.push(answer(recruiter, &app, op, url, None).await);
    }
    // Not signed in, and signed in as an interviewer where a runner is needed.
    answers.push(
        answer(
            &app.anonymous(),
            &app,
            ("/api/kits", "get"),
            "/api/kits".into(),
            None,
        )
        .await,
    );
    answers.push(
        answer(
            &panel.ivy,
            &app,
            ("/api/requisitions", "get"),
            "/api/requisitions".into(),
            None,
        )
        .await,
    );

    // One of ivy's submitted cards, its history, and a stale save of it.
    let assignments = &answers
        .iter()
        .find(|a| a.path == "/api/requisitions/{id}/assignments")
        .expect("the panel was listed")
        .body["assignments"];
    let card = assignments
        .as_array()
        .and_then(|all| {
            all.iter()
                .find(|a| a["interviewer_email"] == "ivy@example.com")
        })
        .and_then(|a| a["id"].as_str())
        .expect("an interview of ivy's")
        .to_string();
    for (op, url) in [
        (
            ("/api/scorecards/{id}", "get"),
            format!("/api/scorecards/{card}"),
        ),
        (
            ("/api/scorecards/{id}/history", "get"),
            format!("/api/scorecards/{card}/history"),
        ),
    ] {
        answers.push(answer(&panel.ivy, &app, op, url, None).await);
    }
    // The card as read above: a save based on the version before it is
    // stale (409), one based on it is an amendment (200).
    let read = answers
        .iter()
        .find(|a| a.path == "/api/scorecards/{id}" && a.method == "get")
        .expect("the card was read");
    let version = read.body["version"].as_i64().expect("a version");
    let body = read.body["body"].clone();
    for based_on in [version - 1, version] {
        answers.push(
            answer(
                &panel.ivy,
                &app,
                ("/api/scorecards/{id}", "put"),
                format!("/api/scorecards/{card}"),
                Some(serde_json::json!({
                    "version": based_on,
                    "body": body.clone(),
                    "reason": "a later thought",
                })),
            )
            .await,
        );
    }

    // Writing: a JD, a lint, a refused outcome, candidates one by one and
    // from a file, and a refused file.
    answers.push(
        answer(
            recruiter,
            &app,
            ("/api/jd", "post"),
            "/api/jd".into(),
            Some(crate::support::world::outcome()),
        )
        .await,
    );
    answers.push(
        answer(
            recruiter,
            &app,
            ("/api/jd", "post"),
            "/api/jd".into(),
            Some(serde_json::json!({})),
        )
        .await,
    );
    answers.push(
        answer(
            recruiter,
            &app,
            ("/api/jd/lint", "post"),
            "/api/jd/lint".into(),
            Some(serde_json::json!({
                "text": "We want a rockstar ninja to own partners.",
                "sub_role": "partner-manager",
                "level": "mid",
            })),
        )
        .await,
    );
    answers.push(
        answer(
            recruiter,
            &app,
            ("/api/requisitions/{id}/candidates", "post"),
            format!("/api/requisitions/{rq}/candidates"),
            Some(serde_json::json!({
                "name": "Dee Walker",
                "email": "dee@example.com",
                "links": ["https://example.com/dee"],
            })),
        )
        .await,
    );
    for csv in [
        "name,email\nEve Park,eve@example.com\n",
        "name,email\n,not-an-email\n",
    ] {
        let res = recruiter
            .post(app.url(&format!("/api/requisitions/{rq}/candidates")))
            .header("content-type", "text/csv")
            .body(csv)
            .send()
            .await
            .expect("request");
        answers.push(Answer {
            path: "/api/requisitions/{id}/candidates",
            method: "post",
            status: res.status().as_u16(),
            body: res.json().await.unwrap_or(Value::Null),
        });
    }

    // The calls did what they were meant to, so each schema is tested on
    // the answer it is for.
    let statuses: Vec<(String, u16)> = answers
        .iter()
        .map(|a| (format!("{} {}", a.method, a.path), a.status))
        .collect();
    for expected in [200, 201, 401, 403, 404, 409, 422] {
        assert!(
            statuses.iter().any(|(_, s)| *s == expected),
            "no answer was {expected}: {statuses:?}"
        );
    }

    let dir = tempfile::tempdir().expect("a temporary folder");
    let doc_file = dir.path().join("openapi.json");
    let answers_file = dir.path().join("answers.json");
    let script = dir.path().join("check.py");
    std::fs::write(&doc_file, doc.to_string()).expect("write the document");
    let listed: Vec<Value> = answers
        .iter()
        .map(|a| {
            serde_json::json!({
                "path": a.path, "method": a.method, "status": a.status, "body": a.body,
            })
        })
        .collect();
    std::fs::write(&answers_file, Value::from(listed).to_string()).expect("write the answers");
    std::fs::write(&script, CHECK_ANSWERS).expect("write the check");
    let output = std::process::Command::new(validator_python())
        .arg(&script)
        .arg(&doc_file)
        .arg(&answers_file)
        .output()
        .expect("run the check (scripts/test installs its Python)");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "answers that do not match the document ({statuses:?}):\n{said}"
    );
}

//! The OpenAPI document at `/api/openapi.json` is written by hand, so these
//! tests keep it honest: it is served to anyone; every operation it lists
//! answers on the router; every `/api/` route in the server's source is
//! listed; and what it calls public is exactly what the sign-in gate lets
//! through.

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
        let public = op["security"].as_array().is_some_and(Vec::is_empty);
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
    let default_public = doc["security"].as_array().is_none_or(Vec::is_empty);
    let anonymous = app.anonymous();
    let mut problems = Vec::new();
    for (op, spec) in operations(&doc) {
        let public = match spec["security"].as_array() {
            Some(requirements) => requirements.is_empty(),
            None => default_public,
        };
        let (status, body) = call(&anonymous, &app, &op).await;
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

/// The `/api/` routes registered with `.route("/api/...", get(a).post(b))`
/// in a source text: each path literal with the methods of its method
/// router (the calls at the top level of the second argument). A route with
/// no recognisable method gets `?`, so it still has to be documented.
fn routes_in(source: &str) -> Vec<Operation> {
    let mut found = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find(".route(") {
        rest = &rest[at + ".route(".len()..];
        let Some(literal) = rest.trim_start().strip_prefix('"') else {
            continue;
        };
        let Some(end) = literal.find('"') else {
            break;
        };
        let path = &literal[..end];
        // The catch-all that answers for unknown paths is not an API route.
        if !path.starts_with("/api/") || path.contains("{*") {
            continue;
        }
        let methods = top_level_calls(&literal[end + 1..]);
        let methods: Vec<String> = methods
            .into_iter()
            .filter(|m| METHODS.contains(&m.as_str()) || m == "any")
            .map(|m| m.to_uppercase())
            .collect();
        if methods.is_empty() {
            found.push((path.to_string(), "?".to_string()));
        }
        for method in methods {
            found.push((path.to_string(), method));
        }
    }
    found
}

/// The names of the calls at depth 0 of the rest of a call's arguments,
/// up to its closing parenthesis: `, get(list).post(create))` gives
/// `get`, `post`.
fn top_level_calls(args: &str) -> Vec<String> {
    let mut calls = Vec::new();
    let mut depth = 0usize;
    let mut ident = String::new();
    let mut chars = args.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                // Skip a string literal, escapes included.
                while let Some(s) = chars.next() {
                    match s {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
                ident.clear();
            }
            '(' => {
                if depth == 0 && !ident.is_empty() {
                    calls.push(std::mem::take(&mut ident));
                }
                depth += 1;
                ident.clear();
            }
            ')' => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
                ident.clear();
            }
            c if c.is_alphanumeric() || c == '_' => ident.push(c),
            _ => ident.clear(),
        }
    }
    calls
}

#[test]
fn the_route_scanner_reads_method_routers() {
    let source = r#"
        Router::new()
            .route("/api/things", get(list).post(create))
            .route(
                "/api/things/{id}",
                axum::routing::get(show).delete(|| async { remove("(x)").await }),
            )
            .route("/api/{*rest}", any(|| async { ApiError::NoRoute }))
            .route("/pages/x", get(page))
            .route("/api/other", method_router)
    "#;
    let expected = [
        ("/api/things", "GET"),
        ("/api/things", "POST"),
        ("/api/things/{id}", "GET"),
        ("/api/things/{id}", "DELETE"),
        ("/api/other", "?"),
    ]
    .map(|(p, m)| (p.to_string(), m.to_string()));
    assert_eq!(routes_in(source), expected);
}

#[tokio::test]
async fn every_api_route_in_the_source_is_documented() {
    let app = spawn_app(Backend::Sqlite).await;
    let doc = fetch_document(&app).await;
    let documented: BTreeSet<Operation> = operations(&doc).into_keys().collect();
    let documented_paths: BTreeSet<&str> = documented.iter().map(|(p, _)| p.as_str()).collect();

    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    files.sort();
    let mut in_source = BTreeSet::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("read a source file");
        for route in routes_in(&source) {
            in_source.insert((route, file.display().to_string()));
        }
    }
    assert!(
        in_source.iter().any(|((p, _), _)| p == "/api/openapi.json"),
        "the scanner found none of the known routes in {}",
        files.len()
    );

    let mut problems = Vec::new();
    for ((path, method), file) in &in_source {
        if !documented_paths.contains(path.as_str()) {
            problems.push(format!("{path} ({file}) is not in the document"));
        } else if method != "?" && !documented.contains(&(path.clone(), method.clone())) {
            problems.push(format!("{method} {path} ({file}) is not in the document"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

//! The JD studio through the JSON API, against the real rubric library.

use crate::on_both_databases;
use crate::support::TestApp;
use serde_json::{json, Value};

const SUB_ROLES: [&str; 4] = [
    "co-sell-ops",
    "partner-manager",
    "strategic-alliance-lead",
    "global-alliance-director",
];

fn outcome(sub_role: &str, level: &str) -> Value {
    json!({
        "sub_role": sub_role,
        "level": level,
        "partner": {"name": "Snowflake", "type": "technology"},
        "pipeline_target": {"amount": 4000000, "currency": "USD"},
        "cadence": ["monthly-joint-pipeline-review", "quarterly-executive-sponsor", "biweekly-deal-pairing"],
        "company": "Northwind Analytics",
        "location": "Remote (US)"
    })
}

async fn post(app: &TestApp, path: &str, body: &Value) -> (u16, Value) {
    let res = app
        .client
        .post(app.url(path))
        .json(body)
        .send()
        .await
        .expect("request");
    let status = res.status().as_u16();
    (status, res.json().await.expect("JSON"))
}

fn rules(findings: &Value, severity: &str) -> Vec<String> {
    findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == severity)
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

async fn a_complete_outcome_gives_a_jd_without_errors_for_every_kit(app: TestApp) {
    for s in SUB_ROLES {
        for l in ["junior", "mid", "senior"] {
            let (status, jd) = post(&app, "/api/jd", &outcome(s, l)).await;
            assert_eq!(status, 200, "{s}/{l}: {jd}");
            let md = jd["markdown"].as_str().unwrap();
            assert!(
                md.contains("Snowflake")
                    && md.contains("$4M")
                    && md.contains("Monthly joint pipeline review"),
                "{s}/{l}:\n{md}"
            );
            for section in [
                "## About the role",
                "## The outcome",
                "## How success is measured",
                "## What the role does",
                "## What you bring",
                "## Compensation",
                "## Tools",
                "## Reporting line",
            ] {
                assert!(md.contains(section), "{s}/{l} lacks {section}");
            }
            assert!(md.contains("partner-sourced or partner-attached revenue"));
            assert!(jd["html"]
                .as_str()
                .unwrap()
                .contains("<h2>The outcome</h2>"));
            // Clean: no finding but the one that is true of the choice
            // itself, a level the sub-role is not hired at.
            let typical = match s {
                "co-sell-ops" => ["junior", "mid"].as_slice(),
                "partner-manager" => ["mid", "senior"].as_slice(),
                _ => ["senior"].as_slice(),
            };
            let expected: Vec<String> = if typical.contains(&l) {
                Vec::new()
            } else {
                vec!["level-sub-role-mismatch".to_string()]
            };
            let found: Vec<String> = jd["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["rule"].as_str().unwrap().to_string())
                .collect();
            assert_eq!(found, expected, "{s}/{l}:\n{md}");
            // True to its sub-role: its own scope and none of the others'.
            let scope = |role: &str| match role {
                "co-sell-ops" => "deal by deal",
                "partner-manager" => "whole account base",
                "strategic-alliance-lead" => "named portfolio",
                _ => "flagship partner",
            };
            assert!(md.contains(scope(s)), "{s}/{l} lacks its scope:\n{md}");
            for other in SUB_ROLES.iter().filter(|o| **o != s) {
                assert!(
                    !md.contains(scope(other)),
                    "{s}/{l} speaks of {other}'s scope:\n{md}"
                );
            }
            for wrong in ["worldwide", "whole ecosystem", "a individual", "an senior"] {
                assert!(!md.contains(wrong), "{s}/{l}: \"{wrong}\"\n{md}");
            }
        }
    }
}
on_both_databases!(
    generated_jds_are_clean,
    a_complete_outcome_gives_a_jd_without_errors_for_every_kit
);

async fn the_jd_carries_each_sub_roles_profile(app: TestApp) {
    let (_, gad) = post(
        &app,
        "/api/jd",
        &outcome("global-alliance-director", "senior"),
    )
    .await;
    let md = gad["markdown"].as_str().unwrap();
    assert!(md.contains("$280K–$400K+") && md.contains("30–50%"), "{md}");
    let (_, cso) = post(&app, "/api/jd", &outcome("co-sell-ops", "mid")).await;
    let md = cso["markdown"].as_str().unwrap();
    assert!(
        md.contains("$130K–$170K") && md.contains("Crossbeam"),
        "{md}"
    );
    // An unusual level is flagged, but only as a warning.
    let (_, junior_gad) = post(
        &app,
        "/api/jd",
        &outcome("global-alliance-director", "junior"),
    )
    .await;
    assert!(
        rules(&junior_gad["findings"], "warning").contains(&"level-sub-role-mismatch".to_string())
    );
}
on_both_databases!(jd_profiles, the_jd_carries_each_sub_roles_profile);

async fn bad_input_is_a_422_naming_each_field(app: TestApp) {
    let (status, body) = post(
        &app,
        "/api/jd",
        &json!({"sub_role": "vp", "partner": {"type": "friends"}, "cadence": []}),
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    for f in [
        "sub_role",
        "level",
        "partner.name",
        "partner.type",
        "pipeline_target.amount",
        "pipeline_target.currency",
        "cadence",
    ] {
        assert!(fields.contains(&f), "{f} missing from {fields:?}");
    }
    let res = app
        .client
        .post(app.url("/api/jd"))
        .header("content-type", "application/json")
        .body("{\"pipeline_target\": {\"amount\": \"lots\"}}")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert!(
        body["fields"][0]["message"]
            .as_str()
            .unwrap()
            .contains("line 1"),
        "{body}"
    );
}
on_both_databases!(jd_bad_input, bad_input_is_a_422_naming_each_field);

async fn a_generic_pasted_jd_fails_the_lint(app: TestApp) {
    let text = "Alliance Manager\n\nWe are looking for a rockstar to manage strategic alliances and build the partner program. \
                You will nurture relationships with partners and be their trusted advisor. Reports to the VP Marketing. \
                Bonus tied to partner satisfaction.";
    let (status, body) = post(&app, "/api/jd/lint", &json!({ "text": text })).await;
    assert_eq!(status, 200);
    let errors = rules(&body["findings"], "error");
    for rule in [
        "missing-partner",
        "missing-pipeline-target",
        "missing-cadence",
        "generic-mandate",
        "marketing-reporting-line",
        "sentiment-comp",
        "relationship-only",
    ] {
        assert!(
            errors.contains(&rule.to_string()),
            "{rule} not in {errors:?}"
        );
    }
    assert!(rules(&body["findings"], "warning").contains(&"exclusive-language".to_string()));
    for f in body["findings"].as_array().unwrap() {
        assert!(
            !f["message"].as_str().unwrap().is_empty()
                && !f["suggestion"].as_str().unwrap().is_empty(),
            "{f}"
        );
    }
    let (_, span) = post(&app, "/api/jd/lint", &json!({ "text": "Our strategic alliance lead will own ten strategic partners.", "sub_role": "strategic-alliance-lead", "level": "senior" })).await;
    assert!(
        rules(&span["findings"], "error").contains(&"span-exceeds-ratio".to_string()),
        "{span}"
    );
    let (status, _) = post(&app, "/api/jd/lint", &json!({ "text": "  " })).await;
    assert_eq!(status, 422);
}
on_both_databases!(pasted_jd_lint, a_generic_pasted_jd_fails_the_lint);

async fn html_from_user_input_is_sanitised(app: TestApp) {
    let mut body = outcome("partner-manager", "mid");
    body["partner"]["name"] = json!("<script>alert(1)</script>Acme");
    body["extra"] =
        json!("- Own the <img src=x onerror=alert(1)> integration\n- [docs](javascript:alert(2))");
    let (status, jd) = post(&app, "/api/jd", &body).await;
    assert_eq!(status, 200, "{jd}");
    let html = jd["html"].as_str().unwrap();
    assert!(
        !html.contains("<script") && !html.contains("onerror") && !html.contains("javascript:"),
        "{html}"
    );
    assert!(html.contains("Acme"));
}
on_both_databases!(jd_html_sanitised, html_from_user_input_is_sanitised);

const STUDIO_QUERY: &str = "mode=generate&sub_role=co-sell-ops&level=mid&partner_name=Harbourline&partner_type=channel&amount=2%2C500%2C000&currency=USD&monthly=1&quarterly=1&pairing=weekly-deal-pairing&company=Northwind";

async fn the_studio_works_without_javascript(app: TestApp) {
    let (status, html) = app.get_text(&format!("/jd?{STUDIO_QUERY}")).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("data-errors=\"0\""),
        "a complete outcome has no errors"
    );
    assert!(
        html.contains("Harbourline") && html.contains("$2.5M"),
        "the rendered JD names partner and target"
    );
    // Rendered whole before it is sent: nothing waits for JavaScript to
    // swap a placeholder for the JD or its findings.
    assert!(
        !html.contains("Loading…") && !html.contains("Working…") && !html.contains("<template"),
        "the page is complete without JavaScript"
    );
    let (_, html) = app
        .get_text("/jd?mode=lint&text=We+need+a+rockstar+to+manage+strategic+alliances")
        .await;
    for rule in ["missing-partner", "generic-mandate", "exclusive-language"] {
        assert!(
            html.contains(&format!("data-rule=\"{rule}\"")),
            "{rule} not shown"
        );
    }
    let (_, html) = app
        .get_text("/jd?mode=generate&level=mid&amount=lots")
        .await;
    for field in ["sub_role", "partner.name", "pipeline_target.amount"] {
        assert!(
            html.contains(&format!("data-field=\"{field}\"")),
            "{field} not flagged"
        );
    }
}
on_both_databases!(studio_page, the_studio_works_without_javascript);

async fn a_long_pasted_jd_is_checked_by_post(app: TestApp) {
    use crate::support::pages::{post_form, visible};
    let para = "We need a rockstar to manage strategic alliances and build the partner program. ";
    // About 90 KB: longer than any URL a browser or server takes.
    let long = para.repeat(90 * 1024 / para.len());
    let res = post_form(&app, &app.client, "/jd/check", "/jd", &[("text", &long)]).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["cache-control"], "no-store");
    let html = visible(&res.text().await.unwrap());
    for rule in ["missing-partner", "generic-mandate", "exclusive-language"] {
        assert!(
            html.contains(&format!("data-rule=\"{rule}\"")),
            "{rule} not shown"
        );
    }
    // Rendered whole on the server: no placeholder waiting for JavaScript,
    // and the text stays in the form to edit and check again.
    assert!(!html.contains("Loading…") && !html.contains("Working…"));
    assert!(html.contains("<textarea name=\"text\""));
    assert!(
        html.matches(para.trim_end()).count() >= 1000,
        "the whole text is kept"
    );

    // Over 100 KB: the page says so beside the field, keeping the text.
    let too_long = para.repeat(120 * 1024 / para.len());
    let res = post_form(
        &app,
        &app.client,
        "/jd/check",
        "/jd",
        &[("text", &too_long)],
    )
    .await;
    assert_eq!(res.status(), 200);
    let html = visible(&res.text().await.unwrap());
    assert!(html.contains("data-field=\"text\""), "the field is flagged");
    assert!(html.contains("up to 100 KB"), "the limit is named");
    assert!(!html.contains("data-rule="), "nothing is linted");

    // The JSON route takes the same 100 KB and says the same.
    let (status, body) = post(&app, "/api/jd/lint", &json!({"text": long})).await;
    assert_eq!(status, 200);
    assert!(!body["findings"].as_array().unwrap().is_empty());
    let (status, body) = post(&app, "/api/jd/lint", &json!({"text": too_long})).await;
    assert_eq!(status, 422);
    assert!(body.to_string().contains("up to 100 KB"), "{body}");
}
on_both_databases!(long_jds, a_long_pasted_jd_is_checked_by_post);

async fn the_jd_downloads_as_markdown_and_standalone_html(app: TestApp) {
    let res = app
        .client
        .get(app.url(&format!("/jd/download.md?{STUDIO_QUERY}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("job-description.md"));
    let md = res.text().await.unwrap();
    assert!(
        md.starts_with("# Co-sell ops alliance manager, Mid: Harbourline partnership"),
        "{md}"
    );
    let res = app
        .client
        .get(app.url(&format!("/jd/download.html?{STUDIO_QUERY}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>")
            && html.contains("<h2>The outcome</h2>")
            && !html.contains("<script"),
        "{html}"
    );
    let res = app
        .client
        .get(app.url("/jd/download.md?sub_role=nope"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("sub_role"));
}
on_both_databases!(
    jd_downloads,
    the_jd_downloads_as_markdown_and_standalone_html
);

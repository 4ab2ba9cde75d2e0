//! The kit library through the JSON API: all twelve kits, complete.

use crate::on_both_databases;
use crate::support::TestApp;
use serde_json::Value;
use std::collections::HashSet;

const SUB_ROLES: [&str; 4] = [
    "co-sell-ops",
    "partner-manager",
    "strategic-alliance-lead",
    "global-alliance-director",
];
const LEVELS: [&str; 3] = ["junior", "mid", "senior"];

fn assert_anchors(item: &Value, what: &str) {
    for rating in ["exceeds", "meets", "below"] {
        let text = item["anchors"][rating].as_str().unwrap_or_default();
        assert!(
            !text.trim().is_empty(),
            "{what} has no `{rating}` anchor: {item}"
        );
    }
}

fn len(v: &Value) -> usize {
    v.as_array().map(Vec::len).unwrap_or(0)
}

async fn the_index_lists_twelve_kits(app: TestApp) {
    let (status, kits) = app.get_json("/api/kits").await;
    assert_eq!(status, 200);
    let pairs: HashSet<(String, String)> = kits
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            (
                k["sub_role"].as_str().unwrap().to_string(),
                k["level"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(pairs.len(), 12);
    for s in SUB_ROLES {
        for l in LEVELS {
            assert!(
                pairs.contains(&(s.to_string(), l.to_string())),
                "missing {s}/{l}"
            );
        }
    }
    assert!(kits[0]["title"].as_str().unwrap().contains("Co-sell ops"));
}
on_both_databases!(kit_index, the_index_lists_twelve_kits);

async fn every_kit_is_complete(app: TestApp) {
    for s in SUB_ROLES {
        for l in LEVELS {
            let (status, kit) = app.get_json(&format!("/api/kits/{s}/{l}")).await;
            assert_eq!(status, 200, "{s}/{l}");
            let at = format!("{s}/{l}");
            assert_eq!(kit["sub_role"], s);
            assert_eq!(kit["level"], l);
            assert_eq!(
                kit["rubric_version"],
                crate::support::library().version.as_str()
            );

            let questions = kit["competency_questions"].as_array().unwrap();
            assert!(
                questions.len() >= 16,
                "{at}: {} competency questions",
                questions.len()
            );
            let covered: HashSet<&str> = questions
                .iter()
                .map(|q| q["competency"].as_str().unwrap())
                .collect();
            assert_eq!(covered.len(), 7, "{at}: competencies covered {covered:?}");
            // At least six written for the sub-role's own scope, asked first.
            let library = crate::support::library();
            let own: Vec<&str> = library
                .sub_role(s.parse().unwrap())
                .unwrap()
                .questions
                .get(l.parse().unwrap())
                .iter()
                .map(|q| q.id.as_str())
                .collect();
            assert!(own.len() >= 6, "{at}: {own:?}");
            let first: Vec<&str> = questions[..own.len()]
                .iter()
                .map(|q| q["id"].as_str().unwrap())
                .collect();
            assert_eq!(first, own, "{at}");
            for q in questions {
                for field in [
                    "discipline",
                    "competency",
                    "requirement",
                    "expected",
                    "round",
                    "question",
                ] {
                    assert!(
                        !q[field].as_str().unwrap_or_default().is_empty(),
                        "{at}: question without {field}: {q}"
                    );
                }
                assert!(
                    !q["question"].as_str().unwrap().contains('{'),
                    "{at}: unfilled placeholder: {q}"
                );
                assert_eq!(len(&q["positive"]), 5, "{at}: {q}");
                assert_eq!(len(&q["negative"]), 5, "{at}: {q}");
                assert_anchors(q, &at);
            }

            let attitudes = kit["attitude_questions"].as_array().unwrap();
            assert_eq!(attitudes.len(), 12, "{at}");
            for a in attitudes {
                assert!(
                    len(&a["positive"]) >= 3 && len(&a["negative"]) >= 3,
                    "{at}: {a}"
                );
                assert!(!a["definition"].as_str().unwrap().is_empty());
                assert_anchors(a, &at);
            }

            let application = &kit["application"];
            assert!(len(&application["knockouts"]) >= 1, "{at}");
            assert_eq!(len(&application["video_prompts"]), 3, "{at}");
            for v in application["video_prompts"].as_array().unwrap() {
                assert!(v["response_seconds"].as_u64().unwrap() > 0);
            }

            let criteria = kit["resume_criteria"].as_array().unwrap();
            assert!(
                criteria.len() >= 8,
                "{at}: {} resume criteria",
                criteria.len()
            );
            criteria.iter().for_each(|c| assert_anchors(c, &at));

            let rounds: HashSet<&str> = kit["rounds"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["id"].as_str().unwrap())
                .collect();
            assert!(
                rounds.contains("recruiter-alignment-screen")
                    && rounds.contains("hiring-manager-deep-dive"),
                "{at}: {rounds:?}"
            );

            let p = &kit["presentation"];
            assert_anchors(p, &at);
            for field in ["prompt", "format", "audience"] {
                assert!(
                    !p[field].as_str().unwrap_or_default().is_empty(),
                    "{at}: presentation.{field}"
                );
            }
            for field in [
                "prepare",
                "deliverables",
                "ground_rules",
                "positive",
                "negative",
            ] {
                assert!(len(&p[field]) >= 1, "{at}: presentation.{field}");
            }

            let sim = &kit["simulation"];
            assert_anchors(sim, &at);
            for field in ["scenario", "problem", "format"] {
                assert!(
                    !sim[field].as_str().unwrap_or_default().is_empty(),
                    "{at}: simulation.{field}"
                );
            }
            for field in ["success_criteria", "review_beforehand", "ground_rules"] {
                assert!(len(&sim[field]) >= 1, "{at}: simulation.{field}");
            }
            let persona = &sim["persona"];
            for field in ["motivation", "played_by", "role"] {
                assert!(
                    !persona[field].as_str().unwrap_or_default().is_empty(),
                    "{at}: persona.{field}"
                );
            }
            for field in ["constraints", "tensions", "guidance", "do_not"] {
                assert!(len(&persona[field]) >= 1, "{at}: persona.{field}");
            }
            assert!(!kit["why_hard"].as_str().unwrap().is_empty());
        }
    }
}
on_both_databases!(every_kit, every_kit_is_complete);

async fn level_and_sub_role_change_what_the_kit_asks(app: TestApp) {
    let questions = |kit: &Value| -> Vec<String> {
        kit["competency_questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["question"].as_str().unwrap().to_string())
            .collect()
    };
    let (_, junior) = app.get_json("/api/kits/partner-manager/junior").await;
    let (_, senior) = app.get_json("/api/kits/partner-manager/senior").await;
    let junior_q: HashSet<_> = questions(&junior).into_iter().collect();
    assert!(
        questions(&senior).iter().all(|q| !junior_q.contains(q)),
        "senior repeats junior questions"
    );
    assert_ne!(
        junior["competencies"][0]["requirement"],
        senior["competencies"][0]["requirement"]
    );
    assert_ne!(junior["presentation"]["level_expectations"], Value::Null);

    // A global alliance director is not interviewed with a co-sell ops scenario.
    let (_, cso) = app.get_json("/api/kits/co-sell-ops/senior").await;
    let (_, gad) = app
        .get_json("/api/kits/global-alliance-director/senior")
        .await;
    assert_ne!(cso["simulation"]["scenario"], gad["simulation"]["scenario"]);
    assert_ne!(
        cso["simulation"]["partner_type"],
        gad["simulation"]["partner_type"]
    );
    assert_ne!(cso["profile"]["ote"], gad["profile"]["ote"]);
    assert_ne!(cso["weights"], gad["weights"]);
    // The sub-role's scope is written into the questions.
    assert_ne!(questions(&cso), questions(&gad));
    assert_eq!(gad["profile"]["span_limit"]["max_partners"], 2);
}
on_both_databases!(kits_differ, level_and_sub_role_change_what_the_kit_asks);

async fn an_unknown_kit_is_a_404_naming_the_valid_ids(app: TestApp) {
    let (status, body) = app.get_json("/api/kits/vp-partnerships/mid").await;
    assert_eq!(status, 404);
    assert!(
        body["error"].as_str().unwrap().contains("vp-partnerships"),
        "{body}"
    );
    assert_eq!(len(&body["valid_sub_roles"]), 4);
    let (status, body) = app.get_json("/api/kits/co-sell-ops/principal").await;
    assert_eq!(status, 404);
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .contains("junior, mid, senior"),
        "{body}"
    );
}
on_both_databases!(unknown_kit, an_unknown_kit_is_a_404_naming_the_valid_ids);

//! The panel board over HTTP: the JSON board, the CSV, the debrief packet
//! and the Greenhouse export for a requisition with several candidates and
//! interviewers; who may see it and what an interviewer who has not
//! submitted sees; the debrief decision recorded beside the scores.

use crate::on_both_databases;
use crate::support::panel::{panel, Panel, NAMES, SIMULATION};
use crate::support::TestApp;
use app::db::scorecards;
use app::domain::agreement::{ordinal_alpha, panel_alpha, Observation, MIN_UNITS};
use app::domain::board_export::greenhouse::harvest_id;
use app::domain::scoring::Rating;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

async fn get(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String) {
    let res = client.get(app.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.text().await.unwrap())
}

async fn board_of(app: &TestApp, client: &reqwest::Client, requisition: &str) -> Value {
    let (status, text) = get(
        app,
        client,
        &format!("/api/requisitions/{requisition}/board"),
    )
    .await;
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).unwrap()
}

fn row<'a>(board: &'a Value, name: &str) -> &'a Value {
    board["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no row for {name}"))
}

fn cell<'a>(board: &'a Value, name: &str, column: &str) -> &'a Value {
    let index = board["columns"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["id"] == column)
        .unwrap_or_else(|| panic!("no column {column}"));
    &row(board, name)["cells"][index]
}

async fn the_board_sums_up_the_panel(app: TestApp) {
    let p = panel(&app).await;
    let board = board_of(&app, &p.recruiter, &p.requisition).await;
    assert_eq!(board["candidates"].as_array().unwrap().len(), 3);
    let columns: Vec<&str> = board["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(columns.contains(&SIMULATION), "{columns:?}");
    assert_eq!(
        columns.last(),
        Some(&SIMULATION),
        "the role-play comes last"
    );

    // The role-play: Bob got one exceeds and one below, so it is flagged.
    let bob_sim = cell(&board, "Bob Stone", SIMULATION);
    assert_eq!(bob_sim["counts"]["exceeds"], 1);
    assert_eq!(bob_sim["counts"]["below"], 1);
    assert_eq!(bob_sim["mean"], 2.0);
    let bob = row(&board, "Bob Stone");
    let flags = bob["flags"].as_array().unwrap();
    assert_eq!(flags.len(), 1, "{flags:?}");
    assert_eq!(flags[0]["item_key"], SIMULATION);
    assert_eq!(flags[0]["exceeds_by"][0], "ivy@example.com");
    assert_eq!(flags[0]["below_by"][0], "iris@example.com");
    assert!(row(&board, "Ada Lovelace")["flags"]
        .as_array()
        .unwrap()
        .is_empty());
    let ada_sim_exceeds = p
        .ratings
        .iter()
        .filter(|(c, _, key, r)| *c == 0 && key == SIMULATION && *r == Rating::Exceeds)
        .count();
    assert!(ada_sim_exceeds >= 1);
    assert_eq!(
        cell(&board, "Ada Lovelace", SIMULATION)["counts"]["exceeds"],
        ada_sim_exceeds
    );

    // Every cell's counts add up to the ratings given in its column.
    let total: u64 = board["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["cells"].as_array().unwrap())
        .map(|cell| {
            ["exceeds", "meets", "below", "no_evidence"]
                .iter()
                .map(|k| cell["counts"][k].as_u64().unwrap())
                .sum::<u64>()
        })
        .sum();
    assert_eq!(total as usize, p.ratings.len());
    assert_eq!(board["ratings"].as_array().unwrap().len(), p.ratings.len());

    // Weighted scores order the candidates as the ratings do, and each
    // implies a call.
    let weighted = |name: &str| row(&board, name)["weighted"].as_f64().unwrap();
    assert!(weighted("Ada Lovelace") > weighted("Bob Stone"));
    assert!(
        weighted("Bob Stone") > weighted("Cy Young"),
        "{}",
        serde_json::to_string_pretty(&board["candidates"]).unwrap()
    );
    assert_eq!(row(&board, "Ada Lovelace")["evidence"], "strong-hire");
    assert_eq!(row(&board, "Cy Young")["evidence"], "strong-no-hire");
    let recommendations = bob["recommendations"].as_array().unwrap();
    assert_eq!(recommendations.len(), 5, "one per submitted card");

    // Cy: ian's card was never started, long after the interview.
    let cy = row(&board, "Cy Young");
    let missing = cy["missing"].as_array().unwrap();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert_eq!(missing[0]["interviewer_email"], "ian@example.com");
    assert_eq!(missing[0]["state"], "not-started");
    assert_eq!(missing[0]["overdue"], true);
    assert_eq!(cy["submitted_cards"], 4);

    // Agreement: what the statistics module makes of the ratings given.
    // Every candidate's first-round and role-play items have two or more
    // ratings: fewer than the 30 items a figure needs, so the board says
    // there is too little data, with the same counts.
    let observations: Vec<Observation> = p
        .ratings
        .iter()
        .map(|(c, who, key, rating)| Observation {
            unit: format!("{}/{key}", p.candidates[*c]),
            rater: who.to_string(),
            rating: *rating,
        })
        .collect();
    let agreement = &board["calibration"]["agreement"];
    assert_eq!(
        agreement,
        &serde_json::to_value(ordinal_alpha(&observations)).unwrap()
    );
    let values = panel_alpha(&observations);
    let units = 3 * (p.first_round_items.len() + p.simulation_round_items.len());
    assert!(units < MIN_UNITS, "the fixture is small: {units} items");
    assert_eq!(values.units, units);
    assert_eq!(agreement["kind"], "too-little-data", "{agreement}");
    assert_eq!(agreement["units"], units);
    // Ada's and Bob's first rounds were rated by three, Cy's by two, the
    // role-play by two; ian's "no evidence" on Bob's first item is no value.
    let first = p.first_round_items.len();
    let pairable = 3 * first * 2 + 2 * first + 2 * 3 * p.simulation_round_items.len() - 1;
    assert_eq!(values.pairable, pairable);
    assert_eq!(agreement["pairable"], pairable);
    assert!(values.alpha.is_some(), "the ratings vary");
    assert!(!board["calibration"]["reading"].as_str().unwrap().is_empty());
    let leniency = board["calibration"]["leniency"].as_array().unwrap();
    let ivy = leniency
        .iter()
        .find(|l| l["interviewer_email"] == "ivy@example.com")
        .unwrap();
    assert!(
        ivy["offset"].as_f64().unwrap() > 0.0,
        "ivy rates above iris: {ivy}"
    );
}
on_both_databases!(board_sums_up_the_panel, the_board_sums_up_the_panel);

/// The board page's data (`/api/fn/board`) is the JSON board without what
/// the page does not show: the same rows and cells, no ratings, slots,
/// notes or counts per item.
async fn the_page_gets_the_rows_without_the_notes(app: TestApp) {
    let p = panel(&app).await;
    page_matches_full_board(&app, &p).await;
}
on_both_databases!(
    board_page_without_notes,
    the_page_gets_the_rows_without_the_notes
);

/// The page reads each card's light copy of its ratings only while it
/// was written at the card's version: a card changed by an older server
/// (which moves the version on but knows nothing of `ratings_json`) is
/// read whole, and the fill at start brings every light copy up to date.
async fn the_page_never_reads_ratings_older_than_the_card(app: TestApp) {
    let p = panel(&app).await;
    assert_eq!(scorecards::fill_ratings(&app.db).await.unwrap(), 0);
    let changed =
        sqlx::query("UPDATE scorecards SET ratings_json = '{\"items\":{}}', version = version + 1")
            .execute(&app.db.pool)
            .await
            .unwrap()
            .rows_affected();
    assert!(changed > 0);
    page_matches_full_board(&app, &p).await;
    let filled = scorecards::fill_ratings(&app.db).await.unwrap();
    assert_eq!(filled as u64, changed);
    assert_eq!(scorecards::fill_ratings(&app.db).await.unwrap(), 0);
    page_matches_full_board(&app, &p).await;
}
on_both_databases!(
    board_page_light_ratings_follow_the_card,
    the_page_never_reads_ratings_older_than_the_card
);

async fn page_matches_full_board(app: &TestApp, p: &Panel) {
    let full = board_of(app, &p.recruiter, &p.requisition).await;
    let (status, text) = get(
        app,
        &p.recruiter,
        &format!("/api/fn/board?requisition_id={}", p.requisition),
    )
    .await;
    assert_eq!(status, 200, "{text}");
    assert!(!text.contains("saw **evidence**"), "no notes: {text}");
    let page: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(page["ratings"], serde_json::json!([]));
    assert_eq!(page["slots"], serde_json::json!([]));
    assert_eq!(page["calibration"], full["calibration"]);
    assert_eq!(page["columns"], full["columns"]);
    for name in NAMES {
        let (on_page, in_full) = (row(&page, name), row(&full, name));
        assert_eq!(on_page["items"], serde_json::json!({}), "{name}");
        // The page counts the flags; which items and who rated what are
        // the candidate view's.
        assert_eq!(on_page["flags"], serde_json::json!([]), "{name}");
        let flags = in_full["flags"].as_array().map_or(0, Vec::len);
        assert_eq!(on_page["to_discuss"], flags, "{name}");
        assert_eq!(in_full["to_discuss"], flags, "{name}");
        for field in ["cells", "weighted", "missing", "recommendations"] {
            assert_eq!(on_page[field], in_full[field], "{name}: {field}");
        }
    }
}

async fn only_people_on_the_requisition_see_it(app: TestApp) {
    let p = panel(&app).await;
    let base = format!("/api/requisitions/{}", p.requisition);
    for path in [
        "board",
        "ratings.csv",
        "debrief.md",
        "debrief.html",
        "scorecards.greenhouse.json",
    ] {
        let path = format!("{base}/{path}");
        for (who, client, expected) in [
            ("anonymous", app.anonymous(), 401),
            ("admin", app.client.clone(), 200),
            ("recruiter on it", p.recruiter.clone(), 200),
            ("hiring manager on it", p.manager.clone(), 200),
            ("interviewer on its panel", p.ivy.clone(), 200),
            ("other recruiter", p.other_recruiter.clone(), 403),
            ("other interviewer", p.other_interviewer.clone(), 403),
        ] {
            let (status, body) = get(&app, &client, &path).await;
            assert_eq!(status, expected, "{who} GET {path}: {body}");
        }
        let (status, _) = get(
            &app,
            &p.recruiter,
            &path.replace(p.requisition.as_str(), "0123456789abcdef0123456789abcdef"),
        )
        .await;
        assert_eq!(status, 404, "unknown requisition at {path}");
    }
}
on_both_databases!(
    board_only_people_on_the_requisition_see_it,
    only_people_on_the_requisition_see_it
);

async fn an_interviewer_who_has_not_submitted_sees_no_ratings(app: TestApp) {
    let p = panel(&app).await;
    let board = board_of(&app, &p.ian, &p.requisition).await;
    let cy = row(&board, "Cy Young");
    assert_eq!(cy["hidden"], true);
    assert!(cy["flags"].as_array().unwrap().is_empty());
    assert!(cy["recommendations"].as_array().unwrap().is_empty());
    assert!(cy["weighted"].is_null());
    assert!(cy["cells"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["mean"].is_null()));
    assert!(board["ratings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["candidate_id"] != p.candidates[2].as_str()));
    // Ada's and Bob's cards of ian's are in: their ratings show.
    assert_eq!(row(&board, "Bob Stone")["hidden"], false);
    assert!(row(&board, "Bob Stone")["weighted"].is_number());
    for export in ["ratings.csv", "debrief.md"] {
        let (status, text) = get(
            &app,
            &p.ian,
            &format!("/api/requisitions/{}/{export}", p.requisition),
        )
        .await;
        assert_eq!(status, 200);
        assert!(
            !text.contains("iris on Cy Young"),
            "{export} leaks Cy's take-aways"
        );
    }
    let (_, csv) = get(
        &app,
        &p.ian,
        &format!("/api/requisitions/{}/ratings.csv", p.requisition),
    )
    .await;
    assert!(
        !csv.contains("Cy Young"),
        "no rating of Cy's in ian's CSV:\n{csv}"
    );
    // The other interviewers' candidates are not ian's business at all.
    let (status, _) = get(
        &app,
        &p.ian,
        &format!("/api/candidates/{}/scorecards", p.candidates[2]),
    )
    .await;
    assert_eq!(status, 403);
}
on_both_databases!(
    blind_interviewer_sees_no_ratings,
    an_interviewer_who_has_not_submitted_sees_no_ratings
);

async fn exports_carry_every_rating(app: TestApp) {
    let p = panel(&app).await;
    let base = format!("/api/requisitions/{}", p.requisition);
    let res = p
        .recruiter
        .get(app.url(&format!("{base}/ratings.csv")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("attachment"));
    let text = res.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "requisition",
            "candidate",
            "round",
            "interviewer",
            "item",
            "competency",
            "rating",
            "indicators",
            "submitted_at",
            "candidate_id"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), p.ratings.len());
    // RFC 4180: every record ends in CRLF (no field here holds a break).
    assert_eq!(text.matches("\r\n").count(), rows.len() + 1);
    assert_eq!(text.matches('\n').count(), rows.len() + 1);
    // Each row names its candidate by id as well as by name.
    for (name, id) in NAMES.iter().zip(&p.candidates) {
        let theirs = rows.iter().filter(|r| &r[1] == *name).count();
        assert!(theirs > 0, "{name} has rows");
        assert_eq!(
            theirs,
            rows.iter().filter(|r| &r[9] == id.as_str()).count(),
            "{name}'s rows carry {id}"
        );
    }
    // The file for Excel is the same with a byte-order mark first.
    // (Bytes, not text: a client's decoder drops the mark.)
    let excel = p
        .recruiter
        .get(app.url(&format!("{base}/ratings.csv?excel=1")))
        .send()
        .await
        .unwrap();
    assert_eq!(excel.status(), 200);
    let excel = excel.bytes().await.unwrap();
    assert_eq!(excel.strip_prefix(b"\xEF\xBB\xBF"), Some(text.as_bytes()));
    let (status, body) = get(&app, &p.recruiter, &format!("{base}/ratings.csv?excel=yes")).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("excel"), "{body}");
    let mut per_rating: BTreeMap<String, usize> = BTreeMap::new();
    for r in &rows {
        *per_rating.entry(r[6].to_string()).or_default() += 1;
    }
    let expected_exceeds = p.ratings.iter().filter(|r| r.3 == Rating::Exceeds).count();
    assert_eq!(per_rating.get("exceeds"), Some(&expected_exceeds));
    assert!(rows.iter().all(|r| !r[8].is_empty()), "submitted_at filled");
    assert!(rows
        .iter()
        .any(|r| &r[1] == "Bob Stone" && &r[3] == "iris@example.com" && &r[6] == "below"));

    let (status, md) = get(&app, &p.manager, &format!("{base}/debrief.md")).await;
    assert_eq!(status, 200);
    for name in NAMES {
        assert!(md.contains(name), "{name} in the debrief");
    }
    assert!(md.contains("ian@example.com"), "who owes a card is named");
    let (status, html) = get(&app, &p.manager, &format!("{base}/debrief.html")).await;
    assert_eq!(status, 200);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg"), "profile charts");
    assert!(html.contains("<strong>evidence</strong>"), "notes rendered");
    assert!(!html.contains("<script"));

    let (status, text) = get(
        &app,
        &p.manager,
        &format!("{base}/scorecards.greenhouse.json"),
    )
    .await;
    assert_eq!(status, 200, "{text}");
    let cards: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(cards.len(), 14, "every submitted card, and only those");
    for card in &cards {
        let problems = crate::support::harvest::problems(card);
        assert!(
            problems.is_empty(),
            "not a Harvest scorecard: {problems:?}\n{card}"
        );
    }
    // Stable numbers: the same export twice has the same ids, every card
    // its own.
    let (_, again) = get(
        &app,
        &p.manager,
        &format!("{base}/scorecards.greenhouse.json"),
    )
    .await;
    let again: Vec<Value> = serde_json::from_str(&again).unwrap();
    let ids =
        |cards: &[Value]| -> Vec<u64> { cards.iter().map(|c| c["id"].as_u64().unwrap()).collect() };
    assert_eq!(ids(&cards), ids(&again));
    assert_eq!(ids(&cards).iter().collect::<BTreeSet<_>>().len(), 14);
    // Iris interviewed Bob twice at the same hour: her role-play card.
    let bob = harvest_id("candidate", &p.candidates[1]);
    let bob_by_iris = cards
        .iter()
        .find(|c| {
            c["candidate_id"] == bob
                && c["submitted_by"]["name"] == "iris@example.com"
                && c["attributes"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|a| a["rating"] == "no"))
        })
        .expect("iris's role-play card on Bob");
    assert_eq!(
        bob_by_iris["application_id"],
        harvest_id("application", &p.candidates[1])
    );
    assert_eq!(bob_by_iris["overall_recommendation"], "no");
    assert_eq!(bob_by_iris["interviewed_at"], "2026-01-05T15:00:00.000Z");
    assert!(bob_by_iris["submitted_at"].is_string());
    assert_eq!(bob_by_iris["created_at"], bob_by_iris["submitted_at"]);
    let role_play = bob_by_iris["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["rating"] == "no")
        .expect("the below on the role-play maps to no");
    assert!(role_play["name"].is_string() && role_play["type"].is_string());
    assert!(role_play["note"].as_str().unwrap().contains("evidence"));
}
on_both_databases!(board_exports_carry_every_rating, exports_carry_every_rating);

async fn record(
    app: &TestApp,
    client: &reqwest::Client,
    candidate: &str,
    outcome: &str,
    rationale: &str,
) -> u16 {
    client
        .post(app.url("/api/fn/record-decision"))
        .header("accept", "application/json")
        .form(&[
            ("candidate_id", candidate),
            ("outcome", outcome),
            ("rationale", rationale),
        ])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn the_decision_sits_beside_the_scores(app: TestApp) {
    let p = panel(&app).await;
    let before = board_of(&app, &p.recruiter, &p.requisition).await;
    let cy = &p.candidates[2];
    // Interviewers and people off the requisition cannot decide.
    assert_eq!(
        record(&app, &p.ivy, cy, "hire", "They were great in the role-play").await,
        403
    );
    assert_eq!(
        record(
            &app,
            &p.other_recruiter,
            cy,
            "hire",
            "They were great overall"
        )
        .await,
        403
    );
    // Bad input names the field and stores nothing.
    assert_eq!(record(&app, &p.manager, cy, "maybe", "short").await, 422);
    assert!(row(
        &board_of(&app, &p.recruiter, &p.requisition).await,
        "Cy Young"
    )["decision"]
        .is_null());

    assert_eq!(
        record(
            &app,
            &p.manager,
            cy,
            "hire",
            "Strong references outweigh the interviews"
        )
        .await,
        200
    );
    let after = board_of(&app, &p.recruiter, &p.requisition).await;
    let row_after = row(&after, "Cy Young");
    assert_eq!(row_after["decision"]["outcome"], "hire");
    assert_eq!(row_after["decision"]["decided_by"], "hank@example.com");
    assert_eq!(
        row_after["departs"], true,
        "a hire below the level's bar is visible"
    );
    // The scores are untouched.
    assert_eq!(row_after["cells"], row(&before, "Cy Young")["cells"]);
    assert_eq!(row_after["weighted"], row(&before, "Cy Young")["weighted"]);

    // A later decision shows; the earlier one stays on record.
    assert_eq!(
        record(
            &app,
            &p.recruiter,
            cy,
            "no-hire",
            "On reflection the role-play gap matters most"
        )
        .await,
        200
    );
    let latest = board_of(&app, &p.recruiter, &p.requisition).await;
    assert_eq!(row(&latest, "Cy Young")["decision"]["outcome"], "no-hire");
    assert_eq!(row(&latest, "Cy Young")["departs"], false);
    let kept = app::db::decisions::for_requisition(&app.db, &p.requisition)
        .await
        .unwrap();
    assert_eq!(kept.len(), 2);
    // The JSON shows the history: the earlier call with who, when and why.
    let earlier = &row(&latest, "Cy Young")["earlier_decisions"];
    assert_eq!(earlier.as_array().map(Vec::len), Some(1), "{earlier}");
    assert_eq!(earlier[0]["outcome"], "hire");
    assert_eq!(earlier[0]["decided_by"], "hank@example.com");
    assert_eq!(
        earlier[0]["rationale"],
        "Strong references outweigh the interviews"
    );
    assert!(earlier[0]["decided_at"].is_string());

    // So does the debrief, after the current decision.
    let (status, debrief) = get(
        &app,
        &p.recruiter,
        &format!("/api/requisitions/{}/debrief.md", p.requisition),
    )
    .await;
    assert_eq!(status, 200);
    let cy_part = debrief.split("## Cy Young").nth(1).expect("Cy's section");
    assert!(cy_part.contains("#### Earlier decisions (1)"), "{cy_part}");
    assert!(cy_part.contains("> Strong references outweigh the interviews"));
    assert!(
        cy_part.find("> On reflection") < cy_part.find("#### Earlier decisions"),
        "the current decision comes first"
    );
}
on_both_databases!(
    decision_sits_beside_the_scores,
    the_decision_sits_beside_the_scores
);

//! The recruiter's candidate list: adding a candidate by hand, importing a
//! CSV file (API, upload form, paste) all or nothing with every bad line
//! reported, and the API's answers to bad input and the wrong people.

use crate::on_both_databases;
use crate::support::pages::{get_page, location, path_of, post_form};
use crate::support::world::{add_candidate, candidate_count, open_requisition_as, SAVE_FORM};
use crate::support::TestApp;
use app::domain::accounts::Role;
use app::domain::candidate::Stage;
use serde_json::{json, Value};

async fn a_hand_added_candidate_appears_with_their_stage(app: TestApp) {
    let recruiter = app.client_as(Role::Recruiter, "rita@example.com").await;
    let id = open_requisition_as(&app, &recruiter).await;
    let list = format!("/requisitions/{id}/candidates");

    let res = post_form(
        &app,
        &recruiter,
        "/api/fn/add-candidate",
        &list,
        &[
            ("requisition_id", id.as_str()),
            ("name", " Ada Lovelace "),
            ("email", "Ada@Example.com"),
            ("phone", "+44 20 7946 0000"),
            (
                "links",
                "https://example.com/ada https://www.linkedin.com/in/ada",
            ),
        ],
    )
    .await;
    let back = location(&res);
    assert!(back.starts_with(&format!("{list}?added=")), "{back}");
    let stored = app::db::candidates::list(&app.db, &id).await.unwrap();
    assert_eq!(stored.len(), 1);
    let ada = &stored[0];
    assert_eq!(
        (ada.name.as_str(), ada.email.as_str()),
        ("Ada Lovelace", "ada@example.com")
    );
    assert_eq!(ada.stage, Stage::Screening);
    assert_eq!(ada.links.len(), 2);

    let (status, html) = get_page(&app, &recruiter, &back).await;
    assert_eq!(status, 200);
    assert!(html.contains("Added Ada Lovelace."), "{html}");
    assert!(html.contains(&format!("href=\"/candidates/{}\"", ada.id)));
    assert!(html.contains("data-stage=\"screening\""));
    assert!(html.contains(Stage::Screening.label()));
    assert!(html.contains("Added by a recruiter"));
    assert!(html.contains("Not screened yet"));

    // A refused form comes back with every message and what was typed.
    let res = post_form(
        &app,
        &recruiter,
        "/api/fn/add-candidate",
        &list,
        &[
            ("requisition_id", id.as_str()),
            ("name", "Grace Hopper"),
            ("email", "grace@"),
            ("phone", "call me"),
            ("links", ""),
        ],
    )
    .await;
    let back = path_of(&app, &location(&res));
    assert!(back.contains("__err="), "{back}");
    let (_, html) = get_page(&app, &recruiter, &back).await;
    assert!(html.contains("`grace@` is not an email address"), "{html}");
    assert!(
        html.contains("the phone number may only contain digits"),
        "{html}"
    );
    assert!(
        html.contains("value=\"Grace Hopper\""),
        "the name is kept: {html}"
    );
    assert!(html.contains("value=\"call me\""), "the phone is kept");
    assert_eq!(candidate_count(&app, &id).await, 1);

    // The same email again is a duplicate, named on the email field.
    let res = post_form(
        &app,
        &recruiter,
        "/api/fn/add-candidate",
        &list,
        &[
            ("requisition_id", id.as_str()),
            ("name", "Ada L."),
            ("email", "ada@example.com"),
        ],
    )
    .await;
    let (_, html) = get_page(&app, &recruiter, &path_of(&app, &location(&res))).await;
    assert!(
        html.contains("ada@example.com is already a candidate on this requisition"),
        "{html}"
    );
    assert_eq!(candidate_count(&app, &id).await, 1);
}
on_both_databases!(
    hand_added_candidate_appears_with_stage,
    a_hand_added_candidate_appears_with_their_stage
);

const GOOD_FILE: &str = "name,email,phone,links\r\n\
Grace Hopper,grace@example.com,,\r\n\
Katherine Johnson,katherine@example.com,+1 757 555 0100,\"https://example.com/kj,\nhttps://www.linkedin.com/in/kj\"\r\n\
Alan Turing,alan@example.com,,\r\n";

async fn a_good_file_imports_everyone(app: TestApp) {
    let recruiter = app.client_as(Role::Recruiter, "rita@example.com").await;
    let id = open_requisition_as(&app, &recruiter).await;

    // Through the API.
    let res = recruiter
        .post(app.url(&format!("/api/requisitions/{id}/candidates")))
        .header("content-type", "text/csv")
        .body(GOOD_FILE)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["imported"], 3);
    assert_eq!(body["candidates"].as_array().unwrap().len(), 3);
    assert_eq!(body["candidates"][1]["links"].as_array().unwrap().len(), 2);
    assert_eq!(body["candidates"][0]["source"], "imported");
    assert_eq!(body["candidates"][0]["stage"], "screening");
    assert_eq!(candidate_count(&app, &id).await, 3);

    // Through the upload form, as a browser without JavaScript.
    let file = "Name,Email\nMary Jackson,mary@example.com\nDorothy Vaughan,dorothy@example.com\n";
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(file.as_bytes().to_vec())
            .file_name("people.csv")
            .mime_str("text/csv")
            .unwrap(),
    );
    let res = recruiter
        .post(app.url(&format!("/requisitions/{id}/candidates/import")))
        .header("origin", app.base.clone())
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let back = location(&res);
    assert_eq!(back, format!("/requisitions/{id}/candidates?imported=2"));
    let (_, html) = get_page(&app, &recruiter, &back).await;
    assert!(html.contains("Imported 2 candidates."), "{html}");
    assert!(html.contains("Dorothy Vaughan") && html.contains("Imported from a CSV file"));
    assert_eq!(candidate_count(&app, &id).await, 5);

    // Pasted into the form.
    let res = post_form(
        &app,
        &recruiter,
        "/api/fn/import-candidates",
        &format!("/requisitions/{id}/candidates"),
        &[
            ("requisition_id", id.as_str()),
            ("text", "name,email\nAnnie Easley,annie@example.com\n"),
        ],
    )
    .await;
    assert_eq!(
        location(&res),
        format!("/requisitions/{id}/candidates?imported=1")
    );
    assert_eq!(candidate_count(&app, &id).await, 6);

    let (status, list) = app
        .get_json(&format!("/api/requisitions/{id}/candidates"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(list["candidates"].as_array().unwrap().len(), 6);
}
on_both_databases!(csv_import_good_file, a_good_file_imports_everyone);

/// Line 3 has a bad email, line 4 no name, lines 5-6 are one row with a
/// quoted two-line links cell (fine), line 7 a bad phone, line 8 someone
/// already on the requisition, line 9 a repeat of line 2.
const BAD_FILE: &str = "name,email,phone,links\n\
Hedy Lamarr,hedy@example.com,,\n\
Bad Email,not-an-email,,\n\
,noname@example.com,,\n\
Quoted Links,quoted@example.com,,\"https://a.example\n\
https://b.example\"\n\
Bad Phone,phone@example.com,call me,\n\
Already Here,existing@example.com,,\n\
Hedy Again,HEDY@example.com,,\n";

fn expected_lines() -> Vec<(u64, &'static str)> {
    vec![
        (3, "email"),
        (4, "name"),
        (7, "phone"),
        (8, "email"),
        (9, "email"),
    ]
}

async fn a_file_with_bad_rows_imports_nobody(app: TestApp) {
    let recruiter = app.client_as(Role::Recruiter, "rita@example.com").await;
    let id = open_requisition_as(&app, &recruiter).await;
    add_candidate(
        &app,
        &recruiter,
        &id,
        "Already Here",
        "existing@example.com",
    )
    .await;
    assert_eq!(candidate_count(&app, &id).await, 1);

    // The API lists every line with its field.
    let res = recruiter
        .post(app.url(&format!("/api/requisitions/{id}/candidates")))
        .header("content-type", "text/csv; charset=utf-8")
        .body(BAD_FILE)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert!(
        body["error"]
            .as_str()
            .unwrap()
            .contains("nothing was imported"),
        "{body}"
    );
    let rows = body["rows"].as_array().unwrap();
    let got: Vec<(u64, &str)> = rows
        .iter()
        .map(|r| (r["line"].as_u64().unwrap(), r["field"].as_str().unwrap()))
        .collect();
    assert_eq!(got, expected_lines(), "{body}");
    assert!(rows[0]["message"]
        .as_str()
        .unwrap()
        .contains("not-an-email"));
    assert_eq!(
        rows[3]["message"],
        "existing@example.com is already a candidate on this requisition"
    );
    assert_eq!(rows[4]["message"], "hedy@example.com is already on line 2");
    assert_eq!(candidate_count(&app, &id).await, 1, "nothing was imported");

    // The upload form goes back to the list with the same lines, and the
    // file's text in the paste box for correcting.
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(BAD_FILE.as_bytes().to_vec()).file_name("bad.csv"),
    );
    let res = recruiter
        .post(app.url(&format!("/requisitions/{id}/candidates/import")))
        .header("origin", app.base.clone())
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let back = location(&res);
    assert!(back.contains("__err="), "{back}");
    let (status, html) = get_page(&app, &recruiter, &back).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Nothing was imported. The file has 5 problems"),
        "{html}"
    );
    for (line, field) in expected_lines() {
        assert!(
            html.contains(&format!("data-line=\"{line}\" data-field=\"{field}\"")),
            "line {line} {field} in {html}"
        );
    }
    assert!(
        html.contains("Hedy Again,HEDY@example.com"),
        "the text to correct is kept"
    );
    assert_eq!(candidate_count(&app, &id).await, 1, "nothing was imported");

    // Pasted: the same refusal, as the server function's error.
    let res = recruiter
        .post(app.url("/api/fn/import-candidates"))
        .form(&[("requisition_id", id.as_str()), ("text", BAD_FILE)])
        .send()
        .await
        .unwrap();
    assert!(!res.status().is_success());
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["Rows"]["rows"].as_array().unwrap().len(), 5, "{body}");
    assert_eq!(candidate_count(&app, &id).await, 1, "nothing was imported");

    // Not UTF-8, and no file at all.
    let res = recruiter
        .post(app.url(&format!("/api/requisitions/{id}/candidates")))
        .header("content-type", "text/csv")
        .body(vec![b'n', b'a', 0xff, b'\n'])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["rows"][0]["field"], "file");
    let res = recruiter
        .post(app.url(&format!("/requisitions/{id}/candidates/import")))
        .header("origin", app.base.clone())
        .multipart(reqwest::multipart::Form::new().text("other", "x"))
        .send()
        .await
        .unwrap();
    let (_, html) = get_page(&app, &recruiter, &location(&res)).await;
    assert!(html.contains("Choose a CSV file to import."), "{html}");
}
on_both_databases!(
    csv_import_bad_rows_import_nobody,
    a_file_with_bad_rows_imports_nobody
);

async fn the_candidate_api_answers_bad_input_and_the_wrong_people(app: TestApp) {
    let recruiter = app.client_as(Role::Recruiter, "rita@example.com").await;
    let id = open_requisition_as(&app, &recruiter).await;
    let url = app.url(&format!("/api/requisitions/{id}/candidates"));

    let res = recruiter
        .post(&url)
        .json(&json!({ "name": "Ada", "email": "ada@example.com", "phone": "+1 555 0100", "links": ["https://a.example", "https://b.example"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let id_of_ada = res.headers()["location"].to_str().unwrap().to_string();
    let ada: Value = res.json().await.unwrap();
    assert_eq!(
        id_of_ada,
        format!("/candidates/{}", ada["id"].as_str().unwrap())
    );
    assert_eq!(ada["stage"], "screening");
    assert_eq!(ada["source"], "added");
    assert_eq!(
        ada["links"],
        json!(["https://a.example", "https://b.example"])
    );

    // 422: every field with its reason.
    let res = recruiter
        .post(&url)
        .json(&json!({ "name": "", "email": "nope", "links": "javascript:alert(1)" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"], "invalid input");
    let fields: Vec<&str> = body["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["name", "email", "links"], "{body}");
    assert!(body["fields"][1]["message"]
        .as_str()
        .unwrap()
        .contains("nope"));

    // Malformed JSON is a 422 on the body.
    let res = recruiter
        .post(&url)
        .header("content-type", "application/json")
        .body("{")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["fields"][0]["field"], "body");

    // 409: the same person twice.
    let res = recruiter
        .post(&url)
        .json(&json!({ "name": "Ada", "email": "ADA@example.com" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 409);
    let body: Value = res.json().await.unwrap();
    assert_eq!(
        body["error"],
        "ada@example.com is already a candidate on this requisition"
    );

    // 415: neither JSON nor CSV.
    let res = recruiter
        .post(&url)
        .header("content-type", "text/plain")
        .body("Ada")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 415);

    // 404: no such requisition.
    let res = recruiter
        .post(app.url("/api/requisitions/nope/candidates"))
        .json(&json!({ "name": "Ada", "email": "ada@example.com" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);

    // 403: a recruiter who is not on it, and an interviewer.
    for (role, email) in [
        (Role::Recruiter, "other@example.com"),
        (Role::Interviewer, "ivan@example.com"),
    ] {
        let client = app.client_as(role, email).await;
        let res = client
            .post(&url)
            .json(&json!({ "name": "Eve", "email": "eve@example.com" }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "{email}");
        let res = client.get(&url).send().await.unwrap();
        assert_eq!(res.status(), 403, "{email}");
        let (status, _) = get_page(&app, &client, &format!("/requisitions/{id}/candidates")).await;
        assert_eq!(status, 403, "{email} on the page");
    }

    // 401: nobody signed in (the gate answers before the route).
    let res = app
        .anonymous()
        .post(&url)
        .json(&json!({ "name": "Eve", "email": "eve@example.com" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let res = app
        .anonymous()
        .get(app.url(&format!("/requisitions/{id}/candidates")))
        .send()
        .await
        .unwrap();
    assert!(res.status().is_redirection());
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .starts_with("/sign-in"));

    // A draft takes no candidates yet.
    let res = app
        .client
        .post(app.url("/api/fn/save-jd"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .header("referer", app.url("/jd"))
        .body(SAVE_FORM)
        .send()
        .await
        .unwrap();
    let draft = location(&res)
        .trim_start_matches("/requisitions/")
        .to_string();
    let res = app
        .client
        .post(app.url(&format!("/api/requisitions/{draft}/candidates")))
        .json(&json!({ "name": "Eve", "email": "eve@example.com" }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 409);
    let body: Value = res.json().await.unwrap();
    assert!(
        body["error"].as_str().unwrap().contains("still a draft"),
        "{body}"
    );
    assert_eq!(candidate_count(&app, &id).await, 1);
}
on_both_databases!(
    candidate_api_errors,
    the_candidate_api_answers_bad_input_and_the_wrong_people
);

//! Admins manage accounts in the UI (through its server functions): create,
//! change role, switch off; the last admin cannot lock everyone out.

use crate::on_both_databases;
use crate::support::{TestApp, PASSWORD};
use app::domain::accounts::{Email, Role};
use app::domain::keys::UserId;

async fn post_form(
    client: &reqwest::Client,
    app: &TestApp,
    endpoint: &str,
    form: &[(&str, &str)],
) -> (u16, String) {
    let res = client
        .post(app.url(&format!("/api/fn/{endpoint}")))
        .form(form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn admins_create_change_and_switch_off_accounts(app: TestApp) {
    let (status, body) = post_form(
        &app.client,
        &app,
        "create-account",
        &[
            ("email", "Nia@Example.com"),
            ("role", "interviewer"),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let nia = app.client_as(Role::Interviewer, "nia@example.com").await;
    assert_eq!(
        nia.get(app.url("/api/session"))
            .send()
            .await
            .unwrap()
            .status(),
        200,
        "the new account signs in"
    );

    // Bad input names each field and creates nothing.
    let (status, body) = post_form(
        &app.client,
        &app,
        "create-account",
        &[
            ("email", "not-an-email"),
            ("role", "owner"),
            ("password", "short"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    for field in ["email:", "role:", "password:"] {
        assert!(body.contains(field), "{field} in {body}");
    }
    let (status, body) = post_form(
        &app.client,
        &app,
        "create-account",
        &[
            ("email", "nia@example.com"),
            ("role", "recruiter"),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(status, 422, "duplicate: {body}");
    assert!(body.contains("already exists"), "{body}");

    // Promote, then switch off: the session stops working.
    let (user, _) = app::db::users::credentials(
        &app.db,
        &app::domain::accounts::Email::parse("nia@example.com").unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    let (status, _) = post_form(
        &app.client,
        &app,
        "update-account",
        &[("id", &user.id), ("role", "recruiter"), ("active", "on")],
    )
    .await;
    assert_eq!(status, 200);
    let me: serde_json::Value = nia
        .get(app.url("/api/session"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["user"]["role"], "recruiter");
    let (status, _) = post_form(
        &app.client,
        &app,
        "update-account",
        &[("id", &user.id), ("role", "recruiter")],
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        nia.get(app.url("/api/session"))
            .send()
            .await
            .unwrap()
            .status(),
        401,
        "switched off"
    );

    // The last active admin can be neither demoted nor switched off.
    let (admin, _) = app::db::users::credentials(
        &app.db,
        &app::domain::accounts::Email::parse("admin@example.com").unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    let (status, body) = post_form(
        &app.client,
        &app,
        "update-account",
        &[("id", &admin.id), ("role", "recruiter"), ("active", "on")],
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.contains("last active admin"), "{body}");

    // Only admins reach any of this.
    let rita = app.client_as(Role::Recruiter, "rita@example.com").await;
    let (status, _) = post_form(
        &rita,
        &app,
        "create-account",
        &[
            ("email", "x@example.com"),
            ("role", "admin"),
            ("password", PASSWORD),
        ],
    )
    .await;
    assert_eq!(status, 403);
    let (status, html) = {
        let res = app
            .client
            .get(app.url("/admin/users"))
            .send()
            .await
            .unwrap();
        (res.status().as_u16(), res.text().await.unwrap())
    };
    assert_eq!(status, 200);
    assert!(
        html.contains("nia@example.com") && html.contains("switched off"),
        "the list shows the account and its state"
    );
}
on_both_databases!(
    admin_manages_accounts,
    admins_create_change_and_switch_off_accounts
);

/// Two admins, the only two, each demote the other at the same moment: the
/// check and the write are one transaction, so one of them is refused and
/// an admin is always left (read-check-write used to let both through).
async fn two_admins_demoting_each_other_at_once_leave_one(app: TestApp) {
    use app::db::users::{self, AccountUpdate};
    let a = app.user(Role::Admin, "ana@example.com").await;
    let b = app.user(Role::Admin, "ben@example.com").await;
    for account in users::list(&app.db).await.unwrap() {
        if account.role == Role::Admin && account.id != a && account.id != b {
            users::update(
                &app.db,
                &UserId::from(account.id.as_str()),
                Role::Recruiter,
                true,
            )
            .await
            .unwrap();
        }
    }
    for round in 0..10 {
        let (demote_a, switch_off_b) = tokio::join!(
            users::update_keeping_an_admin(&app.db, &a, Role::Recruiter, true),
            users::update_keeping_an_admin(&app.db, &b, Role::Admin, false),
        );
        let outcomes = [demote_a.unwrap(), switch_off_b.unwrap()];
        assert_eq!(
            outcomes
                .iter()
                .filter(|o| **o == AccountUpdate::Updated)
                .count(),
            1,
            "round {round}: {outcomes:?}"
        );
        assert!(outcomes
            .iter()
            .any(|o| matches!(o, AccountUpdate::LastAdmin(_))));
        let admins = users::list(&app.db)
            .await
            .unwrap()
            .into_iter()
            .filter(|u| u.role == Role::Admin && u.active)
            .count();
        assert_eq!(admins, 1, "round {round}");
        users::update(&app.db, &a, Role::Admin, true).await.unwrap();
        users::update(&app.db, &b, Role::Admin, true).await.unwrap();
    }
}
on_both_databases!(
    last_admin_race,
    two_admins_demoting_each_other_at_once_leave_one
);

/// People go by their names: set when the account is made, changed by an
/// admin or by the person, and shown instead of the email.
async fn people_are_shown_by_their_names(app: TestApp) {
    let (status, body) = post_form(
        &app.client,
        &app,
        "create-account",
        &[
            ("email", "nia@example.com"),
            ("name", "  Nia   Okoye "),
            ("role", "recruiter"),
            ("password", "a long enough passphrase"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let nia = app::db::users::active_by_email(&app.db, &Email::parse("nia@example.com").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(nia.name, "Nia Okoye");

    // Nia signs in: the header names her and links to her account.
    let client = app.anonymous();
    let res = client
        .post(app.url("/api/session"))
        .json(&serde_json::json!({"email": "nia@example.com", "password": "a long enough passphrase"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let (_, page) = {
        let res = client.get(app.url("/account")).send().await.unwrap();
        (res.status().as_u16(), res.text().await.unwrap())
    };
    assert!(page.contains(">Nia Okoye</a>"), "{page}");
    assert!(page.contains("value=\"Nia Okoye\""), "{page}");

    // She renames herself; a control character is refused with the field.
    let (status, body) = post_form(&client, &app, "my-name", &[("name", "Nia O.")]).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = post_form(&client, &app, "my-name", &[("name", "Nia\u{7}")]).await;
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("name: "), "{body}");
    // Only an admin renames someone else.
    let (status, _) = post_form(
        &client,
        &app,
        "rename-account",
        &[("id", &nia.id), ("name", "X")],
    )
    .await;
    assert_eq!(status, 403);
    let (status, body) = post_form(
        &app.client,
        &app,
        "rename-account",
        &[("id", &nia.id), ("name", "Nia Okoye")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let list = app
        .client
        .get(app.url("/api/fn/accounts"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(list.contains("\"name\":\"Nia Okoye\""), "{list}");
}

on_both_databases!(display_names, people_are_shown_by_their_names);

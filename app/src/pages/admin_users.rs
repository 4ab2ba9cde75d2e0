//! Accounts, for admins: who can sign in and with which role.

use crate::api::accounts::{
    list_accounts, AccountRow, CreateAccount, RenameAccount, UpdateAccount,
};
use crate::domain::accounts::{Role, MIN_PASSWORD_CHARS};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let create = ServerAction::<CreateAccount>::new();
    let update = ServerAction::<UpdateAccount>::new();
    let rename = ServerAction::<RenameAccount>::new();
    let accounts = Resource::new(
        move || {
            (
                create.version().get(),
                update.version().get(),
                rename.version().get(),
            )
        },
        |_| list_accounts(),
    );
    view! {
        <Title text="Accounts · Alliance Hiring Kit"/>
        <section class="page accounts">
            <h1>"Accounts"</h1>
            <p class="lead">
                "Recruiters and hiring managers run requisitions; interviewers see only the candidates and rounds they are assigned; admins manage accounts and see everything."
            </p>
            <Suspense fallback=|| view! { <p>"Loading accounts…"</p> }>
                {move || Suspend::new(async move {
                    match accounts.await {
                        Ok(rows) => view! { <AccountTable rows update rename/> }.into_any(),
                        Err(e) => crate::pages::load_error(&e),
                    }
                })}
            </Suspense>
            {move || update.value().get().and_then(Result::err).map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })}
            {move || rename.value().get().and_then(Result::err).map(|e| view! { <p class="error" role="alert">{e.to_string()}</p> })}
            <h2>"Add an account"</h2>
            <ActionForm action=create attr:class="stack narrow-form new-account">
                <label>"Email" <input type="email" name="email" required/></label>
                <label>"Name (shown instead of the email; optional)" <input type="text" name="name" maxlength=crate::domain::accounts::MAX_NAME_CHARS.to_string() autocomplete="off"/></label>
                <label>"Role"
                    <select name="role">
                        {Role::ALL.into_iter().map(|r| view! { <option value=r.id() selected=r == Role::Interviewer>{r.id()}</option> }).collect_view()}
                    </select>
                </label>
                <label>{format!("First password (at least {MIN_PASSWORD_CHARS} characters; hand it over privately)")}
                    <input type="password" name="password" required minlength=MIN_PASSWORD_CHARS.to_string() autocomplete="new-password"/>
                </label>
                <button type="submit" class="primary">"Create account"</button>
            </ActionForm>
            {move || create.value().get().map(|r| match r {
                Ok(()) => view! { <p class="ok" role="status">"Account created."</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn AccountTable(
    rows: Vec<AccountRow>,
    update: ServerAction<UpdateAccount>,
    rename: ServerAction<RenameAccount>,
) -> impl IntoView {
    view! {
        <table class="table">
            <thead><tr><th>"Email"</th><th>"Name"</th><th>"Role and access"</th><th>"Created"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|a| {
                    let role = a.role;
                    let email = a.email.clone();
                    let row_key = a.email.clone();
                    let role_label = format!("Role of {}", a.email);
                    let (rename_id, name_label) = (a.id.clone(), format!("Name of {}", a.email));
                    view! {
                        <tr data-account=row_key class:inactive=!a.active>
                            <td>{email}{(!a.active).then(|| view! { <span class="tag">"switched off"</span> })}</td>
                            <td>
                                <ActionForm action=rename attr:class="inline-form rename-account">
                                    <input type="hidden" name="id" value=rename_id/>
                                    <input type="text" name="name" value=a.name.clone() aria-label=name_label
                                        maxlength=crate::domain::accounts::MAX_NAME_CHARS.to_string() autocomplete="off"/>
                                    <button type="submit">"Save"</button>
                                </ActionForm>
                            </td>
                            <td>
                                <ActionForm action=update attr:class="inline-form">
                                    <input type="hidden" name="id" value=a.id.clone()/>
                                    <select name="role" aria-label=role_label>
                                        {Role::ALL.into_iter().map(|r| view! { <option value=r.id() selected=r == role>{r.id()}</option> }).collect_view()}
                                    </select>
                                    <label><input type="checkbox" name="active" checked=a.active/>" may sign in"</label>
                                    <button type="submit">"Save"</button>
                                </ActionForm>
                            </td>
                            <td>{a.created_at.get(..10).unwrap_or_default().to_string()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

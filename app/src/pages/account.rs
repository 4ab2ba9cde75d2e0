//! Your own account: who you are signed in as, and the name colleagues see.

use crate::api::accounts::{my_account, SetMyName, SetMyTimeZone};
use crate::domain::accounts::{CurrentUser, MAX_NAME_CHARS};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AccountPage() -> impl IntoView {
    let rename = ServerAction::<SetMyName>::new();
    let zone = ServerAction::<SetMyTimeZone>::new();
    let me = Resource::new(
        move || (rename.version().get(), zone.version().get()),
        |_| my_account(),
    );
    view! {
        <Title text="Your account · Alliance Hiring Kit"/>
        <section class="page narrow account">
            <h1>"Your account"</h1>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(account) => view! { <Details user=account.user zones=account.time_zones rename zone/> }.into_any(),
                        Err(e) => crate::pages::load_error(&e),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Details(
    user: CurrentUser,
    zones: Vec<String>,
    rename: ServerAction<SetMyName>,
    zone: ServerAction<SetMyTimeZone>,
) -> impl IntoView {
    let current = user.time_zone.clone();
    view! {
        <dl class="facts">
            <dt>"Email"</dt><dd>{user.email.clone()}</dd>
            <dt>"Role"</dt><dd>{user.role.id().replace('-', " ")}</dd>
        </dl>
        <ActionForm action=rename attr:class="stack narrow-form my-name">
            <label for="my-name">"Your name, as colleagues see it on panels, boards and email"</label>
            <input id="my-name" type="text" name="name" value=user.name.clone()
                maxlength=MAX_NAME_CHARS.to_string() autocomplete="name"/>
            <button type="submit" class="primary">"Save"</button>
        </ActionForm>
        {move || rename.value().get().map(|r| match r {
            Ok(()) => view! { <p class="ok" role="status">"Saved."</p> }.into_any(),
            Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
        })}
        <ActionForm action=zone attr:class="stack narrow-form my-time-zone">
            <label for="my-time-zone">"Your time zone: interview times are entered and shown in it"</label>
            <select id="my-time-zone" name="time_zone">
                <option value="" selected=current.is_empty()>"UTC (none chosen)"</option>
                {zones.into_iter().map(|z| {
                    let (selected, label) = (z == current, z.clone());
                    view! { <option value=z selected=selected>{label}</option> }
                }).collect_view()}
            </select>
            <p>
                <button type="button" data-action="browser-time-zone" data-target="my-time-zone">"Use this browser's time zone"</button>
                <button type="submit" class="primary">"Save"</button>
            </p>
        </ActionForm>
        {move || zone.value().get().map(|r| match r {
            Ok(()) => view! { <p class="ok" role="status">"Time zone saved."</p> }.into_any(),
            Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
        })}
    }
}

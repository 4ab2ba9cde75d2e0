//! Your own account: who you are signed in as, and the name colleagues see.

use crate::api::accounts::{my_account, SetMyName};
use crate::domain::accounts::{CurrentUser, MAX_NAME_CHARS};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AccountPage() -> impl IntoView {
    let rename = ServerAction::<SetMyName>::new();
    let me = Resource::new(move || rename.version().get(), |_| my_account());
    view! {
        <Title text="Your account · Alliance Hiring Kit"/>
        <section class="page narrow account">
            <h1>"Your account"</h1>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(user) => view! { <Details user rename/> }.into_any(),
                        Err(e) => {
                            crate::pages::set_error_status(&e);
                            view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn Details(user: CurrentUser, rename: ServerAction<SetMyName>) -> impl IntoView {
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
    }
}

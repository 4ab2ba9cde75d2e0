use leptos::prelude::*;

/// Shown for any path the router does not know, with a 404 status.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <super::routes::HydratedMark/>
        <section class="page narrow">
            <h1>"Page not found"</h1>
            <p>"There is nothing at this address. The interview kits start on the "<a href="/">"kit browser"</a>"."</p>
        </section>
    }
}

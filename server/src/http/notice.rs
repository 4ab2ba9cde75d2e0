//! A small page for answers that cannot go back to the page a form came
//! from (a body over its limit, an application that is not there): the
//! site's stylesheet, a title, what happened, and the way back.

use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};

pub fn notice_page(
    status: StatusCode,
    title: &str,
    message: &str,
    link: Option<(&str, &str)>,
) -> Response {
    let link = link
        .map(|(href, label)| format!("<p><a href=\"{}\">{}</a></p>", escape(href), escape(label)))
        .unwrap_or_default();
    (
        status,
        [(header::CACHE_CONTROL, "no-store")],
        Html(format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title>\
             <link rel=\"stylesheet\" href=\"{css}\"></head><body><main><section class=\"page narrow\">\
             <h1>{t}</h1><p role=\"alert\">{m}</p>{link}</section></main></body></html>",
            t = escape(title),
            m = escape(message),
            css = app::stylesheet_href(),
        )),
    )
        .into_response()
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

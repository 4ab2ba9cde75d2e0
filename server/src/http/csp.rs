//! The Content-Security-Policy on every response.
//!
//! Each request gets a fresh nonce. Pages receive it through the Leptos
//! context (see `build_app`), so the hydration scripts and our own script
//! tags carry it; the header allows scripts with that nonce and nothing
//! else, so markup that slipped past escaping still cannot run script.
//! Routes that set a policy of their own (uploaded files, the printable
//! debrief) keep it.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use leptos::nonce::Nonce;

/// The policy for a response whose scripts carry `nonce`.
///
/// - `script-src`: the nonce; `'strict-dynamic'` lets those scripts load
///   the WASM bundle's modules; `'wasm-unsafe-eval'` lets the bundle
///   compile. No `'unsafe-inline'`, no host allow-list.
/// - `img-src 'self' data:`: an image in a note from another host never
///   loads, so nobody learns who opened the board and when.
/// - `media-src blob:`: the candidate reviews a recording before sending it.
/// - `object-src`, `base-uri` and `frame-ancestors` shut the other ways in.
pub fn policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; \
         script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
         style-src 'self'; \
         img-src 'self' data:; \
         media-src 'self' blob:; \
         connect-src 'self'; \
         font-src 'self'; \
         object-src 'none'; \
         base-uri 'none'; \
         frame-ancestors 'none'; \
         form-action 'self'"
    )
}

/// Middleware: a nonce for the request (in its extensions, where the page
/// renderer finds it) and the policy on the response.
pub async fn content_security_policy(mut request: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    if !response
        .headers()
        .contains_key(header::CONTENT_SECURITY_POLICY)
    {
        // The nonce is URL-safe base64, so the header value is always valid;
        // should that ever change, the strictest policy is the fallback.
        let value = HeaderValue::from_str(&policy(&nonce))
            .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"));
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

/// The nonce of the request being rendered, for the Leptos context.
pub fn request_nonce(parts: &axum::http::request::Parts) -> Option<Nonce> {
    parts.extensions.get::<Nonce>().cloned()
}

#[cfg(test)]
mod tests {
    use super::policy;

    #[test]
    fn the_policy_allows_only_nonced_scripts() {
        let p = policy("abc123");
        assert!(p.contains("script-src 'nonce-abc123' 'strict-dynamic' 'wasm-unsafe-eval';"));
        assert!(!p.contains("unsafe-inline"));
        for directive in [
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "img-src 'self' data:;",
        ] {
            assert!(p.contains(directive), "{directive} missing from {p}");
        }
    }
}

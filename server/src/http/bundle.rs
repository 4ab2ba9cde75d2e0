//! The browser bundle under `/pkg` (the hydration script and its WASM) and
//! what travels light on the wire: precompressed `.br` / `.gz` files chosen
//! by the browser's `Accept-Encoding`, and cache headers.
//!
//! A release build (`scripts/build-site --release`) names the bundle after a
//! hash of its content and writes that name to `pkg/bundle-name`; the pages
//! then load `/pkg/<name>.js` and `<name>_bg.wasm`, which are cached for a
//! year as immutable, since a new release has a new name. A development
//! build has the plain name `hiring-kit` and is revalidated on every load
//! (Last-Modified / If-Modified-Since, so an unchanged file costs a 304).

use axum::http::{header, HeaderValue};
use axum::Router;
use std::path::Path;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The bundle's name when no release name was written.
pub const PLAIN_NAME: &str = "hiring-kit";

/// The file a release build writes with the bundle's hashed name.
const NAME_FILE: &str = "pkg/bundle-name";

/// The bundle's name under `site_root`: the hashed release name when a
/// well-formed one was written, else the plain development name.
pub fn name(site_root: &Path) -> String {
    std::fs::read_to_string(site_root.join(NAME_FILE))
        .ok()
        .map(|text| text.trim().to_string())
        .filter(|name| is_hashed_name(name))
        .unwrap_or_else(|| PLAIN_NAME.to_string())
}

/// `hiring-kit-` and 16 lower-case hex digits, nothing else.
fn is_hashed_name(name: &str) -> bool {
    name.strip_prefix("hiring-kit-").is_some_and(|hash| {
        hash.len() == 16
            && hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// `/pkg/*` from `site_root/pkg`, preferring a precompressed copy.
pub fn router<S: Clone + Send + Sync + 'static>(site_root: &Path) -> Router<S> {
    let cache = if name(site_root) == PLAIN_NAME {
        "no-cache"
    } else {
        "public, max-age=31536000, immutable"
    };
    let files = ServeDir::new(site_root.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    Router::new().nest_service(
        "/pkg",
        tower::ServiceBuilder::new()
            .layer(SetResponseHeaderLayer::overriding(
                header::CACHE_CONTROL,
                HeaderValue::from_static(cache),
            ))
            .service(files),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_well_formed_hashed_name_is_taken() {
        assert!(is_hashed_name("hiring-kit-0123456789abcdef"));
        for bad in [
            "hiring-kit",
            "hiring-kit-0123456789ABCDEF",
            "hiring-kit-0123456789abcde",
            "hiring-kit-0123456789abcdef0",
            "../hiring-kit-0123456789abcdef",
            "hiring-kit-0123456789abcdeg",
        ] {
            assert!(!is_hashed_name(bad), "{bad}");
        }
    }

    async fn get(
        router: Router,
        path: &str,
        headers: &[(header::HeaderName, &str)],
    ) -> axum::http::Response<axum::body::Body> {
        use tower::ServiceExt;
        let mut request = axum::http::Request::get(path);
        for (name, value) in headers {
            request = request.header(name, *value);
        }
        router
            .oneshot(request.body(axum::body::Body::empty()).unwrap())
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn a_release_bundle_is_served_precompressed_and_cached_for_good() {
        let dir = tempfile::tempdir().unwrap();
        let pkg = dir.path().join("pkg");
        std::fs::create_dir(&pkg).unwrap();
        let name = "hiring-kit-0123456789abcdef";
        std::fs::write(dir.path().join(NAME_FILE), name).unwrap();
        std::fs::write(
            pkg.join(format!("{name}.js")),
            "export default 1;".repeat(100),
        )
        .unwrap();
        std::fs::write(pkg.join(format!("{name}.js.br")), b"brotli bytes").unwrap();
        std::fs::write(pkg.join(format!("{name}.js.gz")), b"gzip bytes").unwrap();
        let path = format!("/pkg/{name}.js");

        let res = get(
            router(dir.path()),
            &path,
            &[(header::ACCEPT_ENCODING, "gzip, br")],
        )
        .await;
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(
            res.headers()[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
        let res = get(
            router(dir.path()),
            &path,
            &[(header::ACCEPT_ENCODING, "gzip")],
        )
        .await;
        assert_eq!(res.headers()[header::CONTENT_ENCODING], "gzip");
        let res = get(router(dir.path()), &path, &[]).await;
        assert!(res.headers().get(header::CONTENT_ENCODING).is_none());
        let body = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        assert_eq!(body.len(), 1700);
    }

    #[tokio::test]
    async fn a_development_bundle_is_revalidated_and_unchanged_costs_a_304() {
        let dir = tempfile::tempdir().unwrap();
        let pkg = dir.path().join("pkg");
        std::fs::create_dir(&pkg).unwrap();
        std::fs::write(pkg.join("hiring-kit.js"), "export default 1;").unwrap();
        let res = get(router(dir.path()), "/pkg/hiring-kit.js", &[]).await;
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()[header::CACHE_CONTROL], "no-cache");
        let modified = res.headers()[header::LAST_MODIFIED]
            .to_str()
            .unwrap()
            .to_string();
        let again = get(
            router(dir.path()),
            "/pkg/hiring-kit.js",
            &[(header::IF_MODIFIED_SINCE, modified.as_str())],
        )
        .await;
        assert_eq!(again.status(), 304);
    }

    #[test]
    fn the_name_file_decides_the_name() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(name(dir.path()), PLAIN_NAME);
        std::fs::create_dir(dir.path().join("pkg")).unwrap();
        std::fs::write(dir.path().join(NAME_FILE), "hiring-kit-00ff00ff00ff00ff\n").unwrap();
        assert_eq!(name(dir.path()), "hiring-kit-00ff00ff00ff00ff");
        std::fs::write(dir.path().join(NAME_FILE), "<script>").unwrap();
        assert_eq!(name(dir.path()), PLAIN_NAME);
    }
}

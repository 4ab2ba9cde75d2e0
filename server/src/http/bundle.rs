//! The browser bundle under `/pkg` (the hydration script, the main WASM
//! module, the loader of the lazily loaded pages and their chunks) and what
//! travels light on the wire: precompressed `.br` / `.gz` files chosen by
//! the browser's `Accept-Encoding`, and cache headers.
//!
//! A release build (`scripts/build-site --release`) puts the bundle in a
//! folder named after a hash of its content, `pkg/hiring-kit-<hash>/`, and
//! writes that name to `pkg/bundle-name`; pages then load
//! `/pkg/<name>/hiring-kit.js`, and everything in that folder is cached for
//! a year as immutable, since a new release has a new folder. A development
//! build sits in `pkg/` itself and is revalidated on every load
//! (Last-Modified / If-Modified-Since, so an unchanged file costs a 304).

use axum::http::{header, HeaderValue};
use axum::Router;
use std::path::Path;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The name wasm-bindgen gives the bundle's script (`hiring-kit.js`) and
/// main module (`hiring-kit_bg.wasm`), in either build.
pub const OUTPUT_NAME: &str = "hiring-kit";

/// The file a release build writes with the bundle's hashed folder name.
const NAME_FILE: &str = "pkg/bundle-name";

/// The release bundle's folder under `site_root/pkg`, when a well-formed
/// name was written.
fn release_folder(site_root: &Path) -> Option<String> {
    std::fs::read_to_string(site_root.join(NAME_FILE))
        .ok()
        .map(|text| text.trim().to_string())
        .filter(|name| is_hashed_name(name))
}

/// Where the pages load the bundle from, relative to the site root:
/// `pkg/hiring-kit-<hash>` for a release build, else `pkg`. This is
/// Leptos' `site_pkg_dir`.
pub fn pkg_dir(site_root: &Path) -> String {
    match release_folder(site_root) {
        Some(folder) => format!("pkg/{folder}"),
        None => "pkg".to_string(),
    }
}

/// The bundle's script on disk (whether a bundle was built at all).
pub fn script(site_root: &Path) -> std::path::PathBuf {
    site_root
        .join(pkg_dir(site_root))
        .join(format!("{OUTPUT_NAME}.js"))
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

/// `/pkg/*` from `site_root/pkg`, preferring a precompressed copy; the
/// release folder immutable, anything else revalidated.
pub fn router<S: Clone + Send + Sync + 'static>(site_root: &Path) -> Router<S> {
    let pkg = site_root.join("pkg");
    let mut router = Router::new();
    if let Some(folder) = release_folder(site_root) {
        router = router.nest_service(
            &format!("/pkg/{folder}"),
            files(&pkg.join(&folder), "public, max-age=31536000, immutable"),
        );
    }
    router.nest_service("/pkg", files(&pkg, "no-cache"))
}

/// The files under `dir`, precompressed copies first, with `cache`.
fn files(dir: &Path, cache: &'static str) -> SetHeaderService {
    tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static(cache),
        ))
        .service(ServeDir::new(dir).precompressed_br().precompressed_gzip())
}

type SetHeaderService = tower_http::set_header::SetResponseHeader<ServeDir, HeaderValue>;

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
        let name = "hiring-kit-0123456789abcdef";
        let folder = dir.path().join("pkg").join(name);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(dir.path().join(NAME_FILE), name).unwrap();
        std::fs::write(
            folder.join("hiring-kit.js"),
            "export default 1;".repeat(100),
        )
        .unwrap();
        std::fs::write(folder.join("hiring-kit.js.br"), b"brotli bytes").unwrap();
        std::fs::write(folder.join("hiring-kit.js.gz"), b"gzip bytes").unwrap();
        std::fs::write(folder.join("split_page.wasm"), b"\0asm chunk").unwrap();
        let path = format!("/pkg/{name}/hiring-kit.js");
        assert_eq!(script(dir.path()), dir.path().join(&path[1..]));

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
        // A page's chunk, beside the script, is cached for good too.
        let res = get(
            router(dir.path()),
            &format!("/pkg/{name}/split_page.wasm"),
            &[],
        )
        .await;
        assert_eq!(res.status(), 200);
        assert_eq!(res.headers()[header::CONTENT_TYPE], "application/wasm");
        assert_eq!(
            res.headers()[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
        // The name file itself is not.
        let res = get(router(dir.path()), "/pkg/bundle-name", &[]).await;
        assert_eq!(res.headers()[header::CACHE_CONTROL], "no-cache");
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
    fn the_name_file_decides_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(pkg_dir(dir.path()), "pkg");
        std::fs::create_dir(dir.path().join("pkg")).unwrap();
        std::fs::write(dir.path().join(NAME_FILE), "hiring-kit-00ff00ff00ff00ff\n").unwrap();
        assert_eq!(pkg_dir(dir.path()), "pkg/hiring-kit-00ff00ff00ff00ff");
        std::fs::write(dir.path().join(NAME_FILE), "../../etc").unwrap();
        assert_eq!(pkg_dir(dir.path()), "pkg");
    }
}

//! Compresses what is worth compressing on the way out: pages, JSON, CSV,
//! the stylesheet and scripts (brotli or gzip, whichever the browser takes).
//! Files that are compressed already (videos, PDFs, Word documents), byte
//! ranges, and anything tiny go as they are; the bundle under `/pkg` comes
//! precompressed (see `bundle.rs`) and is left alone.

use axum::http::{header, HeaderMap, StatusCode, Version};
use tower_http::compression::predicate::{Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};

/// Bodies shorter than this cost more to compress than they save.
const MIN_BYTES: u16 = 512;

/// Types that shrink: text of any kind and our JSON, JavaScript and SVG.
fn compressible(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence.starts_with("text/")
        || matches!(
            essence.as_str(),
            "application/json" | "application/javascript" | "image/svg+xml" | "application/wasm"
        )
}

fn worth_it(
    status: StatusCode,
    _: Version,
    headers: &HeaderMap,
    _: &axum::http::Extensions,
) -> bool {
    status != StatusCode::PARTIAL_CONTENT
        && headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(compressible)
}

/// Level 4 of either codec: most of the saving for a fraction of the time
/// the top levels take, since pages are compressed as they are served.
pub fn layer() -> CompressionLayer<impl Predicate> {
    CompressionLayer::new()
        .quality(CompressionLevel::Precise(4))
        .compress_when(SizeAbove::new(MIN_BYTES).and(worth_it))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_json_and_scripts_are_compressed_media_is_not() {
        for yes in [
            "text/html; charset=utf-8",
            "application/json",
            "text/csv; charset=utf-8",
            "text/css",
            "text/javascript; charset=utf-8",
            "image/svg+xml",
        ] {
            assert!(compressible(yes), "{yes}");
        }
        for no in [
            "video/webm",
            "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "image/png",
            "",
        ] {
            assert!(!compressible(no), "{no}");
        }
    }
}

//! Pages we hand out as files (the printable debrief, the JD as `.html`):
//! no scripts at all, one style block allowed by its hash rather than by
//! `'unsafe-inline'`, images only from this site. The same policy goes in
//! the page's `<meta>` (it travels with the file) and in the header it is
//! served with.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The Content-Security-Policy for a standalone page whose only style
/// block is exactly `style`.
pub fn policy(style: &str) -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(style));
    format!(
        "default-src 'none'; style-src 'sha256-{hash}'; img-src 'self' data:; \
         base-uri 'none'; form-action 'none'"
    )
}

/// The policy as a response header: the `<meta>` form cannot say
/// `frame-ancestors`, the header can.
pub fn header_policy(style: &str) -> String {
    format!("{}; frame-ancestors 'none'", policy(style))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_the_style_blocks() {
        // sha256("") in base64, as browsers compute it for an empty block.
        assert!(policy("").contains("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"));
        let p = header_policy("body{}");
        assert!(!p.contains("unsafe-inline") && !p.contains("script-src"));
        assert!(p.ends_with("frame-ancestors 'none'"));
    }
}

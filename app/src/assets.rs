//! Addresses of the embedded stylesheet and scripts. Each carries a
//! fingerprint of the content (`?v=…`), computed when the crate compiles, so
//! the server may let browsers keep the file for a year (see the server's
//! `http/assets.rs`): a release that changes the file changes its address,
//! and pages ask for the new one at once.

/// FNV-1a over the text: not a security measure, only a change detector
/// that the compiler can work out (a `const fn`), on both the server and
/// the browser build, so the address matches when a page hydrates.
pub const fn fingerprint(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// The address pages link to: the path with the content's fingerprint.
pub fn href(path: &str, version: u64) -> String {
    format!("{path}?v={version:016x}")
}

/// Whether a request's query names this version (then the answer may be
/// kept for good); any other query, or none, gets a revalidated answer.
pub fn is_current(query: Option<&str>, version: u64) -> bool {
    query.is_some_and(|q| q == format!("v={version:016x}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_changes_with_the_content() {
        assert_ne!(
            fingerprint("body { color: red }"),
            fingerprint("body { color: blue }")
        );
        assert_eq!(fingerprint(""), 0xcbf2_9ce4_8422_2325);
        // The published FNV-1a 64 test vector for "a".
        assert_eq!(fingerprint("a"), 0xaf63_dc4c_8601_ec8c);
        let v = fingerprint("x");
        assert_eq!(
            href("/assets/a.css", v),
            format!("/assets/a.css?v={v:016x}")
        );
        assert!(is_current(Some(&format!("v={v:016x}")), v));
        assert!(!is_current(Some("v=0000000000000000"), v));
        assert!(!is_current(None, v));
    }
}

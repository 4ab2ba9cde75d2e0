//! Markdown to HTML, on the server only, always sanitised: raw HTML, scripts,
//! event handlers and `javascript:` links in any input never reach a page.
//!
//! Two costs are bounded here too. Deeply nested containers (`- - - - …`,
//! `> > > …`) make the parser's work grow with the square of the depth, so
//! markers past [`MAX_NESTING`] on a line are turned into plain text before
//! parsing. Images load only from this site: an image from another host
//! would tell its owner when and from where each panelist reads a note.

use pulldown_cmark::{html, Options, Parser};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

/// How many block containers (list items, block quotes) one line may open.
/// Real notes use two or three; the rest of the line stays as text.
pub const MAX_NESTING: usize = 8;

/// The most text (Markdown and its HTML) [`to_safe_html_once`] keeps.
const MAX_KEPT_BYTES: usize = 16 * 1024 * 1024;

/// Notes kept as rendered, by their exact text.
#[derive(Default)]
struct Rendered {
    html: HashMap<String, Arc<str>>,
    bytes: usize,
}

static RENDERED: LazyLock<Mutex<Rendered>> = LazyLock::new(Mutex::default);

/// [`to_safe_html`] for text that is read far more often than written:
/// panelists' notes and take-aways, drawn on every open of a candidate's
/// board and scorecard. A note's HTML depends on its text alone, so each
/// distinct text is rendered once per server and then served from memory;
/// a hostile note costs its (capped) render once, not on every read. When
/// the kept text reaches [`MAX_KEPT_BYTES`] the store starts over.
pub fn to_safe_html_once(markdown: &str) -> String {
    if let Some(html) = RENDERED
        .lock()
        .ok()
        .and_then(|r| r.html.get(markdown).cloned())
    {
        return html.to_string();
    }
    let html = to_safe_html(markdown);
    if let Ok(mut rendered) = RENDERED.lock() {
        let size = markdown.len() + html.len();
        if rendered.bytes + size > MAX_KEPT_BYTES {
            *rendered = Rendered::default();
        }
        if size <= MAX_KEPT_BYTES {
            rendered.bytes += size;
            rendered
                .html
                .insert(markdown.to_string(), Arc::from(html.as_str()));
        }
    }
    html
}

pub fn to_safe_html(markdown: &str) -> String {
    let markdown = flatten_deep_nesting(markdown);
    let mut unsafe_html = String::with_capacity(markdown.len() * 2);
    html::push_html(
        &mut unsafe_html,
        Parser::new_ext(
            &markdown,
            Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
        ),
    );
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer nofollow"))
        .attribute_filter(|element, attribute, value| {
            if element == "img" && attribute == "src" && !is_own_path(value) {
                None
            } else {
                Some(value.into())
            }
        })
        .clean(&unsafe_html)
        .to_string()
}

/// A path on this site (`/files/…`), not `//host/…` or `https://host/…`.
fn is_own_path(url: &str) -> bool {
    url.starts_with('/') && !url.starts_with("//") && !url.starts_with("/\\")
}

/// Escapes container markers beyond [`MAX_NESTING`] on each line, so that
/// `"- ".repeat(10_000)` is a short list holding text rather than ten
/// thousand nested lists. Lines within the limit are left untouched.
fn flatten_deep_nesting(markdown: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut line_start = 0;
    for line in markdown.split_inclusive('\n') {
        if let Some(cut) = excess_marker(line) {
            let out = out.get_or_insert_with(|| {
                let mut s = String::with_capacity(markdown.len() + 16);
                s.push_str(&markdown[..line_start]);
                s
            });
            out.push_str(&line[..cut]);
            out.push('\\');
            out.push_str(&line[cut..]);
        } else if let Some(out) = out.as_mut() {
            out.push_str(line);
        }
        line_start += line.len();
    }
    match out {
        Some(s) => Cow::Owned(s),
        None => Cow::Borrowed(markdown),
    }
}

/// The byte offset of the first container marker past the nesting limit
/// on this line, if there is one. A marker is `>`, or a bullet (`-`, `+`,
/// `*`) or an ordered number (`12.`, `3)`) followed by a space, tab or the
/// end of the line; up to three spaces of indentation may precede each.
fn excess_marker(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut at = 0;
    let mut depth = 0;
    loop {
        let mut indent = 0;
        while indent < 4 && bytes.get(at + indent) == Some(&b' ') {
            indent += 1;
        }
        let start = at + indent;
        let marker_end = match bytes.get(start) {
            Some(b'>') => Some(start + 1),
            Some(b'-' | b'+' | b'*') => Some(start + 1).filter(|&e| ends_marker(bytes, e)),
            Some(b'0'..=b'9') => {
                let digits = bytes[start..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                let end = start + digits;
                (digits <= 9 && matches!(bytes.get(end), Some(b'.' | b')')))
                    .then_some(end + 1)
                    .filter(|&e| ends_marker(bytes, e))
            }
            _ => None,
        }?;
        depth += 1;
        if depth > MAX_NESTING {
            return Some(start);
        }
        at = marker_end;
        // One space or tab belongs to the marker.
        if matches!(bytes.get(at), Some(b' ' | b'\t')) {
            at += 1;
        }
    }
}

fn ends_marker(bytes: &[u8], end: usize) -> bool {
    matches!(bytes.get(end), None | Some(b' ' | b'\t' | b'\n' | b'\r'))
}

/// Notes built to be slow to render, for the test above and the bench.
pub fn hostile_notes() -> Vec<String> {
    vec![
        "- ".repeat(9_990),
        "> ".repeat(9_990),
        "1. ".repeat(6_000),
        "- > ".repeat(5_000),
        "*".repeat(20_000),
        "[".repeat(20_000),
        "- a\n".repeat(5_000),
        "_a *b ".repeat(3_000),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_is_rendered_once_and_then_read_from_memory() {
        let note = format!("**kept** {}", "- ".repeat(5000));
        let html = to_safe_html_once(&note);
        assert_eq!(html, to_safe_html(&note), "the same HTML as a fresh render");
        assert_eq!(
            RENDERED
                .lock()
                .unwrap()
                .html
                .get(&note)
                .map(|h| h.to_string()),
            Some(html.clone()),
            "kept by its text"
        );
        assert_eq!(to_safe_html_once(&note), html);
    }

    #[test]
    fn markdown_renders() {
        assert_eq!(
            to_safe_html("**bold**").trim(),
            "<p><strong>bold</strong></p>"
        );
    }

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let html = to_safe_html("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) <a href=\"javascript:alert(2)\">y</a>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn images_from_other_hosts_do_not_load() {
        for source in [
            "![pixel](https://tracker.example/p.gif)",
            "![pixel](//tracker.example/p.gif)",
            "<img src=\"http://tracker.example/p.gif\">",
            "![x](data:image/svg+xml;base64,PHN2Zz4=)",
        ] {
            let html = to_safe_html(source);
            assert!(!html.contains("tracker"), "{source}: {html}");
            assert!(!html.contains("data:"), "{source}: {html}");
        }
        assert!(to_safe_html("![chart](/files/abc)").contains("src=\"/files/abc\""));
        // A backslash arrives percent-encoded: a path on this site, not a host.
        let html = to_safe_html("![pixel](/\\tracker.example/p.gif)");
        assert!(html.contains("src=\"/%5Ctracker.example/p.gif\""), "{html}");
        assert!(!is_own_path("/\\tracker.example") && !is_own_path("//tracker.example"));
    }

    #[test]
    fn ordinary_nesting_is_untouched() {
        let note =
            "- one\n  - two\n    - three\n> quoted\n> > twice\n1. first\n2) second\n- - - - a\n";
        assert!(matches!(flatten_deep_nesting(note), Cow::Borrowed(_)));
        let html = to_safe_html(note);
        assert!(html.contains("<ul>\n<li>three</li>"), "{html}");
    }

    #[test]
    fn nesting_past_the_limit_becomes_text() {
        let line = "- ".repeat(MAX_NESTING + 3) + "deep";
        let flat = flatten_deep_nesting(&line);
        assert_eq!(flat.matches('\\').count(), 1, "{flat}");
        let html = to_safe_html(&line);
        assert_eq!(html.matches("<ul>").count(), MAX_NESTING);
        assert!(html.contains("- - deep"), "{html}");
        let quotes = "> ".repeat(50) + "x";
        assert_eq!(
            to_safe_html(&quotes).matches("<blockquote>").count(),
            MAX_NESTING
        );
        let ordered = "1. ".repeat(50) + "x";
        assert_eq!(to_safe_html(&ordered).matches("<ol>").count(), MAX_NESTING);
    }

    /// The notes that took seconds before the cap keep to the nesting
    /// limit, which is what bounds the parser's work. `scripts/bench` prints
    /// the time the worst of them takes.
    #[test]
    fn hostile_notes_stay_shallow() {
        for hostile in hostile_notes() {
            let html = to_safe_html(&hostile);
            for container in ["<ul>", "<ol>", "<blockquote>"] {
                assert!(
                    html.matches(container).count() <= MAX_NESTING,
                    "{container} in {}",
                    &hostile[..8]
                );
            }
        }
    }
}

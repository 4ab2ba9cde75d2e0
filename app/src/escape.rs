//! Escaping at the HTML boundary for the places Leptos 0.8 does not escape.
//!
//! tachys 0.2 renders `<textarea>` children raw (its `ESCAPE_CHILDREN` is
//! false for textarea) and leptos_meta 0.8 writes `<Title>` text into the
//! page raw. A candidate name such as `</title><script>…` would therefore run
//! as script in whoever opens the page. Every title and every prefilled
//! textarea goes through this module; `tests::pages_use_the_helpers` fails
//! when a page hands text to either any other way.

/// Text for `<Title text=…/>`.
///
/// On the server the text is written into `<title>` unescaped, so it is
/// escaped here. In the browser leptos_meta assigns `document.title`, which
/// takes plain text: escaping there would show `&lt;` to the reader.
pub fn page_title(text: impl AsRef<str>) -> String {
    let text = text.as_ref();
    if cfg!(feature = "ssr") {
        html_escape::encode_text(text).into_owned()
    } else {
        text.to_string()
    }
}

/// The contents of a textarea, as HTML for `inner_html=`.
///
/// `inner_html` is written raw on the server and assigned to `innerHTML` in
/// the browser; both parse a textarea's contents as escapable text, so the
/// escaped form gives back exactly `text` on either side. Children are never
/// used for textareas because tachys does not escape them.
pub fn textarea_html(text: impl AsRef<str>) -> String {
    let text = text.as_ref();
    let escaped = html_escape::encode_text(text);
    // The HTML parser drops one newline right after `<textarea>` in a page
    // (not in `innerHTML`): give it one to drop so a leading line break the
    // person typed survives a server-rendered round trip.
    if cfg!(feature = "ssr") && (text.starts_with('\n') || text.starts_with("\r\n")) {
        format!("\n{escaped}")
    } else {
        escaped.into_owned()
    }
}

/// A `mailto:` link for an address. The address is percent-encoded, so
/// nothing in it can add recipients, a subject or a body (`?cc=…`, `&`, `#`),
/// whatever was stored before addresses were checked strictly.
pub fn mailto_href(email: &str) -> String {
    use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
    // Everything but letters, digits and `@ . - _ +` is encoded.
    const KEEP: &percent_encoding::AsciiSet = &NON_ALPHANUMERIC
        .remove(b'@')
        .remove(b'.')
        .remove(b'-')
        .remove(b'_')
        .remove(b'+');
    format!("mailto:{}", utf8_percent_encode(email, KEEP))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textarea_contents_cannot_close_the_textarea() {
        let html = textarea_html("</textarea><script>alert(1)</script> & more");
        assert_eq!(
            html,
            "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn titles_are_escaped_on_the_server() {
        assert_eq!(
            page_title("</title><script>x</script> · Candidate"),
            "&lt;/title&gt;&lt;script&gt;x&lt;/script&gt; · Candidate"
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_leading_line_break_survives_the_parser() {
        assert_eq!(textarea_html("\nsecond line"), "\n\nsecond line");
        assert_eq!(textarea_html("plain"), "plain");
    }

    #[test]
    fn mailto_links_carry_only_the_address() {
        assert_eq!(mailto_href("ada@example.com"), "mailto:ada@example.com");
        assert_eq!(
            mailto_href("x@y.example?cc=attacker@evil.example"),
            "mailto:x@y.example%3Fcc%3Dattacker@evil.example"
        );
        assert_eq!(mailto_href("a\"b@c d"), "mailto:a%22b@c%20d");
    }

    /// Every `<Title>` in the pages takes a literal or `page_title(…)`, and
    /// every `<textarea>` is either empty or filled through
    /// `inner_html=textarea_html(…)`. A page that passes raw text to either
    /// fails here, before it can reach a browser.
    #[test]
    fn pages_use_the_helpers() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut problems = Vec::new();
        let mut files = vec![root];
        let mut checked = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                for entry in std::fs::read_dir(&path).expect("source folder") {
                    files.push(entry.expect("source entry").path());
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("escape.rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).expect("source file");
            checked += 1;
            problems.extend(
                raw_titles(&source)
                    .into_iter()
                    .chain(raw_textareas(&source))
                    .map(|snippet| format!("{}: {snippet}", path.display())),
            );
        }
        assert!(checked > 20, "the page sources were not found");
        assert!(
            problems.is_empty(),
            "text reaches a title or textarea without app::escape:\n{}",
            problems.join("\n")
        );
    }

    fn raw_titles(source: &str) -> Vec<String> {
        let mut found = Vec::new();
        for (at, _) in source.match_indices("Title text=") {
            let rest = &source[at + "Title text=".len()..];
            let rest = rest.strip_prefix("crate::escape::").unwrap_or(rest);
            if !(rest.starts_with('"') || rest.starts_with("page_title(")) {
                found.push(rest.chars().take(60).collect());
            }
        }
        found
    }

    fn raw_textareas(source: &str) -> Vec<String> {
        let mut found = Vec::new();
        for (at, _) in source.match_indices("<textarea") {
            let rest = &source[at..];
            let Some(end) = rest.find("</textarea>") else {
                found.push(rest.chars().take(60).collect());
                continue;
            };
            let element = &rest[..end];
            let filled_safely = element.contains("inner_html=textarea_html(")
                || element.contains("inner_html=crate::escape::textarea_html(");
            let empty = element.trim_end().ends_with('>') && !element.contains("inner_html");
            if !(element.ends_with('>') && (filled_safely || empty)) {
                found.push(element.chars().take(80).collect());
            }
        }
        found
    }

    #[test]
    fn the_source_check_catches_raw_text() {
        assert_eq!(raw_titles(r#"<Title text=format!("{}", name)/>"#).len(), 1);
        assert!(raw_titles(r#"<Title text="Sign in"/>"#).is_empty());
        assert!(raw_titles(r#"<Title text=page_title(name)/>"#).is_empty());
        assert_eq!(
            raw_textareas(r#"<textarea name="x">{notes}</textarea>"#).len(),
            1
        );
        assert_eq!(
            raw_textareas(r#"<textarea name="x" inner_html=notes></textarea>"#).len(),
            1
        );
        assert!(raw_textareas(r#"<textarea name="x"></textarea>"#).is_empty());
        assert!(raw_textareas(
            r#"<textarea name="x" inner_html=textarea_html(&notes)></textarea>"#
        )
        .is_empty());
    }
}

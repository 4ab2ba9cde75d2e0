//! Markdown to HTML, on the server only, always sanitised: raw HTML, scripts,
//! event handlers and `javascript:` links in any input never reach a page.

use pulldown_cmark::{html, Options, Parser};

pub fn to_safe_html(markdown: &str) -> String {
    let mut unsafe_html = String::with_capacity(markdown.len() * 2);
    html::push_html(
        &mut unsafe_html,
        Parser::new_ext(
            markdown,
            Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
        ),
    );
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto"].into())
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::to_safe_html;

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
}

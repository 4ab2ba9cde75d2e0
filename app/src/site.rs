//! This site's address as people reach it, for links they share or receive
//! (the application link, calendar invites). Server-only (`ssr`).

/// `scheme://host` from the Host the browser used (a proxy forwards it),
/// over https when the proxy says so (`X-Forwarded-Proto`) or `https` is
/// set. A Host with characters no host name has is replaced by
/// `fallback_host`; with no usable host at all the result is empty, so links
/// stay relative.
pub fn origin(headers: &http::HeaderMap, https: bool, fallback_host: &str) -> String {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let forwarded_https = text("x-forwarded-proto")
        .and_then(|v| v.split(',').next())
        .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"));
    let scheme = if forwarded_https || https {
        "https"
    } else {
        "http"
    };
    let host = text("host")
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        })
        .unwrap_or(fallback_host);
    if host.is_empty() {
        String::new()
    } else {
        format!("{scheme}://{host}")
    }
}

#[cfg(test)]
mod tests {
    use super::origin;
    use http::HeaderMap;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, v.parse().unwrap());
        }
        map
    }

    #[test]
    fn the_host_and_scheme_people_used() {
        assert_eq!(
            origin(&headers(&[("host", "hire.example.com")]), false, ""),
            "http://hire.example.com"
        );
        let proxied = headers(&[
            ("host", "hire.example.com"),
            ("x-forwarded-proto", "https, http"),
        ]);
        assert_eq!(origin(&proxied, false, ""), "https://hire.example.com");
        assert_eq!(
            origin(&headers(&[("host", "127.0.0.1:3000")]), true, ""),
            "https://127.0.0.1:3000"
        );
    }

    #[test]
    fn a_strange_host_is_not_trusted() {
        let evil = headers(&[("host", "evil.example/<script>")]);
        assert_eq!(
            origin(&evil, false, "127.0.0.1:3000"),
            "http://127.0.0.1:3000"
        );
        assert_eq!(origin(&evil, false, ""), "");
        assert_eq!(origin(&HeaderMap::new(), false, ""), "");
    }
}

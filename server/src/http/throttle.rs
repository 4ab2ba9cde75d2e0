//! Per-client-IP rate limits on what anyone can do without an account:
//! starting an application, uploading to one, and signing in (one budget
//! per address across all emails, beside the per-email attempt count).
//!
//! The limits are generous: a candidate, or a whole team behind one NAT,
//! never meets them; a script hammering the public endpoints does. Signed-in
//! staff are never limited on applications and uploads. The buckets live in
//! this process (each instance behind a load balancer keeps its own), which
//! is enough to bound the cost one address can impose on one instance.
//!
//! The client address is the connection's peer, unless the operator names
//! a header that the reverse proxy in front sets (`--trusted-proxy-header`).

use crate::error::ApiError;
use app::domain::accounts::CurrentUser;
use app::error::AppError;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderName, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use governor::clock::Clock;
use governor::{DefaultKeyedRateLimiter, Quota};
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// A sustained rate and the burst allowed on top of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
    /// Requests per minute, sustained (at least 1).
    pub per_minute: u32,
    /// Requests allowed at once before the rate applies (at least 1).
    pub burst: u32,
}

impl Rate {
    fn quota(self) -> Quota {
        let nonzero = |n: u32| NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN);
        Quota::per_minute(nonzero(self.per_minute)).allow_burst(nonzero(self.burst))
    }
}

/// Every limit in one place; tests set them low.
#[derive(Clone, Debug)]
pub struct RateLimits {
    /// `POST /api/fn/apply-start` and `/api/fn/apply-recover` (a lost
    /// application link sent again).
    pub application_starts: Rate,
    /// `POST /apply/...`: resume and video uploads and the final submit.
    pub uploads: Rate,
    /// `POST /api/session` and `POST /sign-in`, whatever the email.
    pub sign_in: Rate,
    /// The header a trusted reverse proxy puts the client's address in
    /// (`X-Forwarded-For`, `X-Real-IP`, `Forwarded`); `None` means the
    /// connection's peer address is the client.
    pub trusted_proxy_header: Option<HeaderName>,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            application_starts: Rate {
                per_minute: 10,
                burst: 20,
            },
            // One application is a resume, up to three videos and a
            // submit, with retries: 40 at once covers several candidates.
            uploads: Rate {
                per_minute: 20,
                burst: 40,
            },
            sign_in: Rate {
                per_minute: 30,
                burst: 30,
            },
            trusted_proxy_header: None,
        }
    }
}

/// The client's address as this server decided it, in the request's
/// extensions for anyone after the throttle (logs, attempt counting).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

/// What a request counts against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    ApplicationStart,
    Upload,
    SignIn,
}

impl Class {
    fn what(self) -> &'static str {
        match self {
            Class::ApplicationStart => "applications started",
            Class::Upload => "uploads",
            Class::SignIn => "sign-in attempts",
        }
    }
}

/// Which limit a request falls under, if any. Staff who are signed in are
/// not limited on the application routes (they may test a job's form);
/// sign-in is limited for everyone, or one account could be used to guess
/// the passwords of others.
pub fn classify(method: &Method, path: &str, signed_in: bool) -> Option<Class> {
    if method != Method::POST {
        return None;
    }
    match path {
        "/api/session" | "/sign-in" => Some(Class::SignIn),
        // Asking for a lost link sends email: it shares the starts' budget.
        "/api/fn/apply-start" | "/api/fn/apply-recover" if !signed_in => {
            Some(Class::ApplicationStart)
        }
        _ if path.starts_with(app::CANDIDATE_PAGES) && !signed_in => Some(Class::Upload),
        _ => None,
    }
}

/// The client's address: the last entry of the trusted header when one is
/// configured and present (a proxy appends the address it saw; anything
/// before that came from the client and proves nothing), else the peer.
pub fn client_ip(
    headers: &HeaderMap,
    peer: Option<IpAddr>,
    trusted: Option<&HeaderName>,
) -> Option<IpAddr> {
    let from_header = trusted.and_then(|name| {
        let last_value = headers.get_all(name).iter().next_back()?;
        let last_entry = last_value.to_str().ok()?.rsplit(',').next()?;
        parse_address(last_entry)
    });
    from_header.or(peer)
}

/// `203.0.113.7`, `203.0.113.7:4711`, `2001:db8::1`, `[2001:db8::1]:4711`,
/// or a `Forwarded` element such as `for="[2001:db8::1]:4711";proto=https`.
fn parse_address(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim();
    let entry = match entry
        .split(';')
        .map(str::trim)
        .find_map(|pair| pair.strip_prefix("for=").or(pair.strip_prefix("FOR=")))
    {
        Some(value) => value.trim_matches('"'),
        None => entry,
    };
    if let Ok(ip) = entry.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Ok(addr) = entry.parse::<SocketAddr>() {
        return Some(addr.ip());
    }
    entry
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
        .and_then(|inner| inner.parse::<IpAddr>().ok())
}

/// The bucket an address counts against: an IPv6 client usually holds a
/// whole /64, so it is one bucket (otherwise each request could come from
/// a fresh address); IPv4 inside IPv6 counts as the IPv4 address.
pub fn bucket(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

/// Whole seconds to wait, at least one (Retry-After has no fractions).
pub fn retry_after_seconds(wait: Duration) -> u64 {
    let whole = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    whole.max(1)
}

/// The limiters, shared by every request of one router.
pub struct Throttle {
    application_starts: DefaultKeyedRateLimiter<IpAddr>,
    uploads: DefaultKeyedRateLimiter<IpAddr>,
    sign_in: DefaultKeyedRateLimiter<IpAddr>,
    trusted_proxy_header: Option<HeaderName>,
    checks: AtomicU64,
}

/// Forgetting addresses whose bucket is full again keeps the maps small;
/// done every this many checks, so its cost is spread thin.
const HOUSEKEEPING_EVERY: u64 = 4096;

impl Throttle {
    pub fn new(limits: &RateLimits) -> Arc<Self> {
        Arc::new(Throttle {
            application_starts: governor::RateLimiter::keyed(limits.application_starts.quota()),
            uploads: governor::RateLimiter::keyed(limits.uploads.quota()),
            sign_in: governor::RateLimiter::keyed(limits.sign_in.quota()),
            trusted_proxy_header: limits.trusted_proxy_header.clone(),
            checks: AtomicU64::new(0),
        })
    }

    fn limiter(&self, class: Class) -> &DefaultKeyedRateLimiter<IpAddr> {
        match class {
            Class::ApplicationStart => &self.application_starts,
            Class::Upload => &self.uploads,
            Class::SignIn => &self.sign_in,
        }
    }

    /// `Ok` or how long until the next request from this address may pass.
    fn check(&self, class: Class, ip: IpAddr) -> Result<(), Duration> {
        if self
            .checks
            .fetch_add(1, Ordering::Relaxed)
            .is_multiple_of(HOUSEKEEPING_EVERY)
        {
            for limiter in [&self.application_starts, &self.uploads, &self.sign_in] {
                limiter.retain_recent();
                limiter.shrink_to_fit();
            }
        }
        let limiter = self.limiter(class);
        limiter
            .check_key(&bucket(ip))
            .map_err(|not_until| not_until.wait_time_from(limiter.clock().now()))
    }
}

/// The middleware: notes the client address, and refuses a request over
/// its class's limit with 429 and Retry-After.
pub async fn limit(
    State(throttle): State<Arc<Throttle>>,
    mut request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip());
    let client = client_ip(
        request.headers(),
        peer,
        throttle.trusted_proxy_header.as_ref(),
    );
    let Some(client) = client else {
        // Only a router served without connection info gets here (our
        // serve loop always adds it); with no address there is nothing
        // fair to count against, and one shared bucket would let a single
        // client lock everyone out.
        return next.run(request).await;
    };
    request.extensions_mut().insert(ClientIp(client));
    let signed_in = request.extensions().get::<CurrentUser>().is_some();
    let Some(class) = classify(request.method(), request.uri().path(), signed_in) else {
        return next.run(request).await;
    };
    match throttle.check(class, client) {
        Ok(()) => next.run(request).await,
        Err(wait) => {
            let seconds = retry_after_seconds(wait);
            tracing::info!(client = %client, ?class, retry_after = seconds, "rate limit reached");
            let path = request.uri().path();
            let wants_json = path.starts_with("/api/") && !accepts_html(&request);
            too_many(class, seconds, wants_json, path.starts_with("/api/fn/"))
        }
    }
}

/// A browser posting a form (no JavaScript) asks for HTML; scripts and the
/// hydrated app do not.
fn accepts_html(request: &Request) -> bool {
    request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

fn too_many(class: Class, seconds: u64, json: bool, server_fn: bool) -> Response {
    let message = format!(
        "Too many {} from your network address. Please wait {} and try again.",
        class.what(),
        in_words(seconds)
    );
    if json && server_fn {
        // Server functions called by the hydrated page decode their errors
        // as `AppError`: this one shows the message where the form is.
        let body =
            serde_json::to_string(&AppError::Invalid(message)).unwrap_or_else(|_| "{}".to_string());
        return (
            StatusCode::TOO_MANY_REQUESTS,
            [
                (header::RETRY_AFTER, seconds.to_string()),
                (header::CONTENT_TYPE, "application/json".to_string()),
            ],
            body,
        )
            .into_response();
    }
    if json {
        return ApiError::RateLimited {
            message,
            retry_after: seconds,
        }
        .into_response();
    }
    (
        StatusCode::TOO_MANY_REQUESTS,
        [
            (header::RETRY_AFTER, seconds.to_string()),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        Html(format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Please wait a moment</title>\
             <link rel=\"stylesheet\" href=\"{css}\"></head><body><main><section class=\"page narrow\">\
             <h1>Please wait a moment</h1><p role=\"alert\">{message}</p>\
             <p>Go back and send it again after the wait.</p>\
             </section></main></body></html>",
            css = app::stylesheet_href(),
        )),
    )
        .into_response()
}

fn in_words(seconds: u64) -> String {
    match seconds {
        1 => "1 second".into(),
        s if s < 120 => format!("{s} seconds"),
        s => format!("{} minutes", s.div_ceil(60)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn only_anonymous_posts_to_public_endpoints_are_limited() {
        let post = Method::POST;
        assert_eq!(
            classify(&post, "/api/fn/apply-start", false),
            Some(Class::ApplicationStart)
        );
        assert_eq!(
            classify(&post, "/apply/r1/0123/resume", false),
            Some(Class::Upload)
        );
        assert_eq!(classify(&post, "/api/session", false), Some(Class::SignIn));
        assert_eq!(classify(&post, "/sign-in", true), Some(Class::SignIn));
        assert_eq!(classify(&post, "/api/fn/apply-start", true), None);
        assert_eq!(
            classify(&post, "/api/fn/apply-recover", false),
            Some(Class::ApplicationStart)
        );
        assert_eq!(classify(&post, "/apply/r1/0123/resume", true), None);
        assert_eq!(classify(&Method::GET, "/apply/r1/0123", false), None);
        assert_eq!(classify(&Method::DELETE, "/api/session", false), None);
        assert_eq!(classify(&post, "/api/fn/save-jd", false), None);
    }

    #[test]
    fn the_trusted_header_is_read_only_when_configured() {
        let peer: IpAddr = "10.0.0.2".parse().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-forwarded-for",
            HeaderValue::from_static("1.1.1.1, 203.0.113.7"),
        );
        assert_eq!(client_ip(&headers, Some(peer), None), Some(peer));
        let xff = HeaderName::from_static("x-forwarded-for");
        assert_eq!(
            client_ip(&headers, Some(peer), Some(&xff)),
            Some("203.0.113.7".parse().unwrap()),
            "the entry the proxy appended, not the one the client wrote"
        );
        let real = HeaderName::from_static("x-real-ip");
        assert_eq!(
            client_ip(&headers, Some(peer), Some(&real)),
            Some(peer),
            "absent: the peer"
        );
        headers.insert("x-real-ip", HeaderValue::from_static("not an address"));
        assert_eq!(client_ip(&headers, Some(peer), Some(&real)), Some(peer));
        assert_eq!(client_ip(&HeaderMap::new(), None, Some(&real)), None);
    }

    #[test]
    fn addresses_in_every_header_shape_parse() {
        for (entry, ip) in [
            ("203.0.113.7", "203.0.113.7"),
            (" 203.0.113.7:4711 ", "203.0.113.7"),
            ("2001:db8::1", "2001:db8::1"),
            ("[2001:db8::1]:4711", "2001:db8::1"),
            ("[2001:db8::1]", "2001:db8::1"),
            ("for=192.0.2.60;proto=http;by=203.0.113.43", "192.0.2.60"),
            ("for=\"[2001:db8:cafe::17]:4711\"", "2001:db8:cafe::17"),
        ] {
            assert_eq!(parse_address(entry), Some(ip.parse().unwrap()), "{entry}");
        }
        assert_eq!(parse_address("unknown"), None);
        assert_eq!(parse_address("for=_hidden"), None);
    }

    #[test]
    fn ipv6_clients_share_their_64_and_mapped_ipv4_is_ipv4() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        assert_eq!(bucket(a), bucket(b));
        assert_eq!(bucket(a), "2001:db8:1:2::".parse::<IpAddr>().unwrap());
        assert_ne!(bucket(a), bucket("2001:db8:1:3::1".parse().unwrap()));
        assert_eq!(
            bucket("::ffff:198.51.100.4".parse().unwrap()),
            "198.51.100.4".parse::<IpAddr>().unwrap()
        );
    }

    #[test]
    fn a_burst_then_refusal_with_a_wait_in_whole_seconds() {
        let throttle = Throttle::new(&RateLimits {
            sign_in: Rate {
                per_minute: 2,
                burst: 3,
            },
            ..RateLimits::default()
        });
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        for _ in 0..3 {
            assert!(throttle.check(Class::SignIn, ip).is_ok());
        }
        let wait = throttle.check(Class::SignIn, ip).unwrap_err();
        assert!(wait <= Duration::from_secs(30), "{wait:?}");
        let seconds = retry_after_seconds(wait);
        assert!((1..=30).contains(&seconds), "{seconds}");
        // Another address and another class have their own budgets.
        assert!(throttle
            .check(Class::SignIn, "192.0.2.2".parse().unwrap())
            .is_ok());
        assert!(throttle.check(Class::Upload, ip).is_ok());
    }

    #[test]
    fn waits_round_up_and_read_well() {
        assert_eq!(retry_after_seconds(Duration::ZERO), 1);
        assert_eq!(retry_after_seconds(Duration::from_millis(1500)), 2);
        assert_eq!(retry_after_seconds(Duration::from_secs(6)), 6);
        assert_eq!(in_words(1), "1 second");
        assert_eq!(in_words(6), "6 seconds");
        assert_eq!(in_words(600), "10 minutes");
    }
}

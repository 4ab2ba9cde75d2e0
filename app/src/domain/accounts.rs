//! Who uses the product and how they are identified: roles and emails,
//! parsed at the boundary.

use serde::{Deserialize, Serialize};

/// What an account may do. Admins reach everything; recruiters and hiring
/// managers run the requisitions they are on; interviewers see only the
/// candidates they are assigned to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Admin,
    Recruiter,
    HiringManager,
    Interviewer,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Admin,
        Role::Recruiter,
        Role::HiringManager,
        Role::Interviewer,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Recruiter => "recruiter",
            Role::HiringManager => "hiring-manager",
            Role::Interviewer => "interviewer",
        }
    }
}

super::ids::id_enum_impls!(Role, "role");

/// An email address in the plain form people type (`name@example.com`),
/// trimmed and lower-cased so that one person is one account however they
/// type it. Stricter than RFC 5322 on purpose: roughly what an HTML5 or
/// OpenAPI `format: email` validator accepts, minus the characters that mean
/// something in a URL or in HTML (`?`, `&`, `#`, `%`, quotes, angle
/// brackets), because the address ends up in `mailto:` links, CSV files and
/// invites.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{address}` is not an email address: {reason}")]
pub struct InvalidEmail {
    /// What was given, trimmed.
    pub address: String,
    /// Why it was refused, in words for the person who typed it.
    pub reason: String,
}

/// RFC 5321's limits: 64 for the part before `@`, 254 for the whole path.
const MAX_EMAIL_LOCAL: usize = 64;
const MAX_EMAIL_LEN: usize = 254;

/// Characters allowed before the `@` besides letters and digits: the
/// HTML5 set without those that break out of a URL or attribute.
fn local_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '.' | '_' | '+' | '-' | '!' | '$' | '*' | '/' | '=' | '^' | '{' | '|' | '}' | '~'
        )
}

fn email_problem(email: &str) -> Option<String> {
    if email.is_empty() {
        return Some("it is empty".into());
    }
    if email.len() > MAX_EMAIL_LEN {
        return Some(format!("it is longer than {MAX_EMAIL_LEN} characters"));
    }
    if let Some(c) = email.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Some(if c.is_whitespace() {
            "it contains a space or line break".into()
        } else {
            "it contains a control character".into()
        });
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Some("it has no `@`".into());
    };
    if domain.contains('@') {
        return Some("it has more than one `@`".into());
    }
    if let Some(c) = email.chars().find(|&c| c != '@' && !local_char(c)) {
        // Checked over the whole address so the message names the first
        // offending character wherever it is; the domain rules below are
        // stricter still.
        return Some(format!("`{c}` is not allowed in an email address"));
    }
    if local.is_empty() {
        return Some("nothing comes before the `@`".into());
    }
    if local.len() > MAX_EMAIL_LOCAL {
        return Some(format!(
            "the part before `@` is longer than {MAX_EMAIL_LOCAL} characters"
        ));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Some("dots before the `@` must sit between other characters".into());
    }
    if domain.is_empty() {
        return Some("nothing comes after the `@`".into());
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.len() < 2 {
        return Some(format!(
            "`{domain}` has no dot: give the full domain, e.g. example.com"
        ));
    }
    for label in labels {
        if label.is_empty() {
            return Some(format!("`{domain}` has an empty part between dots"));
        }
        if label.len() > 63 {
            return Some("a part of the domain is longer than 63 characters".into());
        }
        if !label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Some(format!(
                "`{domain}` may hold only letters, digits, dots and hyphens"
            ));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Some(format!("a part of `{domain}` starts or ends with a hyphen"));
        }
    }
    None
}

impl Email {
    pub fn parse(raw: &str) -> Result<Email, InvalidEmail> {
        let email = raw.trim().to_lowercase();
        match email_problem(&email) {
            None => Ok(Email(email)),
            Some(reason) => Err(InvalidEmail {
                address: raw.trim().to_string(),
                reason,
            }),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where to send someone after signing in, given the `next` they brought:
/// the path itself when it is a plain path on this site, `/` otherwise.
/// Browsers forgive a lot in a `Location` (they drop tabs and line breaks,
/// read `\` as `/`, and take `//host` as another site), so anything but
/// visible ASCII, any backslash, and anything that starts like a network
/// path, raw or once percent-decoded, is refused. What passes is also a
/// valid header value, so building the redirect cannot fail.
pub fn safe_next(next: &str) -> &str {
    const MAX_NEXT: usize = 2048;
    let plain_path = |bytes: &[u8]| {
        bytes.first() == Some(&b'/')
            && !matches!(bytes.get(1), Some(b'/' | b'\\'))
            && bytes
                .iter()
                .all(|b| (0x21..=0x7e).contains(b) && *b != b'\\')
    };
    if next.len() <= MAX_NEXT
        && plain_path(next.as_bytes())
        && plain_path(&percent_encoding::percent_decode_str(next).collect::<Vec<u8>>())
    {
        next
    } else {
        "/"
    }
}

/// Where a sign-in lands: where the person was going, or, with nowhere in
/// particular to go, interviewers on their interviews (where they work).
pub fn landing(role: Role, next: &str) -> &str {
    let next = safe_next(next);
    if next == "/" && role == Role::Interviewer {
        "/interviews"
    } else {
        next
    }
}

// The person behind a request, as the server resolved it from the session.
/// A signed-in account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CurrentUser {
    pub id: super::keys::UserId,
    #[cfg_attr(feature = "ssr", schema(format = Email))]
    pub email: String,
    /// The name they go by; empty when none was given.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub name: String,
    pub role: Role,
    /// Their IANA time zone (`Europe/Paris`); empty until set, which means
    /// UTC.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub time_zone: String,
}

impl CurrentUser {
    /// What the pages call this person: their name, or their email while
    /// they have none.
    pub fn display_name(&self) -> &str {
        shown_name(&self.name, &self.email)
    }
    pub fn is(&self, role: Role) -> bool {
        self.role == role
    }

    /// The zone they read times in (UTC until they choose one).
    #[cfg(feature = "ssr")]
    pub fn zone(&self) -> chrono_tz::Tz {
        super::zone::zone_or_utc(&self.time_zone)
    }

    /// Recruiters, hiring managers and admins run requisitions; interviewers
    /// only see what they are assigned.
    pub fn runs_requisitions(&self) -> bool {
        REQUISITION_ROLES.contains(&self.role)
    }
}

/// A person's name as pages show it: the name, or the email without one.
pub fn shown_name<'a>(name: &'a str, email: &'a str) -> &'a str {
    if name.trim().is_empty() {
        email
    } else {
        name
    }
}

/// The longest name kept, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// A display name as typed: spaces trimmed and runs of them made one;
/// empty means "no name" (the email is shown). Control characters and
/// names over [`MAX_NAME_CHARS`] are refused with the reason.
pub fn parse_name(raw: &str) -> Result<String, String> {
    if raw.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Err("a name cannot hold control characters".into());
    }
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let length = name.chars().count();
    if length > MAX_NAME_CHARS {
        return Err(format!(
            "{length} characters is too long for a name; keep it to {MAX_NAME_CHARS}"
        ));
    }
    Ok(name)
}

/// The roles that run requisitions (and use the JD studio).
pub const REQUISITION_ROLES: [Role; 3] = [Role::Admin, Role::Recruiter, Role::HiringManager];

/// Failed sign-ins allowed before each further attempt has to wait.
pub const FREE_SIGN_IN_FAILURES: i64 = 5;
/// Failures older than this are forgotten.
pub const SIGN_IN_FAILURE_MEMORY_SECS: i64 = 3600;
const LONGEST_SIGN_IN_WAIT_SECS: i64 = 15 * 60;

/// How many seconds must still pass before another sign-in attempt for an
/// email is considered, given its recent failures. The wait doubles with
/// each failure past the free ones, so guessing a password becomes
/// impractically slow while a person who mistyped a few times is not locked
/// out for long.
pub fn sign_in_wait(failures: i64, secs_since_last_failure: i64) -> Option<i64> {
    if failures < FREE_SIGN_IN_FAILURES || secs_since_last_failure >= SIGN_IN_FAILURE_MEMORY_SECS {
        return None;
    }
    let doublings = (failures - FREE_SIGN_IN_FAILURES).min(10) as u32;
    let wait = (15_i64 << doublings).min(LONGEST_SIGN_IN_WAIT_SECS);
    let left = wait - secs_since_last_failure.max(0);
    (left > 0).then_some(left)
}

/// Whether one more sign-in attempt for an email may have its password
/// checked now, given the failures counted so far and when the last was
/// (0 and 0 when none are on record). `Ok` carries the count to store
/// before the check: the attempt counts as a failure until it succeeds, so
/// parallel guesses cannot all slip in under the same count. `Err` carries
/// the seconds still to wait.
pub fn admit_sign_in(failures: i64, last_failed_at: i64, now: i64) -> Result<i64, i64> {
    let since = now - last_failed_at;
    if let Some(wait) = sign_in_wait(failures, since) {
        return Err(wait);
    }
    Ok(if since >= SIGN_IN_FAILURE_MEMORY_SECS {
        1
    } else {
        failures + 1
    })
}

/// Passwords shorter than this are refused: length is what makes a password
/// hard to guess.
pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 256;

pub fn check_password(password: &str) -> Result<(), String> {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        Err(format!(
            "the password has {n} characters; use at least {MIN_PASSWORD_CHARS}"
        ))
    } else if n > MAX_PASSWORD_CHARS {
        Err(format!(
            "the password is longer than {MAX_PASSWORD_CHARS} characters"
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_tidied_and_bounded() {
        assert_eq!(parse_name("  Rita   Rossi \t").unwrap(), "Rita Rossi");
        assert_eq!(parse_name("").unwrap(), "");
        assert!(parse_name("Rita\u{0007}").is_err());
        assert!(parse_name(&"a".repeat(MAX_NAME_CHARS + 1)).is_err());
        assert_eq!(
            parse_name(&"é".repeat(MAX_NAME_CHARS))
                .unwrap()
                .chars()
                .count(),
            MAX_NAME_CHARS
        );
    }

    #[test]
    fn without_a_name_the_email_is_shown() {
        let mut user = CurrentUser {
            id: "u1".into(),
            email: "rita@example.com".into(),
            name: " ".into(),
            role: Role::Recruiter,
            time_zone: String::new(),
        };
        assert_eq!(user.display_name(), "rita@example.com");
        user.name = "Rita Rossi".into();
        assert_eq!(user.display_name(), "Rita Rossi");
    }

    #[test]
    fn interviewers_land_on_their_interviews_unless_going_somewhere() {
        assert_eq!(landing(Role::Interviewer, ""), "/interviews");
        assert_eq!(landing(Role::Interviewer, "/"), "/interviews");
        assert_eq!(landing(Role::Interviewer, "//evil.example"), "/interviews");
        assert_eq!(
            landing(Role::Interviewer, "/interviews/abc"),
            "/interviews/abc"
        );
        assert_eq!(landing(Role::Recruiter, ""), "/");
        assert_eq!(landing(Role::Admin, "/admin/users"), "/admin/users");
    }

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Alice@Example.COM ").unwrap().as_str(),
            "alice@example.com"
        );
        for bad in [
            "alice",
            "alice@",
            "@example.com",
            "alice@example",
            "a b@example.com",
            "a@b@example.com",
            "alice@.com",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn emails_that_could_break_out_of_a_link_or_attribute_are_refused() {
        for bad in [
            "x@y.example?cc=attacker@evil.example",
            "x@y.example?cc=a",
            "a&b@example.com",
            "a#b@example.com",
            "a%40b@example.com",
            "a\"b@example.com",
            "a'b@example.com",
            "<a>@example.com",
            "a>b@example.com",
            "a,b@example.com",
            "a;b@example.com",
            "a\tb@example.com",
            "a\nb@example.com",
            "a\u{7f}b@example.com",
            "a\\b@example.com",
            "a`b@example.com",
            "a(b)@example.com",
            "a:b@example.com",
            "a@b@example.com",
            "a@exa_mple.com",
            "a@-example.com",
            "a@example-.com",
            "a@example..com",
            ".a@example.com",
            "a.@example.com",
            "a..b@example.com",
            "ü@example.com",
            "a@exämple.com",
            "",
        ] {
            let err = Email::parse(bad).expect_err(bad);
            assert!(!err.reason.is_empty(), "{bad}");
        }
        let long_local = format!("{}@example.com", "a".repeat(65));
        assert!(Email::parse(&long_local).is_err());
        let long = format!("a@{}.com", "b".repeat(260));
        assert!(Email::parse(&long).is_err());
        for good in [
            "first.last@example.com",
            "first+tag@sub.example.co.uk",
            "o_neil-smith@example.io",
            "x@y.example",
            "a1@b2.c3",
        ] {
            assert!(Email::parse(good).is_ok(), "{good} refused");
        }
    }

    #[test]
    fn an_invalid_email_says_why() {
        let err = Email::parse(" x@y.example?cc=a@evil.example ").unwrap_err();
        assert_eq!(err.address, "x@y.example?cc=a@evil.example");
        assert!(err.to_string().contains("more than one `@`"), "{err}");
        let err = Email::parse("x@y.example?cc").unwrap_err();
        assert!(err.to_string().contains("`?` is not allowed"), "{err}");
        let err = Email::parse("x y@example.com").unwrap_err();
        assert!(err.to_string().contains("space"), "{err}");
    }

    #[test]
    fn next_is_a_plain_path_on_this_site_or_home() {
        for good in [
            "/",
            "/jd",
            "/jd?level=mid&mode=generate",
            "/requisitions/abc#x",
            "/a/b/c",
        ] {
            assert_eq!(safe_next(good), good);
        }
        for bad in [
            "",
            "jd",
            "/\t/evil.example",
            "\t/evil.example",
            "/\n/x",
            "/\r\n/x",
            "/x\u{0}",
            "/x\u{7f}",
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "\\evil.example",
            "\\\\evil.example",
            "/x\\y",
            "https://evil.example/",
            "http:/evil.example",
            "javascript:alert(1)",
            "/%2F%2Fevil.example",
            "/%2fevil.example",
            "/%5Cevil.example",
            "/%09/evil.example",
            "/%0A/x",
            "/ evil",
            "/ü",
        ] {
            assert_eq!(safe_next(bad), "/", "{bad:?}");
        }
        let long = format!("/{}", "a".repeat(3000));
        assert_eq!(safe_next(&long), "/");
    }

    #[test]
    fn roles_parse_by_id_and_name_the_valid_ones() {
        assert_eq!("hiring-manager".parse::<Role>(), Ok(Role::HiringManager));
        let err = "owner".parse::<Role>().unwrap_err().to_string();
        assert!(
            err.contains("admin, recruiter, hiring-manager, interviewer"),
            "{err}"
        );
    }

    #[test]
    fn repeated_failures_make_each_attempt_wait_longer() {
        assert_eq!(sign_in_wait(0, 0), None);
        assert_eq!(sign_in_wait(FREE_SIGN_IN_FAILURES - 1, 0), None);
        assert_eq!(sign_in_wait(FREE_SIGN_IN_FAILURES, 0), Some(15));
        assert_eq!(sign_in_wait(FREE_SIGN_IN_FAILURES, 10), Some(5));
        assert_eq!(sign_in_wait(FREE_SIGN_IN_FAILURES, 15), None);
        assert_eq!(sign_in_wait(FREE_SIGN_IN_FAILURES + 2, 0), Some(60));
        assert_eq!(sign_in_wait(50, 0), Some(15 * 60), "capped");
        assert_eq!(
            sign_in_wait(50, SIGN_IN_FAILURE_MEMORY_SECS),
            None,
            "old failures are forgotten"
        );
    }

    #[test]
    fn each_admitted_attempt_is_counted_before_its_check() {
        let now = 10_000;
        assert_eq!(admit_sign_in(0, 0, now), Ok(1), "first attempt");
        assert_eq!(admit_sign_in(1, now, now), Ok(2));
        assert_eq!(
            admit_sign_in(FREE_SIGN_IN_FAILURES - 1, now, now),
            Ok(FREE_SIGN_IN_FAILURES),
            "the last free attempt"
        );
        assert_eq!(admit_sign_in(FREE_SIGN_IN_FAILURES, now, now), Err(15));
        assert_eq!(
            admit_sign_in(FREE_SIGN_IN_FAILURES, now - 15, now),
            Ok(FREE_SIGN_IN_FAILURES + 1),
            "after the wait, one more"
        );
        assert_eq!(
            admit_sign_in(50, now - SIGN_IN_FAILURE_MEMORY_SECS, now),
            Ok(1),
            "old failures are forgotten"
        );
    }

    #[test]
    fn short_passwords_are_refused() {
        assert!(check_password("short").is_err());
        assert!(check_password("correct horse battery").is_ok());
    }
}

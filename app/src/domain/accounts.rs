//! Who uses the product and how they are identified: roles and emails,
//! parsed at the boundary.

use super::ids::UnknownId;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// A plausible email address, trimmed and lower-cased so that one person
/// is one account however they type it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an email address")]
pub struct InvalidEmail(pub String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, InvalidEmail> {
        let email = raw.trim().to_lowercase();
        let valid = email.len() <= 254
            && !email.chars().any(char::is_whitespace)
            && email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            });
        if valid {
            Ok(Email(email))
        } else {
            Err(InvalidEmail(raw.trim().to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The person behind a request, as the server resolved it from the session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: String,
    pub email: String,
    pub role: Role,
}

impl CurrentUser {
    pub fn is(&self, role: Role) -> bool {
        self.role == role
    }

    /// Recruiters, hiring managers and admins run requisitions; interviewers
    /// only see what they are assigned.
    pub fn runs_requisitions(&self) -> bool {
        REQUISITION_ROLES.contains(&self.role)
    }
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
    fn short_passwords_are_refused() {
        assert!(check_password("short").is_err());
        assert!(check_password("correct horse battery").is_ok());
    }
}

//! A candidate as the recruiter sees them: where they are in the process,
//! how they entered it, and the contact details checked at the boundary so
//! that the rest of the product can trust them.

use super::accounts::Email;
use crate::domain::jd::FieldError;
use serde::{Deserialize, Serialize};

/// Where a candidate is in the hiring process: `applying` (application in
/// progress), `knocked-out` (stopped at a knock-out question), `screening`
/// (resume screen), `interviewing`, `archived`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    Applying,
    KnockedOut,
    Screening,
    Interviewing,
    Archived,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Applying,
        Stage::KnockedOut,
        Stage::Screening,
        Stage::Interviewing,
        Stage::Archived,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Stage::Applying => "applying",
            Stage::KnockedOut => "knocked-out",
            Stage::Screening => "screening",
            Stage::Interviewing => "interviewing",
            Stage::Archived => "archived",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::Applying => "Application in progress",
            Stage::KnockedOut => "Stopped at a knock-out question",
            Stage::Screening => "Resume screen",
            Stage::Interviewing => "Interviews",
            Stage::Archived => "Archived",
        }
    }
}

super::ids::id_enum_impls!(Stage, "stage");

/// How the candidate entered the requisition: through the public
/// application form (`applied`), typed in by a recruiter (`added`), or
/// from a CSV import (`imported`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// Through the public application form.
    Applied,
    /// Typed in by a recruiter.
    Added,
    /// From a CSV import.
    Imported,
}

impl Source {
    pub const ALL: [Source; 3] = [Source::Applied, Source::Added, Source::Imported];

    pub fn id(self) -> &'static str {
        match self {
            Source::Applied => "applied",
            Source::Added => "added",
            Source::Imported => "imported",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Source::Applied => "Applied",
            Source::Added => "Added by a recruiter",
            Source::Imported => "Imported from a CSV file",
        }
    }
}

super::ids::id_enum_impls!(Source, "source");

pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_PHONE_CHARS: usize = 40;
pub const MAX_LINKS: usize = 5;
pub const MAX_LINK_CHARS: usize = 500;

/// A candidate's contact details, validated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCandidate {
    pub name: String,
    pub email: Email,
    pub phone: Option<String>,
    pub links: Vec<String>,
}

fn error(field: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.to_string(),
        message: message.into(),
    }
}

impl NewCandidate {
    /// Checks every field and reports every problem at once, so a form or an
    /// import row can be corrected in one pass.
    pub fn parse(
        name: &str,
        email: &str,
        phone: &str,
        links: &str,
    ) -> Result<NewCandidate, Vec<FieldError>> {
        let mut errors = Vec::new();

        let name = name.trim();
        let name_chars = name.chars().count();
        if name.is_empty() {
            errors.push(error("name", "the name is required"));
        } else if name_chars > MAX_NAME_CHARS {
            errors.push(error(
                "name",
                format!("the name has {name_chars} characters; the limit is {MAX_NAME_CHARS}"),
            ));
        } else if name.chars().any(char::is_control) {
            // A line break or tab in a name breaks lists, exports and invites.
            errors.push(error("name", "the name must be on one line"));
        }

        let email = if email.trim().is_empty() {
            errors.push(error("email", "the email address is required"));
            None
        } else {
            match Email::parse(email) {
                Ok(email) => Some(email),
                Err(e) => {
                    errors.push(error("email", e.to_string()));
                    None
                }
            }
        };

        let phone = phone.trim();
        let phone = if phone.is_empty() {
            None
        } else if phone.chars().count() > MAX_PHONE_CHARS {
            errors.push(error(
                "phone",
                format!("the phone number is longer than {MAX_PHONE_CHARS} characters"),
            ));
            None
        } else if !phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
            || !phone.chars().any(|c| c.is_ascii_digit())
        {
            errors.push(error(
                "phone",
                "the phone number may only contain digits, spaces, +, -, ( and )",
            ));
            None
        } else {
            Some(phone.to_string())
        };

        let links = parse_links(links, &mut errors);

        match email {
            Some(email) if errors.is_empty() => Ok(NewCandidate {
                name: name.to_string(),
                email,
                phone,
                links,
            }),
            _ => Err(errors),
        }
    }
}

/// Links arrive as one text field (a textarea or a CSV cell), so any mix of
/// spaces, commas and line breaks separates them.
fn parse_links(raw: &str, errors: &mut Vec<FieldError>) -> Vec<String> {
    let links: Vec<&str> = raw
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .collect();
    if links.len() > MAX_LINKS {
        errors.push(error(
            "links",
            format!("there are {} links; give at most {MAX_LINKS}", links.len()),
        ));
        return Vec::new();
    }
    let mut valid = Vec::new();
    for link in links {
        let lower = link.to_ascii_lowercase();
        let rest = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"));
        if link.chars().count() > MAX_LINK_CHARS {
            errors.push(error(
                "links",
                format!("a link is longer than {MAX_LINK_CHARS} characters"),
            ));
        } else if rest.is_none_or(str::is_empty) {
            // Only web addresses: anything else (javascript:, file:) is either
            // useless to the panel or unsafe to render as a link.
            errors.push(error(
                "links",
                format!("`{link}` is not a web address; links must start with http:// or https://"),
            ));
        } else {
            valid.push(link.to_string());
        }
    }
    valid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn stage_and_source_ids_round_trip_and_match_serde() {
        for s in Stage::ALL {
            assert_eq!(s.id().parse::<Stage>(), Ok(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.id())
            );
            assert!(!s.label().is_empty());
        }
        for s in Source::ALL {
            assert_eq!(s.id().parse::<Source>(), Ok(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.id())
            );
        }
        assert_eq!(Stage::KnockedOut.id(), "knocked-out");
        let err = "hired".parse::<Stage>().unwrap_err().to_string();
        assert!(err.contains("stage") && err.contains("hired"), "{err}");
    }

    #[test]
    fn a_complete_candidate_is_accepted_and_normalised() {
        let c = NewCandidate::parse(
            "  Ada Lovelace ",
            " Ada@Example.com",
            " +44 (0)20 7946-0000 ",
            "https://example.com/ada,\nhttp://linkedin.com/in/ada  HTTPS://x.io",
        )
        .unwrap();
        assert_eq!(c.name, "Ada Lovelace");
        assert_eq!(c.email.as_str(), "ada@example.com");
        assert_eq!(c.phone.as_deref(), Some("+44 (0)20 7946-0000"));
        assert_eq!(
            c.links,
            vec![
                "https://example.com/ada",
                "http://linkedin.com/in/ada",
                "HTTPS://x.io"
            ]
        );
    }

    #[test]
    fn phone_and_links_are_optional() {
        let c = NewCandidate::parse("Ada", "ada@example.com", "  ", " \n ").unwrap();
        assert_eq!(c.phone, None);
        assert!(c.links.is_empty());
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let errors = NewCandidate::parse(" ", "not-an-email", "call me", "ftp://x").unwrap_err();
        assert_eq!(fields(&errors), vec!["name", "email", "phone", "links"]);
        assert!(errors[1].message.contains("not-an-email"), "{errors:?}");
        assert!(errors[3].message.contains("ftp://x"), "{errors:?}");
    }

    #[test]
    fn name_length_is_bounded() {
        let long = "a".repeat(MAX_NAME_CHARS + 1);
        let errors = NewCandidate::parse(&long, "a@b.co", "", "").unwrap_err();
        assert_eq!(fields(&errors), vec!["name"]);
        assert!(errors[0].message.contains("201"), "{errors:?}");
        let exact = "é".repeat(MAX_NAME_CHARS);
        assert!(NewCandidate::parse(&exact, "a@b.co", "", "").is_ok());
        assert!(NewCandidate::parse("Ada\nLovelace", "a@b.co", "", "").is_err());
    }

    #[test]
    fn missing_email_says_it_is_required() {
        let errors = NewCandidate::parse("Ada", "  ", "", "").unwrap_err();
        assert_eq!(errors[0].field, "email");
        assert_eq!(errors[0].message, "the email address is required");
    }

    #[test]
    fn phone_rules() {
        let too_long = "1".repeat(MAX_PHONE_CHARS + 1);
        for bad in [too_long.as_str(), "555-CALL", "()", "+1 555 0100 ext. 2"] {
            let errors = NewCandidate::parse("Ada", "a@b.co", bad, "").unwrap_err();
            assert_eq!(fields(&errors), vec!["phone"], "{bad}");
        }
        let exact = "1".repeat(MAX_PHONE_CHARS);
        assert!(NewCandidate::parse("Ada", "a@b.co", &exact, "").is_ok());
    }

    #[test]
    fn link_rules() {
        let six = "https://a.io https://b.io https://c.io https://d.io https://e.io https://f.io";
        let errors = NewCandidate::parse("Ada", "a@b.co", "", six).unwrap_err();
        assert_eq!(fields(&errors), vec!["links"]);
        assert!(errors[0].message.contains("at most 5"), "{errors:?}");

        let long = format!("https://example.com/{}", "a".repeat(MAX_LINK_CHARS));
        let errors = NewCandidate::parse("Ada", "a@b.co", "", &long).unwrap_err();
        assert!(errors[0].message.contains("longer than 500"), "{errors:?}");

        for bad in [
            "example.com",
            "javascript:alert(1)",
            "https://",
            "mailto:a@b.co",
        ] {
            assert!(
                NewCandidate::parse("Ada", "a@b.co", "", bad).is_err(),
                "{bad} accepted"
            );
        }
        let exact = format!("https://{}", "a".repeat(MAX_LINK_CHARS - 8));
        assert!(NewCandidate::parse("Ada", "a@b.co", "", &exact).is_ok());
    }
}

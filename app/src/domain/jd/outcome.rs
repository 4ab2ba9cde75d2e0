//! The operating outcome: which partner the role owns, what pipeline it
//! produces in 12 months, what cadence it runs. Parsed from raw input at the
//! boundary; every problem names its field.

use crate::domain::{Level, PartnerType, SubRole, UnknownId};
use serde::{Deserialize, Serialize};

// Seed 000's three cadences, with the deal-pairing tempo weekly or
// biweekly.
/// An operating rhythm the role runs: a monthly joint pipeline review, a
/// quarterly executive-sponsor cadence, or weekly or biweekly deal pairing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Cadence {
    MonthlyJointPipelineReview,
    QuarterlyExecutiveSponsor,
    WeeklyDealPairing,
    BiweeklyDealPairing,
}

impl Cadence {
    pub const ALL: [Cadence; 4] = [
        Cadence::MonthlyJointPipelineReview,
        Cadence::QuarterlyExecutiveSponsor,
        Cadence::WeeklyDealPairing,
        Cadence::BiweeklyDealPairing,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Cadence::MonthlyJointPipelineReview => "monthly-joint-pipeline-review",
            Cadence::QuarterlyExecutiveSponsor => "quarterly-executive-sponsor",
            Cadence::WeeklyDealPairing => "weekly-deal-pairing",
            Cadence::BiweeklyDealPairing => "biweekly-deal-pairing",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Cadence::MonthlyJointPipelineReview => "Monthly joint pipeline review",
            Cadence::QuarterlyExecutiveSponsor => "Quarterly executive sponsor cadence",
            Cadence::WeeklyDealPairing => "Weekly deal pairing",
            Cadence::BiweeklyDealPairing => "Biweekly deal pairing",
        }
    }
}

/// A problem with one input field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The input field at fault, as a dotted path into the request
    /// (`partner.name`, `pipeline_target.amount`), or `body` when the body
    /// itself is not the expected JSON.
    pub field: String,
    /// What is wrong with it and how to fix it.
    pub message: String,
}

fn field_error(field: &str, message: impl Into<String>) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
}

// The input as it arrives (JSON or form), before validation. The ids are
// read as text so that a bad one is reported with the valid ones.
/// The three-line operating outcome (which partner, what pipeline in 12
/// months, what cadence) and optional context. Every field is optional in
/// the schema so that the server can name each missing one in a 422:
/// `sub_role`, `level`, `partner.name`, `partner.type`,
/// `pipeline_target.amount`, `pipeline_target.currency` and `cadence` are
/// required.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OutcomeInput {
    /// Required.
    #[cfg_attr(feature = "ssr", schema(value_type = Option<SubRole>))]
    pub sub_role: Option<String>,
    /// Required.
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Level>))]
    pub level: Option<String>,
    /// Required: the partner the role owns.
    #[cfg_attr(feature = "ssr", schema(inline))]
    pub partner: Option<PartnerInput>,
    /// Required: the joint pipeline the role must produce in 12 months.
    #[cfg_attr(feature = "ssr", schema(inline))]
    pub pipeline_target: Option<PipelineInput>,
    /// Required: at least one; weekly and biweekly deal pairing exclude
    /// each other.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<Cadence>, min_items = 1))]
    pub cadence: Vec<String>,
    /// The hiring company's name; at most 200 characters, on one line.
    #[cfg_attr(feature = "ssr", schema(max_length = 200))]
    pub company: Option<String>,
    /// At most 200 characters, on one line.
    #[cfg_attr(feature = "ssr", schema(max_length = 200))]
    pub location: Option<String>,
    /// Whom the role reports to; at most 200 characters, on one line.
    #[cfg_attr(feature = "ssr", schema(max_length = 200))]
    pub reporting_line: Option<String>,
    /// How many partners the role covers; at least 1.
    #[cfg_attr(feature = "ssr", schema(minimum = 1))]
    pub partner_count: Option<u32>,
    /// How many named accounts the role covers.
    pub named_accounts: Option<u32>,
    /// What the variable pay is paid on; at most 200 characters, on one
    /// line.
    #[cfg_attr(feature = "ssr", schema(max_length = 200))]
    pub variable_pay_basis: Option<String>,
    /// Anything else the JD should say; at most 5,000 characters.
    #[cfg_attr(feature = "ssr", schema(max_length = 5000))]
    pub extra: Option<String>,
}

/// The partner the role owns.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PartnerInput {
    /// Required; at most 200 characters, on one line.
    #[cfg_attr(feature = "ssr", schema(max_length = 200))]
    pub name: Option<String>,
    /// Required.
    #[serde(rename = "type")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<PartnerType>))]
    pub partner_type: Option<String>,
}

/// The joint pipeline the role must produce in 12 months.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PipelineInput {
    /// Required; whole currency units (a fraction is rounded).
    #[cfg_attr(
        feature = "ssr",
        schema(exclusive_minimum = 0, maximum = 10_000_000_000_000_f64)
    )]
    pub amount: Option<f64>,
    /// Required; ISO 4217 code, in either case.
    #[cfg_attr(feature = "ssr", schema(pattern = "^[A-Za-z]{3}$"))]
    pub currency: Option<String>,
}

/// A validated outcome, as stored with a requisition. Text fields are
/// trimmed, and `null` rather than empty.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Outcome {
    pub sub_role: SubRole,
    pub level: Level,
    /// The partner the role owns.
    pub partner_name: String,
    pub partner_type: PartnerType,
    /// The joint pipeline the role must produce in 12 months, in whole
    /// currency units.
    pub pipeline_amount: u64,
    /// ISO 4217 code, upper case.
    pub pipeline_currency: String,
    /// The cadences the role runs, at least one.
    pub cadences: Vec<Cadence>,
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub company: Option<String>,
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub location: Option<String>,
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub reporting_line: Option<String>,
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub partner_count: Option<u32>,
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub named_accounts: Option<u32>,
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub variable_pay_basis: Option<String>,
    #[cfg_attr(feature = "ssr", schema(required = true))]
    pub extra: Option<String>,
}

/// An id field (sub-role, level, partner type): `None` when blank, and an
/// error naming the valid ids when it is not one of them.
pub fn optional_id<T: std::str::FromStr<Err = UnknownId>>(
    field: &str,
    value: Option<&str>,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    value
        .parse::<T>()
        .map_err(|e| errors.push(field_error(field, e.to_string())))
        .ok()
}

/// Like [`optional_id`], but a blank value is an error saying what to do.
fn required_id<T: std::str::FromStr<Err = UnknownId>>(
    field: &str,
    value: Option<&str>,
    when_missing: &str,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    if value.map(str::trim).is_none_or(str::is_empty) {
        errors.push(field_error(field, when_missing));
        return None;
    }
    optional_id(field, value, errors)
}

const MAX_SHORT: usize = 200;
const MAX_EXTRA: usize = 5_000;

fn text(
    field: &str,
    value: &Option<String>,
    max: usize,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let v = value.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    if v.chars().count() > max {
        errors.push(field_error(
            field,
            format!("is longer than {max} characters"),
        ));
        return None;
    }
    // A name or a title is one line: a line break would split the JD's
    // title and the requisition named after it.
    if max <= MAX_SHORT && v.chars().any(char::is_control) {
        errors.push(field_error(
            field,
            "must be on one line (no line breaks or tabs)".to_string(),
        ));
        return None;
    }
    Some(v.to_string())
}

impl Outcome {
    /// Validates the input, reporting every bad field at once.
    pub fn parse(input: &OutcomeInput) -> Result<Outcome, Vec<FieldError>> {
        let mut errors = Vec::new();
        let sub_role = required_id::<SubRole>(
            "sub_role",
            input.sub_role.as_deref(),
            "choose one of the four sub-roles",
            &mut errors,
        );
        let level = required_id::<Level>(
            "level",
            input.level.as_deref(),
            "choose junior, mid or senior",
            &mut errors,
        );
        let partner = input.partner.clone().unwrap_or_default();
        let partner_name = text("partner.name", &partner.name, MAX_SHORT, &mut errors);
        if partner_name.is_none() && !errors.iter().any(|e| e.field == "partner.name") {
            errors.push(field_error(
                "partner.name",
                "name the partner this role owns (for example AWS or a named reseller)",
            ));
        }
        let partner_type = required_id::<PartnerType>(
            "partner.type",
            partner.partner_type.as_deref(),
            "choose the partner type",
            &mut errors,
        );
        let pipeline = input.pipeline_target.clone().unwrap_or_default();
        let pipeline_amount = match pipeline.amount {
            None => {
                errors.push(field_error(
                    "pipeline_target.amount",
                    "give the joint pipeline the role must produce in 12 months",
                ));
                None
            }
            Some(a) if !a.is_finite() || a <= 0.0 => {
                errors.push(field_error(
                    "pipeline_target.amount",
                    "must be a positive amount",
                ));
                None
            }
            Some(a) if a > 1e13 => {
                errors.push(field_error(
                    "pipeline_target.amount",
                    "is implausibly large",
                ));
                None
            }
            Some(a) => Some(a.round() as u64),
        };
        let pipeline_currency = match pipeline.currency.as_deref().map(str::trim) {
            Some(c) if c.len() == 3 && c.chars().all(|ch| ch.is_ascii_alphabetic()) => {
                Some(c.to_ascii_uppercase())
            }
            _ => {
                errors.push(field_error(
                    "pipeline_target.currency",
                    "give a three-letter currency code such as USD, EUR or GBP",
                ));
                None
            }
        };
        let mut cadences = Vec::new();
        for c in &input.cadence {
            match Cadence::ALL.into_iter().find(|k| k.id() == c.trim()) {
                Some(k) if !cadences.contains(&k) => cadences.push(k),
                Some(_) => {}
                None => errors.push(field_error(
                    "cadence",
                    format!(
                        "unknown cadence `{c}`; valid values: {}",
                        Cadence::ALL.map(Cadence::id).join(", ")
                    ),
                )),
            }
        }
        if input.cadence.is_empty() {
            errors.push(field_error(
                "cadence",
                "choose at least one cadence the role runs",
            ));
        }
        if cadences.contains(&Cadence::WeeklyDealPairing)
            && cadences.contains(&Cadence::BiweeklyDealPairing)
        {
            errors.push(field_error(
                "cadence",
                "choose weekly or biweekly deal pairing, not both",
            ));
        }
        let company = text("company", &input.company, MAX_SHORT, &mut errors);
        let location = text("location", &input.location, MAX_SHORT, &mut errors);
        let reporting_line = text(
            "reporting_line",
            &input.reporting_line,
            MAX_SHORT,
            &mut errors,
        );
        let variable_pay_basis = text(
            "variable_pay_basis",
            &input.variable_pay_basis,
            MAX_SHORT,
            &mut errors,
        );
        let extra = text("extra", &input.extra, MAX_EXTRA, &mut errors);
        if input.partner_count == Some(0) {
            errors.push(field_error("partner_count", "must be at least 1"));
        }
        match (
            sub_role,
            level,
            partner_name,
            partner_type,
            pipeline_amount,
            pipeline_currency,
        ) {
            (
                Some(sub_role),
                Some(level),
                Some(partner_name),
                Some(partner_type),
                Some(pipeline_amount),
                Some(pipeline_currency),
            ) if errors.is_empty() => Ok(Outcome {
                sub_role,
                level,
                partner_name,
                partner_type,
                pipeline_amount,
                pipeline_currency,
                cadences,
                company,
                location,
                reporting_line,
                partner_count: input.partner_count,
                named_accounts: input.named_accounts,
                variable_pay_basis,
                extra,
            }),
            _ => Err(errors),
        }
    }
}

/// "$2.5M", "€800K", "1.2M CHF": how a pipeline target reads in a JD.
pub fn format_money(amount: u64, currency: &str) -> String {
    let symbol = crate::domain::rubric::currency_symbol(currency);
    let number = if amount >= 1_000_000 {
        let m = amount as f64 / 1_000_000.0;
        if (m - m.round()).abs() < 0.005 {
            format!("{}M", m.round())
        } else {
            format!("{:.1}M", m)
        }
    } else if amount >= 1_000 {
        format!("{}K", (amount as f64 / 1_000.0).round())
    } else {
        amount.to_string()
    };
    match symbol {
        Some(s) => format!("{s}{number}"),
        None => format!("{number} {currency}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn complete_input() -> OutcomeInput {
        OutcomeInput {
            sub_role: Some("partner-manager".into()),
            level: Some("mid".into()),
            partner: Some(PartnerInput {
                name: Some("Snowflake".into()),
                partner_type: Some("technology".into()),
            }),
            pipeline_target: Some(PipelineInput {
                amount: Some(4_000_000.0),
                currency: Some("usd".into()),
            }),
            cadence: vec![
                "monthly-joint-pipeline-review".into(),
                "weekly-deal-pairing".into(),
            ],
            ..OutcomeInput::default()
        }
    }

    #[test]
    fn a_complete_outcome_parses() {
        let o = Outcome::parse(&complete_input()).unwrap();
        assert_eq!(o.sub_role, SubRole::PartnerManager);
        assert_eq!(o.pipeline_currency, "USD");
        assert_eq!(
            o.cadences,
            vec![
                Cadence::MonthlyJointPipelineReview,
                Cadence::WeeklyDealPairing
            ]
        );
    }

    #[test]
    fn names_and_titles_are_one_line() {
        let mut input = complete_input();
        input.partner = Some(PartnerInput {
            name: Some("Snowflake\n# Injected heading".into()),
            partner_type: Some("technology".into()),
        });
        input.company = Some("Northwind\tAnalytics".into());
        input.extra = Some("Two lines\nare fine here.".into());
        let errors = Outcome::parse(&input).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["partner.name", "company"], "{errors:?}");
        assert!(errors[0].message.contains("one line"));
    }

    #[test]
    fn every_missing_line_of_the_outcome_is_named() {
        let errors = Outcome::parse(&OutcomeInput::default()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        for f in [
            "sub_role",
            "level",
            "partner.name",
            "partner.type",
            "pipeline_target.amount",
            "pipeline_target.currency",
            "cadence",
        ] {
            assert!(fields.contains(&f), "{f} not reported in {fields:?}");
        }
    }

    #[test]
    fn bad_values_are_named_with_the_valid_ones() {
        let mut input = complete_input();
        input.sub_role = Some("vp-partnerships".into());
        input.cadence = vec!["daily-standup".into()];
        input.pipeline_target = Some(PipelineInput {
            amount: Some(-5.0),
            currency: Some("dollars".into()),
        });
        let errors = Outcome::parse(&input).unwrap_err();
        let msg = |f: &str| {
            errors
                .iter()
                .find(|e| e.field == f)
                .map(|e| e.message.clone())
                .unwrap_or_default()
        };
        assert!(msg("sub_role").contains("co-sell-ops"));
        assert!(msg("cadence").contains("monthly-joint-pipeline-review"));
        assert!(msg("pipeline_target.amount").contains("positive"));
        assert!(msg("pipeline_target.currency").contains("three-letter"));
    }

    #[test]
    fn money_reads_like_a_target() {
        assert_eq!(format_money(2_500_000, "USD"), "$2.5M");
        assert_eq!(format_money(4_000_000, "EUR"), "€4M");
        assert_eq!(format_money(800_000, "GBP"), "£800K");
        assert_eq!(format_money(1_200_000, "CHF"), "1.2M CHF");
    }
}

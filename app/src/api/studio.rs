//! The JD studio page's server function: the page's query string in, a JD
//! or lint findings out. A GET, because generating and linting change
//! nothing; the page then works without JavaScript and results are links.

use crate::api::jd::GeneratedJd;
use crate::domain::jd::{Cadence, FieldError, Finding, OutcomeInput};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// The studio form's fields, as query parameters.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StudioQuery {
    pub mode: Option<String>,
    pub sub_role: Option<String>,
    pub level: Option<String>,
    pub partner_name: Option<String>,
    pub partner_type: Option<String>,
    pub amount: Option<String>,
    pub currency: Option<String>,
    pub monthly: Option<String>,
    pub quarterly: Option<String>,
    pub pairing: Option<String>,
    pub company: Option<String>,
    pub location: Option<String>,
    pub reporting_line: Option<String>,
    pub partner_count: Option<String>,
    pub named_accounts: Option<String>,
    pub variable_pay_basis: Option<String>,
    pub extra: Option<String>,
    pub text: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum StudioResult {
    /// Nothing submitted yet.
    Empty,
    Generated(GeneratedJd),
    Linted(Vec<Finding>),
    Invalid(Vec<FieldError>),
}

impl StudioQuery {
    /// Turns the form's flat fields into the API's outcome input. Numbers
    /// that do not parse are reported by field and left out, so the rest of
    /// the form is still checked.
    pub fn to_input(&self) -> (OutcomeInput, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut number = |field: &str, v: &Option<String>| -> Option<f64> {
            let s = v
                .as_deref()
                .map(|s| s.trim().replace([',', '_', ' '], ""))
                .filter(|s| !s.is_empty())?;
            s.parse::<f64>()
                .map_err(|_| {
                    errors.push(FieldError {
                        field: field.into(),
                        message: format!("`{s}` is not a number"),
                    })
                })
                .ok()
        };
        let amount = number("pipeline_target.amount", &self.amount);
        let partner_count = number("partner_count", &self.partner_count).map(|n| n.max(0.0) as u32);
        let named_accounts =
            number("named_accounts", &self.named_accounts).map(|n| n.max(0.0) as u32);
        let mut cadence = Vec::new();
        if self.monthly.is_some() {
            cadence.push(Cadence::MonthlyJointPipelineReview.id().to_string());
        }
        if self.quarterly.is_some() {
            cadence.push(Cadence::QuarterlyExecutiveSponsor.id().to_string());
        }
        if let Some(p) = self
            .pairing
            .as_deref()
            .filter(|p| !p.is_empty() && *p != "none")
        {
            cadence.push(p.to_string());
        }
        let input = OutcomeInput {
            sub_role: self.sub_role.clone(),
            level: self.level.clone(),
            partner: Some(crate::domain::jd::outcome::PartnerInput {
                name: self.partner_name.clone(),
                partner_type: self.partner_type.clone(),
            }),
            pipeline_target: Some(crate::domain::jd::outcome::PipelineInput {
                amount,
                currency: self.currency.clone(),
            }),
            cadence,
            company: self.company.clone(),
            location: self.location.clone(),
            reporting_line: self.reporting_line.clone(),
            partner_count,
            named_accounts,
            variable_pay_basis: self.variable_pay_basis.clone(),
            extra: self.extra.clone(),
        };
        (input, errors)
    }
}

/// A JD posted to `POST /jd/check`: a pasted JD can be far longer than a
/// URL allows, so that form posts it and the server renders the studio page
/// in answer with this in the page's context.
#[derive(Clone, Debug)]
pub struct PostedJd(pub String);

/// The posted JD while the server renders the answer to `/jd/check`; in the
/// browser, and for every other request, none.
pub fn posted_jd() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        use_context::<PostedJd>().map(|p| p.0)
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

#[server(prefix = "/api/fn", endpoint = "jd-studio", input = GetUrl)]
pub async fn run_studio(query: StudioQuery) -> Result<StudioResult, AppError> {
    crate::auth::require_role(&crate::auth::REQUISITION_ROLES)?;
    let library = super::context::library()?;
    Ok(studio(&library, &query))
}

/// The studio's answer for a query; shared with the download routes.
pub fn studio(library: &crate::domain::Library, query: &StudioQuery) -> StudioResult {
    match query.mode.as_deref() {
        Some("generate") => {
            let (input, mut errors) = query.to_input();
            match super::jd::generate_jd(library, &input) {
                Ok((_, jd)) if errors.is_empty() => StudioResult::Generated(jd),
                Ok(_) => StudioResult::Invalid(errors),
                Err(more) => {
                    // A number that did not parse is already explained.
                    let explained: Vec<String> = errors.iter().map(|e| e.field.clone()).collect();
                    errors.extend(more.into_iter().filter(|e| !explained.contains(&e.field)));
                    StudioResult::Invalid(errors)
                }
            }
        }
        Some("lint") => {
            match super::jd::lint_text(library, query.text.as_deref().unwrap_or(""), None, None) {
                Ok(findings) => StudioResult::Linted(findings),
                Err(errors) => StudioResult::Invalid(errors),
            }
        }
        _ => StudioResult::Empty,
    }
}

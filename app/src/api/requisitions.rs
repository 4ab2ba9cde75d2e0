//! Saving a JD as a requisition draft, and reading a draft back.

use crate::api::studio::StudioQuery;
use crate::domain::requisition::RequisitionDraft;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// Writes the JD from the submitted outcome (never trusting a JD text sent
/// by the browser), stores it with the frozen rubric version, and sends the
/// browser to the draft.
#[server(prefix = "/api/fn", endpoint = "save-jd")]
pub async fn save_jd(query: StudioQuery) -> Result<(), AppError> {
    use crate::db::{requisitions, Db};
    let library = super::kits::library()?;
    let db = use_context::<Db>().ok_or(AppError::Internal)?;
    let (input, mut errors) = query.to_input();
    let generated = super::jd::generate_jd(&library, &input);
    let (outcome, jd) = match generated {
        Ok(ok) if errors.is_empty() => ok,
        Ok(_) => return Err(invalid(errors)),
        Err(more) => {
            errors.extend(more);
            return Err(invalid(errors));
        }
    };
    let title = jd
        .markdown
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches("# ")
        .replace('\\', "");
    let id = requisitions::create_draft(&db, &title, &outcome, &jd.markdown, &library.version)
        .await
        .map_err(|e| {
            tracing_error(&e);
            AppError::Internal
        })?;
    leptos_axum::redirect(&format!("/requisitions/{id}"));
    Ok(())
}

#[cfg(feature = "ssr")]
fn invalid(errors: Vec<crate::domain::jd::FieldError>) -> AppError {
    let parts: Vec<String> = errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .collect();
    AppError::Invalid(format!("The JD was not saved. {}", parts.join("; ")))
}

#[cfg(feature = "ssr")]
fn tracing_error(e: &crate::db::DbError) {
    leptos::logging::error!("saving a requisition draft failed: {e}");
}

#[server(prefix = "/api/fn", endpoint = "requisition", input = GetUrl)]
pub async fn get_requisition(id: String) -> Result<RequisitionDraft, AppError> {
    use crate::db::{requisitions, Db};
    let db = use_context::<Db>().ok_or(AppError::Internal)?;
    let mut draft = requisitions::get(&db, &id)
        .await
        .map_err(|e| {
            tracing_error(&e);
            AppError::Internal
        })?
        .ok_or_else(|| AppError::NotFound("There is no requisition at this address.".into()))?;
    draft.jd_html = crate::markdown::to_safe_html(&draft.jd_markdown);
    Ok(draft)
}

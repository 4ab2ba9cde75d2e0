//! Reading the kit library.

use crate::domain::rubric::SubRoleProfile;
use crate::domain::{Kit, SubRole};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// A sub-role as the kit browser shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubRoleOverview {
    pub id: SubRole,
    pub profile: SubRoleProfile,
}

#[server(prefix = "/api/fn", endpoint = "sub-roles", input = GetUrl)]
pub async fn list_sub_roles() -> Result<Vec<SubRoleOverview>, AppError> {
    crate::auth::require_user()?;
    let library = super::context::library()?;
    Ok(library
        .sub_roles
        .iter()
        .map(|s| SubRoleOverview {
            id: s.id,
            profile: s.profile.clone(),
        })
        .collect())
}

#[server(prefix = "/api/fn", endpoint = "kit", input = GetUrl)]
pub async fn get_kit(sub_role: String, level: String) -> Result<Kit, AppError> {
    crate::auth::require_user()?;
    use crate::domain::Level;
    let not_found = |e: crate::domain::UnknownId| AppError::NotFound(e.to_string());
    let sub_role: SubRole = sub_role.parse().map_err(not_found)?;
    let level: Level = level.parse().map_err(not_found)?;
    super::context::library()?
        .kit(sub_role, level)
        .ok_or_else(|| AppError::NotFound(format!("no kit for {sub_role} at {level}")))
}

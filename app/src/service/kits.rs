//! The interview kits requisitions are scored against: the kit a
//! requisition froze at its rubric version, read from the stored snapshot.

use crate::error::AppError;

/// The kit a requisition is judged by: its sub-role and level in the
/// rubric version frozen with it, never the library as it is today.
pub async fn frozen_kit(
    db: &crate::db::Db,
    requisition: &crate::domain::requisition::Requisition,
) -> Result<std::sync::Arc<crate::domain::Kit>, AppError> {
    crate::db::rubric_snapshots::kit(
        db,
        &requisition.rubric_version,
        requisition.outcome.sub_role,
        requisition.outcome.level,
    )
    .await
    .map_err(crate::access::internal)?
    .ok_or(AppError::Internal)
}

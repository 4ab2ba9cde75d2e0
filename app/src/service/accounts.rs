//! Accounts: a person's display name, checked and stored (for their own
//! account page and for admins).

use crate::error::AppError;

pub async fn rename(db: &crate::db::Db, id: &str, name: &str) -> Result<(), AppError> {
    let name = crate::domain::accounts::parse_name(name)
        .map_err(|e| AppError::Invalid(format!("name: {e}")))?;
    if crate::db::users::set_name(db, id, &name)
        .await
        .map_err(crate::access::internal)?
    {
        Ok(())
    } else {
        Err(AppError::NotFound("There is no such account.".into()))
    }
}

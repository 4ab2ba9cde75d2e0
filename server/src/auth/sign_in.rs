//! Checking a password and starting a session. Shared by the sign-in form
//! and `POST /api/session`.

use app::auth::password;
use app::db::{users, Db, DbError};
use app::domain::accounts::{admit_sign_in, CurrentUser, Email};
use tower_sessions::Session;

/// Where the session keeps the signed-in account's id.
pub const USER_ID_KEY: &str = "user_id";

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    /// Wrong email or password; deliberately does not say which.
    #[error("the email or password is not right")]
    BadCredentials,
    /// Too many recent failures for this email.
    #[error("too many failed sign-ins for this email: try again in {0} seconds")]
    TooManyAttempts(i64),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("the session could not be stored: {0}")]
    Session(#[from] tower_sessions::session::Error),
}

/// A hash of a password nobody has, checked when the email is unknown so
/// that a wrong email takes as long as a wrong password.
fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| password::hash("decoy password that is never used").unwrap_or_default())
}

pub async fn sign_in(
    db: &Db,
    session: &Session,
    email: &str,
    password_text: &str,
) -> Result<CurrentUser, SignInError> {
    let key = email.trim().to_lowercase();
    admit(db, &key).await?;
    let account = match Email::parse(email) {
        Ok(email) => users::credentials(db, &email).await?,
        Err(_) => None,
    };
    let password_text = password_text.to_string();
    let (user, ok) = match account {
        Some((user, hash)) => {
            let ok = verify(password_text, hash).await;
            (Some(user), ok)
        }
        None => {
            verify(password_text, decoy_hash().to_string()).await;
            (None, false)
        }
    };
    match user {
        Some(user) if ok => {
            users::clear_sign_in_failures(db, &key).await?;
            // A new id at sign-in: an id planted before sign-in is useless.
            session.cycle_id().await?;
            session.insert(USER_ID_KEY, &user.id).await?;
            Ok(user)
        }
        // Already counted by `admit`.
        _ => Err(SignInError::BadCredentials),
    }
}

/// How many times `admit` reads and tries again when other attempts for the
/// same email keep getting in first. Each lost round means another attempt
/// was counted, so a burst runs into the slow-down long before this.
const ADMIT_ROUNDS: usize = 64;

/// Counts this attempt as a failure before its password is checked, or
/// refuses it while the email must wait. The count is moved on only from
/// the state the decision was made on (see `users::count_sign_in_attempt`),
/// so parallel attempts are admitted one at a time and at most the free
/// number get their password checked.
async fn admit(db: &Db, key: &str) -> Result<(), SignInError> {
    for _ in 0..ADMIT_ROUNDS {
        let now = chrono::Utc::now().timestamp();
        let seen = users::sign_in_failures(db, key).await?;
        let (failures, last) = seen.unwrap_or((0, 0));
        let counted = admit_sign_in(failures, last, now).map_err(SignInError::TooManyAttempts)?;
        if users::count_sign_in_attempt(db, key, seen, counted, now).await? {
            return Ok(());
        }
    }
    // Only under a flood of attempts for this one email: treat it as one.
    Err(SignInError::TooManyAttempts(1))
}

/// argon2 is deliberately slow: run it off the async workers.
async fn verify(password_text: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || password::verify(&password_text, &hash))
        .await
        .unwrap_or(false)
}

//! Authentication: sessions stored in our database, sign-in with email and
//! password (slowed down after repeated failures), and the gate that sends
//! anonymous requests to the sign-in page (pages) or answers 401 (API).
//! Which person may see which object is decided where the object is read
//! (`app::access`); this module only establishes who is asking.

mod gate;
mod sign_in;
mod store;

pub use gate::{require_sign_in, resolve_user};
pub use sign_in::{sign_in, SignInError, USER_ID_KEY};
pub use store::{stored_key, DbSessionStore};

use tower_sessions::cookie::time::Duration;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "hk_session";

/// A session ends after this long without a request.
pub const IDLE_EXPIRY_HOURS: i64 = 12;

/// HttpOnly (scripts cannot read it), SameSite=Lax (sent on links from an
/// email, never on another site's form posts), Secure when served over HTTPS.
/// Saved after every request of a live session (`always_save`), so both the
/// stored expiry and the cookie's Max-Age move on with use: without it they
/// were set once, at sign-in, and a busy person was signed out 12 hours
/// later. The store skips the write when nothing changed (see
/// `app::db::sessions::save`).
pub fn session_layer(store: DbSessionStore, secure: bool) -> SessionManagerLayer<DbSessionStore> {
    SessionManagerLayer::new(store)
        .with_always_save(true)
        .with_name(SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(secure)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(Duration::hours(IDLE_EXPIRY_HOURS)))
}

//! The first admin of a new installation. The server prints the command
//! that makes one, with the flags it runs with, so that following the hint
//! word for word puts the account in the database this server uses (and
//! not in a `data` folder wherever the command happens to be typed).

use std::path::Path;

/// The command to make the first admin: `program` as the server was
/// started, its data folder made absolute, and its database URL when it
/// was given one (with any password hidden: the hint is printed to logs).
pub fn command(program: &str, data_dir: &Path, database_url: Option<&str>) -> String {
    let data_dir = std::path::absolute(data_dir).unwrap_or_else(|_| data_dir.to_path_buf());
    let mut words = vec![
        quote(program),
        "--data-dir".to_string(),
        quote(&data_dir.to_string_lossy()),
    ];
    if let Some(url) = database_url {
        words.push("--database-url".into());
        words.push(quote(&hide_password(url)));
    }
    words.extend(
        [
            "user",
            "add",
            "--email",
            "you@example.com",
            "--role",
            "admin",
            "--password-stdin",
        ]
        .map(String::from),
    );
    words.join(" ")
}

/// Whether `command` shows a hidden password the reader must put back.
pub fn hides_password(database_url: Option<&str>) -> bool {
    database_url.is_some_and(|url| hide_password(url) != url)
}

/// `postgres://user:secret@host/db` becomes `postgres://user:PASSWORD@host/db`.
fn hide_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((credentials, host)) => match credentials.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:PASSWORD@{host}{path}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

/// A word as a POSIX shell reads it back unchanged.
fn quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./:@%+=,-".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_names_the_servers_own_data_folder() {
        let cmd = command(
            "target/release/hiring-kit",
            Path::new("/srv/kit data"),
            None,
        );
        assert_eq!(
            cmd,
            "target/release/hiring-kit --data-dir '/srv/kit data' user add --email you@example.com --role admin --password-stdin"
        );
    }

    #[test]
    fn a_relative_data_folder_is_made_absolute() {
        let cmd = command("hiring-kit", Path::new("data"), None);
        let cwd = std::env::current_dir().unwrap();
        assert!(
            cmd.contains(&format!(
                "--data-dir {}",
                quote(&cwd.join("data").to_string_lossy())
            )),
            "{cmd}"
        );
    }

    #[test]
    fn a_database_url_is_passed_on_without_its_password() {
        let url = "postgres://kit:s3cret@db.internal:5432/hiring";
        let cmd = command("hiring-kit", Path::new("/srv/data"), Some(url));
        assert!(
            cmd.contains("--database-url postgres://kit:PASSWORD@db.internal:5432/hiring"),
            "{cmd}"
        );
        assert!(!cmd.contains("s3cret"));
        assert!(hides_password(Some(url)));
        let open = "postgres://kit@127.0.0.1/hiring";
        assert!(command("hiring-kit", Path::new("/d"), Some(open)).contains(open));
        assert!(!hides_password(Some(open)));
        assert!(!hides_password(None));
    }

    #[test]
    fn quoting_survives_the_shell() {
        assert_eq!(quote("it's"), r"'it'\''s'");
        assert_eq!(quote(""), "''");
        assert_eq!(quote("a b"), "'a b'");
        assert_eq!(quote("/usr/bin/hiring-kit"), "/usr/bin/hiring-kit");
    }
}

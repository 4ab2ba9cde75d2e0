//! Reading one library file without trusting the folder: only regular files
//! reached through real folders inside the library are read, never a
//! symbolic link, FIFO, socket or device, and never more than the cap.
//! A refused file is never opened (or never read past the cap), so its
//! content cannot reach an error message.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::{Component, Path};

/// Why a file was not read. The messages name the kind of thing found,
/// never anything read from it.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// Nothing at this path (or a folder on the way is missing).
    Missing,
    /// A folder on the way (`questions`, `sub-roles/<id>`) is a symbolic
    /// link or not a folder.
    NotAFolder {
        folder: String,
        found: &'static str,
    },
    /// The file itself is not a regular file.
    NotAFile {
        found: &'static str,
    },
    /// Larger than the cap (by its size on disk, or by what reading it gave).
    TooLarge {
        bytes: u64,
        cap: u64,
    },
    /// The file changed between the check and the read (swapped for
    /// another one): refused rather than read.
    Changed,
    NotText,
    Io(String),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Missing => write!(f, "missing"),
            Refused::NotAFolder { folder, found } => write!(
                f,
                "`{folder}` is {found}, not a folder: the library reads only real folders inside its own folder; it was not read"
            ),
            Refused::NotAFile { found } => write!(
                f,
                "this is {found}, not a regular file: the library reads only regular files inside its own folder; it was not read"
            ),
            Refused::TooLarge { bytes, cap } => write!(
                f,
                "file is {} KiB, over the {} KiB limit; it was not read",
                bytes / 1024,
                cap / 1024
            ),
            Refused::Changed => write!(
                f,
                "the file changed while it was being opened; it was not read (run again)"
            ),
            Refused::NotText => write!(f, "the file is not UTF-8 text; it was not read"),
            Refused::Io(e) => write!(f, "could not read the file: {e}"),
        }
    }
}

/// What a path turned out to be, in words for the messages above.
fn kind_of(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_symlink() {
        return "a symbolic link";
    }
    if t.is_dir() {
        return "a folder";
    }
    if t.is_file() {
        return "a regular file";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    "a special file"
}

/// Reads `dir/relative` as text if it is a regular file of at most `cap`
/// bytes reached through real folders. `relative` is one of the library's
/// own names (`sub-roles/<id>/profile.yaml`), never user input.
pub fn read_library_file(dir: &Path, relative: &str, cap: u64) -> Result<String, Refused> {
    let relative = Path::new(relative);
    // Each folder between the library and the file must be a real folder:
    // a symlinked `questions/` would read files from anywhere.
    let mut folder = dir.to_path_buf();
    let mut shown = String::new();
    let parent_parts: Vec<Component<'_>> = relative
        .parent()
        .map(|p| p.components().collect())
        .unwrap_or_default();
    for part in parent_parts {
        let Component::Normal(name) = part else {
            return Err(Refused::Missing);
        };
        folder.push(name);
        if !shown.is_empty() {
            shown.push('/');
        }
        shown.push_str(&name.to_string_lossy());
        match std::fs::symlink_metadata(&folder) {
            Ok(meta) if meta.file_type().is_dir() => {}
            Ok(meta) => {
                return Err(Refused::NotAFolder {
                    folder: shown,
                    found: kind_of(&meta),
                })
            }
            Err(_) => return Err(Refused::Missing),
        }
    }
    let path = dir.join(relative);
    // `symlink_metadata` looks at the link itself, so a link to /dev/zero,
    // a FIFO or another file is refused here, before anything is opened.
    let before = match std::fs::symlink_metadata(&path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Refused::Missing),
        Err(e) => return Err(Refused::Io(e.to_string())),
    };
    if !before.file_type().is_file() {
        return Err(Refused::NotAFile {
            found: kind_of(&before),
        });
    }
    if before.len() > cap {
        return Err(Refused::TooLarge {
            bytes: before.len(),
            cap,
        });
    }
    let file = File::open(&path).map_err(|e| Refused::Io(e.to_string()))?;
    // The opened file must be the one checked: a file swapped for a link
    // between the check and the open is refused, not read.
    let opened = file.metadata().map_err(|e| Refused::Io(e.to_string()))?;
    if !opened.file_type().is_file() || !same_file(&before, &opened) {
        return Err(Refused::Changed);
    }
    // At most one byte past the cap, so a file that grew since the check
    // is refused without reading the rest of it.
    let mut bytes = Vec::new();
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Refused::Io(e.to_string()))?;
    if bytes.len() as u64 > cap {
        return Err(Refused::TooLarge {
            bytes: bytes.len() as u64,
            cap,
        });
    }
    String::from_utf8(bytes).map_err(|_| Refused::NotText)
}

#[cfg(unix)]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    a.len() == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("questions")).unwrap();
        std::fs::write(dir.path().join("questions/mid.yaml"), "questions: []\n").unwrap();
        assert_eq!(
            read_library_file(dir.path(), "questions/mid.yaml", 100),
            Ok("questions: []\n".to_string())
        );
        assert_eq!(
            read_library_file(dir.path(), "questions/senior.yaml", 100),
            Err(Refused::Missing)
        );
    }

    #[test]
    fn the_cap_counts_bytes_exactly() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "x".repeat(10)).unwrap();
        assert!(read_library_file(dir.path(), "a.yaml", 10).is_ok());
        assert_eq!(
            read_library_file(dir.path(), "a.yaml", 9),
            Err(Refused::TooLarge { bytes: 10, cap: 9 })
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_and_special_files_are_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.yaml"), "SECRET-CONTENT").unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.yaml"),
            dir.path().join("rounds.yaml"),
        )
        .unwrap();
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("attitudes.yaml")).unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("questions")).unwrap();
        std::fs::write(outside.path().join("mid.yaml"), "SECRET-CONTENT").unwrap();

        let link = read_library_file(dir.path(), "rounds.yaml", 1000).unwrap_err();
        assert_eq!(
            link,
            Refused::NotAFile {
                found: "a symbolic link"
            }
        );
        assert!(!link.to_string().contains("SECRET"));
        assert!(matches!(
            read_library_file(dir.path(), "attitudes.yaml", 1000),
            Err(Refused::NotAFile { .. })
        ));
        assert_eq!(
            read_library_file(dir.path(), "questions/mid.yaml", 1000),
            Err(Refused::NotAFolder {
                folder: "questions".into(),
                found: "a symbolic link"
            })
        );
        // Dot-dot never leaves the folder (the names are ours, but still).
        assert_eq!(
            read_library_file(dir.path(), "../x/mid.yaml", 1000),
            Err(Refused::Missing)
        );
    }
}

//! The rubric loader reads only regular files inside the library folder:
//! links, FIFOs, devices and oversized files are refused (promptly, without
//! reading them), and a refused file's content never reaches the message.

use crate::support::library_copy::copy_of_library;
use server::rubrics::{self, RubricErrors, MAX_FILE_BYTES};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// Loads the library on another thread: a loader that blocks on a FIFO or
/// reads /dev/zero forever fails the test instead of hanging the suite.
fn load_within(dir: &Path, limit: Duration) -> RubricErrors {
    let (tx, rx) = mpsc::channel();
    let dir = dir.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(rubrics::load(&dir).err());
    });
    match rx.recv_timeout(limit) {
        Ok(Some(errors)) => errors,
        Ok(None) => panic!("the broken library loaded"),
        Err(_) => panic!("the loader did not return within {limit:?}"),
    }
}

/// The one message about `file`, which must mention `what`.
fn message_for(errors: &RubricErrors, file: &Path, what: &str) -> String {
    let text = errors.to_string();
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{}:1:1: ", file.display())))
        .unwrap_or_else(|| panic!("no error for {}:\n{text}", file.display()));
    assert!(line.contains(what), "{line:?} should mention {what:?}");
    line.to_string()
}

const SECRET: &str = "db_password: hunter2-SECRET-MARKER";

#[test]
fn a_link_to_another_file_is_refused_without_echoing_it() {
    let lib = copy_of_library();
    let outside = tempfile::tempdir().expect("temp dir");
    let secret = outside.path().join("secrets.yaml");
    std::fs::write(&secret, format!("{SECRET}\n")).expect("write");
    let rounds = lib.path().join("rounds.yaml");
    std::fs::remove_file(&rounds).expect("remove");
    std::os::unix::fs::symlink(&secret, &rounds).expect("symlink");

    let errors = load_within(lib.path(), Duration::from_secs(10));
    message_for(&errors, &rounds, "symbolic link");
    let text = errors.to_string();
    assert!(!text.contains("hunter2"), "content echoed:\n{text}");
    assert!(!text.contains("SECRET"), "content echoed:\n{text}");
}

#[test]
fn a_link_to_dev_zero_is_refused_at_once() {
    let lib = copy_of_library();
    let attitudes = lib.path().join("attitudes.yaml");
    std::fs::remove_file(&attitudes).expect("remove");
    std::os::unix::fs::symlink("/dev/zero", &attitudes).expect("symlink");
    let errors = load_within(lib.path(), Duration::from_secs(10));
    message_for(&errors, &attitudes, "symbolic link");
}

#[test]
fn a_fifo_is_refused_without_blocking() {
    let lib = copy_of_library();
    let screening = lib.path().join("screening.yaml");
    std::fs::remove_file(&screening).expect("remove");
    let made = std::process::Command::new("mkfifo")
        .arg(&screening)
        .status()
        .expect("run mkfifo");
    assert!(made.success(), "mkfifo failed");
    // Nobody ever writes to it: opening it for reading would block forever.
    let errors = load_within(lib.path(), Duration::from_secs(10));
    message_for(&errors, &screening, "named pipe (FIFO)");
}

#[test]
fn a_linked_folder_is_refused() {
    let lib = copy_of_library();
    let outside = tempfile::tempdir().expect("temp dir");
    for level in ["junior", "mid", "senior"] {
        std::fs::write(
            outside.path().join(format!("{level}.yaml")),
            format!("{SECRET}\n"),
        )
        .expect("write");
    }
    let questions = lib.path().join("questions");
    std::fs::remove_dir_all(&questions).expect("remove");
    std::os::unix::fs::symlink(outside.path(), &questions).expect("symlink");

    let errors = load_within(lib.path(), Duration::from_secs(10));
    let line = message_for(&errors, &questions.join("mid.yaml"), "`questions`");
    assert!(line.contains("symbolic link"), "{line}");
    assert!(!errors.to_string().contains("SECRET"));
}

#[test]
fn an_oversized_file_is_refused_unread() {
    let lib = copy_of_library();
    let competencies = lib.path().join("competencies.yaml");
    // Valid YAML all the way, so only the size can be the reason.
    let mut text = format!("# {SECRET}\n");
    while text.len() as u64 <= MAX_FILE_BYTES {
        text.push_str("# padding padding padding padding padding padding\n");
    }
    std::fs::write(&competencies, &text).expect("write");
    let errors = load_within(lib.path(), Duration::from_secs(10));
    message_for(&errors, &competencies, "over the 256 KiB limit");
    assert!(!errors.to_string().contains("SECRET"));
    assert_eq!(errors.0.len(), 1, "{errors}");
}

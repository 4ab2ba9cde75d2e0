use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // The migrations are embedded at compile time (src/db/mod.rs): a new
    // or changed migration file must trigger a rebuild.
    println!("cargo:rerun-if-changed=../migrations");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for backend in ["sqlite", "postgres"] {
        embed_migrations(backend, Path::new(&out));
    }
    // The browser bundle is split at its lazy routes (tools/bundle),
    // which reads the linker's relocations: ask for them on the WASM build
    // only, so the server's build and the dependencies' flags stay as they
    // are.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=--emit-relocs");
    }
}

/// Writes `<backend>_migrations.rs`: the `.sql` files of
/// migrations/<backend>/ as `&[(file name, include_str!(path))]`, in
/// file-name order (the order of their version prefixes).
fn embed_migrations(backend: &str, out: &Path) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../migrations")
        .join(backend);
    println!("cargo:rerun-if-changed={}", folder.display());
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("reading {}: {e}", folder.display()))
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    let mut code = String::from("&[\n");
    for path in files {
        let name = path.file_name().expect("a file name").to_string_lossy();
        writeln!(code, "    ({name:?}, include_str!({:?})),", path.display()).expect("a String");
    }
    code.push(']');
    let target = out.join(format!("{backend}_migrations.rs"));
    std::fs::write(&target, code).unwrap_or_else(|e| panic!("writing {}: {e}", target.display()));
}

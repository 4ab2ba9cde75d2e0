fn main() {
    // `sqlx::migrate!` embeds the migrations at compile time; a new
    // migration file must trigger a rebuild.
    println!("cargo:rerun-if-changed=../migrations");
    // The browser bundle is split at its lazy routes (tools/bundle),
    // which reads the linker's relocations: ask for them on the WASM build
    // only, so the server's build and the dependencies' flags stay as they
    // are.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-cdylib=--emit-relocs");
    }
}

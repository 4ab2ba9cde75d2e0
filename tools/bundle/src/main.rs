//! `bundle INPUT OUT_DIR`: the browser bundle from the WASM cargo built.
//!
//! First splits it at its lazy routes: a main module, a `split_*.wasm` per
//! lazily loaded group of pages, `chunk_*.wasm` for code several groups
//! share, the loader script the main module imports, and
//! `__wasm_split_manifest.json` (which files each group needs), from which
//! the server adds preload links to a page. Then writes the JavaScript glue
//! for the main module, as `wasm-bindgen --target web` would:
//! `hiring-kit.js` and `hiring-kit_bg.wasm`.

use clap::Parser;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The loader's module name: the placeholder the `wasm_split` macros write
/// into the WASM is rewritten to it, and Leptos looks for it by this name
/// when it adds a page's preload links.
const LOADER: &str = "./__wasm_split.______________________.js";

#[derive(Debug, Parser)]
#[command(
    name = "bundle",
    about = "Split the browser bundle at its lazy routes and write its JavaScript glue"
)]
struct Cli {
    /// The WASM cargo built (linked with --emit-relocs).
    input: PathBuf,
    /// Where the modules, the loader, the manifest and the glue go.
    out_dir: PathBuf,
    /// The name of the glue script and of the main module
    /// (`NAME.js`, `NAME_bg.wasm`); the loader imports `./NAME.js`.
    #[arg(long, default_value = "hiring-kit")]
    name: String,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match bundle(&cli) {
        Ok(files) => {
            println!("split into the main module and {files} lazily loaded files");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("bundle: {message}");
            ExitCode::FAILURE
        }
    }
}

fn bundle(cli: &Cli) -> Result<usize, String> {
    std::fs::create_dir_all(&cli.out_dir)
        .map_err(|e| format!("cannot create {}: {e}", cli.out_dir.display()))?;
    let main = cli.out_dir.join("main.wasm");
    let files = split(cli, &main)?;
    glue(cli, &main)?;
    std::fs::remove_file(&main).map_err(|e| format!("cannot remove {}: {e}", main.display()))?;
    Ok(files)
}

/// Splits the input at its lazy routes; the main module goes to `main`.
fn split(cli: &Cli, main: &Path) -> Result<usize, String> {
    let input = std::fs::read(&cli.input)
        .map_err(|e| format!("cannot read {}: {e}", cli.input.display()))?;
    let main_module = format!("./{}.js", cli.name);
    let mut options = wasm_split_cli_support::Options::new(&input);
    options.output_dir = &cli.out_dir;
    options.main_out_path = main;
    options.main_module = &main_module;
    options.link_name = LOADER;
    let split = wasm_split_cli_support::transform(options)
        .map_err(|e| format!("cannot split {}: {e:#}", cli.input.display()))?;
    let manifest = serde_json::to_string_pretty(&split.prefetch_map)
        .map_err(|e| format!("cannot write the manifest: {e}"))?;
    let manifest_path = cli.out_dir.join("__wasm_split_manifest.json");
    std::fs::write(&manifest_path, manifest)
        .map_err(|e| format!("cannot write {}: {e}", manifest_path.display()))?;
    Ok(split.split_modules.len())
}

/// Writes the glue for the main module with the settings of
/// `wasm-bindgen --target web --no-typescript --keep-lld-exports
/// --no-demangle`, spelled out where the library's defaults differ from
/// the command line's.
fn glue(cli: &Cli, main: &Path) -> Result<(), String> {
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen
        .web(true)
        .map_err(|e| format!("cannot target the web: {e:#}"))?
        .input_path(main)
        .out_name(&cli.name)
        .typescript(false)
        // The chunks link against the main module's exports.
        .keep_lld_exports(true)
        // The chunks find the main module's functions by their raw names.
        .demangle(false)
        // As the command line: the glue knows where its WASM is.
        .omit_default_module_path(false);
    bindgen
        .generate(&cli.out_dir)
        .map_err(|e| format!("cannot write the glue for {}: {e:#}", main.display()))
}

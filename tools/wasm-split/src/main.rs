//! `wasm-split INPUT OUT_DIR`: splits the browser bundle at its lazy routes.
//!
//! Writes `OUT_DIR/main.wasm` (for wasm-bindgen), a `split_*.wasm` per lazy
//! page, `chunk_*.wasm` for code several pages share, the loader script the
//! main module imports, and `__wasm_split_manifest.json` (which files each
//! page needs), from which the server adds preload links to a page.

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

/// The loader's module name: the placeholder the `wasm_split` macros write
/// into the WASM is rewritten to it, and Leptos looks for it by this name
/// when it adds a page's preload links.
const LOADER: &str = "./__wasm_split.______________________.js";

#[derive(Debug, Parser)]
#[command(
    name = "wasm-split",
    about = "Split the browser bundle at its lazy routes"
)]
struct Cli {
    /// The WASM cargo built (linked with --emit-relocs).
    input: PathBuf,
    /// Where the main module, the chunks, the loader and the manifest go.
    out_dir: PathBuf,
    /// The script wasm-bindgen will write for the main module, as the
    /// loader imports it (relative to OUT_DIR).
    #[arg(long, default_value = "./hiring-kit.js")]
    main_module: String,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match split(&cli) {
        Ok(pages) => {
            println!("split into the main module and {pages} lazily loaded files");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("wasm-split: {message}");
            ExitCode::FAILURE
        }
    }
}

fn split(cli: &Cli) -> Result<usize, String> {
    let input = std::fs::read(&cli.input)
        .map_err(|e| format!("cannot read {}: {e}", cli.input.display()))?;
    std::fs::create_dir_all(&cli.out_dir)
        .map_err(|e| format!("cannot create {}: {e}", cli.out_dir.display()))?;
    let main_out = cli.out_dir.join("main.wasm");
    let mut options = wasm_split_cli_support::Options::new(&input);
    options.output_dir = &cli.out_dir;
    options.main_out_path = &main_out;
    options.main_module = &cli.main_module;
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

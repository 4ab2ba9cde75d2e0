"""Prints what a first visit to each page downloads of the release bundle:
the script, the main WASM module and the loader every page needs, plus the
chunks that page's lazy route needs (from __wasm_split_manifest.json), in
raw, brotli and gzip bytes. Used by scripts/bench.

    python3 scripts/bundle-sizes.py target/site/pkg/hiring-kit-<hash>
"""

import json
import os
import re
import sys

folder = sys.argv[1]


def size(name, suffix=""):
    return os.path.getsize(os.path.join(folder, name + suffix))


def sizes(names):
    return tuple(sum(size(n, s) for n in names) for s in ("", ".br", ".gz"))


def row(label, names):
    raw, br, gz = sizes(names)
    print(f"{label:<48} {raw:>10} raw {br:>9} brotli {gz:>9} gzip")
    return br


loader = next(n for n in os.listdir(folder) if n.startswith("__wasm_split.") and n.endswith(".js"))
every_page = ["hiring-kit.js", "hiring-kit_bg.wasm", loader]
row("every page: script, main module, loader", every_page)
manifest = json.load(open(os.path.join(folder, "__wasm_split_manifest.json")))
chunks = sorted(n for n in os.listdir(folder) if n.endswith(".wasm") and n != "hiring-kit_bg.wasm")
row(f"all {len(chunks)} page chunks together", chunks)
print()
heaviest = 0
for split, files in sorted(manifest.items()):
    # A split is named after its #[lazy] function and a hash: `<name>_<hash>`.
    match = re.match(r"_*(.+?)_\d+$", split)
    page = match.group(1) if match else split
    names = every_page + sorted({f + ".wasm" for f in files})
    heaviest = max(heaviest, row(f"first visit to {page}", names))
print(f"\nheaviest first visit: {heaviest} bytes brotli ({heaviest / 1000:.0f} KB)")

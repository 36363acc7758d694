#!/usr/bin/env bash
# Install what `make run` / `make test` need, once. Idempotent and quiet when all is present.
set -euo pipefail
what="${1:-cli}"
if ! command -v cargo >/dev/null; then
  echo "install-deps: cargo is required (https://rustup.rs)" >&2; exit 2
fi
if ! cargo nextest --version >/dev/null 2>&1; then
  cargo install cargo-nextest --locked
fi

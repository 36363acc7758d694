# Backpack — the two commands that matter: `make run` and `make test`.
# Both work on a fresh Debian/Ubuntu machine: they install what they need first.

SHELL := /bin/bash
CARGO ?= cargo

.PHONY: run test deps-cli
deps-cli:
	@bash scripts/install-deps.sh cli

# PLACEHOLDER until the desktop app lands: import the samples into a demo wallet and list them.
run: deps-cli
	$(CARGO) build -p backpack-cli
	BACKPACK_WALLET=$${BACKPACK_WALLET:-$(CURDIR)/target/demo-wallet.db} ./target/debug/backpack import tests/fixtures/1edtech-public-validator/ob30 || true
	BACKPACK_WALLET=$${BACKPACK_WALLET:-$(CURDIR)/target/demo-wallet.db} ./target/debug/backpack list

test: deps-cli
	$(CARGO) nextest run --workspace --no-fail-fast

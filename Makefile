# Backpack — the two commands that matter: `make run` and `make test`.
# Both work on a fresh Debian/Ubuntu machine: they install what they need first
# (scripts/install-deps.sh; add a group there and a deps-* target here to extend).

SHELL := /bin/bash
CARGO ?= cargo
# The demo wallet `make run` fills (kept out of your real wallet).
DEMO_WALLET ?= $(CURDIR)/target/demo-wallet.db
BACKPACK := $(CARGO) run -q -p backpack-cli --bin backpack --

.PHONY: run test demo deps-cli test-rust check-all bench clean-demo

deps-cli:
	@bash scripts/install-deps.sh cli

# Until the desktop app lands: import the bundled sample badges into a demo wallet and list them.
run: demo

demo: deps-cli
	$(CARGO) build -q -p backpack-cli
	@$(BACKPACK) --wallet "$(DEMO_WALLET)" import samples/*.png samples/*.svg samples/*.json; rc=$$?; \
	  if [ $$rc -gt 1 ]; then exit $$rc; fi
	@$(BACKPACK) --wallet "$(DEMO_WALLET)" list
	@echo "demo wallet: $(DEMO_WALLET)  (try: cargo run -p backpack-cli -- --wallet $(DEMO_WALLET) show 1)"

clean-demo:
	rm -f "$(DEMO_WALLET)" "$(DEMO_WALLET)-wal" "$(DEMO_WALLET)-shm"

# Every test: unit and integration tests of every workspace crate (nextest), doc tests,
# and a compile check of the benchmarks.
test: deps-cli test-rust

test-rust:
	$(CARGO) nextest run --workspace --no-fail-fast
	$(CARGO) test --workspace --doc
	$(CARGO) check --workspace --benches

bench:
	$(CARGO) bench --bench import

# Backpack — the two commands that matter: `make run` and `make test`.
# Both work on a fresh Debian/Ubuntu machine: they install what they need first
# (scripts/install-deps.sh; add a group there and a deps-* target here to extend).

SHELL := /bin/bash
CARGO ?= cargo
# The demo wallet `make run` fills (kept out of your real wallet).
DEMO_WALLET ?= $(CURDIR)/target/demo-wallet.db
BACKPACK := $(CARGO) run -q -p backpack-cli --bin backpack --

.PHONY: run test demo deps-cli test-rust check-all bench bench-cli clean-demo

deps-cli:
	@bash scripts/install-deps.sh cli

# `make run` (desktop app) is defined in the app section below; `make demo` is the CLI demo.

demo: deps-cli
	$(CARGO) build -q -p backpack-cli
	@$(BACKPACK) --wallet "$(DEMO_WALLET)" import samples/*.png samples/*.svg samples/*.json; rc=$$?; \
	  if [ $$rc -gt 1 ]; then exit $$rc; fi
	@$(BACKPACK) --wallet "$(DEMO_WALLET)" list
	@echo "demo wallet: $(DEMO_WALLET)  (try: cargo run -p backpack-cli -- --wallet $(DEMO_WALLET) show 1)"

clean-demo:
	rm -f "$(DEMO_WALLET)" "$(DEMO_WALLET)-wal" "$(DEMO_WALLET)-shm"

# Every test: unit and integration tests of every workspace crate (nextest), doc tests,
# and a build of the benchmarks (dev profile: it reuses the test build instead of a separate check).
test: deps-cli deps-e2e test-rust e2e

test-rust:
	$(CARGO) nextest run --workspace --no-fail-fast
	$(CARGO) test --workspace --doc
	$(CARGO) test --workspace --benches --no-run

# Every core benchmark; `make bench-app` times the desktop app.
bench:
	$(CARGO) bench --bench import
	$(CARGO) bench --bench verify
	$(CARGO) bench --bench export
	$(CARGO) bench --bench decode

# The whole process as the learner waits (issue 10): the release `backpack` binary imports,
# verifies and re-checks 10,000 signed baked OB 3.0 badges (benches/cli.rs). Not in `make test`.
# BACKPACK_BIN=path times another build (before/after); BENCH_BADGES=N changes the count.
bench-cli:
	$(CARGO) build --release -p backpack-cli
	$(CARGO) bench --bench cli

# ── desktop app (owner: app) ───────────────────────────────────────────────────────────────
# `make run` installs the system packages on a fresh Debian/Ubuntu machine (sudo only when not
# root), builds the app and opens it on the default wallet (BACKPACK_WALLET overrides it).
# `make e2e` drives the real app (tauri-driver + WebKitWebDriver + selenium) under Xvfb on a
# throw-away wallet and ends with "N passed, N failed"; screenshots go to e2e-output/.
# `make bench-app` times first paint and search keystrokes with a 10,000-badge wallet.
APP_BIN = $${CARGO_TARGET_DIR:-$(CURDIR)/target}/debug/backpack-app
.PHONY: deps-app deps-e2e app e2e bench-app
deps-app:
	@bash scripts/install-deps.sh app
deps-e2e:
	@bash scripts/install-deps.sh e2e
app: deps-app
	$(CARGO) build -p backpack-app
run: app
	$(APP_BIN)
e2e: deps-e2e
	$(CARGO) build -p backpack-app
	bash e2e/run.sh "$(APP_BIN)"
bench-app: deps-e2e
	$(CARGO) build -p backpack-app
	bash e2e/run.sh "$(APP_BIN)" --bench

# ── fuzzing (issue 13; owner: hardening) ───────────────────────────────────────────────────
# cargo-fuzz targets in fuzz/ (its own workspace; nightly). Not part of `make test`.
# `make fuzz` runs every target for FUZZ_SECONDS each (FUZZ_TARGETS to pick some, FUZZ_JOBS to
# run several at once) and prints executions, coverage and the outcome per target; it fails
# when a target finds a crash, timeout or OOM (input in fuzz/artifacts/, log in fuzz/logs/).
# `make fuzz-smoke` is the short CI run (30 s per target) that keeps the targets building.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
CARGO_FUZZ_VERSION = 0.13.2
.PHONY: deps-fuzz fuzz-build fuzz fuzz-smoke
deps-fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@cargo fuzz --version 2>/dev/null | grep -q '$(CARGO_FUZZ_VERSION)' || cargo install cargo-fuzz@$(CARGO_FUZZ_VERSION) --locked
fuzz-build: deps-fuzz
	cd fuzz && cargo +nightly fuzz build -s none --debug-assertions
fuzz: fuzz-build
	bash fuzz/seed.sh
	bash fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)
fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=30

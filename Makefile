# Two commands do all the set-up on a fresh machine:
#   make serve   install, validate, build and serve on http://127.0.0.1:8000 with live reload
#   make test    install everything (including a browser) and run every test
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(shell command -v uv 2>/dev/null || echo .tools/uv/bin/uv)
export NO_MKDOCS_2_WARNING := 1
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: help install install-dev lrs-env browser node-deps validate validate-changed build serve lint-js lint-py test test-fast bench offline clean

help:
	@echo "make serve     install, validate, build and serve the site on http://127.0.0.1:8000"
	@echo "make test      install everything (including a browser) and run every test"
	@echo "make validate  check all content (curriculum validate)"
	@echo "make lint-js   eslint and prettier on our JavaScript"
	@echo "make lint-py   ruff (lint, format) and mypy on our Python"
	@echo "make build     build the site into site/ (only replaced when the build succeeds)"
	@echo "make bench     measure build and validate speed (ratios) and asset sizes; see BENCHMARKS.md"
	@echo "make offline   build the offline edition: dist/curriculum-offline.zip (works from disk)"

$(UV):
	$(PYTHON) -m venv .tools/uv && .tools/uv/bin/pip install -q uv

# The project and its runtime dependencies, from the lock file.
$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --no-dev -q
	@touch $@

$(VENV)/.installed-dev: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen -q
	@touch $(VENV)/.installed $@

install: $(VENV)/.installed node-deps
install-dev: $(VENV)/.installed-dev node-deps browser lrs-env

# Ralph, the Learning Record Store the cmi5 and records tests run against, in its own tool
# environment (its dependencies never mix with ours); every package pinned.
lrs-env: .tools/ralph/.installed
.tools/ralph/.installed: tests/lrs-requirements.txt | $(UV)
	$(UV) venv -q --allow-existing .tools/ralph
	VIRTUAL_ENV=.tools/ralph $(UV) pip install -q -r tests/lrs-requirements.txt
	@touch $@

# Third-party browser code (the iframe-worker shim for offline search) comes from the npm
# registry into node_modules/, never into the repository.
node-deps: node_modules/.installed
node_modules/.installed: package.json package-lock.json scripts/curriculum_tools/credentials/pin_contexts.mjs
	@command -v npm >/dev/null || (apt-get update -qq && apt-get install -y -qq nodejs npm)
	npm ci --no-audit --no-fund --loglevel=error
	node scripts/curriculum_tools/credentials/pin_contexts.mjs
	@touch $@

# A browser for the Playwright tests: Debian's chromium-headless-shell where Playwright cannot
# download its own (curriculum_tools/tools/browser.py says why that one). After node-deps,
# which may apt-get nodejs: under `make -j` two apt-gets at once would fight over dpkg's lock.
browser: $(VENV)/.installed-dev | node-deps
	@$(BIN)/python -m curriculum_tools.tools.browser --install

validate: $(VENV)/.installed
	$(BIN)/curriculum validate

# The pull-request check: errors, and warnings in the files changed since BASE, fail.
BASE ?= origin/main
validate-changed: $(VENV)/.installed
	$(BIN)/curriculum validate --changed $(BASE) --strict

build: install
	$(BIN)/curriculum build

serve: build
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

# Our JavaScript: eslint and prettier (configs in eslint.config.mjs, .prettierrc.json); its
# node unit tests (tests/js) run inside pytest (tests/test_parity.py).
lint-js: node-deps
	node_modules/.bin/eslint scripts/curriculum_tools/site/components site_overrides/assets/javascripts tests/js eslint.config.mjs
	node_modules/.bin/prettier --check .

# Our Python: ruff (lint and format) and mypy, configured in pyproject.toml.
lint-py: $(VENV)/.installed-dev
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(BIN)/mypy

# The installs, then the linters and the validator, run side by side (make -j, each job's
# output kept together): from a fresh clone on 2 cores, 39-40 s one after another and
# 22-28 s side by side (two runs of each). Two stages, so that no check starts before the
# tools it runs are in place. pytest ends with its ten slowest tests, the figures
# BENCHMARKS.md tracks.
test:
	@$(MAKE) --no-print-directory -j4 --output-sync=target install-dev
	@$(MAKE) --no-print-directory -j4 --output-sync=target lint-js lint-py validate
	$(BIN)/python -m pytest -q -n 2 --dist worksteal --durations=10

test-fast: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q -m "not browser"

# The offline edition: a zip to open from disk (file://), search, quizzes and checklists included.
# OFFLINE_LANG=es: the Spanish edition, dist/curriculum-offline-es.zip.
OFFLINE_LANG ?= en
offline: install
	$(BIN)/curriculum validate
	$(BIN)/curriculum build --config mkdocs-offline.yml --lang $(OFFLINE_LANG) --zip dist/curriculum-offline$(if $(filter-out en,$(OFFLINE_LANG)),-$(OFFLINE_LANG)).zip

# Synthetic curricula of 100, 1,000 and 5,000 modules; e.g. BENCH_ARGS="--sizes 100 --repeat 5".
bench: install-dev
	$(BIN)/python -m curriculum_tools.tools.bench $(BENCH_ARGS)

clean:
	rm -rf site site-offline dist .pytest_cache

# Two commands for newcomers: `make serve` and `make test`. Both set up .venv on first use.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help serve build check test test-fast lint format bench screenshots clean

help: ## list the targets
	@echo "Targets (run from the repository):"
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.site-installed

# ESLint and its plugins, and the QR generator the site vendors (tests/js/vendor.test.js
# compares them), at the exact versions of package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

serve: $(VENV)/.site-installed ## build and serve on http://127.0.0.1:8000, rebuilding what an edit changes (another port: make serve PORT=8001)
	@$(BIN)/python -c "import socket, sys; port = $(PORT); \
	in_use = socket.socket().connect_ex(('127.0.0.1', port)) == 0; \
	sys.exit(f'Port {port} is in use (another make serve?): stop it, or run: make serve PORT={port + 1}' if in_use else 0)"
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:$(PORT)

build: $(VENV)/.site-installed ## build the site into site/ (content is checked first; the last good site stays on errors)
	$(BIN)/mkdocs build --strict

check: $(VENV)/.site-installed ## check all content without building, and print each track's plan
	$(BIN)/reading-program check

test: $(VENV)/.test-installed node_modules/.installed ## the whole suite: the browser modules' unit tests (needs Node.js), then pytest (browser tests need Debian's chromium)
	node --test tests/js/*.test.js
	$(BIN)/python -m pytest

# The fast loop skips collecting tests/browser (all of it is marked browser,
# tests/conftest.py) and the browser plugin, runs on every core (pytest-xdist), and keeps
# compiled bytecode and pytest's rewritten test modules in __pycache__ even where
# PYTHONDONTWRITEBYTECODE is set: without them every run compiles the whole project and its
# dependencies again.
test-fast: $(VENV)/.test-installed ## the fast loop: no site builds, no browser, nothing slow
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -m "not build and not browser and not slow" \
		--ignore=tests/browser -p no:playwright -n auto --dist worksteal

bench: $(VENV)/.site-installed ## build time of plain MkDocs vs. this site: runs about 40 minutes; see benchmarks/README.md
	$(BIN)/python benchmarks/build_bench.py $(BENCH_ARGS)

screenshots: $(VENV)/.test-installed ## the guides' pictures into build/screenshots/ (Debian's chromium; SHOTS_ARGS=--update-readme replaces readme/'s)
	$(BIN)/python readme/participant_screenshots.py $(SHOTS_ARGS)
	$(BIN)/python readme/device_screenshots.py $(SHOTS_ARGS)
	$(BIN)/python readme/team_leads_screenshots.py $(SHOTS_ARGS)
	$(BIN)/python readme/author_screenshots.py $(SHOTS_ARGS)

lint: $(VENV)/.test-installed node_modules/.installed ## ruff (lint and format check) and ESLint
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	node_modules/.bin/eslint --max-warnings 0 .

format: $(VENV)/.test-installed ## fix what ruff can fix, and format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean: ## remove the built site and tool caches
	rm -rf site .pytest_cache .ruff_cache .cache node_modules

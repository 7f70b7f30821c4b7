# Two commands for newcomers: `make serve` and `make test`. Both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test lint format bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.site-installed

# ESLint and its plugins at the exact versions of package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

serve: $(VENV)/.site-installed ## build and serve on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.site-installed ## build the site into site/, warnings are errors
	$(BIN)/mkdocs build --strict

test: $(VENV)/.test-installed ## run the whole test suite: browser-module unit tests, then pytest
	node --test tests/js/*.test.js
	$(BIN)/python -m pytest

bench: $(VENV)/.site-installed ## build time of plain MkDocs vs. this site; see benchmarks/README.md
	$(BIN)/python benchmarks/build_bench.py $(BENCH_ARGS)

lint: $(VENV)/.test-installed node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	node_modules/.bin/eslint --max-warnings 0 .

format: $(VENV)/.test-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf site .pytest_cache .ruff_cache

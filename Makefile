# claimgraph — two commands on a fresh machine: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
SAMPLES := examples
# The database make run writes: also every command's default --db (claimgraph.store.DEFAULT_DB).
DB      ?= var/claimgraph.duckdb
PORT    ?= 8000

.PHONY: setup run test lint typecheck bench serve screenshots system-deps clean stance-model

# The virtualenv with the project, its pinned dependencies (every optional extra too) and the
# spaCy model package.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[all,dev]"
	touch $(STAMP)

setup: $(STAMP)

# Debian packages the tests need: a PostgreSQL server (store conformance suite) and Chromium
# (browser tests through Playwright). Installed only when missing; needs root (CI runs as root).
system-deps:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! test -x /usr/bin/chromium; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql chromium >/dev/null; \
	  else echo "note: install postgresql and chromium (Debian packages) for the full test suite"; fi; \
	fi

# Analyse the samples into the embedded DuckDB database, show what was found, point at the UI.
run: setup
	@mkdir -p var
	$(BIN)/claimgraph ingest $(SAMPLES) --db $(DB) --published 2024-08-13 --reanalyse
	$(BIN)/claimgraph show --db $(DB)
	@echo ""
	@echo "Web UI over this database: run 'make serve', then open http://127.0.0.1:$(PORT)/"

# Re-train the shipped stance model (src/claimgraph/data/stance/model.pkl.gz) on FNC-1's training
# pairs, read from ../shared/evaldata/fnc-1 (never copied here); fixed seeds, one thread.
stance-model: setup
	$(BIN)/claimgraph stance-train

serve: setup
	$(BIN)/claimgraph serve --db $(DB) --port $(PORT)

lint: setup
	$(BIN)/ruff check src tests

typecheck: setup
	$(BIN)/mypy

test: setup system-deps lint typecheck
	$(BIN)/pytest -q

# Refresh the README's pictures (docs/screenshots/*.png): the browser tests, saving their
# screenshots there instead of the temporary folder a plain test run uses.
screenshots: setup system-deps
	@test -x /usr/bin/chromium || { echo "make screenshots needs Debian's chromium (apt-get install chromium)"; exit 1; }
	CLAIMGRAPH_SCREENSHOTS=docs/screenshots $(BIN)/pytest -q -m browser tests/serve/test_browser.py

bench: setup
	$(BIN)/claimgraph bench --processes 2 --length 30000 --length 300000 --length 1000000

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

# Two commands set everything up on a fresh machine: `make ingest` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= data/events.duckdb

.PHONY: install ingest ingest-live test lint eval bench cron clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

ingest: $(STAMP)
	@$(BIN)/python -m pipeline ingest --source corpus --db $(DB)

ingest-live: $(STAMP)
	@$(BIN)/python -m pipeline ingest --sources rules/sources.yaml --db $(DB)

# The statistical baseline is an optional extra; it is installed here, never at run time.
eval: $(STAMP)
	@$(BIN)/python -m pip install --quiet -e '.[baseline]' || echo "baseline model not installed"
	@$(BIN)/python -m pipeline eval

test: $(STAMP)
	@$(BIN)/python -m pytest

lint: $(STAMP)
	@$(BIN)/ruff check pipeline tests benchmarks

clean:
	rm -rf data build *.egg-info .pytest_cache .ruff_cache

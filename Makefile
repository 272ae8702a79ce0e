# Two commands set everything up on a fresh machine: `make ingest` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= data/events.duckdb
# -qq: only errors. pip's notices about the machine's own configuration and setuptools'
# advice about editable installs are for developers, not for someone running `make ingest`.
PIP    := $(BIN)/python -m pip install -qq

.PHONY: install ingest ingest-live test lint eval bench cron clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(PIP) --upgrade pip
	@$(PIP) -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

ingest: $(STAMP)
	@$(BIN)/oversight ingest --source corpus --db '$(DB)'

ingest-live: $(STAMP)
	@$(BIN)/oversight ingest --sources rules/sources.yaml --db '$(DB)'

# The statistical baseline is an optional extra; it is installed here, never at run time.
eval: $(STAMP)
	@$(PIP) -e '.[baseline]' || echo "baseline model not installed"
	@$(BIN)/oversight eval

test: $(STAMP)
	@$(BIN)/python -m pytest

# Throughput of every stage on generated documents, with peak memory; writes
# benchmarks/results.json. BENCH_ARGS="--docs 20000" for the full size (about 15 minutes),
# BENCH_ARGS="--memory" for peak memory streaming 10,000 vs 100,000 documents.
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): pyproject.toml $(STAMP)
	@$(PIP) -e '.[bench]'
	@$(PIP) -e '.[baseline]' || echo "statistical model not installed"
	@touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	@$(BIN)/python -m benchmarks.bench $(BENCH_ARGS)

# The crontab line for this checkout (add it with `crontab -e`), written by pipeline/cron.py
# with the system Python: paths absolute and quoted (cron starts in $HOME with a bare PATH),
# a path with spaces in CRON_INPUT is one argument. Each run appends one stamped summary
# line (UTC time, run id) and its error lines to cron.log, then the digest of what it
# changed (CRON_DIGEST= turns that off), and rewrites digest.atom next to the database; the
# JSON run log goes to pipeline.log. The run lock makes an overlapping start exit with 3.
CRON_SCHEDULE ?= 17 6 * * *
CRON_INPUT    ?= --sources rules/sources.yaml
CRON_LOG      ?=
CRON_DIGEST   ?= yes
cron: export CRON_ROOT := $(CURDIR)
cron: export CRON_DB := $(DB)
cron: export CRON_SCHEDULE := $(CRON_SCHEDULE)
cron: export CRON_INPUT := $(CRON_INPUT)
cron: export CRON_LOG := $(CRON_LOG)
cron: export CRON_DIGEST := $(CRON_DIGEST)
cron:
	@$(PYTHON) pipeline/cron.py

# Rule entries that match no document are not checked here (a few seconds, and advice
# rather than failure): `$(BIN)/oversight rules lint`.
lint: $(STAMP)
	@$(BIN)/ruff check pipeline tests benchmarks

clean:
	rm -rf data build *.egg-info .pytest_cache .ruff_cache

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

# Throughput of every stage on generated documents, with peak memory; writes
# benchmarks/results.json. BENCH_ARGS="--docs 20000" for the full size (about 15 minutes),
# BENCH_ARGS="--memory" for peak memory streaming 10,000 vs 100,000 documents.
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): pyproject.toml $(STAMP)
	@$(BIN)/python -m pip install --quiet -e '.[bench]'
	@$(BIN)/python -m pip install --quiet -e '.[baseline]' || echo "statistical model not installed"
	@touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	@$(BIN)/python -m benchmarks.bench $(BENCH_ARGS)

# The crontab line for this checkout (add it with `crontab -e`). Paths are absolute because
# cron starts in $HOME with a bare PATH. Output (a one-line summary, or error lines) goes to
# cron.log next to the database, the JSON run log to pipeline.log beside it; the run lock
# makes an overlapping start exit with code 3. Override CRON_SCHEDULE, CRON_INPUT, CRON_LOG.
CRON_SCHEDULE ?= 17 6 * * *
CRON_INPUT    ?= --sources '$(CURDIR)/rules/sources.yaml'
CRON_LOG      ?= $(abspath $(dir $(DB)))/cron.log
cron:
	@printf '%s\n' "$(CRON_SCHEDULE) cd '$(CURDIR)' && mkdir -p '$(dir $(CRON_LOG))' && '$(CURDIR)/$(BIN)/python' -m pipeline ingest $(CRON_INPUT) --db '$(abspath $(DB))' >> '$(CRON_LOG)' 2>&1"

lint: $(STAMP)
	@$(BIN)/ruff check pipeline tests benchmarks

clean:
	rm -rf data build *.egg-info .pytest_cache .ruff_cache

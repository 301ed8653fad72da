# wirehouse: `make run` and `make test` work on a fresh machine with only python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PUBLISHED_AT ?= 2015-03-21

.PHONY: help install run test eval bench serve clean report

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the pinned dependencies

run: $(STAMP) ## load the bundled sample articles into warehouse/wirehouse.duckdb
	$(BIN)/wirehouse run seeds/articles --published-at $(PUBLISHED_AT)

report: $(STAMP) ## write warehouse/report.html from the warehouse `make run` filled (one offline HTML file)
	$(BIN)/wirehouse report

test: $(STAMP) ## run the test suite
	$(BIN)/pytest

eval: $(STAMP) ## score the extractors and the linking: ../shared sets, tests/gold (+ PolNeAR quotes and statements if WIREHOUSE_POLNEAR_DIR)
	$(BIN)/wirehouse eval layout
	$(BIN)/wirehouse eval quotes
	$(BIN)/wirehouse eval dates
	$(BIN)/wirehouse eval events
	$(BIN)/wirehouse eval places
	$(BIN)/wirehouse eval html
	$(BIN)/wirehouse eval incidents
	$(BIN)/wirehouse eval statements

serve: $(STAMP) ## start a local Prefect server and serve the flow hourly over inbox/
	$(BIN)/wirehouse serve

clean: ## remove the environment, Prefect state and the default warehouse
	rm -rf $(VENV) .prefect warehouse/report.html warehouse/wirehouse.duckdb warehouse/wirehouse.duckdb.wal warehouse/wirehouse.duckdb.lock warehouse/exports

bench: $(STAMP) ## benchmark bare spaCy against the whole flow on N articles from ../shared/corpus (N=100000; FORMAT=warc: N pages in a WARC, N=2000)
	$(if $(filter warc,$(FORMAT)),$(BIN)/python bench/warc.py --n $(or $(N),2000),$(BIN)/python bench/run.py --n $(or $(N),100000))

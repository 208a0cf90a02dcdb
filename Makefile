# Quick start: `make demo` (build the bundled essay's site; installs only what the pipeline
# needs) and `make test` (the whole suite; adds the test extras).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test check bench clean

# the runtime environment: the package and its dependencies, nothing else
$(BIN)/l10n: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	@touch $@

# the test extras on top (pytest, hypothesis, Django's catalogs, Playwright, pre-commit ...)
$(VENV)/.test-extras: $(BIN)/l10n pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

demo: $(BIN)/l10n
	$(BIN)/l10n update
	$(BIN)/l10n glossary check
	$(BIN)/l10n check
	$(BIN)/l10n status
	$(BIN)/l10n build

test: $(VENV)/.test-extras
	$(BIN)/pytest

check: $(BIN)/l10n
	$(BIN)/l10n check

bench: $(VENV)/.test-extras
	$(BIN)/python bench/run.py

clean:
	rm -rf build .pytest_cache .hypothesis

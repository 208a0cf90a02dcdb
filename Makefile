# Quick start: `make demo` (build the bundled essay's site) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test check bench clean

$(BIN)/l10n: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

demo: $(BIN)/l10n
	$(BIN)/l10n update
	$(BIN)/l10n glossary check
	$(BIN)/l10n check
	$(BIN)/l10n status
	$(BIN)/l10n build

test: $(BIN)/l10n
	$(BIN)/pytest

check: $(BIN)/l10n
	$(BIN)/l10n check

bench: $(BIN)/l10n
	$(BIN)/python bench/run.py

clean:
	rm -rf build .pytest_cache .hypothesis

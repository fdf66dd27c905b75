# UN Resolutions Archive — the two commands a fresh machine needs:
#   make demo   set up, import the corpus and serve the archive on http://127.0.0.1:8000/
#   make test   set up and run the whole test suite
# Only Python 3.11 or 3.12 must be installed; everything else is installed into .venv.

SHELL := /bin/bash
# The first of python3.12, python3.11, python3 that runs and is 3.11 or 3.12 (version managers
# such as pyenv install shims that exist but refuse to run).
PYTHON ?= $(shell for p in python3.12 python3.11 python3; do \
	$$p -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 12))' 2>/dev/null \
	&& { command -v $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
CORPUS_DIR ?= ../shared/corpus

.PHONY: demo test install lint clean

$(BIN)/.installed: pyproject.toml constraints.txt
	@if [ -z "$(PYTHON)" ]; then \
	  echo "Python 3.11 or 3.12 is needed and none was found on the PATH."; \
	  echo "Install one, or run again with PYTHON=/path/to/python3.12"; exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $@

install: $(BIN)/.installed

demo: install
	$(BIN)/python manage.py migrate --noinput
	@if [ -d "$(CORPUS_DIR)" ]; then \
	  $(BIN)/python manage.py import_resolutions "$(CORPUS_DIR)" \
	    || echo "Some files failed to import (listed above); serving the rest."; \
	else \
	  echo "No resolution files to import: CORPUS_DIR=$(CORPUS_DIR) does not exist."; \
	  echo "Point it at a folder of resolution files: make demo CORPUS_DIR=/path/to/files"; \
	fi
	@echo "Serving the archive on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	PORT=$(PORT) $(BIN)/gunicorn -c deploy/gunicorn.conf.py config.wsgi

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) var

# UN Resolutions Archive — the two commands a fresh machine needs:
#   make demo   set up, import the corpus and serve the archive on http://127.0.0.1:8000/
#   make test   set up and run the whole test suite
#   make bench  measure import, search, pages and footprint (PARAGRAPHS=100000 for a size)
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
PARAGRAPHS ?= 10000
CORPUS_DIR ?= ../shared/corpus

# Browser tests need Chromium with CJK fonts, and the HTML checker needs Java: from Debian's
# packages, installed when missing (as root, or through sudo).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BROWSER_PACKAGES := chromium fonts-noto-cjk default-jre-headless

.PHONY: demo test bench install browser lint clean

$(BIN)/.installed: pyproject.toml constraints.txt
	@if [ -z "$(PYTHON)" ]; then \
	  echo "Python 3.11 or 3.12 is needed and none was found on the PATH."; \
	  echo "Install one, or run again with PYTHON=/path/to/python3.12"; exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $@

install: $(BIN)/.installed

browser:
	@if ! command -v chromium >/dev/null || ! command -v java >/dev/null \
	    || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  echo "Installing $(BROWSER_PACKAGES) for the browser and HTML tests"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    $(SUDO) apt-get install -y -qq --no-install-recommends $(BROWSER_PACKAGES); \
	fi

demo: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py rebuild_index --noinput --verbosity 0
	@if [ -d "$(CORPUS_DIR)" ]; then \
	  $(BIN)/python manage.py import_resolutions "$(CORPUS_DIR)" --report \
	    || echo "Some files failed to import (listed above); serving the rest."; \
	else \
	  echo "No resolution files to import: CORPUS_DIR=$(CORPUS_DIR) does not exist."; \
	  echo "Point it at a folder of resolution files: make demo CORPUS_DIR=/path/to/files"; \
	fi
	@echo "Serving the archive on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	DEBUG=0 PORT=$(PORT) $(BIN)/gunicorn -c deploy/gunicorn.conf.py config.wsgi

test: install browser
	$(BIN)/python -m pytest

# Benchmarks: import, search against PostgreSQL alternatives, pages under gunicorn, footprint.
bench: install
	$(BIN)/python -m bench.run --paragraphs $(PARAGRAPHS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) var

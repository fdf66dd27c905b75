# UN Resolutions Archive — the two commands a fresh machine needs:
#   make demo   set up, import the corpus and serve the archive on http://127.0.0.1:8000/
#   make test   set up and run the whole test suite
#   make bench  measure import, search, pages and footprint (PARAGRAPHS=100000 for a size)
#   make load   30 s of mixed traffic on the whole corpus, then again during a re-import
#   make faults the search index deleted and corrupted, PostgreSQL restarted, an import killed
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

# Browser tests need Chromium with CJK and Latin (Noto) fonts, the HTML checker needs Java and
# the deployment tests run the shipped nginx site: from Debian's packages, installed when missing
# (as root, or through sudo).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
TEST_PACKAGES := chromium fonts-noto-cjk fonts-noto-core default-jre-headless nginx openssl

.PHONY: demo test bench load faults install install-prod graphviz browser lint clean

# `make install` sets up everything, tests and benchmarks included; `make install-prod` only what
# the archive needs to run (a production server, see deploy/README.md).
$(BIN)/.installed: PACKAGE = .[dev]
$(BIN)/.installed-prod: PACKAGE = .
$(BIN)/.installed $(BIN)/.installed-prod: pyproject.toml constraints.txt
	@if [ -z "$(PYTHON)" ]; then \
	  echo "Python 3.11 or 3.12 is needed and none was found on the PATH."; \
	  echo "Install one, or run again with PYTHON=/path/to/python3.12"; exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '$(PACKAGE)'
	@touch $@

install: graphviz $(BIN)/.installed

install-prod: graphviz $(BIN)/.installed-prod

# Citation graphs are drawn by Graphviz's `dot`, at run time: Debian's package, installed when
# missing (as root, or through sudo), for the demo and production as well as the tests.
graphviz:
	@if ! command -v dot >/dev/null; then \
	  echo "Installing graphviz for the citation graphs"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    $(SUDO) apt-get install -y -qq --no-install-recommends graphviz; \
	fi

browser:
	@if ! command -v chromium >/dev/null || ! command -v java >/dev/null \
	    || ! [ -x /usr/sbin/nginx ] || ! command -v openssl >/dev/null \
	    || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK" \
	    || ! fc-list : family 2>/dev/null | grep -qx "Noto Sans"; then \
	  echo "Installing $(TEST_PACKAGES) for the browser, HTML and deployment tests"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    $(SUDO) apt-get install -y -qq --no-install-recommends $(TEST_PACKAGES); \
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

# Load: gunicorn as deployed serving the whole corpus to 16 loopback clients for 30 s, then the
# same while the corpus is imported again, with the index checked against the database after.
load: install
	$(BIN)/python -m bench.load --corpus "$(CORPUS_DIR)"
	$(BIN)/python -m bench.load --corpus "$(CORPUS_DIR)" --during-import

# Faults injected under a running server; what each request got, and how long recovery took.
faults: install
	$(BIN)/python -m bench.faults

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) var

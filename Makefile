# The study's entry points. `make` alone lists them.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
TOOLS := .venv-nbval
KERNEL := coverage-study
PY := $(VENV)/bin/python
OUT ?= data/runs/latest

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Python 3.11 is required; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -U "pip>=25.1"
	$(PY) -m pip install -q --disable-pip-version-check -e ".[test]"
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python 3.11 (coverage study)" >/dev/null
	@# coverage.py must never be in the study's environment: it would shadow the study's package.
	$(PY) -c 'import importlib.util as u, sys; s = u.find_spec("coverage"); sys.exit(0 if s and s.origin.endswith("src/coverage/__init__.py") else f"coverage.py leaked into {sys.prefix}: {s.origin}")'
	touch $@

$(TOOLS)/.installed: pyproject.toml
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install -q --disable-pip-version-check -U "pip>=25.1"
	$(TOOLS)/bin/python -m pip install -q --disable-pip-version-check --group nbval
	touch $@

env: $(VENV)/.installed ## create the study's environment (.venv) and register its Jupyter kernel

test: $(VENV)/.installed $(TOOLS)/.installed ## run every test: pytest, then nbval on every notebook
	$(PY) -m pytest -q
	$(MAKE) nbval

nbval: $(VENV)/.installed $(TOOLS)/.installed ## execute every notebook with nbval, in the study's kernel, on the demo corpus
	JUPYTER_PATH="$(abspath $(VENV))/share/jupyter" MPLBACKEND=Agg \
	  $(TOOLS)/bin/python -m pytest -q -p no:cacheprovider --nbval-lax --nbval-kernel-name $(KERNEL) notebooks/

study: $(VENV)/.installed ## run the study on data/sources.csv into $(OUT) and refresh figures/
	$(PY) -m coverage run --sources data/sources.csv --out $(OUT) --figures figures

demo: $(VENV)/.installed ## run the whole pipeline offline on the synthetic demo corpus into build/demo
	$(PY) -m coverage run --sources data/demo/sources.csv --out build/demo --offline --figures figures/demo

lab: $(VENV)/.installed ## open JupyterLab on the notebooks (students start with notebooks/explore.ipynb)
	$(VENV)/bin/jupyter lab notebooks/

clean: ## remove the environments and build outputs (never the archive in data/raw)
	rm -rf $(VENV) $(TOOLS) build .pytest_cache

.PHONY: help env test nbval study demo lab clean

# Coverage Lens — every target creates .venv on first use.  `make help` lists them.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
EVENT  ?= data/events/ukraine-weapons-2024-05
OUT    ?= reports

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "Coverage Lens needs Python 3.10 or newer; set PYTHON=python3.x")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall whenever pyproject.toml changes.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

.PHONY: help setup report test lab bench clean
help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-8s %s\n", $$1, $$2}'

setup: $(STAMP)  ## Create .venv and install the project with its extras

report: $(STAMP)  ## Render the sample event's report into reports/ (EVENT=..., OUT=...)
	$(PY) -m analysis report $(EVENT) --out $(OUT)

test: $(STAMP)  ## Run every test: library, bad input, notebooks
	$(PY) -m pytest

# JupyterLab refuses to run as root (as in many containers) unless told it may: only then.
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: $(STAMP)  ## Open JupyterLab on the notebooks (LAB_ARGS=... for more options)
	$(VENV)/bin/jupyter lab notebooks/ $(LAB_ROOT) $(LAB_ARGS)

clean:  ## Remove built reports and caches (keeps .venv)
	rm -rf $(OUT) .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

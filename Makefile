# sitrep: `make report` builds the briefing, `make test` runs the tests. `make help` lists all.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

DATA ?= data/raw
OUT ?= report
FORMAT ?= auto
COUNTRY ?=
PROVINCE ?=
START ?=
END ?=
TITLE ?=
ALLOW_REJECTS ?= 0
SEEDS ?= seeds
CANDIDATES ?= data/candidates

.DEFAULT_GOAL := help
.PHONY: help report report-force test lab extract extract-apply eval-extract train-extract bench clean system-deps venv

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 16
	@echo
	@echo "make report [DATA=data/raw] [OUT=report] [FORMAT=auto|native|acled|ucdp|gtd]"
	@echo "            [COUNTRY=..] [PROVINCE=..] [START=YYYY-MM-DD] [END=YYYY-MM-DD] [TITLE=..] [ALLOW_REJECTS=1]"
	@echo "            [FORCE_OUT=1] [REBUILD=1]   (see the README, "Running it")"

# The venv is rebuilt only when requirements.txt changes (the stamp is newer otherwise).
# A venv left half-made (no pip) by an earlier failure is made again.
# Several `make report` started at once would each reinstall the same venv and break each
# other's pip, so the build holds a lock (flock, from util-linux) and a waiter that finds the
# stamp made meanwhile does nothing.
$(STAMP): requirements.txt pyproject.toml
	@exec 9>"$(VENV).lock"; command -v flock >/dev/null && flock 9; \
	if [ $@ -nt requirements.txt ] && [ $@ -nt pyproject.toml ]; then exit 0; fi; \
	$(MAKE) --no-print-directory system-deps || exit 1; \
	test -x $(VENV)/bin/pip || { rm -rf $(VENV); $(PYTHON) -m venv $(VENV); } || exit 1; \
	echo "Installing the pinned requirements into $(VENV)"; \
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt && \
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . && \
	touch $@

venv: $(STAMP) ## Create .venv from the pinned requirements.txt

# WeasyPrint needs Pango and fonts, and subsets fonts with HarfBuzz (about 0.6 s faster than its
# fontTools fallback); the venv needs python3-venv; the tests need pdftotext and
# pdftoppm (poppler-utils). On Debian/Ubuntu they are installed when missing (as root, or with
# sudo if it needs no password); elsewhere README.md says what to install.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
  poppler-utils python3-venv
system-deps:
	@missing=; \
	$(PYTHON) -c "import ctypes.util as u, sys; sys.exit(not (u.find_library('pango-1.0') \
	  and u.find_library('harfbuzz-subset')))" || missing=1; \
	$(PYTHON) -c "import ensurepip" 2>/dev/null || missing=1; \
	command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || missing=1; \
	test -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || missing=1; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then sudo=; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo=none; fi; \
	  if command -v apt-get >/dev/null && [ "$$sudo" != none ]; then \
	    echo "Installing system packages: $(SYSTEM_PACKAGES)"; \
	    $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	  else \
	    echo "Missing system packages ($(SYSTEM_PACKAGES)): see README.md, 'System packages'." >&2; exit 1; \
	  fi; \
	fi

# The variables reach sitrep through the environment, never through the shell's parsing: each is
# exported under a SITREP_ name with its value unexpanded ($(value ...): a '$(shell ...)' in a
# TITLE stays text), the recipe quotes "$$SITREP_X" (the shell substitutes it as one word and
# never runs it), and the names given on the command line are not exported again as they are,
# because make would expand them on the way. Whether to run at all is decided by the command, by
# the contents of DATA, the parameters and the code (a re-run with nothing changed says so).
MAKE_VARS := DATA OUT FORMAT COUNTRY PROVINCE START END TITLE ALLOW_REJECTS FORCE_OUT REBUILD
FORCE_OUT ?= 0
REBUILD ?= 0
# Exported for the report target only: other recipes (make test) must not inherit them.
$(foreach v,$(MAKE_VARS),$(eval report: export SITREP_$(v) := $$(value $(v))))
unexport $(MAKE_VARS)
report: export SITREP_VIA_MAKE := 1

report: $(STAMP) ## Build OUT/briefing.pdf and OUT/briefing.html from DATA (skipped when unchanged)
	@$(VENV)/bin/sitrep report --data="$$SITREP_DATA" --out="$$SITREP_OUT" \
	  --format="$$SITREP_FORMAT" --country="$$SITREP_COUNTRY" --province="$$SITREP_PROVINCE" \
	  --start="$$SITREP_START" --end="$$SITREP_END" --title="$$SITREP_TITLE" \
	  --allow-rejects="$$SITREP_ALLOW_REJECTS" --force-out="$$SITREP_FORCE_OUT" \
	  --rebuild="$$SITREP_REBUILD"

# The same, whether or not anything changed.
report-force: $(STAMP) ## Rebuild the briefing even when nothing changed
	@$(MAKE) --no-print-directory report REBUILD=1

test: $(STAMP) ## Run the whole test suite
	$(PY) -m pytest -q

lab: $(STAMP) ## Open JupyterLab on the notebooks with the project's environment
	$(PY) -m jupyter lab notebooks/

# The extraction targets take their folders through the environment too, like report.
EXTRACT_VARS := SEEDS CANDIDATES DATA REVIEWED
REVIEWED ?= data/extract_reviewed
$(foreach t,extract extract-apply,$(foreach v,$(EXTRACT_VARS),\
  $(eval $(t): export SITREP_$(v) := $$(value $(v)))))
unexport SEEDS CANDIDATES REVIEWED

extract: $(STAMP) ## Propose casualty figures from the news texts in SEEDS into CANDIDATES
	@mkdir -p build
	$(PY) -m papermill --no-progress-bar --stdout-file - \
	  notebooks/00_extract.ipynb build/00_extract.ipynb \
	  -p SEEDS "$$SITREP_SEEDS" -p OUT "$$SITREP_CANDIDATES"

extract-apply: $(STAMP) ## Write the reviewed figures of CANDIDATES into the log in DATA, the reviews into REVIEWED
	$(PY) scripts/extract_apply.py --candidates "$$SITREP_CANDIDATES" --seeds "$$SITREP_SEEDS" \
	  --data "$$SITREP_DATA" --store "$$SITREP_REVIEWED"

eval-extract: $(STAMP) ## Rules and learned layer on the evaluation set, with a learning curve
	$(PY) scripts/eval_extract.py --split all

train-extract: $(STAMP) ## Train the extractor's learned layer (sitrep/extract/learn/model.json)
	$(PY) scripts/train_extract.py

bench: $(STAMP) ## Time make report against its floor, and on generated ACLED exports up to 2.5M events
	@$(PY) -c "import duckdb" 2>/dev/null || $(PY) -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	$(PY) bench/bench.py $(if $(SIZES),--sizes $(SIZES))

clean: ## Remove generated files (build/, report outputs); keeps .venv
	rm -rf build report/briefing.pdf report/briefing.html report/audit.csv report/tables \
	  report/.sitrep-manifest.json

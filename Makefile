# prodready: every target bootstraps what it needs (virtualenv, pinned packages, Chromium).
# The two commands of the README:
#   make acceptance   the acceptance suite against the embedded reference app
#   make test         every test: the acceptance suite, then pytest; ends with "N passed, N failed"

PY        := .venv/bin/python
TARGET    ?= demo
WORKERS   ?= 2
# The platform in development mode on a small machine now and then answers late: a failure there is run once
# more (a pass then is reported flaky, never hidden); documented defects are not run again.
RETRIES   ?= $(if $(filter platform,$(TARGET)),1,0)
RUNS      ?= 3
BEHAVE_ARGS ?=
REPORTS   ?= reports
SHARD     ?=
RUN       := $(PY) -m prodready.run.runner --workers $(WORKERS) --retries $(RETRIES) --reports $(REPORTS) \
             $(if $(SHARD),--shard $(SHARD) --history reports/history.json)

.PHONY: help bootstrap platform-up platform-down acceptance test pytest lint smoke demo report bench flake mutation clean check-features steps-doc

help:
	@echo "make acceptance  run the acceptance suite (TARGET=$(TARGET), WORKERS=$(WORKERS), BEHAVE_ARGS=...)"
	@echo "make test        every test (acceptance + pytest), ends with 'N passed, N failed'"
	@echo "make smoke TARGET=production   only the @read_only scenarios, safe on production"
	@echo "make platform-up / platform-down   start / stop the real platform here (make acceptance TARGET=platform)"
	@echo "make demo        serve the reference app on http://127.0.0.1:5000 to click through"
	@echo "make report      rebuild reports/readiness.html from the last run"
	@echo "make bench       benchmarks: serial vs parallel, framework vs raw Selenium (ratios)"
	@echo "make flake       run the suite several times and list scenarios that changed outcome"
	@echo "make mutation    break the reference app on purpose and check the suite notices"
	@echo "make lint        ruff (lint and format check) and mypy, as make test runs them"
	@echo "make check-features   every step understood (nearest steps suggested), no UI words, checklist tags"
	@echo "make steps-doc   regenerate docs/steps.md, the catalogue of steps"

bootstrap:
	@scripts/bootstrap.sh

# TARGET=platform: the real platform, started here first (idempotent: about a second when it runs)
# unless PLATFORM_URL points at one already.
PLATFORM_FIRST = $(if $(and $(filter platform,$(TARGET)),$(if $(PLATFORM_URL),,yes)),scripts/platform.sh up &&,)

# On the platform, a failure the defects ledger documents does not fail the command (the report says NO-GO
# and lists it); any other failure does.
# GRID=local: a Selenium Grid 4 on this machine (scripts/grid.sh), started first and stopped after;
# GRID=<url>: any other grid. The suite's browsers then run on the grid's nodes.
GRID      ?=
GRID_PORT ?= 4444
GRID_ARGS  = $(if $(filter local,$(GRID)),-D remote_url=http://127.0.0.1:$(GRID_PORT),$(if $(GRID),-D remote_url=$(GRID)))
GRID_UP    = $(if $(filter local,$(GRID)),GRID_PORT=$(GRID_PORT) scripts/grid.sh up >/dev/null &&)
GRID_DOWN  = $(if $(filter local,$(GRID)),GRID_PORT=$(GRID_PORT) scripts/grid.sh down;)

acceptance: bootstrap
	@status=0; $(GRID_UP) $(PLATFORM_FIRST) $(RUN) $(if $(filter platform,$(TARGET)),--allow-known-defects) \
	  -D target=$(TARGET) $(GRID_ARGS) $(BEHAVE_ARGS) || status=$$?; $(GRID_DOWN) exit $$status

platform-up: bootstrap
	@scripts/platform.sh up

platform-down:
	@scripts/platform.sh down

# The acceptance run first (it clears reports/), then pytest, then the linters; the summary counts
# scenarios and tests, and the run fails when any part failed.
test: bootstrap
	@status=0; \
	$(RUN) -D target=$(TARGET) $(BEHAVE_ARGS) || status=$$?; \
	$(PY) -m pytest -q -p no:cacheprovider --junitxml=reports/pytest.xml || status=$$?; \
	$(PY) scripts/lint.py || status=$$?; \
	$(PY) scripts/summary.py || status=$$?; \
	exit $$status

lint: bootstrap
	$(PY) scripts/lint.py

pytest: bootstrap
	$(PY) -m pytest -q

smoke: bootstrap
	$(RUN) -D target=$(TARGET) -t @read_only $(BEHAVE_ARGS)

demo: bootstrap
	$(PY) -m demo_app

report: bootstrap
	$(PY) -m prodready.reporting.report reports

# BENCH_ARGS: e.g. --skip-suite (journeys and memory only, about a minute), --rounds 11, --no-playwright.
# Playwright is bench-only (requirements-bench.txt); when it cannot be installed the bench says so and goes on.
BENCH_ARGS ?=
bench: bootstrap
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt \
	  || echo "bench: could not install requirements-bench.txt: Playwright will be reported unavailable"
	$(PY) -m bench $(BENCH_ARGS)

flake: bootstrap
	$(PY) scripts/flake.py --runs $(RUNS) --workers $(WORKERS) -- -D target=$(TARGET) $(BEHAVE_ARGS)

mutation: bootstrap
	$(PY) scripts/mutation.py

check-features: bootstrap
	$(PY) -m prodready.authoring.check $(FEATURES)

steps-doc: bootstrap
	$(PY) -m prodready.authoring.catalogue

clean:
	find reports -mindepth 1 ! -name .gitkeep ! -name history.json -exec rm -rf {} +

# Two promises: `make run` and `make test` work on a fresh clone (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml setup.py | cksum | cut -d' ' -f1)
DEMO_DIR ?= $(CURDIR)/.demo-data

.PHONY: run test lint venv dev system-deps js-deps clean demo dist translations lupdate cluster

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(STAMP): pyproject.toml setup.py | $(VENV)/bin/python
	$(PY) -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

venv: $(STAMP)

# Debian/Ubuntu packages the suite uses (Qt's runtime libraries, PostgreSQL for the server tests).
# Skipped where they are already present or where apt-get is not available (macOS: use Homebrew's postgresql@15).
system-deps:
	@bash tools/system-deps.sh

# axe-core (from the npm registry, pinned by tests/e2e/axe/package-lock.json) for the console's accessibility test.
AXE := tests/e2e/axe/node_modules/axe-core/axe.min.js
js-deps: $(AXE)
$(AXE): tests/e2e/axe/package.json tests/e2e/axe/package-lock.json | system-deps
	cd tests/e2e/axe && npm ci --no-audit --no-fund --silent
	touch $@

# Translations: the .ts files are the source (edit with pyside6-linguist); the .qm files are built, never committed.
TS := $(wildcard resources/translations/canvass_*.ts)
QM := $(TS:.ts=.qm)
translations: $(QM)
resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@
# After changing visible strings: refresh the .ts files from the sources, then translate what is unfinished.
lupdate: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $$(find canvass_app canvass_formats -name '*.py' -not -path '*/migrations/*' | sort) \
		-ts $(TS) -source-language en -no-obsolete

# The installable desktop app (one folder, without the server): dist/canvass-app/canvass-app
dist: $(STAMP) $(QM)
	$(PY) -m pip install -q -e '.[dist]'
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller build.spec

run: $(STAMP) $(QM)
	-@bash tools/system-deps.sh
	CANVASS_DATA_DIR=$(DEMO_DIR) CANVASS_PASSPHRASE="$${CANVASS_PASSPHRASE:-canvass-demo}" $(VENV)/bin/canvass-app --demo

test: $(STAMP) system-deps js-deps $(QM)
	@start=$$(date +%s); QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q; status=$$?; \
	echo "make test: the whole suite took $$(( $$(date +%s) - start )) s"; exit $$status

lint: $(STAMP)
	$(VENV)/bin/ruff check canvass_protocol canvass_formats canvass_app canvass_server tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# Election weekend on loopback: NODES `canvass-server serve` nodes (WORKERS each) behind nginx, PgBouncer in front of
# a throwaway PostgreSQL; prints the URLs and runs until Ctrl-C (tools/cluster.py, docs/deploy.md "Several nodes").
NODES ?= 2
WORKERS ?= 1
cluster: $(STAMP) system-deps
	$(PY) tools/cluster.py --nodes $(NODES) --workers $(WORKERS)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

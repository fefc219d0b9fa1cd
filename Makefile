# Two commands set everything up: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Where `make run` serves the site; its pages and admin links name this address.
RUN_URL = http://127.0.0.1:$(PORT)
# The site and its two plugins are three distributions; the stamp changes when any
# of their pyproject.toml files does, so the next make installs again.
PYPROJECTS := pyproject.toml glossary/pyproject.toml consent/pyproject.toml
STAMP := $(VENV)/.installed-$(shell cat $(PYPROJECTS) | cksum | cut -d' ' -f1)
PYTEST_ARGS ?=
BENCH_ARGS ?=

.PHONY: system-packages run-notice run test install migrate demo lint format check test-postgres test-redis test-plugins test-localize test-wagtail74 bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(PYPROJECTS) | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ./glossary -e ./consent -e ".[dev,prod]"
	touch $@

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --no-input

# update_index: pages load_demo leaves unchanged keep the search index entries of
# an older version (docs/operators.md, Upgrades).
demo: migrate
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py update_index --verbosity 0

# Printed first: the steps behind `demo` are silent and take minutes on a fresh clone.
run-notice:
	@echo "Preparing the site for $(RUN_URL)/. The first run takes a few minutes:"
	@echo "it creates $(VENV), installs the Python packages, builds the database and"
	@echo "loads the demo content. Later runs start in about half a minute."

run: run-notice demo
	$(BIN)/python manage.py set_site_address 127.0.0.1 $(PORT)
	WAGTAILADMIN_BASE_URL=$(RUN_URL) $(BIN)/python manage.py ensure_admin
	WAGTAILADMIN_BASE_URL=$(RUN_URL) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check --no-cache .
	$(BIN)/ruff format --check --no-cache .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=microsite.settings.production SECRET_KEY=check-only-$$(date +%s)-not-a-real-key-but-long-enough-to-pass-the-check ALLOWED_HOSTS=example.org WAGTAILADMIN_BASE_URL=https://example.org \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

# Chromium, nginx and openssl for the browser and proxy tests (apt-get as root).
system-packages:
	bash .ci/system-packages

test: system-packages install lint check
	$(BIN)/python -m pytest $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-plugins test-localize

# The plugins' own test project (tests/plugins/settings.py: Wagtail, the plugins,
# no microsite): its tests, then the site's plugin-level modules it lists.
PLUGIN_TESTS = tests/plugins $(shell sed -e 's/\#.*//' tests/plugins/modules.txt)
PLUGIN_PYTEST = -m pytest --ds=tests.plugins.settings $(PLUGIN_TESTS)

test-plugins: install
	$(BIN)/python $(PLUGIN_PYTEST)

# wagtail-localize translating glossary topics and terms (its apps installed).
test-localize: install
	$(BIN)/python -m pytest --ds=tests.glossary.i18n.localize_settings tests/glossary/i18n/test_localize.py

# The same on Wagtail 7.4 LTS, in a venv of its own (.venv-w74); .ci/run runs it on
# PostgreSQL: bash .ci/with-postgres make test-wagtail74.
W74_VENV ?= .venv-w74
W74_REQUIREMENTS := tests/plugins/requirements-wagtail74.txt
W74_STAMP := $(W74_VENV)/.installed-$(shell cat $(W74_REQUIREMENTS) | cksum | cut -d' ' -f1)

$(W74_STAMP): $(W74_REQUIREMENTS)
	$(PYTHON) -m venv $(W74_VENV)
	$(W74_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(W74_VENV)/bin/python -m pip install --quiet -r $(W74_REQUIREMENTS)
	touch $@

test-wagtail74: $(W74_STAMP)
	PYTHONPATH=$(CURDIR) $(W74_VENV)/bin/python $(PLUGIN_PYTEST)

# The whole suite against a throwaway PostgreSQL cluster (see .ci/postgres).
test-postgres: install
	bash .ci/with-postgres $(BIN)/python -m pytest $(PYTEST_ARGS)

# The whole suite with Redis as the cache (page cache, consent, glossary); see
# .ci/with-redis. Both compose: bash .ci/with-postgres bash .ci/with-redis make ...
test-redis: install
	bash .ci/with-redis $(BIN)/python -m pytest $(PYTEST_ARGS)

# Each plugin's wheel installed alone into a fresh `wagtail start` project, on
# Wagtail 7.4 and 8.0, checked in Chromium (.ci/bare-project; a few minutes).
.PHONY: bare-project
bare-project: system-packages install
	CHECK_PYTHON=$(BIN)/python bash .ci/bare-project

bench: install
	$(BIN)/python benchmarks/run_all.py $(BENCH_ARGS)

# Every page type and state at 320, 768 and 1440 px, from a throwaway demo site
# (tools/screenshots.py): into var/screenshots/, or SCREENSHOTS_DIR.
screenshots: install
	$(BIN)/python tools/screenshots.py $(SCREENSHOTS_DIR)

clean:
	rm -rf $(VENV) $(W74_VENV) var static_collected .pytest_cache .ruff_cache

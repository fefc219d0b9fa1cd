# Two commands set everything up: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
PYTEST_ARGS ?=
BENCH_ARGS ?=

.PHONY: system-packages run test install migrate demo lint format check test-postgres test-redis bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev,prod]"
	touch $@

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --no-input

# update_index: pages load_demo leaves unchanged keep the search index entries of
# an older version (docs/operators.md, Upgrades).
demo: migrate
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py update_index --verbosity 0

run: demo
	$(BIN)/python manage.py ensure_admin
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check --no-cache .
	$(BIN)/ruff format --check --no-cache .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: install
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=microsite.settings.production SECRET_KEY=check-only-$$(date +%s)-not-a-real-key-but-long-enough-to-pass-the-check ALLOWED_HOSTS=example.org \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

# Chromium, nginx and openssl for the browser and proxy tests (apt-get as root).
system-packages:
	bash .ci/system-packages

test: system-packages install lint check
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The whole suite against a throwaway PostgreSQL cluster (see .ci/postgres).
test-postgres: install
	bash .ci/with-postgres $(BIN)/python -m pytest $(PYTEST_ARGS)

# The whole suite with Redis as the cache (page cache, consent, glossary); see
# .ci/with-redis. Both compose: bash .ci/with-postgres bash .ci/with-redis make ...
test-redis: install
	bash .ci/with-redis $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python benchmarks/run_all.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var static_collected .pytest_cache .ruff_cache

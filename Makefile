# Aan Tafel. `make run` and `make test` need nothing installed before them but Python 3.11,
# Node.js with npm and (for test) Debian's package manager; see README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 8000
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy
# Trust the system's certificate store (as pip and npm here do), not only uv's built-in roots.
export UV_SYSTEM_CERTS := true
PY := .venv/bin/python

.PHONY: help install assets messages run test lint typecheck check-migrations pytest smoke clean

help:
	@echo "make run   – install, embedded SQLite, demo data, server on http://127.0.0.1:$(PORT)"
	@echo "make test  – install, PostgreSQL, ruff, migration check and the whole test suite"

# uv from PyPI into a private virtual environment: Debian's own Python refuses `pip install`
# outside one (PEP 668), and its venv module comes in the python3-venv package.
.tools/bin/uv:
	@python3 -m venv .tools 2>/dev/null || { \
	  $$( [ "$$(id -u)" -ne 0 ] && echo sudo ) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" -ne 0 ] && echo sudo ) apt-get install -y -qq python3-venv >/dev/null && \
	  rm -rf .tools && python3 -m venv .tools; }
	.tools/bin/pip install --quiet uv

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python python3.11
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: .venv/.synced node_modules/.installed assets messages
	@scripts/ensure-pdf-libraries.sh

# Front-end packages are installed from npm and copied into build/static (never committed).
assets: node_modules/.installed
	@mkdir -p build/static/vendor/utrecht build/static/vendor/htmx
	@cp node_modules/@utrecht/design-tokens/dist/index.css build/static/vendor/utrecht/design-tokens.css
	@cp node_modules/@utrecht/component-library-css/dist/index.css build/static/vendor/utrecht/component-library.css
	@cp node_modules/htmx.org/dist/htmx.min.js build/static/vendor/htmx/htmx.min.js
	@mkdir -p build/static/vendor/trix
	@cp node_modules/trix/dist/trix.umd.min.js node_modules/trix/dist/trix.css build/static/vendor/trix/

# Translation catalogs are compiled by the build, never committed.
messages: .venv/.synced
	@command -v msgfmt >/dev/null || { echo "Installing Debian's gettext…"; \
	  $$( [ "$$(id -u)" -ne 0 ] && echo sudo ) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" -ne 0 ] && echo sudo ) apt-get install -y -qq gettext >/dev/null; }
	@DJANGO_DEBUG=1 $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

run: install
	@mkdir -p var
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput -v 0
	DJANGO_DEBUG=1 $(PY) manage.py load_demo
	DJANGO_DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	@scripts/ensure-chromium.sh
	@source scripts/ensure-postgres.sh && $(MAKE) --no-print-directory lint typecheck check-migrations pytest smoke

lint:
	.venv/bin/ruff check src tests
	.venv/bin/ruff format --check src tests

# Services, queries and permissions are typed strictly (pyproject.toml [tool.mypy]).
typecheck:
	DJANGO_DEBUG=1 .venv/bin/mypy src/aantafel

check-migrations:
	DJANGO_DEBUG=1 $(PY) manage.py makemigrations --check --dry-run -v 1

# The whole suite on PostgreSQL, browser journeys included, in random order.
pytest:
	.venv/bin/pytest --create-db

# make run uses SQLite: the smoke tests run there too.
smoke:
	DATABASE_URL=sqlite:///:memory: .venv/bin/pytest -m smoke --create-db -p no:randomly -q

clean:
	rm -rf .venv node_modules build staticfiles var

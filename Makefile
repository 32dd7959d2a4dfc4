# Two commands for a new user: `make run` (site with demo content) and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1:8000

# A Python >= 3.12 (Django 6 needs it): python3.13/python3.12 on PATH, else pyenv's versions.
PYTHON ?= $(shell for p in python3.13 python3.12 python3 \
	$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python 2>/dev/null | sort -rV); do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { command -v $$p; break; }; done)

.PHONY: install run demo messages test test-fast lint format migrations-check messages-check deploy-check prod-check ci clean bench

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed: install python3.12 (or 'pyenv install 3.12')."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(VENV)/.installed

messages: install
	$(MANAGE) compilemessages --ignore=.venv -v0

demo: messages
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) load_demo

run: demo
	$(MANAGE) runserver $(HOST)

test: messages
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-fast: messages
	$(VENV)/bin/pytest -m "not browser" $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint
	$(VENV)/bin/lint-imports --no-cache --no-logo
	@# A function-local import states why it cannot sit at the top: "# noqa: PLC0415 - <reason>".
	@! grep -rnE --include='*.py' --exclude-dir=$(VENV) --exclude-dir=var 'noqa: PLC0415 *($$|[^ -])' . \
		|| { echo "State the reason after '# noqa: PLC0415 - '"; exit 1; }
	$(PY) scripts/check_blocktranslate.py templates

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djlint templates --reformat --quiet || true

migrations-check: install
	$(MANAGE) makemigrations --check --dry-run

# Rebuild the catalogues from the sources (no source-line comments, so diffs stay small).
makemessages: install
	$(MANAGE) makemessages -l ky -l ru -l en --no-location --no-obsolete --ignore=.venv --ignore=var

# ky and ru must have no untranslated and no fuzzy entry.
messages-check: messages
	@for lang in ky ru; do \
		stats=$$(msgfmt --statistics -o /dev/null locale/$$lang/LC_MESSAGES/django.po 2>&1); \
		echo "$$lang: $$stats"; \
		case "$$stats" in *untranslated*|*fuzzy*) exit 1;; esac; \
	done

# Production settings must pass Django's deployment checks without a single warning.
deploy-check: install
	DJANGO_DEBUG=false DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))') \
		DJANGO_ALLOWED_HOSTS=mekendeshter.org CACHE_URL=redis://127.0.0.1:6379/1 \
		CELERY_BROKER_URL=redis://127.0.0.1:6379/2 $(MANAGE) check --deploy --fail-level WARNING

# The production stack of deploy/ on this machine (nginx, two gunicorn, Celery, Redis, PostgreSQL,
# SMTP), driven as users and staff would; see deploy/prod_check.py. ARGS="--only sessions".
prod-check: install
	$(PY) deploy/prod_check.py $(ARGS)

ci: lint migrations-check messages-check deploy-check test

clean:
	rm -rf $(VENV) var

# Load test on 127.0.0.1 (see bench/run.py): the database of DATABASE_URL with the demo and bulk
# data (generated once), gunicorn with 4 workers, wrk. ARGS=--quick for a short run;
# BENCH_PAGE_CACHE=on|off|both (default both).
bench: messages
	$(PY) bench/run.py $(ARGS)

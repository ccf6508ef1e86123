# The two commands a newcomer needs: `make run` and `make test`. See README.md.
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= $(shell scripts/find-python)
PORT ?= 8000
export PORT

.PHONY: run dev test test-slow lint check-python collect migrate clean bench lighthouse npm-packages messages

check-python:
	@test -n "$(PYTHON)" || { echo "Python >= 3.12 not found: see README.md" >&2; exit 1; }

$(BIN)/python: | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when a requirements file changes.
$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt requirements-aliyun.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime-installed

migrate: $(VENV)/.runtime-installed
	$(BIN)/python manage.py migrate --noinput

collect: $(VENV)/.runtime-installed
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

run: migrate collect
	$(BIN)/gunicorn -c gunicorn.conf.py permitsite.wsgi

dev: migrate
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# axe-core for the accessibility tests; without npm those tests skip and say why.
npm-packages:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory node_modules/.installed; \
	else echo "npm not found: the accessibility (axe) tests will be skipped"; fi

test: lint npm-packages
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=permitsite.settings_test > /dev/null
	$(BIN)/pytest -m "not slow"

# The tests that start whole servers (gunicorn, Redis, nginx, a freezing database proxy) and measure them;
# .ci/run runs them on both databases (docs/decisions.md, "Slow tests").
test-slow: $(VENV)/.dev-installed
	$(BIN)/pytest -m slow

# Measuring (docs/benchmarks.md): the site served as `make run` serves it, on a fresh database.
bench: $(VENV)/.dev-installed
	$(BIN)/python -m scripts.bench $(BENCH_ARGS)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

lighthouse: $(VENV)/.dev-installed node_modules/.installed
	$(BIN)/python -m scripts.lighthouse $(LIGHTHOUSE_ARGS)

# locale/: the few admin strings Django and django-axes leave in English (needs gettext's msgfmt); the
# compiled .mo is committed, so `make run` needs no gettext.
messages: $(VENV)/.runtime-installed
	$(BIN)/python manage.py compilemessages --locale zh_Hans --ignore "$(VENV)" --ignore node_modules

clean:
	rm -rf $(VENV) var/static

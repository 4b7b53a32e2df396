# Lumbar: `make run` serves the demo store; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/lumbar
# Worker gwN uses this Redis database + N (tests/workers.py).
TEST_REDIS_URL ?= redis://127.0.0.1:6379/0
TEST_WORKERS ?= 2
TEST_DIST ?= --dist loadfile --no-loadscope-reorder

.PHONY: run test install lock services browser lint bench check-deploy fuzz clean e2e

$(STAMP): requirements/lock.txt pyproject.toml
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/lock.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

# An embedded PostgreSQL under var/postgres unless DATABASE_URL is set; the
# demo data, then runserver on HOST:PORT until Ctrl-C (scripts/run_demo.py).
run: $(STAMP)
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python scripts/run_demo.py

services:
	@bash scripts/ensure_services.sh

# Debian's chromium for the Playwright test (tests/browser/).
browser:
	@bash scripts/ensure_browser.sh

# Every test: the parallel group on TEST_WORKERS xdist workers (each on its
# own test database and Redis database, tests/workers.py), then the tests
# marked serial in one process (skipped, without collecting, while no test is
# marked); both run even if the first fails. Then the
# slowest 15 across both groups (reports in var/test-results/). Exit code 5
# is pytest's "no tests selected", for PYTEST_ARGS that empty a group.
# Bytecode is compiled first and kept (even where PYTHONDONTWRITEBYTECODE is
# set): every worker and every server a test starts then imports it instead
# of compiling the sources again, and pytest keeps its rewritten test modules.
# Every connection the tests and their servers open commits without waiting
# for the WAL to reach the disk (PGOPTIONS, read by libpq): test data need
# no durability, and a commit costs 0.2 ms instead of 3.4 ms here.
test: $(STAMP) services browser
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) \
		$(BIN)/lint-imports --no-cache
	@rm -rf var/test-results; status=0; \
	export DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL); \
	export PGOPTIONS="$${PGOPTIONS:+$$PGOPTIONS }-c synchronous_commit=off"; \
	export PYTHONDONTWRITEBYTECODE=; \
	$(BIN)/python -m compileall -q -j 0 backend tests bench e2e scripts >/dev/null; \
	echo "== parallel group ($(TEST_WORKERS) workers)"; \
	$(BIN)/pytest --group parallel -n $(TEST_WORKERS) $(TEST_DIST) \
		--junitxml=var/test-results/parallel.xml $(PYTEST_ARGS) \
		|| { code=$$?; [ $$code -eq 5 ] || status=$$code; }; \
	if grep -rqE --include='*.py' 'mark\.serial\b' tests; then \
		echo "== serial group"; \
		$(BIN)/pytest --group serial --junitxml=var/test-results/serial.xml \
			$(PYTEST_ARGS) || { code=$$?; [ $$code -eq 5 ] || status=$$code; }; \
	else echo "== serial group: no test is marked serial"; fi; \
	$(BIN)/python scripts/slowest_tests.py 15 var/test-results/*.xml; \
	exit $$status

# Schemathesis against /graphql/ for every operation as anonymous, customer
# and staff, many examples each (make test runs two per operation).
FUZZ_EXAMPLES ?= 100
fuzz: $(STAMP) services
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) \
		FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest tests/fuzz -q

# Django's deployment checks with production settings (TLS, no DEBUG).
check-deploy: $(STAMP)
	SECRET_KEY=check-deploy-$$(head -c 48 /dev/urandom | base64 | tr -d '/+=') \
		DEBUG=false SECURE_TLS=true ALLOWED_HOSTS=shop.example.com \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

lint: $(STAMP)
	$(BIN)/ruff check backend tests bench
	$(BIN)/lint-imports --no-cache

bench: $(STAMP) services
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk; } || true
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) \
		$(BIN)/python bench/serve.py $(BENCH_ARGS)
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) \
		$(BIN)/python bench/checkout.py
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) \
		$(BIN)/python bench/checkout_graphql.py
	$(BIN)/python bench/delivery_promise.py
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) \
		$(BIN)/python bench/ops_queue.py
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) \
		$(BIN)/python bench/mixed_load.py
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/python bench/worst_request.py
	$(BIN)/python bench/startup.py

# Regenerate the lock file from pyproject.toml (needs the registry).
lock:
	$(PYTHON) -m venv var/uv && var/uv/bin/pip install --quiet uv
	var/uv/bin/uv pip compile pyproject.toml --extra dev --python-version 3.11 \
		--no-header -o requirements/lock.txt

# Everything make run made: the venv, the embedded database, media, static.
clean:
	rm -rf $(VENV) var/postgres var/media var/static

# Saleor's storefront and staff dashboard (../shared/clients/, or
# LUMBAR_SHARED_DIR) built against a live, production-like Lumbar and driven
# in Chromium (e2e/storefront.py; everything it makes lives in var/e2e/).
# E2E_ARGS passes variables, e.g. make e2e E2E_ARGS=E2E_PARTS=dashboard.
e2e: $(STAMP) services browser
	env $(E2E_ARGS) $(BIN)/python e2e/storefront.py

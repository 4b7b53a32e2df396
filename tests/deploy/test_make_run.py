"""`make run`: scripts/run_demo.py on an embedded PostgreSQL, no services.

The suite itself runs on the system PostgreSQL; this boots the demo store
the way a new user does (no DATABASE_URL, no REDIS_URL), on a port and a var
directory of its own, and visits it over HTTP: the pages a new user opens
first, then every page as every kind of person (the demo crawl,
tests/deploy/demo_crawl.py; its count of pages is printed at the end of the
run). Then it stops the store and starts it a second time.
"""

import os
import subprocess
import sys
import time
from urllib.parse import urlsplit

import psutil
import pytest
import requests

from tests.browser.conftest import (
    CHROMIUM,
    CHROMIUM_ARGS,
    TIMEOUT_MS,
    _console_error,
    require_chromium,
)
from tests.faults.conftest import free_port

from .conftest import CRAWL_SUMMARY
from .demo_crawl import BROWSER_PAGES, crawl_store, describe
from .demo_server import ROOT, demo_var_dir, start_demo_store, wait_until_serving

ARTICLES = sorted(path.stem for path in (ROOT / "content/articles").glob("*.md"))
ARTICLES.remove("README")
PRODUCT_QUERY = """
{ products(first: 1, channel: "default-channel") {
    edges { node { name thumbnail { url } } } } }
"""


def start_demo(*, var_dir, log):
    """Start scripts/run_demo.py on a free port and wait until it serves."""
    started = time.monotonic()
    store = start_demo_store(port=free_port(), var_dir=var_dir, log=log)
    try:
        wait_until_serving(store)
    except AssertionError:
        store.stop()
        raise
    store.boot_seconds = time.monotonic() - started
    return store


def postgres_is_running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


@pytest.fixture(scope="module")
def var_dir():
    with demo_var_dir() as folder:
        yield folder


@pytest.fixture(scope="module")
def first_run(var_dir):
    run = start_demo(var_dir=var_dir, log=var_dir.parent / "first-run.log")
    yield run
    run.stop()


@pytest.fixture(scope="module")
def crawl(first_run, request):
    result = crawl_store(first_run)
    request.config.stash[CRAWL_SUMMARY] = result.summary()
    return result


def test_make_run_says_it_uses_a_new_embedded_postgresql(first_run):
    assert "run_demo: database: embedded PostgreSQL 18." in first_run.output()
    assert "(new)" in first_run.output()


@pytest.mark.parametrize("slug", ARTICLES)
def test_make_run_serves_every_article(first_run, slug):
    response = requests.get(f"{first_run.url}/articles/{slug}/", timeout=30)

    assert response.status_code == 200, response.text[-2000:]


def test_make_run_serves_a_product_page(first_run):
    response = requests.get(f"{first_run.url}/products/loop-stretch-strap/", timeout=30)

    assert response.status_code == 200
    assert "Loop" in response.text


def test_make_run_api_answers_with_images_on_the_port_it_serves(first_run):
    response = requests.post(
        f"{first_run.url}/graphql/", json={"query": PRODUCT_QUERY}, timeout=30
    )

    (edge,) = response.json()["data"]["products"]["edges"]
    assert edge["node"]["thumbnail"]["url"].startswith(first_run.url + "/")


# --- the demo crawl, on the first run ---------------------------------------


@pytest.mark.demo_crawl
def test_no_page_answers_a_server_error(crawl):
    errors = [describe(visit) for visit in crawl.visits if visit.status >= 500]

    assert errors == [], "Pages answered 500 or more:\n" + "\n".join(errors)


@pytest.mark.demo_crawl
def test_no_link_or_image_on_a_page_is_broken(crawl):
    broken = [
        describe(visit)
        for visit in crawl.failures()
        if visit.status < 500 and visit.found_on
    ]

    assert broken == [], "Links or assets that do not answer:\n" + "\n".join(broken)


@pytest.mark.demo_crawl
def test_every_page_the_crawl_asked_for_answers(crawl):
    refused = [
        describe(visit)
        for visit in crawl.failures()
        if visit.status < 500 and not visit.found_on
    ]

    assert refused == [], "Pages that did not answer:\n" + "\n".join(refused)


@pytest.mark.demo_crawl
def test_the_crawl_reached_every_kind_of_page(crawl):
    paths = {urlsplit(visit.url).path for visit in crawl.visits}
    kinds = {
        kind
        for kind, prefix in [
            ("article", "/articles/"),
            ("product", "/products/"),
            ("category", "/categories/"),
            ("collection", "/collections/"),
            ("search", "/search/"),
            ("feed", "/articles/feed/"),
            ("sitemap", "/sitemap.xml"),
            ("cart", "/cart/"),
            ("checkout", "/checkout/review/"),
            ("confirmation", "/checkout/confirmation/"),
            ("order status", "/orders/"),
            ("account", "/account/orders/"),
            ("ops order", "/ops/orders/"),
            ("admin change form", "/change/"),
            ("thumbnail", "/thumbnail/"),
        ]
        if any(prefix in path for path in paths)
    }

    assert len(kinds) == 15, kinds


@pytest.fixture(scope="module")
def chromium():
    sync_api = require_chromium()
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.mark.demo_crawl
@pytest.mark.browser
@pytest.mark.parametrize("kind", BROWSER_PAGES)
def test_the_page_logs_no_console_error_in_chromium(crawl, chromium, kind):
    visitor, path = crawl.browser_pages[kind]
    context = chromium.new_context()
    context.add_cookies(
        [
            {"name": cookie.name, "value": cookie.value, "url": visitor.base_url}
            for cookie in visitor.session.cookies
        ]
    )
    errors: list[str] = []
    context.on(
        "console",
        lambda message: (
            message.type == "error" and errors.append(_console_error(message))
        ),
    )
    context.on("weberror", lambda error: errors.append(f"page error: {error.error}"))
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        response = page.goto(visitor.url(path), wait_until="load")
        page.wait_for_load_state("networkidle")
    finally:
        context.close()

    assert response.status == 200, f"{path} answered {response.status}"
    assert errors == [], f"{path} as {visitor.who}:\n" + "\n".join(errors)


# --- stopping and starting again ---------------------------------------------


def test_sigterm_stops_the_web_server_and_then_postgresql(first_run):
    postgres = first_run.postgres_pid()
    assert postgres_is_running(postgres)

    exit_code = first_run.stop()

    assert exit_code == 0, first_run.output()[-2000:]
    assert not postgres_is_running(postgres)
    assert not (first_run.var_dir / "postgres" / "postmaster.pid").exists()
    with pytest.raises(requests.ConnectionError):
        requests.get(first_run.url + "/", timeout=5)
    assert first_run.output().rstrip().endswith("run_demo: embedded PostgreSQL stopped")


def test_a_second_start_reuses_the_database_and_changes_nothing(first_run, var_dir):
    first_run.stop()

    second = start_demo(var_dir=var_dir, log=var_dir.parent / "second-run.log")
    try:
        output = second.output()
        response = requests.get(f"{second.url}/articles/{ARTICLES[0]}/", timeout=30)
    finally:
        postgres = second.postgres_pid()
        second.stop()

    assert "(reused)" in output
    assert "Demo store already loaded: nothing changed." in output
    assert f"0 changed (0 created, 0 updated, {len(ARTICLES)} unchanged)" in output
    assert response.status_code == 200
    assert not postgres_is_running(postgres)


def test_manage_py_without_database_url_says_how_to_get_one_in_one_line():
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}

    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "manage.py: DATABASE_URL is not set. Point it at PostgreSQL "
        "(postgres://user@host:5432/lumbar), or use `make run`, which starts "
        "an embedded PostgreSQL under var/.\n"
    )

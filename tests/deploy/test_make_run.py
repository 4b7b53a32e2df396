"""`make run`: scripts/run_demo.py on an embedded PostgreSQL, no services.

The suite itself runs on the system PostgreSQL; this boots the demo store
the way a new user does (no DATABASE_URL, no REDIS_URL), on a port and a var
directory of its own, and visits it over HTTP.
"""

import os
import subprocess
import sys

import psutil
import pytest
import requests

from tests.faults.conftest import free_port

from .demo_server import ROOT, demo_var_dir, start_demo_store, wait_until_serving

ARTICLES = sorted(path.stem for path in (ROOT / "content/articles").glob("*.md"))
ARTICLES.remove("README")
PRODUCT_QUERY = """
{ products(first: 1, channel: "default-channel") {
    edges { node { name thumbnail { url } } } } }
"""


def start_demo(*, var_dir, log):
    """Start scripts/run_demo.py on a free port and wait until it serves."""
    store = start_demo_store(port=free_port(), var_dir=var_dir, log=log)
    try:
        wait_until_serving(store)
    except AssertionError:
        store.stop()
        raise
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

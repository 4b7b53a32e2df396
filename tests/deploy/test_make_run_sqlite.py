"""`make run`'s zero-setup store: SQLite, local-memory cache, no services.

The suite itself runs on PostgreSQL, so SQL that only PostgreSQL accepts
would pass every other test and still break the first page a new user opens.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PAGES = [
    "/",
    "/products/loop-stretch-strap/",
    "/articles/physical-therapy-for-sciatica/",
    "/articles/",
    "/search/?q=strap",
    "/cart/",
]

VISIT = """
import json, django
django.setup()
from django.test import Client
client = Client()
statuses = {path: client.get(path).status_code for path in %(pages)r}
# Twice: the second visit is served from the page cache.
statuses["again " + %(pages)r[1]] = client.get(%(pages)r[1]).status_code
query = '{ products(first: 2, channel: "default-channel") { edges { node { name } } } }'
answer = client.post(
    "/graphql/", {"query": query}, content_type="application/json"
).json()
print(json.dumps({"statuses": statuses, "graphql": answer}))
"""


@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory):
    var = tmp_path_factory.mktemp("var")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DATABASE_URL_REPLICA"}
    }
    env.update(VAR_DIR=str(var), DJANGO_SETTINGS_MODULE="backend.settings")
    for command in ("migrate", "load_demo", "sync_content", "tag_demo_articles"):
        subprocess.run(
            [sys.executable, "manage.py", command],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )
    return env


def test_the_sqlite_demo_store_serves_its_pages_and_api(sqlite_store):
    result = subprocess.run(
        [sys.executable, "-c", VISIT % {"pages": PAGES}],
        cwd=ROOT,
        env=sqlite_store,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])

    assert set(seen["statuses"].values()) == {200}, seen["statuses"]
    names = [
        edge["node"]["name"] for edge in seen["graphql"]["data"]["products"]["edges"]
    ]
    assert len(names) == 2

import gc
import hashlib
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.conf import global_settings, settings
from django.core.cache import cache
from django.core.management.commands import flush as flush_command
from django.db import connections
from django.db.backends.postgresql.operations import (
    DatabaseOperations as PostgresOperations,
)
from django.test import override_settings

# Collection builds what lives for the whole run: the app, its schema, the
# test modules and thousands of items. At the default thresholds the
# collector walks that growing heap again and again while it is built.
# pytest_collection_finish then freezes it.
gc.set_threshold(50_000, 50, 100)

pytest_plugins = [
    "tests.fixtures.catalog",
    "tests.fixtures.checkout",
    # Before content, which imports it: a plugin imported first is not
    # rewritten for pytest's asserts.
    "tests.fixtures.demo",
    "tests.fixtures.content",
    "tests.fixtures.discount",
    "tests.fixtures.stripe",
    "tests.workers",
]


def pytest_configure(config):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        raise pytest.UsageError(
            "The suite runs on PostgreSQL: set DATABASE_URL (make test does)."
        )
    if not os.environ.get("REDIS_URL", "").startswith("redis"):
        raise pytest.UsageError(
            "The suite runs on Redis (cache, rate limits, the Celery worker): "
            "set REDIS_URL (make test does)."
        )


def pytest_collection_finish(session):
    """Keep the garbage collector off what collection built, and run it less.

    The schema, the modules and the thousands of collected items live for
    the whole run; without this every full collection walks them again.
    A tenth less CPU for the suite.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)


ROOT = Path(__file__).resolve().parents[1]


def _migrations_key() -> str:
    """Return a digest of everything that decides the migrated schema."""
    digest = hashlib.sha256()
    paths = sorted(ROOT.glob("backend/**/migrations/*.py"))
    for path in [*paths, ROOT / "requirements" / "lock.txt"]:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _migrated_template(database: dict) -> str:
    """Return a database migrated to this tree's migrations, made once.

    Named for the migrations' digest, it outlives the run: the next run (or
    the next xdist worker, or the serial group) copies it with CREATE
    DATABASE ... TEMPLATE instead of migrating again. Built under a
    temporary name and renamed when its migrate succeeded; an advisory lock
    keeps two workers from building it at once.
    """
    name = f"{database['NAME']}_migrated_{_migrations_key()}"
    building = f"{name}_building"
    dsn = {
        "host": database["HOST"] or None,
        "port": database["PORT"] or None,
        "user": database["USER"] or None,
        "password": database["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **dsn) as admin:
        admin.execute("SELECT pg_advisory_lock(hashtext(%s))", [name])
        found = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if found:
            return name
        stale = admin.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s",
            [f"{database['NAME']}_migrated_%"],
        ).fetchall()
        for (old,) in stale:
            admin.execute(f'DROP DATABASE IF EXISTS "{old}"')
        admin.execute(f'CREATE DATABASE "{building}"')
        url = urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{building}")
        env = {**os.environ, "DATABASE_URL": urlunsplit(url)}
        env.pop("DATABASE_URL_REPLICA", None)
        subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        admin.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
    return name


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Create each test database from a migrated template.

    Django still runs migrate on the copy, finding nothing to apply.
    """
    database = settings.DATABASES["default"]
    # NAME is still the configured one: the xdist suffix went to TEST's NAME.
    database.setdefault("TEST", {})["TEMPLATE"] = _migrated_template(database)
    # A commit of the suite's own connections returns before its WAL is on
    # disk (3 ms a commit on a busy disk, 0.1 ms without): a crash loses
    # only test rows. Servers the tests start take their own settings.
    for alias in ("default", "replica"):
        options = settings.DATABASES[alias].setdefault("OPTIONS", {})
        options["options"] = (
            f"{options.get('options', '')} -c synchronous_commit=off".strip()
        )


# Passwords hashed in the test process (factories, create_user, set_password)
# use MD5: PBKDF2's million rounds cost a quarter of a CPU-second a user and
# prove nothing a test asserts. Django's own hashers stay listed after it, so
# a hash made by a subprocess running the real settings still verifies; a
# test whose subprocess checks a password hashes it with PBKDF2 itself.
FAST_PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    *global_settings.PASSWORD_HASHERS,
]


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing():
    with override_settings(PASSWORD_HASHERS=FAST_PASSWORD_HASHERS):
        yield


# Each test's Client loads the middleware anew, and WhiteNoise then stats
# and reads every static file the finders know (20-30 ms of CPU a test).
# With autorefresh it looks a file up when a /static/ URL is asked for, as
# under DEBUG; the files served and their contents are the same.
@pytest.fixture(scope="session", autouse=True)
def _static_files_found_on_request():
    with override_settings(WHITENOISE_AUTOREFRESH=True):
        yield


# A transactional test (live servers, workers, concurrency) ends with
# Django's flush, one TRUNCATE of all 80 tables: 1-2 s of PostgreSQL's time
# for tables holding a few rows, since each is given new files. DELETE empties
# them in a tenth of that. Every foreign key is deferrable (Django makes them
# so), and flush runs its statements in one transaction, so the order of the
# tables does not matter. What is left is the same: empty tables, sequences
# untouched (Django asks for no RESTART IDENTITY here).
#
# Content types and permissions are kept: migrations made them, no test
# changes them for good, and flush would otherwise emit post_migrate to
# make them again, 30 apps' queries after every transactional test (a
# quarter of a transactional test's teardown). Flush still emits it where
# they are gone (a truncating flush).
KEPT_BY_FLUSH = frozenset({"django_content_type", "auth_permission"})


def _sql_flush_by_delete(self, style, tables, *, reset_sequences=False, **kwargs):
    if reset_sequences or kwargs.get("allow_cascade"):
        return _TRUNCATING_FLUSH(
            self, style, tables, reset_sequences=reset_sequences, **kwargs
        )
    return [
        f"DELETE FROM {self.quote_name(table)};"
        for table in tables
        if table not in KEPT_BY_FLUSH
    ]


def _post_migrate_unless_kept(verbosity, interactive, db, **kwargs):
    with connections[db].cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM django_content_type)")
        (kept,) = cursor.fetchone()
    if not kept:
        _EMIT_POST_MIGRATE(verbosity, interactive, db, **kwargs)


_TRUNCATING_FLUSH = PostgresOperations.sql_flush
_EMIT_POST_MIGRATE = flush_command.emit_post_migrate_signal


@pytest.fixture(scope="session", autouse=True)
def _flush_by_delete():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(PostgresOperations, "sql_flush", _sql_flush_by_delete)
        patch.setattr(
            flush_command, "emit_post_migrate_signal", _post_migrate_unless_kept
        )
        yield


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()

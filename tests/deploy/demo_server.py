"""The `make run` store on a port of its own, for tests that visit it.

``start_demo_store`` is the one place that knows how `make run` boots: the
Makefile's commands (migrate, collectstatic, load_demo, sync_content,
tag_demo_articles, runserver) on a fresh database of the system PostgreSQL,
with no REDIS_URL, so the cache is local memory and Celery tasks run eagerly.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import dj_database_url
import psycopg
import requests

ROOT = Path(__file__).resolve().parents[2]
# Migrating and loading the demo store on a loaded 2-core machine.
BOOT_SECONDS = 300
SETUP_COMMANDS = [
    ["migrate", "--noinput"],
    ["collectstatic", "--noinput", "--verbosity", "0"],
    ["load_demo", "--no-progress"],
    ["sync_content"],
    ["tag_demo_articles"],
]


@dataclass
class DemoStore:
    url: str
    log: Path
    process: subprocess.Popen
    teardown: list

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        """SIGTERM, as Ctrl-C would; then end whatever it left in its group."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        # Whatever the command started and left behind (a database server).
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        for step in self.teardown:
            step()


def _make_run_environment(*, port: int, var_dir: Path) -> dict[str, str]:
    """The environment of `make run`: none of the suite's services."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DATABASE_URL",
            "DATABASE_URL_REPLICA",
            "REDIS_URL",
            "CELERY_BROKER_URL",
            "DJANGO_SETTINGS_MODULE",
            "SECRET_KEY",
            "DEBUG",
            "PUBLIC_URL",
        }
    }
    env.update(
        PORT=str(port),
        VAR_DIR=str(var_dir),
        LUMBAR_VAR_DIR=str(var_dir),
        # The emails the console backend prints must reach the log at once.
        PYTHONUNBUFFERED="1",
    )
    return env


def _fresh_database(admin_url: str) -> tuple[str, callable]:
    """Create an empty database on the suite's server; return its URL and drop."""
    config = dj_database_url.parse(admin_url)
    name = f"lumbar_crawl_{uuid.uuid4().hex[:12]}"
    server = (
        f"postgres://{config['USER']}@{config['HOST'] or '127.0.0.1'}:"
        f"{config['PORT'] or 5432}"
    )

    def execute(sql: str) -> None:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
            connection.execute(sql)

    execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}", lambda: execute(
        f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
    )


def start_makefile_boot(*, port: int, var_dir: Path, log: Path) -> DemoStore:
    """Run the Makefile's run target, on a fresh PostgreSQL database."""
    env = _make_run_environment(port=port, var_dir=var_dir)
    env["DATABASE_URL"], drop = _fresh_database(os.environ["DATABASE_URL"])
    with log.open("ab") as out:
        try:
            for command in SETUP_COMMANDS:
                subprocess.run(
                    [sys.executable, "manage.py", *command],
                    cwd=ROOT,
                    env=env,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    check=True,
                    timeout=BOOT_SECONDS,
                )
            # --noreload: an edit to the tree mid-crawl must not restart it.
            process = subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "runserver",
                    "--noreload",
                    f"127.0.0.1:{port}",
                ],  # fmt: skip
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        except BaseException:
            drop()
            raise
    return DemoStore(f"http://127.0.0.1:{port}", log, process, [drop])


def start_run_demo(*, port: int, var_dir: Path, log: Path) -> DemoStore:
    """Run scripts/run_demo.py, exactly as `make run` does."""
    env = _make_run_environment(port=port, var_dir=var_dir)
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "scripts/run_demo.py"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    return DemoStore(f"http://127.0.0.1:{port}", log, process, [])


# The one line to change when scripts/run_demo.py is what `make run` runs.
start_demo_store = start_makefile_boot


def wait_until_serving(store: DemoStore) -> None:
    deadline = time.monotonic() + BOOT_SECONDS
    while time.monotonic() < deadline:
        if store.process.poll() is not None:
            raise AssertionError(
                f"The demo store exited ({store.process.returncode}):\n"
                + store.output()[-4000:]
            )
        try:
            requests.get(store.url + "/robots.txt", timeout=5)
            return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise AssertionError(f"The demo store did not answer in {BOOT_SECONDS} s")

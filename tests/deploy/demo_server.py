"""The `make run` store on a port of its own, for tests that visit it.

``start_demo_store`` runs scripts/run_demo.py as `make run` does: an
embedded PostgreSQL under a var directory of the test's own, no REDIS_URL
(the cache is local memory and Celery tasks run eagerly), runserver on the
port given.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
# Migrating and loading the demo store on a loaded 2-core machine.
BOOT_SECONDS = 300
STOP_SECONDS = 60


@dataclass
class DemoStore:
    url: str
    log: Path
    process: subprocess.Popen
    var_dir: Path
    boot_seconds: float = 0.0

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def postgres_pid(self) -> int:
        pid_file = self.var_dir / "postgres" / "postmaster.pid"
        return int(pid_file.read_text().splitlines()[0])

    def stop(self) -> int:
        """SIGTERM, as a supervisor would; return run_demo.py's exit code.

        run_demo.py stops runserver, then its PostgreSQL.
        """
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=STOP_SECONDS)


@contextmanager
def demo_var_dir() -> Iterator[Path]:
    """Yield a var directory for one demo store, removed afterwards.

    Not under pytest's basetemp: each new pytest run resets
    /tmp/pytest-of-<user> to 0700, and as root the server runs as the
    embedded_postgres user, who then cannot reach its data.
    """
    folder = Path(tempfile.mkdtemp(prefix="lumbar-demo-"))
    try:
        yield folder / "var"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


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


def start_demo_store(*, port: int, var_dir: Path, log: Path) -> DemoStore:
    """Run scripts/run_demo.py as `make run` does, on this port and var dir."""
    env = _make_run_environment(port=port, var_dir=var_dir)
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "scripts/run_demo.py"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return DemoStore(f"http://127.0.0.1:{port}", log, process, var_dir)


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

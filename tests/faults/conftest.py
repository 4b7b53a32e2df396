"""Real processes to break: a private Redis, gunicorn, a Celery worker, SMTP.

The shared Redis on 6379 serves other test runs, so every fault test starts
its own ``redis-server`` on a free port and points the app's processes at
it through REDIS_URL. The app reads its settings at import time, so web
and worker run as subprocesses against the test database.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection
from graphql_relay import to_global_id

from .smtp import SmtpServer

ROOT = Path(settings.BASE_DIR)
BIN = Path(sys.executable).parent
# Generous for a loaded 2-core machine; a passing run takes a fraction.
START_SECONDS = 30


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, seconds: float = 10.0, what: str = "condition"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"Timed out after {seconds} s waiting for {what}")


class RedisServer:
    """A redis-server of our own that a test may stop and start again."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server") or "redis-server",
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--dir", str(self.directory),
                "--save", "",
                "--appendonly", "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2)
        wait_for(lambda: self._answers(client), START_SECONDS, "redis-server")

    @staticmethod
    def _answers(client) -> bool:
        try:
            return client.ping()
        except redis.ConnectionError:
            return False

    def stop(self) -> None:
        """Shut the server down without saving: its data is gone too."""
        if self.process is None:
            return
        # A raw command: redis-py would retry the connection the server drops.
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as conn:
            conn.sendall(b"SHUTDOWN NOSAVE\r\n")
            conn.recv(64)
        self.process.wait(timeout=10)
        self.process = None


@pytest.fixture
def private_redis(tmp_path):
    if not shutil.which("redis-server"):
        # make test installs Redis (scripts/ensure_services.sh); a fault test
        # that cannot stop its own server proves nothing, so it fails.
        pytest.fail("redis-server is not installed (apt-get install redis-server)")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def smtp_server():
    server = SmtpServer()
    yield server
    server.close()


def app_environment(*, redis_url: str, **extra: str) -> dict[str, str]:
    """The environment of a web or worker process on the test database."""
    database = connection.settings_dict
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "CELERY_BROKER_URL", "SECRET_KEY"}
    }
    env.update(
        DATABASE_URL=(
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
        REDIS_URL=redis_url,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_TLS="false",
        PAYMENT_TEST_GATEWAY_ENABLED="true",
        LOG_LEVEL="INFO",
    )
    env.update(extra)
    return env


def wait_ready(*processes) -> None:
    """Wait for processes started together, so they boot in parallel."""
    for process in processes:
        wait_for(process.ready, START_SECONDS, type(process).__name__)


class Process:
    """A subprocess whose output goes to a file the test can read."""

    def __init__(self, command: list[str], env: dict[str, str], log: Path):
        """Start the command; call ready() to learn when it serves."""
        self.log = log
        with log.open("wb") as out:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
            )

    @property
    def pid(self) -> int:
        return self.process.pid

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def children(self) -> list[int]:
        path = Path(f"/proc/{self.pid}/task/{self.pid}/children")
        return [int(pid) for pid in path.read_text().split()]

    stop_signal = signal.SIGTERM

    def stop(self) -> None:
        stop_all([self])

    def _ask_to_stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(self.stop_signal)

    def _wait_stopped(self) -> None:
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)


def stop_all(processes) -> None:
    """Stop processes together: each is signalled before any is waited for."""
    for process in processes:
        process._ask_to_stop()
    for process in processes:
        process._wait_stopped()


class WebServer(Process):
    def __init__(self, env: dict[str, str], log: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        super().__init__(
            [
                str(BIN / "gunicorn"), "backend.wsgi:application",
                "--bind", f"127.0.0.1:{self.port}",
                "--workers", "1", "--timeout", "30",
            ],
            env,
            log,
        )  # fmt: skip

    def ready(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"gunicorn exited:\n{self.output()}")
        try:
            with urllib.request.urlopen(self.url + "/robots.txt", timeout=5):
                return True
        except urllib.error.HTTPError:
            return True
        except OSError:
            return False

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=20) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def graphql(self, query: str, variables: dict) -> tuple[int, dict]:
        request = urllib.request.Request(
            self.url + "/graphql/",
            data=json.dumps({"query": query, "variables": variables}).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            body = error.read().decode()
            try:
                return error.code, json.loads(body)
            except ValueError:
                return error.code, {"body": body}


class Worker(Process):
    """``celery worker`` with one prefork child, as production runs it."""

    # A cold shutdown: the tests are done with it, and it is quicker.
    stop_signal = signal.SIGQUIT

    def __init__(self, env: dict[str, str], log: Path):
        super().__init__(
            [
                str(BIN / "celery"), "--app", "backend", "worker",
                "--pool", "prefork", "--concurrency", "1",
                "--loglevel", "INFO", "--hostname", f"faults-{os.getpid()}@%h",
                "--without-gossip", "--without-mingle", "--without-heartbeat",
            ],
            env,
            log,
        )  # fmt: skip

    def ready(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"worker exited:\n{self.output()}")
        return " ready." in self.output()


@pytest.fixture
def _started():
    """The web servers and workers a test started, stopped together after it."""
    started: list[Process] = []
    yield started
    stop_all(started)


@pytest.fixture
def start_web(tmp_path, _started):
    def start(env: dict[str, str]) -> WebServer:
        server = WebServer(env, tmp_path / f"web-{len(_started)}.log")
        _started.append(server)
        return server

    return start


@pytest.fixture
def start_worker(tmp_path, _started):
    def start(env: dict[str, str]) -> Worker:
        worker = Worker(env, tmp_path / f"worker-{len(_started)}.log")
        _started.append(worker)
        return worker

    return start


ERRORS = "errors { field code message }"
PAY = f"""mutation($id: ID!, $gateway: PaymentGatewayToInitialize!) {{
  transactionInitialize(id: $id, paymentGateway: $gateway) {{
    transactionEvent {{ type }} {ERRORS} }} }}"""
COMPLETE = f"""mutation($id: ID!) {{
  checkoutComplete(id: $id) {{ order {{ id number }} {ERRORS} }} }}"""
DUMMY_CHARGE = {
    "id": "saleor.io.dummy-payment-app",
    "data": {"event": {"type": "CHARGE_SUCCESS", "includePspReference": True}},
}


def checkout_gid(checkout) -> str:
    return to_global_id("Checkout", str(checkout.token))


def pay_over_http(web: WebServer, checkout) -> None:
    """Charge the checkout in full through the dummy payment app."""
    status, body = web.graphql(
        PAY, {"id": checkout_gid(checkout), "gateway": DUMMY_CHARGE}
    )
    assert status == 200, body
    payload = body["data"]["transactionInitialize"]
    assert payload["errors"] == [], payload
    assert payload["transactionEvent"] == {"type": "CHARGE_SUCCESS"}


def complete_over_http(web: WebServer, checkout) -> tuple[int, dict]:
    return web.graphql(COMPLETE, {"id": checkout_gid(checkout)})

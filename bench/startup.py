"""Time `make run` from start to the first page (target: 10 s or less again).

Usage: python bench/startup.py

Starts scripts/run_demo.py as `make run` does (no DATABASE_URL, no
REDIS_URL) on a free port and a fresh temporary var directory, as on a
fresh clone with the venv installed, and prints the seconds until GET /
answers 200; stops it with SIGTERM, then starts it again on the same
directory (the embedded PostgreSQL's data reused, nothing left to load)
and prints that time too.
"""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 10
TIMEOUT_SECONDS = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def home_answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def seconds_to_first_page(*, var_dir: Path, log: Path) -> float:
    """Start run_demo.py, return seconds until GET / is 200, then stop it."""
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DATABASE_URL_REPLICA", "REDIS_URL"}
    }
    env.update(PORT=str(port), LUMBAR_VAR_DIR=str(var_dir))
    env.pop("PUBLIC_URL", None)
    url = f"http://127.0.0.1:{port}/"
    with log.open("w") as output:
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "scripts/run_demo.py"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        while not home_answers(url):
            if process.poll() is not None:
                sys.exit(f"run_demo.py exited {process.returncode}; see {log}")
            if time.monotonic() - started > TIMEOUT_SECONDS:
                sys.exit(f"no page within {TIMEOUT_SECONDS} s; see {log}")
            time.sleep(0.1)
        return time.monotonic() - started
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="lumbar-startup-") as folder:
        var_dir = Path(folder) / "var"
        first = seconds_to_first_page(var_dir=var_dir, log=Path(folder) / "1.log")
        second = seconds_to_first_page(var_dir=var_dir, log=Path(folder) / "2.log")
    print("make run: seconds from start to the first page (GET / 200)")
    print(f"  fresh var dir (initdb, migrate, load the demo): {first:6.1f} s")
    verdict = "ok" if second <= TARGET_SECONDS else "over"
    print(
        f"  second run (data reused):                      {second:6.1f} s"
        f"  (target {TARGET_SECONDS} s: {verdict})"
    )


if __name__ == "__main__":
    main()

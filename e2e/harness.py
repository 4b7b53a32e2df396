"""Processes, Lumbar served as production serves it, and the storefront build.

Every process started here runs in its own session (process group); Stack
stops each group by its id, last started first, so nothing is left behind.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VAR = REPO / "var" / "e2e"
LOGS = VAR / "logs"
SHARED = Path(os.environ.get("LUMBAR_SHARED_DIR", REPO.parent / "shared"))
STOREFRONT_SOURCE = SHARED / "clients" / "saleor-storefront"
STOREFRONT = VAR / "storefront"
TOOLS = VAR / "tools"
PNPM_STORE = VAR / "pnpm-store"
PNPM_VERSION = "10.28.1"  # the storefront's packageManager
PNPM = TOOLS / "node_modules" / ".bin" / "pnpm"
VENV_BIN = REPO / ".venv" / "bin"
DATABASE = os.environ.get("E2E_DATABASE", "lumbar_e2e")
PG_URL = os.environ.get("E2E_PG_URL", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("E2E_REDIS_URL", "redis://127.0.0.1:6379/11")
# The one edit to the storefront's own files (BUILD.md item 7): Next's image
# optimizer refuses upstream hosts on private addresses such as 127.0.0.1.
NEXT_CONFIG_EDIT = (
    "\timages: {\n",
    "\timages: {\n\t\tdangerouslyAllowLocalIP: true,\n",
)


PARTS = ("storefront", "dashboard")


def parts(value: str | None) -> list[str]:
    """The parts E2E_PARTS names ("storefront,dashboard"), in run order; unset
    or empty means all of them. An unknown name is refused, not skipped."""
    names = [name.strip() for name in (value or "").split(",") if name.strip()]
    unknown = [name for name in names if name not in PARTS]
    if unknown:
        raise SystemExit(
            f"E2E_PARTS: unknown part(s) {', '.join(unknown)}; "
            f"choose from {', '.join(PARTS)}"
        )
    return [part for part in PARTS if part in names] if names else list(PARTS)


def log(message: str) -> None:
    print(f"[e2e {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(command, *, cwd=REPO, env=None, timeout=600, log_name=None, quiet=False) -> str:
    """Run a command to its end (output to LOGS/log_name as it comes)."""
    log("$ " + " ".join(str(part) for part in command).replace("\n", " "))
    output_path = LOGS / (log_name or "last-command.log")
    with open(output_path, "w") as output:
        process = subprocess.Popen(
            [str(part) for part in command],
            cwd=cwd,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            returncode = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            raise RuntimeError(f"{command[0]} timed out after {timeout}s") from None
    text = output_path.read_text(errors="replace")
    if returncode != 0:
        if not quiet:
            sys.stdout.write(text[-6000:])
        name = " ".join(Path(str(part)).name for part in command[:2])
        raise RuntimeError(f"{name} exited {returncode}")
    return text


class Stack:
    """Long-running processes, each in its own group, stopped in reverse."""

    def __init__(self):
        self.processes: list[tuple[str, subprocess.Popen]] = []

    def start(self, name, command, *, cwd=REPO, env=None) -> subprocess.Popen:
        log_file = open(LOGS / f"{name}.log", "w")  # noqa: SIM115 - kept open
        process = subprocess.Popen(
            [str(part) for part in command],
            cwd=cwd,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log(f"started {name} (pid {process.pid}), log {LOGS / (name + '.log')}")
        self.processes.append((name, process))
        return process

    def stop(self, name: str) -> None:
        for entry in [entry for entry in self.processes if entry[0] == name]:
            self._stop(*entry)
            self.processes.remove(entry)

    def stop_all(self) -> None:
        while self.processes:
            self._stop(*self.processes.pop())

    @staticmethod
    def _stop(name, process) -> None:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        else:
            # The leader is gone; its group may still hold children.
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        log(f"stopped {name} (pid {process.pid})")


def wait_for_http(url: str, *, process, timeout=120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the server exited {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


# --- install -----------------------------------------------------------------


def install_storefront() -> None:
    """pnpm from the npm registry, a fresh copy, its packages (store cached)."""
    if not PNPM.exists():
        run(
            [
                "npm",
                "install",
                "--prefix",
                TOOLS,
                "--no-audit",
                "--no-fund",
                f"pnpm@{PNPM_VERSION}",
            ]
        )
    if STOREFRONT.exists():
        shutil.rmtree(STOREFRONT)
    shutil.copytree(STOREFRONT_SOURCE, STOREFRONT, symlinks=True)
    config = STOREFRONT / "next.config.js"
    text = config.read_text()
    if NEXT_CONFIG_EDIT[0] not in text:
        raise RuntimeError("next.config.js changed: cannot add dangerouslyAllowLocalIP")
    config.write_text(text.replace(*NEXT_CONFIG_EDIT, 1))
    log("next.config.js: added images.dangerouslyAllowLocalIP (BUILD.md item 7)")
    # HUSKY=0: the copy is no git checkout, and its prepare script would fail.
    env = {**os.environ, "HUSKY": "0", "CI": "true"}
    run(
        [PNPM, "install", "--frozen-lockfile", "--store-dir", PNPM_STORE],
        cwd=STOREFRONT,
        env=env,
        timeout=900,
        log_name="pnpm-install.log",
    )


# --- Lumbar ------------------------------------------------------------------


def lumbar_env(api_port: int) -> dict:
    """Production settings, from environment variables only."""
    return {
        **os.environ,
        "DATABASE_URL": f"{PG_URL}/{DATABASE}",
        "REDIS_URL": REDIS_URL,
        "SECRET_KEY": "e2e-" + secrets.token_urlsafe(48),
        "DEBUG": "false",
        "SECURE_TLS": "false",
        "PUBLIC_URL": f"http://127.0.0.1:{api_port}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "ALLOWED_CLIENT_HOSTS": "127.0.0.1,localhost",
        "PAYMENT_TEST_GATEWAY_ENABLED": "true",
        # Errors answered behind a 200 are logged at INFO (logscan reads them).
        "LOG_LEVEL": "INFO",
        "MEDIA_ROOT": str(VAR / "media"),
        "STATIC_ROOT": str(VAR / "static"),
        "PATH": f"{VENV_BIN}:{os.environ['PATH']}",
    }


def prepare_lumbar(env: dict) -> None:
    """A fresh database and Redis db, migrated, with the demo data."""
    python = VENV_BIN / "python"
    run(
        [
            python,
            "-c",
            (
                "import psycopg, sys\n"
                f"c = psycopg.connect('{PG_URL}/postgres', autocommit=True)\n"
                f"c.execute('DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)')\n"
                f"c.execute('CREATE DATABASE {DATABASE}')\n"
            ),
        ]
    )
    run([python, "-c", f"import redis; redis.Redis.from_url('{REDIS_URL}').flushdb()"])
    shutil.rmtree(VAR / "media", ignore_errors=True)
    for command in (
        ["migrate", "--noinput"],
        ["sync_staff_groups"],
        ["load_demo"],
        ["sync_content"],
        ["tag_demo_articles"],
    ):
        run([python, "manage.py", *command], env=env, log_name=f"{command[0]}.log")


def serve_lumbar(stack: Stack, env: dict, api_port: int, *, suffix: str = "") -> None:
    """gunicorn and a Celery worker; a suffix names a restart's own logs."""
    web = stack.start(
        "gunicorn" + suffix,
        [
            VENV_BIN / "gunicorn",
            "backend.wsgi:application",
            "--bind",
            f"127.0.0.1:{api_port}",
            "--workers",
            "3",
            "--timeout",
            "60",
            "--access-logfile",
            "-",
        ],
        env=env,
    )
    stack.start(
        "celery" + suffix,
        [
            VENV_BIN / "celery",
            "--app",
            "backend",
            "worker",
            "--loglevel",
            "INFO",
            "--concurrency",
            "2",
            "--without-gossip",
            "--without-mingle",
        ],
        env=env,
    )
    wait_for_http(f"http://127.0.0.1:{api_port}/healthz/", process=web)


# --- build -------------------------------------------------------------------


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base's name
        pass


# The Google fonts src/lib/fonts.ts asks for, as "family|url" lines.
GOOGLE_FONT_CALLS = [
    (
        "Fraunces",
        {
            "subsets": ["latin"],
            "variable": "--font-fraunces",
            "display": "swap",
            "adjustFontFallback": True,
        },
    )
]
GOOGLE_FONT_URLS = (
    "const d = './dist/compiled/@next/font/dist/google/';\n"
    "const {validateGoogleFontFunctionCall} = require(d + "
    "'validate-google-font-function-call');\n"
    "const {getFontAxes} = require(d + 'get-font-axes');\n"
    "const {getGoogleFontsUrl} = require(d + 'get-google-fonts-url');\n"
    f"for (const [family, options] of {json.dumps(GOOGLE_FONT_CALLS)}) {{\n"
    "  const v = validateGoogleFontFunctionCall(family, options);\n"
    "  const axes = getFontAxes(v.fontFamily, v.weights, v.styles, "
    "v.selectedVariableAxes);\n"
    "  console.log(v.fontFamily + '|' + getGoogleFontsUrl(v.fontFamily, axes, "
    "v.display));\n"
    "}\n"
)


@contextmanager
def font_server():
    """Serve a woff2 over HTTP on 127.0.0.1 for next/font's mocked Google CSS."""
    fonts = STOREFRONT / "node_modules" / "geist" / "dist" / "fonts" / "geist-sans"
    handler = partial(QuietHandler, directory=str(fonts))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    font_url = f"http://127.0.0.1:{server.server_port}/Geist-Regular.woff2"
    mock = VAR / "font-mocks.cjs"
    # Turbopack looks the CSS up by the exact fonts.googleapis.com URL; next's
    # own helpers compute it from the call in src/lib/fonts.ts.
    urls = run(
        ["node", "-e", GOOGLE_FONT_URLS],
        cwd=STOREFRONT / "node_modules" / "next",
        log_name="font-urls.log",
    ).split()
    entries = ",\n".join(
        f"  {json.dumps(url)}: `@font-face {{\n  font-family: '{family}';\n"
        "  font-style: normal;\n  font-weight: 100 900;\n  font-display: swap;\n"
        f"  src: url({font_url}) format('woff2');\n}}\n`"
        for family, url in (line.split("|", 1) for line in urls)
    )
    mock.write_text("module.exports = {\n" + entries + "\n};\n")
    try:
        yield mock
    finally:
        server.shutdown()
        server.server_close()
        log("stopped the font server")


def storefront_env(api_port: int, storefront_port: int) -> dict:
    return {
        **os.environ,
        "NEXT_PUBLIC_SALEOR_API_URL": f"http://127.0.0.1:{api_port}/graphql/",
        "NEXT_PUBLIC_DEFAULT_CHANNEL": "default-channel",
        "NEXT_PUBLIC_STOREFRONT_URL": f"http://127.0.0.1:{storefront_port}",
        "ALLOW_DUMMY_PAYMENT": "true",
        "NEXT_PUBLIC_ALLOW_DUMMY_PAYMENT": "true",
        "NEXT_TELEMETRY_DISABLED": "1",
        "HUSKY": "0",
        "PATH": f"{PNPM.parent}:{os.environ['PATH']}",
    }


def codegen(env: dict, *, suffix: str = "") -> tuple[bool, str]:
    """The storefront's own codegen scripts (generate:all's two), each reported."""
    ok, outputs = True, []
    for script in ("generate", "generate:checkout"):
        log_name = f"codegen-{script.replace(':', '-')}{suffix}.log"
        try:
            run(
                [PNPM, "run", script],
                cwd=STOREFRONT,
                env=env,
                timeout=300,
                log_name=log_name,
                quiet=True,
            )
            outputs.append(f"{script}: ok")
        except RuntimeError:
            ok = False
            text = (LOGS / log_name).read_text()
            errors = [
                line.strip()
                for line in text.splitlines()
                if line.strip().startswith(("Error ", "at /", "✖", "[FAILED"))
            ]
            outputs.append(
                f"{script}: FAILED\n    " + "\n    ".join(dict.fromkeys(errors))
            )
    return ok, "\n".join(outputs)


def fallback_schema() -> Path:
    """Lumbar's committed schema plus e2e/schema-gaps.graphql, for codegen only."""
    committed = REPO / "backend" / "graphql" / "schema.graphql"
    gaps = REPO / "e2e" / "schema-gaps.graphql"
    combined = VAR / "fallback-schema.graphql"
    combined.write_text(committed.read_text() + "\n" + gaps.read_text())
    return combined


def build_storefront(env: dict, *, allow_fallback: bool) -> dict:
    """Codegen against the live API, then `next build`; report codegen."""
    shutil.rmtree(STOREFRONT / ".next", ignore_errors=True)
    report = {}
    ok, output = codegen(env)
    report["codegen_live"] = ("ok" if ok else "FAILED") + "\n" + output
    log("codegen against the live API:\n" + output)
    if not ok:
        if not allow_fallback:
            raise RuntimeError("codegen against the live API failed")
        schema = fallback_schema()
        log(
            f"FALLBACK: codegen from {schema} (Lumbar's committed schema plus "
            "e2e/schema-gaps.graphql), E2E_CODEGEN_FALLBACK=1; the built "
            "storefront still talks to the live API"
        )
        fallback_ok, output = codegen(
            {**env, "NEXT_PUBLIC_SALEOR_API_URL": str(schema)}, suffix="-fallback"
        )
        log("codegen from the fallback schema:\n" + output)
        report["codegen_fallback"] = ("ok" if fallback_ok else "FAILED") + "\n" + output
        if not fallback_ok:
            raise RuntimeError("codegen failed against the fallback schema too")
    with font_server() as mock:
        build_env = {**env, "NEXT_FONT_GOOGLE_MOCKED_RESPONSES": str(mock)}
        # `pnpm build` runs codegen again (its prebuild): after a fallback it
        # would fail as it did, so then only `next build` runs.
        command = [PNPM, "run", "build"] if ok else [PNPM, "exec", "next", "build"]
        run(
            command,
            cwd=STOREFRONT,
            env=build_env,
            timeout=1200,
            log_name="next-build.log",
        )
    return report


def serve_storefront(stack: Stack, env: dict, storefront_port: int) -> None:
    server = stack.start(
        "next",
        [
            PNPM,
            "exec",
            "next",
            "start",
            "-p",
            storefront_port,
            "-H",
            "127.0.0.1",
        ],
        cwd=STOREFRONT,
        env=env,
    )
    wait_for_http(
        f"http://127.0.0.1:{storefront_port}/en/default-channel",
        process=server,
        timeout=120,
    )

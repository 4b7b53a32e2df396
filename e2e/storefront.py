"""Saleor's storefront and staff dashboard against a live Lumbar, in Chromium.

`make e2e` runs this. Phases: install (pnpm, a fresh copy of the storefront,
its packages from a cached store), serve (Lumbar under gunicorn with a Celery
worker, PostgreSQL and Redis, DEBUG off, the demo data), build (the
storefront's own codegen against the live API, then `next build`), drive
(Playwright steps, a screenshot each under var/e2e/screenshots/); then the
dashboard's (e2e/dashboard.py: its build, cached by the source's version,
served as static files; e2e/dashboard_journeys.py). Any GraphQL error in a
server's log or in the dashboard's traffic fails the run.

E2E_PARTS=storefront,dashboard picks the parts (default both).

Environment: E2E_HOLD=1 keeps the servers up before driving until
var/e2e/hold is removed; E2E_SKIP_INSTALL=1 reuses var/e2e/storefront; E2E_SKIP_BUILD=1
reuses its .next (same ports: E2E_API_PORT, E2E_STOREFRONT_PORT);
E2E_CODEGEN_FALLBACK=1 lets codegen use Lumbar's committed schema, logged as
such, when it fails against the live API; E2E_STEPS=browse,guest,... picks
journeys (stripe is the Stripe path on localstripe, e2e/stripe_path.py, run last).
"""

import os
import signal
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dashboard  # noqa: E402
import dashboard_journeys  # noqa: E402
import harness  # noqa: E402
import journeys  # noqa: E402
import logscan  # noqa: E402
import stripe_path  # noqa: E402


def hold(base: str, api_port: int) -> None:
    """Keep everything serving (to explore by hand) until var/e2e/hold goes."""
    marker = harness.VAR / "hold"
    marker.touch()
    harness.log(
        f"E2E_HOLD: storefront {base}, API http://127.0.0.1:{api_port}"
        f"/graphql/; remove {marker} to go on"
    )
    while marker.exists():
        time.sleep(1)


def main() -> int:
    harness.LOGS.mkdir(parents=True, exist_ok=True)
    for old_log in harness.LOGS.glob("*.log"):
        old_log.unlink()  # a log scanned at the end is this run's only
    api_port = int(os.environ.get("E2E_API_PORT") or harness.free_port())
    storefront_port = int(os.environ.get("E2E_STOREFRONT_PORT") or harness.free_port())
    timings: dict[str, float] = {}
    started = time.monotonic()
    stack = harness.Stack()
    failures: list[str] = []
    report: dict = {}

    def phase(name, action):
        harness.log(f"== {name}")
        begun = time.monotonic()
        try:
            return action()
        finally:
            timings[name] = time.monotonic() - begun
            harness.log(f"== {name} took {timings[name]:.0f}s")

    parts = harness.parts(os.environ.get("E2E_PARTS"))
    harness.log("parts: " + ", ".join(parts))
    for old_shot in journeys.SHOTS.glob("*.png"):
        old_shot.unlink()
    try:
        if "dashboard" in parts:
            dashboard_port = int(
                os.environ.get("E2E_DASHBOARD_PORT") or harness.free_port()
            )
            try:
                dashboard_build = dashboard.ensure_build(phase)
            except Exception as error:  # noqa: BLE001 - the storefront goes on
                traceback.print_exc()
                failures.append(f"dashboard build: {error}")
                parts.remove("dashboard")
        storefront = "storefront" in parts
        if storefront and os.environ.get("E2E_SKIP_INSTALL") != "1":
            phase("install", harness.install_storefront)
        env = harness.lumbar_env(api_port)
        if "dashboard" in parts:
            env["ALLOWED_GRAPHQL_ORIGINS"] = f"http://127.0.0.1:{dashboard_port}"
        phase(
            "lumbar",
            lambda: (
                harness.prepare_lumbar(env),
                harness.serve_lumbar(stack, env, api_port),
            ),
        )
        api = f"http://127.0.0.1:{api_port}/graphql/"
        if storefront:
            front_env = stripe_path.storefront_env(
                harness.storefront_env(api_port, storefront_port)
            )
            if os.environ.get("E2E_SKIP_BUILD") != "1":
                allow = os.environ.get("E2E_CODEGEN_FALLBACK") == "1"
                report = phase(
                    "build",
                    lambda: harness.build_storefront(front_env, allow_fallback=allow),
                )
            phase(
                "start",
                lambda: harness.serve_storefront(stack, front_env, storefront_port),
            )
        base = f"http://127.0.0.1:{storefront_port}"
        if "dashboard" in parts:
            dashboard_base = phase(
                "dashboard-start",
                lambda: dashboard.serve(stack, dashboard_build, dashboard_port, api),
            )
            harness.log(f"dashboard at {dashboard_base}")
        if os.environ.get("E2E_HOLD") == "1":
            hold(base, api_port)
        steps, with_stripe = stripe_path.split_steps(os.environ.get("E2E_STEPS"))
        if storefront and steps != "":
            failures += phase(
                "drive", lambda: journeys.drive(base, api=api, steps=steps)
            )
        if "dashboard" in parts:
            failures += phase(
                "dashboard-drive",
                lambda: dashboard_journeys.drive(
                    dashboard_base, api=api, steps=os.environ.get("E2E_DASHBOARD_STEPS")
                ),
            )
        # Last: it restarts Lumbar with Stripe's keys.
        if storefront and with_stripe:
            failures += phase(
                "stripe", lambda: stripe_path.drive(stack, env, api_port, base)
            )
    except Exception as error:  # noqa: BLE001 - reported, then cleaned up
        traceback.print_exc()
        failures.append(f"harness: {error}")
    finally:
        stack.stop_all()
    failures += logscan.graphql_errors(harness.LOGS)
    for line in logscan.expected_errors(harness.LOGS):
        harness.log("expected GraphQL refusal (not counted): " + line)
    for line in logscan.other_errors(harness.LOGS):
        harness.log("not a GraphQL error (not counted): " + line)
    if report:
        harness.log("codegen against the live API: " + report["codegen_live"])
        if "codegen_fallback" in report:
            harness.log(
                "FALLBACK used, codegen from Lumbar's committed schema "
                "plus e2e/schema-gaps.graphql: " + report["codegen_fallback"]
            )
    if report.get("codegen_live", "ok").startswith("FAILED"):
        failures.append(
            "codegen against the live API failed (var/e2e/logs/codegen-*.log)"
        )
    for line in dashboard_journeys.KNOWN_RESULTS:
        harness.log(line)
    timings["total"] = time.monotonic() - started
    harness.log("timings: " + ", ".join(f"{k} {v:.0f}s" for k, v in timings.items()))
    if failures:
        harness.log(f"FAILED ({len(failures)}):")
        for failure in failures:
            print("  - " + failure, flush=True)
        return 1
    harness.log("all steps passed")
    return 0


def stop_on_sigterm(signum, frame):
    raise SystemExit(143)  # unwinds through main()'s finally: servers stop


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    sys.exit(main())

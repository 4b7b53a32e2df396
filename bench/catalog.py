"""Serve Lumbar with gunicorn on PostgreSQL and measure the catalog.

Usage: python bench/catalog.py [--duration 10] [--connections 8] [--workers 2]
                                [--database lumbar_bench] [--threads 1]

Creates a fresh database (lumbar_bench unless --database names another, so
runs side by side do not drop each other's), loads the demo store and the
articles, starts gunicorn as production would (DEBUG off, Redis cache), then
drives it with wrk from a second process and prints requests per second and
latency for the home, category, product and article pages and for
`products(first: 20)`, each beside a trivial Django view (/healthz/) served
the same way.
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BENCH_DB = "lumbar_bench"
PRODUCTS_QUERY = """
query Products($channel: String!) {
  products(first: 20, channel: $channel) {
    edges { node {
      id name slug
      thumbnail(size: 256, format: WEBP) { url alt }
      category { id name slug }
      pricing { priceRange { start { gross { amount currency } }
                             stop { gross { amount currency } } } }
    } }
  }
}
"""


def fail(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(1)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database_url: str, redis_url: str, port: int) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        SECRET_KEY="bench-only-" + "k3y" * 20,
        DEBUG="false",
        SECURE_TLS="false",
        ALLOWED_HOSTS="127.0.0.1",
        PUBLIC_URL=f"http://127.0.0.1:{port}",
        VAR_DIR=str(ROOT / "var" / "bench"),
        LOG_LEVEL="ERROR",
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        fail(
            f"manage.py {' '.join(args)} failed: "
            f"{result.stderr.strip().splitlines()[-1:]}"
        )
    return result.stdout


def recreate_database(base_url: str, name: str = BENCH_DB) -> str:
    admin_url = base_url.rsplit("/", 1)[0]
    import psycopg

    with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{admin_url}/{name}"


def pick_slugs(env: dict[str, str]) -> tuple[str, str, str]:
    code = (
        "from backend.product.models import Category, Product;"
        "from backend.page.selectors import articles_published;"
        "p = Product.objects.published('default-channel').order_by('slug').first();"
        "c = p.category;"
        "a = articles_published().order_by('slug').first();"
        "print(c.slug if c else ''); print(p.slug); print(a.slug if a else '')"
    )
    out = manage(env, "shell", "--no-imports", "-c", code).split()
    if len(out) != 3:
        fail("the demo store needs a published product with a category and an article")
    return out[0], out[1], out[2]


def wait_until_up(url: str, process: subprocess.Popen, seconds: int = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            fail("gunicorn exited during start-up")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    fail(f"gunicorn did not answer at {url}")


def run_wrk(url: str, *, duration: int, connections: int, lua: str | None) -> dict:
    command = [
        "wrk",
        "--latency",
        "-t",
        "2",
        "-c",
        str(connections),
        "-d",
        f"{duration}s",
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        if lua:
            script.write(lua)
            command += ["-s", script.name]
    command.append(url)
    output = subprocess.run(command, capture_output=True, text=True).stdout
    os.unlink(script.name)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rps,
        "p50": to_ms(percentiles.get("50", "0ms")),
        "p99": to_ms(percentiles.get("99", "0ms")),
        "errors": int(errors.group(1)) if errors else 0,
    }


def to_ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def graphql_lua(query: str) -> str:
    body = json.dumps({"query": query, "variables": {"channel": "default-channel"}})
    return (
        'wrk.method = "POST"\n'
        'wrk.headers["Content-Type"] = "application/json"\n'
        f"wrk.body = {json.dumps(body)}\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per row")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database", default=BENCH_DB, help="dropped and recreated")
    # Above 1, gthread workers: a worker waiting on Redis or PostgreSQL serves
    # another request meanwhile.
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        fail("wrk is not installed (apt-get install wrk)")
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        fail("set DATABASE_URL to a PostgreSQL server (make bench does)")
    redis_url = os.environ.get("REDIS_URL") or fail("set REDIS_URL (make bench does)")

    port = free_port()
    env = environment(recreate_database(base_url, args.database), redis_url, port)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    manage(env, "sync_content")
    category_slug, product_slug, article_slug = pick_slugs(env)
    server = subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "backend.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--threads",
            str(args.threads),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/healthz/", server)
        rows = [
            ("floor: trivial view /healthz/", f"{base}/healthz/", None),
            ("home /", f"{base}/", None),
            (
                f"category /categories/{category_slug}/",
                f"{base}/categories/{category_slug}/",
                None,
            ),
            (
                f"product /products/{product_slug}/",
                f"{base}/products/{product_slug}/",
                None,
            ),
            (
                f"article /articles/{article_slug}/",
                f"{base}/articles/{article_slug}/",
                None,
            ),
            (
                "graphql products(first: 20)",
                f"{base}/graphql/",
                graphql_lua(PRODUCTS_QUERY),
            ),
        ]
        print(
            f"gunicorn {args.workers} workers x {args.threads} threads, "
            f"wrk {args.connections} connections, "
            f"{args.duration}s a row, PostgreSQL + Redis cache\n"
        )
        print(
            f"{'what':44} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
            f"{'errors':>7} {'vs floor':>9}"
        )
        floor = None
        for label, url, lua in rows:
            body = (
                None
                if lua is None
                else json.dumps(
                    {
                        "query": PRODUCTS_QUERY,
                        "variables": {"channel": "default-channel"},
                    }
                ).encode()
            )
            for _ in range(50):  # warm caches and connections before measuring
                request = urllib.request.Request(
                    url, data=body, headers={"Content-Type": "application/json"}
                )
                urllib.request.urlopen(request, timeout=10).read()
            result = run_wrk(
                url, duration=args.duration, connections=args.connections, lua=lua
            )
            floor = floor or result["rps"]
            print(
                f"{label:44} {result['rps']:9.1f} {result['p50']:8.1f} "
                f"{result['p99']:8.1f} "
                f"{result['errors']:7d} {result['rps'] / floor:8.1%}"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()

"""Serve Lumbar as production does and measure it from a second process.

Usage: python bench/serve.py [--duration 12] [--rounds 3] [--connections 8]
                             [--workers 3] [--threads 1] [--checkout-clients 4]
                             [--only TEXT]

One command (``make bench`` runs it):

1. creates a fresh PostgreSQL database beside DATABASE_URL's (its name plus
   ``_bench``), migrates it and loads the demo store (load_demo,
   sync_content, tag_demo_articles), then gives every stock row plenty of
   units so the buying rows never run out;
2. serves it with gunicorn (``--workers`` sync workers, as
   docker-compose.yml does: DEBUG off, Redis cache under a key prefix of
   this run, sessions in the database) and a Celery worker on the Redis
   broker (it sends the order confirmations the checkout row queues);
3. drives it with wrk from a second process (a Lua script for the POST
   rows), each row after a warm-up, and prints requests per second, p50
   and p99 latency, SQL queries per request, the peak RSS of the gunicorn
   workers so far, and the ratio of the row's requests per second to the
   trivial Django view (/healthz/) served the same way in the same run.
   Each row runs in ``--rounds`` parts, each right after a run of the
   floor as long: the ratio is the median of the rounds' ratios, req/s
   and latencies the medians of the row's runs, floor/s the floor's.

SQL queries per request: gunicorn runs with BENCH=true, which installs
``backend.core.bench.QueryCountMiddleware``; every response then carries
``X-Bench-Queries``. The column shows that header for one warm request
sent after the row's warm-up (so it is the cached, steady-state figure);
the checkout row shows the mean over all its requests.

CPU ms: the user + system CPU time the gunicorn workers spent during the
row (/proc/<pid>/stat), divided by the requests served; unlike req/s it
barely moves when other work shares the machine.

Peak RSS: ``VmHWM`` from /proc/<pid>/status of each gunicorn worker (the
children of the master), the largest so far after each row; the closing
lines list every worker and the Celery worker.

The full checkout row is driven by Python client processes (wrk cannot
carry a checkout id from one request to the next): each walks Saleor's
GraphQL path, checkoutCreate (lines, email, both addresses) ->
checkoutDeliveryMethodUpdate -> transactionInitialize (the Dummy Payment
App, CHARGE_SUCCESS) -> checkoutComplete, as fast as it can for the row's
duration. Its req/s counts those four requests; orders/s is printed too.
"""

import argparse
import base64
import functools
import http.client
import json
import multiprocessing
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Keep bench/ itself off the import path: a script's name must never
# shadow an installed package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
PYTHON = sys.executable
BIN = Path(PYTHON).parent
CHANNEL = "default-channel"
DUMMY_APP = "saleor.io.dummy-payment-app"
STOCK = 1_000_000
ADDRESS = {
    "firstName": "Bench",
    "lastName": "Buyer",
    "streetAddress1": "1 Main St",
    "city": "Reno",
    "postalCode": "89501",
    "country": "US",
    "countryArea": "NV",
}

PRODUCTS_QUERY = """
query Products($channel: String!) {
  products(first: 20, channel: $channel) {
    edges { node {
      id name slug
      thumbnail(size: 256, format: WEBP) { url alt }
      category { id name slug }
      attributes { attribute { slug name } values { name slug } }
      pricing { priceRange { start { gross { amount currency } }
                             stop { gross { amount currency } } } }
    } }
  }
}
"""
PRODUCT_QUERY = """
query Product($slug: String!, $channel: String!) {
  product(slug: $slug, channel: $channel) {
    id name slug description seoTitle
    category { id name slug }
    thumbnail(size: 1024, format: WEBP) { url alt }
    media { url alt type }
    attributes { attribute { slug name } values { name slug } }
    pricing { onSale priceRange { start { gross { amount currency } }
                                  stop { gross { amount currency } } } }
    variants {
      id name sku quantityAvailable
      attributes { attribute { slug name } values { name } }
      pricing { price { gross { amount currency } } }
    }
  }
}
"""
CHECKOUT_CREATE = """
mutation($input: CheckoutCreateInput!) {
  checkoutCreate(input: $input) {
    checkout { id shippingMethods { id } } errors { field code message }
  }
}
"""
DELIVERY_METHOD = """
mutation($id: ID!, $method: ID!) {
  checkoutDeliveryMethodUpdate(id: $id, deliveryMethodId: $method) {
    checkout { id } errors { field code message }
  }
}
"""
TRANSACTION_INITIALIZE = """
mutation($id: ID!, $gateway: PaymentGatewayToInitialize!) {
  transactionInitialize(id: $id, paymentGateway: $gateway) {
    transactionEvent { type } errors { field code message }
  }
}
"""
CHECKOUT_COMPLETE = """
mutation($id: ID!) {
  checkoutComplete(id: $id) { order { id number } errors { field code message } }
}
"""
PAY = {"id": DUMMY_APP, "data": {"event": {"type": "CHARGE_SUCCESS"}}}


# The loop the notes quote as the machine's "CPU figure", run as they run it:
# at module level, where each name is a dictionary lookup.
_SPEED_LOOP = compile(
    "s = 0\nfor i in range(10_000_000):\n    s += i\n", "<machine speed>", "exec"
)


def machine_speed() -> float:
    """Seconds this process takes to add up ten million integers.

    Printed beside CPU figures: a shared host's speed moves within minutes
    (0.55 to 0.94 s on one machine in one hour), and CPU per request with it.
    """
    began = time.perf_counter()
    exec(_SPEED_LOOP, {})  # noqa: S102 - our own constant code
    return time.perf_counter() - began


def fail(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(1)


def gid(type_name: str, pk) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_database(base_url: str, suffix: str = "bench") -> str:
    """Drop and create ``<DATABASE_URL's name>_<suffix>``; return its URL."""
    import psycopg

    admin_url, name = base_url.rsplit("/", 1)
    name = f"{name.split('?')[0]}_{suffix}"
    with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{admin_url}/{name}"


def environment(database_url: str, redis_url: str, port: int) -> dict[str, str]:
    """The served app's environment: production settings plus the bench counter."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=f"bench-{os.getpid()}-{port}",
        SECRET_KEY="bench-only-" + "k3y" * 20,
        DEBUG="false",
        BENCH="true",
        SECURE_TLS="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PUBLIC_URL=f"http://127.0.0.1:{port}",
        VAR_DIR=str(ROOT / "var" / "bench"),
        LOG_LEVEL="ERROR",
        CELERY_TASK_ALWAYS_EAGER="false",
        PAYMENT_TEST_GATEWAY_ENABLED="true",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        fail(f"manage.py {' '.join(args)} failed: {result.stderr.strip()[-600:]}")
    return result.stdout


def load_store(env: dict[str, str]) -> None:
    for command in ("migrate", "load_demo", "sync_content", "tag_demo_articles"):
        manage(env, command, *(["--noinput"] if command == "migrate" else []))


def django_setup(env: dict[str, str]) -> None:
    """Point this process's Django at the bench database (for setup and checks)."""
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


class Served:
    """gunicorn (sync workers) and a Celery worker, as docker-compose.yml runs them."""

    def __init__(self, env: dict[str, str], port: int, workers: int, threads: int = 1):
        self.env, self.port, self.workers = env, port, workers
        self.threads = threads
        self.base = f"http://127.0.0.1:{port}"
        self.gunicorn = self.celery = None

    def __enter__(self):
        from backend import celery_app

        celery_app.control.purge()  # nothing left over from an earlier run
        self.celery = subprocess.Popen(
            [str(BIN / "celery"), "--app", "backend", "worker", "--loglevel",
             "ERROR", "--concurrency", "2", "--without-mingle", "--without-gossip"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.gunicorn = subprocess.Popen(
            [str(BIN / "gunicorn"), "backend.wsgi:application", "--bind",
             f"127.0.0.1:{self.port}", "--workers", str(self.workers),
             "--threads", str(self.threads)],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self._wait_until_up()
        return self

    def __exit__(self, *exc):
        for process in (self.gunicorn, self.celery):
            if process and process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in (self.gunicorn, self.celery):
            if process:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()

    def _wait_until_up(self, seconds: int = 40) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.gunicorn.poll() is not None:
                fail("gunicorn exited during start-up")
            try:
                with urllib.request.urlopen(f"{self.base}/healthz/", timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        fail(f"gunicorn did not answer at {self.base}")

    def worker_pids(self) -> list[int]:
        return children(self.gunicorn.pid)

    def peak_rss_mb(self) -> dict[int, float]:
        return {pid: vm_hwm_mb(pid) for pid in self.worker_pids()}

    def cpu_seconds(self) -> float:
        """User + system CPU the gunicorn workers have used so far."""
        return sum(cpu_seconds(pid) for pid in self.worker_pids())

    def celery_rss_mb(self) -> float:
        pids = [self.celery.pid, *children(self.celery.pid)]
        return max(vm_hwm_mb(pid) for pid in pids)


def children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(value) for value in text.split()]


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def vm_hwm_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(match.group(1)) / 1024 if match else 0.0


# --- the store the rows need -------------------------------------------------


def prepare_store() -> dict:
    """Plenty of stock everywhere; return the slugs, ids and methods rows use."""
    from django.db.models import Count

    from backend.page.models import Page
    from backend.product.models import Product, ProductVariantChannelListing
    from backend.product.selectors import collections_published
    from backend.shipping.models import ShippingMethod
    from backend.warehouse.models import Stock

    Stock.objects.update(quantity=STOCK, quantity_allocated=0)
    product = (
        Product.objects.published(CHANNEL)
        .filter(category__isnull=False)
        .annotate(media_count=Count("media"))
        .order_by("-media_count", "slug")
        .first()
    )
    if product is None:
        fail("the demo store has no published product with a category")
    variant_ids = sorted(
        ProductVariantChannelListing.objects.filter(
            channel__slug=CHANNEL,
            price_amount__isnull=False,
            variant__stocks__isnull=False,
            variant__product__channel_listings__channel__slug=CHANNEL,
            variant__product__channel_listings__is_published=True,
        )
        .values_list("variant_id", flat=True)
        .distinct()
    )
    article = Page.objects.filter(is_published=True).order_by("slug").first()
    if article is None or not variant_ids:
        fail("the demo store has no published article or no sellable variant")
    method = ShippingMethod.objects.filter(
        name="Standard", shipping_zone__countries__contains="US"
    ).first() or ShippingMethod.objects.get(name="Express")
    word = re.sub(r"[^a-z]", " ", product.name.lower()).split()[0]
    collection = collections_published(channel_slug=CHANNEL).order_by("slug").first()
    if collection is None:
        fail("the demo store has no published collection")
    return {
        "collection_slug": collection.slug,
        "product_slug": product.slug,
        "product_variant": product.variants.order_by("pk").first().pk,
        "category_slug": product.category.slug,
        "article_slug": article.slug,
        "search": word,
        "variant_ids": variant_ids,
        "method_id": gid("ShippingMethod", method.pk),
    }


# --- HTTP helpers ---------------------------------------------------------------


def graphql_body(query: str, variables: dict) -> bytes:
    return json.dumps({"query": query, "variables": variables}).encode()


def probe(url: str, body: bytes | None = None, headers: dict | None = None):
    """One request: (status, queries header or None, body bytes)."""
    request = urllib.request.Request(url, data=body, headers=headers or {})
    if body is not None and not request.has_header("Content-type"):
        request.add_header("Content-Type", "application/json")
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return (
                response.status,
                response.headers.get("X-Bench-Queries"),
                (response.read()),
            )
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("X-Bench-Queries"), error.read()


def run_wrk(url: str, *, duration: int, connections: int, lua: str | None) -> dict:
    command = ["wrk", "--latency", "-t", "2", "-c", str(connections),
               "-d", f"{duration}s"]  # fmt: skip
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        if lua:
            script.write(lua)
            command += ["-s", script.name]
    command.append(url)
    output = subprocess.run(command, capture_output=True, text=True).stdout
    os.unlink(script.name)
    found = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not found:
        fail(f"wrk gave no figures for {url}: {output[-400:]}")
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sent = re.search(r"(\d+) requests in", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(found.group(1)),
        "requests": int(sent.group(1)) if sent else 0,
        "p50": to_ms(percentiles.get("50", "0ms")),
        "p99": to_ms(percentiles.get("99", "0ms")),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def drive(
    url: str,
    *,
    duration: int,
    connections: int,
    lua: str | None = None,
    requests: list[tuple] | None = None,
) -> dict:
    """wrk when installed; else Python client processes sending ``requests``.

    ``requests`` is a list of (method, body bytes or None, headers) that the
    clients take in turn (the same thing ``lua`` tells wrk).
    """
    if shutil.which("wrk"):
        return run_wrk(url, duration=duration, connections=connections, lua=lua)
    return python_load(
        url, requests or [("GET", None, {})], duration=duration, connections=connections
    )


def _python_client(url, requests, offset, seconds, results) -> None:
    parts = urllib.parse.urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=60)
    latencies, errors, number = [], 0, offset
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        method, body, headers = requests[number % len(requests)]
        number += 1
        sent = time.perf_counter()
        conn.request(method, path, body, headers)
        response = conn.getresponse()
        response.read()
        errors += response.status >= 400
        latencies.append((time.perf_counter() - sent) * 1000)
    results.put((latencies, errors, time.perf_counter() - started))


def python_load(url: str, requests: list[tuple], *, duration: int, connections: int):
    """wrk's figures from ``connections`` client processes, one connection each."""
    context = multiprocessing.get_context("fork")  # works when loaded by path too
    results = context.Queue()
    processes = [
        context.Process(
            target=_python_client, args=(url, requests, index, duration, results)
        )
        for index in range(connections)
    ]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=duration + 120) for _ in processes]
    for process in processes:
        process.join()
    latencies = sorted(value for o in outcomes for value in o[0])
    if not latencies:
        fail(f"no answer from {url}")
    return {
        "rps": len(latencies) / max(o[2] for o in outcomes),
        "requests": len(latencies),
        "p50": statistics.median(latencies),
        "p99": latencies[max(0, round(len(latencies) * 0.99) - 1)],
        "errors": sum(o[1] for o in outcomes),
    }


def to_ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid Lua string literal here


def post_lua(body: bytes) -> str:
    return (
        'wrk.method = "POST"\n'
        'wrk.headers["Content-Type"] = "application/json"\n'
        f"wrk.body = {lua_string(body.decode())}\n"
    )


def cart_sessions(base: str, variant_id: int, count: int) -> list[dict]:
    """Shoppers with a cart: a session cookie and a CSRF secret each."""
    sessions = []
    for _ in range(count):
        secret = secrets.token_hex(16)  # 32 characters: Django's unmasked form
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": secret, "variant": variant_id, "quantity": 1}
        )
        request = urllib.request.Request(
            f"{base}/cart/add/",
            data=body.encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={secret}",
            },
        )
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        status = response.status if hasattr(response, "status") else response.code
        set_cookies = " ".join(response.headers.get_all("Set-Cookie") or [])
        cookie = re.search(r"sessionid=([^;]+)", set_cookies)
        if status != 302 or not cookie:
            fail(f"add to cart answered {status} without a session")
        sessions.append(
            {"cookie": f"csrftoken={secret}; sessionid={cookie.group(1)}", "body": body}
        )
    return sessions


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def cart_lua(sessions: list[dict]) -> str:
    entries = ",\n".join(
        f"{{cookie={lua_string(s['cookie'])}, body={lua_string(s['body'])}}}"
        for s in sessions
    )
    return f"""
local sessions = {{
{entries}
}}
local threads = 0
function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end
local n = 0
function request()
  n = n + 1
  local s = sessions[((n * 2 + (offset or 0)) % #sessions) + 1]
  return wrk.format("POST", "/cart/add/", {{
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = s.cookie}}, s.body)
end
"""


# --- the checkout row: Python clients walking the GraphQL path -----------------


def _graphql(conn, query: str, variables: dict) -> tuple[int, int, dict]:
    conn.request(
        "POST",
        "/graphql/",
        body=graphql_body(query, variables),
        headers={"Content-Type": "application/json"},
    )
    response = conn.getresponse()
    data = response.read()
    queries = int(response.headers.get("X-Bench-Queries") or 0)
    if response.status >= 400:
        return response.status, queries, {}
    return response.status, queries, json.loads(data)


def buy_once(conn, *, variants: list[str], method: str, email: str) -> tuple:
    """Walk the GraphQL checkout; return (order id or None, requests, queries)."""
    requests = queries = 0
    problems = buy_once.problems

    def call(query, variables, field):
        nonlocal requests, queries
        status, count, result = _graphql(conn, query, variables)
        requests += 1
        queries += count
        payload = (result.get("data") or {}).get(field) or {}
        if status >= 400 or result.get("errors") or payload.get("errors"):
            problems.append(f"{field}: {status} {result.get('errors') or payload}")
            return None
        return payload

    created = call(
        CHECKOUT_CREATE,
        {
            "input": {
                "channel": CHANNEL,
                "email": email,
                "lines": [{"variantId": v, "quantity": 1} for v in variants],
                "shippingAddress": ADDRESS,
                "billingAddress": ADDRESS,
            }
        },
        "checkoutCreate",
    )
    if not created:
        return None, requests, queries
    checkout = created["checkout"]["id"]
    offered = [m["id"] for m in created["checkout"]["shippingMethods"]]
    if method not in offered and offered:
        method = offered[0]  # e.g. a bulky item the usual method does not take
    steps = (
        (DELIVERY_METHOD, {"id": checkout, "method": method},
         "checkoutDeliveryMethodUpdate"),
        (TRANSACTION_INITIALIZE, {"id": checkout, "gateway": PAY},
         "transactionInitialize"),
    )  # fmt: skip
    for query, variables, field in steps:
        if call(query, variables, field) is None:
            return None, requests, queries
    completed = call(CHECKOUT_COMPLETE, {"id": checkout}, "checkoutComplete")
    order = (completed or {}).get("order")
    return (order["id"] if order else None), requests, queries


buy_once.problems = []  # the first failures, for the row's note


def checkout_client(index, base, store, seconds, barrier, results) -> None:
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    variants = [gid("ProductVariant", pk) for pk in store["variant_ids"]]
    latencies, requests, queries, failed, number = [], 0, 0, 0, 0
    barrier.wait()
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        first = variants[(index * 7919 + number) % len(variants)]
        second = variants[(index * 104729 + number * 3 + 1) % len(variants)]
        lines = [first] if first == second else [first, second]
        call_started = time.perf_counter()
        order, sent, counted = buy_once(
            conn, variants=lines, method=store["method_id"],
            email=f"bench{index}-{number}@example.com",
        )  # fmt: skip
        number += 1
        requests += sent
        queries += counted
        if order is None:
            failed += 1
        else:
            latencies.append(time.perf_counter() - call_started)
    results.put(
        (
            started,
            time.perf_counter(),
            latencies,
            requests,
            queries,
            failed,
            buy_once.problems[:1],
        )
    )


def checkout_row(base: str, store: dict, *, clients: int, seconds: int) -> dict:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(clients)
    results = context.Queue()
    processes = [
        context.Process(
            target=checkout_client,
            args=(index, base, store, seconds, barrier, results),
        )
        for index in range(clients)
    ]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=seconds + 300) for _ in processes]
    for process in processes:
        process.join()
    elapsed = max(o[1] for o in outcomes) - min(o[0] for o in outcomes)
    latencies = sorted(value * 1000 for o in outcomes for value in o[2])
    requests = sum(o[3] for o in outcomes)
    if not latencies:
        fail("no order was placed in the checkout row")
    return {
        "rps": requests / elapsed,
        "requests": requests,
        "orders": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p99": latencies[max(0, round(len(latencies) * 0.99) - 1)],
        "errors": sum(o[5] for o in outcomes),
        "queries": sum(o[4] for o in outcomes) / max(requests, 1),
        "placed": len(latencies),
        "problems": [p for o in outcomes for p in o[6]],
    }


# --- the table -----------------------------------------------------------------


def rows(base: str, store: dict, connections: int) -> list[tuple]:
    """(label, path, body or None, lua or None, connections)."""
    products = graphql_body(PRODUCTS_QUERY, {"channel": CHANNEL})
    product = graphql_body(
        PRODUCT_QUERY, {"slug": store["product_slug"], "channel": CHANNEL}
    )
    table = [
        ("floor: trivial view /healthz/", "/healthz/", None, None, connections),
        ("home /", "/", None, None, connections),
        ("article page", f"/articles/{store['article_slug']}/", None, None,
         connections),
        ("product page", f"/products/{store['product_slug']}/", None, None,
         connections),
        ("category page", f"/categories/{store['category_slug']}/", None, None,
         connections),
        ("collection page", f"/collections/{store['collection_slug']}/", None,
         None, connections),
        ("articles index page /articles/", "/articles/", None, None, connections),
        (f"search ?q={store['search']}", f"/search/?q={store['search']}", None, None,
         connections),
        ("graphql products(first: 20)", "/graphql/", products, post_lua(products),
         connections),
        ("graphql product(slug) full", "/graphql/", product, post_lua(product),
         connections),
    ]  # fmt: skip
    if connections != 8:
        table.append(
            ("graphql products(first: 20) @8", "/graphql/", products,
             post_lua(products), 8)
        )  # fmt: skip
    return table


HEADER = (
    f"{'what':34} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'SQL/req':>7} "
    f"{'CPU ms':>6} {'RSS MB':>6} {'errors':>6} {'floor/s':>7} {'vs floor':>8}"
)


def line(label: str, result: dict, floor: float, rss: float) -> str:
    queries = result.get("queries")
    shown = "-" if queries is None else f"{queries:.1f}".removesuffix(".0")
    return (
        f"{label:34} {result['rps']:8.1f} {result['p50']:7.1f} {result['p99']:7.1f} "
        f"{shown:>7} {result.get('cpu_ms', 0):6.2f} {rss:6.0f} {result['errors']:6d} "
        f"{floor:7.0f} {result.get('ratio', result['rps'] / floor):8.1%}"
    )


def interleaved(
    served: Served, *, row, floor, rounds: int
) -> tuple[dict, float | None]:
    """Measure a row in ``rounds`` short runs, each right after one of the floor.

    On a shared 2-core machine the trivial view's rate moves by a third
    from one run to the next; a ratio of one row run to one floor run
    carries all of that. Alternated, the median of the rounds' ratios
    does not. Returns the row (median req/s and latencies, summed
    requests and errors, CPU per request over its runs; ``ratio``: the
    median ratio) and the median floor (None without one).
    """
    runs, floors, cpu_spent = [], [], 0.0
    for _ in range(rounds):
        if floor is not None:
            floors.append(floor()["rps"])
        before = served.cpu_seconds()
        runs.append(row())
        cpu_spent += served.cpu_seconds() - before
    result = {
        "rps": statistics.median(run["rps"] for run in runs),
        "p50": statistics.median(run["p50"] for run in runs),
        "p99": statistics.median(run["p99"] for run in runs),
        "requests": sum(run["requests"] for run in runs),
        "errors": sum(run["errors"] for run in runs),
    }
    result["cpu_ms"] = cpu_spent * 1000 / max(result["requests"], 1)
    if not floors:
        return result, None
    result["ratio"] = statistics.median(
        run["rps"] / floor_rps for run, floor_rps in zip(runs, floors, strict=True)
    )
    return result, statistics.median(floors)


def cpu_per_request(served: Served, before: float, result: dict) -> float:
    """Worker CPU milliseconds a request: steadier than req/s on a busy machine."""
    return (served.cpu_seconds() - before) * 1000 / max(result["requests"], 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--duration",
        type=int,
        default=12,
        help="seconds per row, split into --rounds runs (each after a floor run)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="runs of each row, each right after a run of the floor",
    )
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="threads per gunicorn worker (above 1: gthread workers)",
    )
    parser.add_argument("--checkout-clients", type=int, default=4)
    parser.add_argument(
        "--only",
        default="",
        help="measure only rows whose label contains this (or, comma-separated, "
        "any of these)",
    )
    args = parser.parse_args()
    wanted = [text for text in args.only.split(",") if text]
    round_seconds = max(2, args.duration // args.rounds)
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        fail("set DATABASE_URL to a PostgreSQL server (make bench does)")
    redis_url = os.environ.get("REDIS_URL") or fail("set REDIS_URL (make bench does)")

    port = free_port()
    env = environment(bench_database(base_url), redis_url, port)
    load_store(env)
    django_setup(env)
    from django.db import connections

    store = prepare_store()
    connections.close_all()

    with Served(env, port, args.workers, args.threads) as served:
        base = served.base
        tool = "wrk 2 threads" if shutil.which("wrk") else "Python clients (no wrk)"
        print(
            f"gunicorn {args.workers} sync workers + Celery worker, PostgreSQL, Redis "
            f"cache; {tool}, {args.connections} connections, "
            f"{args.duration}s a row; {os.cpu_count()} CPUs "
            f"(load average before: {os.getloadavg()[0]:.1f}; machine speed: "
            f"{machine_speed():.2f} s for 10M additions)\n"
        )
        print(HEADER)
        floor = None
        peak = 0.0
        table = rows(base, store, args.connections)
        floor_path, floor_conns = table[0][1], table[0][4]
        for index, (label, path, body, lua, conns) in enumerate(table):
            if index and wanted and not any(text in label for text in wanted):
                continue
            for _ in range(10):  # warm caches and connections before measuring
                probe(base + path, body)
            _, queries, _ = probe(base + path, body)
            json_post = [("POST", body, {"Content-Type": "application/json"})]
            result, row_floor = interleaved(
                served,
                row=functools.partial(
                    drive, base + path, duration=round_seconds, connections=conns,
                    lua=lua, requests=json_post if body else None,
                ),
                floor=None if index == 0 else functools.partial(
                    drive, base + floor_path, duration=round_seconds,
                    connections=floor_conns,
                ),
                rounds=args.rounds,
            )  # fmt: skip
            result["queries"] = int(queries) if queries is not None else None
            floor = row_floor or floor or result["rps"]
            peak = max(peak, *served.peak_rss_mb().values())
            print(line(label, result, floor, peak), flush=True)

        if wanted and not any(text in "add to cart, full checkout" for text in wanted):
            return
        sessions = cart_sessions(base, store["product_variant"], 16)
        _, queries, _ = probe(
            f"{base}/cart/add/",
            sessions[0]["body"].encode(),
            {"Content-Type": "application/x-www-form-urlencoded",
             "Cookie": sessions[0]["cookie"]},
        )  # fmt: skip
        form_posts = [
            ("POST", s["body"].encode(), {"Cookie": s["cookie"],
             "Content-Type": "application/x-www-form-urlencoded"})
            for s in sessions
        ]  # fmt: skip
        cpu = served.cpu_seconds()
        result = drive(
            f"{base}/cart/add/", duration=args.duration,
            connections=args.connections, lua=cart_lua(sessions),
            requests=form_posts,
        )  # fmt: skip
        result["queries"] = int(queries) if queries is not None else None
        peak = max(peak, *served.peak_rss_mb().values())
        result["cpu_ms"] = cpu_per_request(served, cpu, result)
        print(line("add to cart (POST, 302)", result, floor, peak), flush=True)

        cpu = served.cpu_seconds()
        result = checkout_row(base, store, clients=args.checkout_clients,
                              seconds=args.duration)  # fmt: skip
        peak = max(peak, *served.peak_rss_mb().values())
        result["cpu_ms"] = cpu_per_request(served, cpu, result)
        print(line("full checkout, GraphQL, 4 req", result, floor, peak), flush=True)
        print(
            f"  -> {result['orders']:.1f} orders/s ({result['placed']} placed by "
            f"{args.checkout_clients} clients), p50/p99 above are per order"
        )
        for problem in result["problems"][:2]:
            print(f"  refused: {problem[:200]}")
        workers = ", ".join(f"{mb:.0f}" for mb in served.peak_rss_mb().values())
        print(
            f"\npeak RSS (VmHWM) per gunicorn worker: {workers} MB; "
            f"Celery worker: {served.celery_rss_mb():.0f} MB; "
            f"load average after: {os.getloadavg()[0]:.1f}"
        )


if __name__ == "__main__":
    main()

"""Guest checkouts through GraphQL, as Saleor's storefront sends them: CPU per order.

Usage: python bench/checkout_graphql.py [--buyers 4 --buyers 16] [--seconds 20]
                                        [--workers 2]

Serves the demo store as bench/serve.py does (fresh ``<db>_checkoutgql``
database, every stock row given plenty of units, gunicorn with ``--workers``
sync workers under production settings, Redis cache, a Celery worker sending
the confirmation emails), then for each ``--buyers`` count (4 and 16 unless
told) runs that many buyer threads in this second process for ``--seconds``.
Each buyer places guest orders one after another with the seven requests
Saleor's storefront sends:

  checkoutCreate (two lines), checkoutEmailUpdate,
  checkoutShippingAddressUpdate, checkoutBillingAddressUpdate,
  checkoutDeliveryMethodUpdate, transactionInitialize (the Dummy Payment
  App, CHARGE_SUCCESS, as e2e/ drives it), checkoutComplete.

The documents are the storefront's own (src/checkout/graphql/checkout.graphql
and payment.graphql, with the CheckoutFragment every checkout mutation asks
for), read from ``$LUMBAR_SHARED_DIR/saleor/clients/storefront/``. One
change: the storefront's checkoutCreate has ``lines: []`` written in (its
cart adds lines with a separate request), so here ``lines`` is a variable and
one request carries the cart. Without that folder, built-in documents asking
for a smaller checkout are used (the output says which).

Printed per buyer count: orders per second, CPU milliseconds per order of
the gunicorn workers (user + system from /proc/<pid>/stat, before and after,
divided by the orders placed), of the PostgreSQL backends serving this
database (those alive at the end of the run), errors (a refused or failed
request; must be 0), p50 and p95 latency per order (all seven requests), and
SQL queries per order (the ``X-Bench-Queries`` header serve.py's BENCH mode
adds), and the machine's speed right after the run (serve.machine_speed:
seconds for ten million additions; CPU per order moves with it).

"""

import argparse
import http.client
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Keep bench/ itself off the import path: a script's name must never
# shadow an installed package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from bench import serve  # noqa: E402
from bench.storefront_documents import (  # noqa: E402
    definitions,
    document_text,
    spread_fragments,
)

SHARED = Path(os.environ.get("LUMBAR_SHARED_DIR", "/work/shared"))
STOREFRONT = SHARED / "saleor" / "clients" / "storefront"
LANGUAGE = "EN_US"


CHANNEL = serve.CHANNEL
ADDRESS = serve.ADDRESS
GATEWAY = {
    "id": serve.DUMMY_APP,
    "data": {"event": {"type": "CHARGE_SUCCESS", "includePspReference": True}},
}

# The seven operations, in the order a buyer sends them.
STEPS = (
    "checkoutCreate",
    "checkoutEmailUpdate",
    "checkoutShippingAddressUpdate",
    "checkoutBillingAddressUpdate",
    "checkoutDeliveryMethodUpdate",
    "transactionInitialize",
    "checkoutComplete",
)

_CHECKOUT = "checkout { id shippingMethods { id } totalPrice { gross { amount } } }"
BUILT_IN = {
    "checkoutCreate": f"""
mutation checkoutCreate($channel: String!, $lines: [CheckoutLineInput!]!) {{
  checkoutCreate(input: {{ channel: $channel, lines: $lines }}) {{
    errors {{ field code message }} {_CHECKOUT} }} }}""",
    "checkoutEmailUpdate": f"""
mutation checkoutEmailUpdate($email: String!, $checkoutId: ID!) {{
  checkoutEmailUpdate(email: $email, id: $checkoutId) {{
    errors {{ field code message }} {_CHECKOUT} }} }}""",
    "checkoutShippingAddressUpdate": f"""
mutation checkoutShippingAddressUpdate($checkoutId: ID!,
    $shippingAddress: AddressInput!) {{
  checkoutShippingAddressUpdate(id: $checkoutId,
      shippingAddress: $shippingAddress) {{
    errors {{ field code message }} {_CHECKOUT} }} }}""",
    "checkoutBillingAddressUpdate": f"""
mutation checkoutBillingAddressUpdate($checkoutId: ID!,
    $billingAddress: AddressInput!) {{
  checkoutBillingAddressUpdate(id: $checkoutId, billingAddress: $billingAddress) {{
    errors {{ field code message }} {_CHECKOUT} }} }}""",
    "checkoutDeliveryMethodUpdate": f"""
mutation checkoutDeliveryMethodUpdate($checkoutId: ID!, $deliveryMethodId: ID!) {{
  checkoutDeliveryMethodUpdate(id: $checkoutId,
      deliveryMethodId: $deliveryMethodId) {{
    errors {{ field code message }} {_CHECKOUT} }} }}""",
    "transactionInitialize": """
mutation transactionInitialize($checkoutId: ID!,
    $paymentGateway: PaymentGatewayToInitialize!) {
  transactionInitialize(id: $checkoutId, paymentGateway: $paymentGateway) {
    transaction { id actions } transactionEvent { message type } data
    errors { field code message } } }""",
    "checkoutComplete": """
mutation checkoutComplete($checkoutId: ID!) {
  checkoutComplete(id: $checkoutId) {
    errors { field code message } order { id channel { slug } } } }""",
}


def storefront_documents() -> tuple[dict[str, str], str]:
    """Each step's document (with the fragments it spreads) and its source."""
    files = [
        STOREFRONT / "src__checkout__graphql__checkout.graphql",
        STOREFRONT / "src__checkout__graphql__payment.graphql",
    ]
    if not all(path.exists() for path in files):
        return dict(BUILT_IN), "built-in documents (no storefront folder)"
    fragments, operations = definitions(*files)
    # codegen merges src/checkout/graphql/*: ...Money is defined in order.graphql.
    money = STOREFRONT / "src__checkout__graphql__order.graphql"
    if money.exists():
        for name, fragment in definitions(money)[0].items():
            fragments.setdefault(name, fragment)

    texts = {}
    for name in STEPS:
        operation = operations.get(name)
        if operation is None:
            return dict(BUILT_IN), f"built-in documents ({name} not in {STOREFRONT})"
        needed = spread_fragments(operation, fragments)
        if needed is None:
            return dict(BUILT_IN), "built-in documents (a fragment is missing)"
        text = document_text(operation, needed)
        if name == "checkoutCreate":
            text = text.replace(
                "$languageCode: LanguageCodeEnum!)",
                "$languageCode: LanguageCodeEnum!, $lines: [CheckoutLineInput!]!)",
                1,
            ).replace("lines: []", "lines: $lines", 1)
            if "$lines" not in text:
                return dict(BUILT_IN), "built-in documents (checkoutCreate changed)"
        texts[name] = text
    return texts, f"Saleor storefront documents from {STOREFRONT}"


# --- a buyer ---------------------------------------------------------------------


class Buyer:
    """One storefront shopper: places orders one after another on its connection."""

    def __init__(self, index: int, host: str, port: int, texts: dict, store: dict):
        self.index, self.texts, self.store = index, texts, store
        self.conn = http.client.HTTPConnection(host, port, timeout=120)
        self.variants = [serve.gid("ProductVariant", pk) for pk in store["variant_ids"]]
        self.latencies: list[float] = []
        self.errors = self.queries = self.number = 0
        self.problems: list[str] = []

    def send(self, name: str, variables: dict) -> dict | None:
        body = json.dumps(
            {"operationName": name, "query": self.texts[name], "variables": variables}
        ).encode()
        try:
            self.conn.request(
                "POST", "/graphql/", body, {"Content-Type": "application/json"}
            )
            response = self.conn.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.conn.close()  # reconnects on the next request
            return self.refused(name, repr(error))
        self.queries += int(response.headers.get("X-Bench-Queries") or 0)
        if response.status != 200:
            return self.refused(name, f"HTTP {response.status} {data[:200]!r}")
        result = json.loads(data)
        payload = (result.get("data") or {}).get(name) or {}
        if result.get("errors") or payload.get("errors") or not payload:
            return self.refused(name, str(result.get("errors") or payload)[:300])
        return payload

    def refused(self, name: str, why: str) -> None:
        self.errors += 1
        if len(self.problems) < 3:
            self.problems.append(f"{name}: {why}")
        return None

    def buy(self) -> bool:
        """The seven requests; True when an order was placed."""
        number, self.number = self.number, self.number + 1
        count = len(self.variants)
        first = self.variants[(self.index * 7919 + number) % count]
        second = self.variants[(self.index * 104729 + number * 3 + 1) % count]
        lines = [
            {"variantId": v, "quantity": 1} for v in dict.fromkeys([first, second])
        ]
        common = {"languageCode": LANGUAGE}
        created = self.send(
            "checkoutCreate", {**common, "channel": CHANNEL, "lines": lines}
        )
        if not created:
            return False
        checkout = created["checkout"]["id"]
        common["checkoutId"] = checkout
        email = f"buyer{self.index}-{number}@example.com"
        steps = (
            ("checkoutEmailUpdate", {"email": email}),
            ("checkoutShippingAddressUpdate", {"shippingAddress": ADDRESS}),
            ("checkoutBillingAddressUpdate", {"billingAddress": ADDRESS}),
        )
        for name, variables in steps:
            answer = self.send(name, {**common, **variables})
            if answer is None:
                return False
        method = self.store["method_id"]
        offered = delivery_methods(answer["checkout"])
        if offered and method not in offered:
            method = offered[0]  # e.g. a bulky item the usual method does not take
        if not self.send(
            "checkoutDeliveryMethodUpdate", {**common, "deliveryMethodId": method}
        ):
            return False
        if not self.send(
            "transactionInitialize", {**common, "paymentGateway": GATEWAY}
        ):
            return False
        completed = self.send("checkoutComplete", {"checkoutId": checkout})
        return bool(completed and completed.get("order"))

    def run(self, seconds: float, barrier: threading.Barrier) -> None:
        barrier.wait()
        self.started = time.perf_counter()
        while time.perf_counter() - self.started < seconds:
            began = time.perf_counter()
            if self.buy():
                self.latencies.append((time.perf_counter() - began) * 1000)
        self.ended = time.perf_counter()


def delivery_methods(checkout: dict) -> list[str]:
    """Shipping method ids the answer offers (built-in or storefront shape)."""
    if "shippingMethods" in checkout:
        return [m["id"] for m in checkout["shippingMethods"]]
    return []


def any_cart_method() -> str:
    """A US shipping method that takes every cart: no price bounds, no exclusions.

    The storefront's documents do not ask for the offered methods (it sends
    deliveryOptionsCalculate for that), so the buyers choose this one.
    """
    from backend.shipping.models import ShippingMethodChannelListing

    listing = (
        ShippingMethodChannelListing.objects.filter(
            channel__slug=CHANNEL,
            shipping_method__shipping_zone__countries__contains="US",
            minimum_order_price_amount__isnull=True,
            maximum_order_price_amount__isnull=True,
            shipping_method__excluded_products__isnull=True,
        )
        .order_by("price_amount", "pk")
        .first()
    )
    if listing is None:
        serve.fail("the demo store has no US shipping method that takes every cart")
    return serve.gid("ShippingMethod", listing.shipping_method_id)


# --- PostgreSQL backends ----------------------------------------------------------


def backend_pids(database_url: str) -> list[int]:
    import psycopg

    admin_url, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s", [name]
        ).fetchall()
    return [row[0] for row in rows]


def backends_cpu(pids: list[int]) -> dict[int, float]:
    return {pid: serve.cpu_seconds(pid) for pid in pids}


# --- one run ------------------------------------------------------------------


def run(served, database_url: str, texts: dict, store: dict, buyers: int, seconds):
    host, port = "127.0.0.1", served.port
    warm = Buyer(999, host, port, texts, store)
    for _ in range(2):  # warm every worker's caches and connections
        if not warm.buy():
            serve.fail(f"a warm-up order was refused: {warm.problems}")
    group = [Buyer(index, host, port, texts, store) for index in range(buyers)]
    barrier = threading.Barrier(buyers + 1)
    threads = [
        threading.Thread(target=b.run, args=(seconds, barrier), daemon=True)
        for b in group
    ]
    for thread in threads:
        thread.start()
    pg_before = backends_cpu(backend_pids(database_url))
    app_before = served.cpu_seconds()
    barrier.wait()
    for thread in threads:
        thread.join()
    app_after = served.cpu_seconds()
    pg_after = backends_cpu(backend_pids(database_url))
    pg_used = sum(cpu - pg_before.get(pid, 0.0) for pid, cpu in pg_after.items())
    elapsed = max(b.ended for b in group) - min(b.started for b in group)
    latencies = sorted(value for b in group for value in b.latencies)
    orders = len(latencies)
    return {
        "buyers": buyers,
        "orders": orders,
        "per_second": orders / elapsed,
        "app_ms": (app_after - app_before) * 1000 / max(orders, 1),
        "pg_ms": pg_used * 1000 / max(orders, 1),
        "errors": sum(b.errors for b in group),
        "p50": statistics.median(latencies) if latencies else 0.0,
        "p95": latencies[max(0, round(orders * 0.95) - 1)] if latencies else 0.0,
        "queries": sum(b.queries for b in group) / max(orders, 1),
        "problems": [p for b in group for p in b.problems][:3],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--buyers", type=int, action="append", help="concurrent buyers (repeatable)"
    )
    parser.add_argument("--seconds", type=float, default=20, help="seconds per run")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    args = parser.parse_args()
    counts = args.buyers or [4, 16]
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        serve.fail("set DATABASE_URL to a PostgreSQL server (make bench does)")
    redis_url = os.environ.get("REDIS_URL") or serve.fail("set REDIS_URL")
    texts, source = storefront_documents()

    port = serve.free_port()
    database_url = serve.bench_database(base_url, "checkoutgql")
    env = serve.environment(database_url, redis_url, port)
    serve.load_store(env)
    serve.django_setup(env)
    from django.db import connections

    store = serve.prepare_store()
    store["method_id"] = any_cart_method()
    connections.close_all()

    with serve.Served(env, port, args.workers) as served:
        print(
            f"guest checkout through GraphQL, 7 requests an order; {source}\n"
            f"gunicorn {args.workers} sync workers + Celery worker, PostgreSQL, "
            f"Redis; buyer threads in one client process, {args.seconds:g}s a run; "
            f"{os.cpu_count()} CPUs (load average before: {os.getloadavg()[0]:.1f})\n"
        )
        print(
            f"{'buyers':>6} {'orders':>6} {'orders/s':>8} {'CPU ms/order app':>16} "
            f"{'pg':>6} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'SQL/order':>9} "
            f"{'speed s':>7}"
        )
        failed = False
        for buyers in counts:
            result = run(served, database_url, texts, store, buyers, args.seconds)
            print(
                f"{buyers:6d} {result['orders']:6d} {result['per_second']:8.1f} "
                f"{result['app_ms']:16.1f} {result['pg_ms']:6.1f} "
                f"{result['errors']:6d} {result['p50']:7.0f} {result['p95']:7.0f} "
                f"{result['queries']:9.1f} {serve.machine_speed():7.2f}",
                flush=True,
            )
            for problem in result["problems"]:
                print(f"  refused: {problem[:300]}")
            failed = failed or bool(result["errors"]) or not result["orders"]
        print(f"\nload average after: {os.getloadavg()[0]:.1f}")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()

"""Mixed load without loss: readers, browsers, buyers racing, staff fulfilling.

Usage: python bench/mixed_load.py [--seconds 60] [--workers 3] [--readers 3]
                                  [--browsers 3] [--buyers 6] [--staff 1]
                                  [--low-stock 10]

Serves the demo store as bench/serve.py does (fresh ``<db>_mixed`` database,
gunicorn workers, Redis cache, a Celery worker sending the confirmation
emails) and, for ``--seconds``, runs in threads of this second process:

- readers: the home page and articles;
- browsers: category, product and search pages, ``products(first: 20)``;
- buyers: the GraphQL checkout path (checkoutCreate with lines, email and
  addresses, checkoutDeliveryMethodUpdate, transactionInitialize with the
  Dummy Payment App, checkoutComplete), racing for a few variants whose
  stock is cut to ``--low-stock`` units each in one warehouse;
- staff: an operations user with a JWT from tokenCreate fulfils the orders
  buyers placed (orderFulfill, from that warehouse).

It prints the cache hit rate of the anonymous page reads (readers and
browsers) and of the anonymous GraphQL reads (browsers), counted from the
X-Cache header the server sets on every answer it looked up in its cache
(``hit`` or ``miss``; a read without it counts as a miss).

Then it waits for the Celery worker to send the emails and checks, printing
each: no 5xx, every accepted order present exactly once, each order line's
allocations plus its fulfilled quantity equal to its quantity, stock equal
to the start minus what was sold (and minus what was shipped on hand), no
negative stock, one EMAIL_SENT confirmation event per order. Exits 1 if any
check fails. tests/bench/test_mixed_load.py runs the same scenario for a few
seconds against a live test server.
"""

import argparse
import base64
import http.client
import json
import os
import queue
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Keep bench/ itself off the import path: a script's name must never
# shadow an installed package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from bench import serve  # noqa: E402

# The checkout path is serve.py's checkout row: the same documents and data.
CHANNEL = serve.CHANNEL
GATEWAY = serve.PAY
ADDRESS = serve.ADDRESS
CHECKOUT_CREATE = serve.CHECKOUT_CREATE
DELIVERY_METHOD = serve.DELIVERY_METHOD
PAY = serve.TRANSACTION_INITIALIZE
COMPLETE = serve.CHECKOUT_COMPLETE
STAFF_EMAIL = "bench-ops@example.com"
STAFF_PASSWORD = "bench-ops-Pa55word"
PRODUCTS = """
query($channel: String!) { products(first: 20, channel: $channel) {
  edges { node { id name pricing { priceRange { start { gross { amount } } } } } }
} }
"""
TOKEN = """
mutation($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) { token errors { code } }
}
"""
ORDER_LINES = """
query($id: ID!) { order(id: $id) { lines { id quantityToFulfill } } }
"""
FULFIL = """
mutation($order: ID, $input: OrderFulfillInput!) {
  orderFulfill(order: $order, input: $input) {
    fulfillments { id } errors { field code message }
  }
}
"""


def gid(type_name: str, pk) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def from_gid(value: str) -> str:
    return base64.b64decode(value).decode().split(":", 1)[1]


# --- before: the store the scenario races on ------------------------------------


def prepare_scenario(*, low_stock: int = 5, racing: int = 3) -> dict:
    """Cut a few variants to ``low_stock`` in one warehouse; add an ops user.

    Works on any store with a published, priced, stocked channel
    ``default-channel``, a shipping method for the US and some pages: the
    demo store (the bench) or a factory-made one (the test).
    """
    from django.contrib.auth.models import Permission

    from backend.account.models import User
    from backend.order.models import Order
    from backend.page.models import Page
    from backend.product.models import Product, ProductVariantChannelListing
    from backend.shipping.models import ShippingMethod
    from backend.warehouse.models import Stock

    variant_ids = list(
        ProductVariantChannelListing.objects.filter(
            channel__slug=CHANNEL,
            price_amount__isnull=False,
            variant__stocks__isnull=False,
            variant__product__channel_listings__channel__slug=CHANNEL,
            variant__product__channel_listings__is_published=True,
        )
        .order_by("variant_id")
        .values_list("variant_id", flat=True)
        .distinct()[:racing]
    )
    if not variant_ids:
        raise RuntimeError("the store has no sellable variant in default-channel")
    warehouse_id = None
    for variant_id in variant_ids:
        stocks = list(Stock.objects.filter(product_variant_id=variant_id))
        if warehouse_id is None:
            warehouse_id = stocks[0].warehouse_id
        kept = [s for s in stocks if s.warehouse_id == warehouse_id]
        if not kept:
            raise RuntimeError("the racing variants share no warehouse")
        Stock.objects.filter(product_variant_id=variant_id).exclude(
            pk=kept[0].pk
        ).update(quantity=0)
        Stock.objects.filter(pk=kept[0].pk).update(
            quantity=low_stock + kept[0].quantity_allocated
        )
    method = (
        ShippingMethod.objects.filter(shipping_zone__countries__contains="US")
        .order_by("pk")
        .first()
    )
    staff, _ = User.objects.get_or_create(
        email=STAFF_EMAIL, defaults={"is_staff": True, "is_active": True}
    )
    staff.set_password(STAFF_PASSWORD)
    staff.save()
    staff.user_permissions.add(
        Permission.objects.get(content_type__app_label="core", codename="manage_orders")
    )
    products = Product.objects.published(CHANNEL).order_by("slug")[:4]
    articles = Page.objects.filter(is_published=True).order_by("slug")[:3]
    category = next((p.category for p in products if p.category_id), None)
    return {
        "variants": [gid("ProductVariant", pk) for pk in variant_ids],
        "variant_ids": variant_ids,
        "method": gid("ShippingMethod", method.pk),
        "warehouse": gid("Warehouse", warehouse_id),
        "reader_paths": ["/", *(f"/articles/{a.slug}/" for a in articles)],
        "browser_paths": [
            *(f"/products/{p.slug}/" for p in products),
            *([f"/categories/{category.slug}/"] if category else []),
            "/search/?q=back",
        ],
        "start_stock": {
            s.pk: (s.quantity, s.quantity_allocated) for s in Stock.objects.all()
        },
        "start_order_pk": Order.objects.order_by("-pk")
        .values_list("pk", flat=True)
        .first()
        or 0,
    }


# --- during: clients in threads ---------------------------------------------------


class Outcome:
    """What the clients saw; shared by the threads (lock-guarded)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.statuses: Counter = Counter()
        self.server_errors: list[str] = []
        self.accepted: list[str] = []  # order global ids
        self.refused: Counter = Counter()
        self.fulfilled = 0
        self.to_fulfil: queue.Queue = queue.Queue()
        # "page" or "graphql" -> Counter of the X-Cache header ("hit", ...).
        self.cache: defaultdict = defaultdict(Counter)
        self.missed: Counter = Counter()  # path -> reads not from the cache

    def saw(self, status: int, what: str) -> None:
        with self.lock:
            self.statuses[status // 100 * 100] += 1
            if status >= 500:
                self.server_errors.append(f"{status} {what}")

    def read(self, kind: str, header: str | None, path: str) -> None:
        with self.lock:
            self.cache[kind][header or "none"] += 1
            if header != "hit":
                self.missed[path] += 1

    def hit_rate(self, kind: str) -> str:
        with self.lock:
            counts = self.cache[kind]
            total = sum(counts.values())
            if not total:
                return f"{kind} reads: none"
            return (
                f"{kind} reads from cache: {counts['hit']}/{total} = "
                f"{100 * counts['hit'] / total:.1f}% hits"
            )

    def most_missed(self) -> str:
        with self.lock:
            return ", ".join(f"{p} {n}" for p, n in self.missed.most_common(5))


class Client:
    def __init__(self, base: str, outcome: Outcome):
        host, port = base.removeprefix("http://").rstrip("/").split(":")
        self.host, self.port, self.outcome = host, int(port), outcome
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        self.token = None
        # Set by read(): the X-Cache header of the last answer.
        self.cache_header = None

    def request(self, method: str, path: str, body=None, headers=None):
        for attempt in range(2):  # a keep-alive socket the server closed: reconnect
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                data = response.read()
                self.cache_header = response.getheader("X-Cache")
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
                if attempt:
                    raise
        self.outcome.saw(response.status, f"{method} {path}")
        return response.status, data

    def graphql(self, query: str, variables: dict, field: str):
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        body = json.dumps({"query": query, "variables": variables})
        status, data = self.request("POST", "/graphql/", body, headers)
        if status != 200:
            return None, f"{field}: HTTP {status}"
        result = json.loads(data)
        payload = (result.get("data") or {}).get(field)
        if result.get("errors"):
            return None, f"{field}: {result['errors'][0].get('message')}"
        if isinstance(payload, dict) and payload.get("errors"):
            return None, f"{field}: {payload['errors'][0].get('code')}"
        return payload, None


def reader(base, scenario, outcome, stop, index):
    client = Client(base, outcome)
    paths = scenario["reader_paths"]
    number = index
    while not stop.is_set():
        path = paths[number % len(paths)]
        client.request("GET", path)
        outcome.read("page", client.cache_header, path)
        number += 1


def browser(base, scenario, outcome, stop, index):
    client = Client(base, outcome)
    paths = scenario["browser_paths"]
    number = index
    while not stop.is_set():
        if number % 3 == 2:
            client.graphql(PRODUCTS, {"channel": CHANNEL}, "products")
            outcome.read("graphql", client.cache_header, "products(first: 20)")
        else:
            path = paths[number % len(paths)]
            client.request("GET", path)
            outcome.read("page", client.cache_header, path)
        number += 1


def buyer(base, scenario, outcome, stop, index):
    client = Client(base, outcome)
    variants = scenario["variants"]
    number = 0
    while not stop.is_set():
        wanted = variants[(index + number) % len(variants)]
        lines = [{"variantId": wanted, "quantity": 1 + (index + number) % 2}]
        number += 1
        created, problem = client.graphql(
            CHECKOUT_CREATE,
            {
                "input": {
                    "channel": CHANNEL,
                    "email": f"mixed{index}-{number}@example.com",
                    "lines": lines,
                    "shippingAddress": ADDRESS,
                    "billingAddress": ADDRESS,
                }
            },
            "checkoutCreate",
        )
        if problem is None:
            checkout = created["checkout"]["id"]
            offered = [m["id"] for m in created["checkout"]["shippingMethods"]]
            method = (
                scenario["method"]
                if scenario["method"] in offered
                else (offered[0] if offered else scenario["method"])
            )
            steps = (
                (DELIVERY_METHOD, {"id": checkout, "method": method},
                 "checkoutDeliveryMethodUpdate"),
                (PAY, {"id": checkout, "gateway": GATEWAY}, "transactionInitialize"),
                (COMPLETE, {"id": checkout}, "checkoutComplete"),
            )  # fmt: skip
            for query, variables, field in steps:
                payload, problem = client.graphql(query, variables, field)
                if problem:
                    break
        if problem:
            with outcome.lock:
                outcome.refused[problem] += 1
            continue
        order = payload["order"]["id"]
        with outcome.lock:
            outcome.accepted.append(order)
        outcome.to_fulfil.put(order)


def staff(base, scenario, outcome, stop, index):
    client = Client(base, outcome)
    token, problem = client.graphql(
        TOKEN, {"email": STAFF_EMAIL, "password": STAFF_PASSWORD}, "tokenCreate"
    )
    if problem:
        with outcome.lock:
            outcome.refused[f"staff {problem}"] += 1
        return
    client.token = token["token"]
    while not stop.is_set():
        try:
            order = outcome.to_fulfil.get(timeout=0.2)
        except queue.Empty:
            continue
        found, problem = client.graphql(ORDER_LINES, {"id": order}, "order")
        if problem or not found:
            with outcome.lock:
                outcome.refused[f"staff {problem}"] += 1
            continue
        lines = [
            {
                "orderLineId": line["id"],
                "stocks": [
                    {
                        "quantity": line["quantityToFulfill"],
                        "warehouse": scenario["warehouse"],
                    }
                ],
            }
            for line in found["lines"]
            if line["quantityToFulfill"]
        ]
        done, problem = client.graphql(
            FULFIL,
            {"order": order, "input": {"lines": lines, "notifyCustomer": False}},
            "orderFulfill",
        )
        with outcome.lock:
            if problem:
                outcome.refused[f"staff {problem}"] += 1
            else:
                outcome.fulfilled += 1


def run_scenario(
    base: str,
    scenario: dict,
    *,
    seconds: float,
    readers: int = 3,
    browsers: int = 3,
    buyers: int = 6,
    staff_members: int = 1,
) -> Outcome:
    """Run every client for ``seconds``; return what they saw."""
    outcome = Outcome()
    stop = threading.Event()
    errors: list[BaseException] = []

    def guarded(target, index):
        try:
            target(base, scenario, outcome, stop, index)
        except BaseException as error:  # noqa: BLE001 - reported by the checks
            errors.append(error)

    threads = [
        threading.Thread(target=guarded, args=(role, index), daemon=True)
        for role, count in (
            (reader, readers),
            (browser, browsers),
            (buyer, buyers),
            (staff, staff_members),
        )
        for index in range(count)
    ]
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=120)
    outcome.client_errors = [repr(error) for error in errors]
    return outcome


# --- after: the invariants -------------------------------------------------------


def wait_for_emails(orders: list[str], *, timeout: float = 60) -> None:
    """Wait until every order has a confirmation EMAIL_SENT event (or time out)."""
    from backend.order.emails import CONFIRMATION
    from backend.order.models import OrderEvent, OrderEvents

    tokens = {from_gid(order) for order in orders}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        sent = (
            OrderEvent.objects.filter(
                type=OrderEvents.EMAIL_SENT,
                parameters__email_type=CONFIRMATION,
                order__token__in=tokens,
            )
            .values("order_id")
            .distinct()
            .count()
        )
        if sent >= len(tokens):
            return
        time.sleep(0.5)


def check_invariants(scenario: dict, outcome: Outcome) -> list[tuple[str, bool, str]]:
    """(check, passed, detail) for each promise the scenario makes."""
    from django.db.models import Count, Sum

    from backend.order.emails import CONFIRMATION
    from backend.order.models import Order, OrderEvent, OrderEvents, OrderLine
    from backend.warehouse.models import Allocation, Stock

    checks = []

    def check(name: str, passed: bool, detail: str = "") -> None:
        checks.append((name, bool(passed), detail))

    total = sum(outcome.statuses.values())
    check(
        "no 5xx and no client crash",
        not outcome.server_errors and not outcome.client_errors,
        f"{total} responses {dict(outcome.statuses)}; "
        f"{(outcome.server_errors + outcome.client_errors)[:3]}",
    )
    accepted = [from_gid(order) for order in outcome.accepted]
    placed = Order.objects.filter(pk__gt=scenario["start_order_pk"])
    tokens = [str(token) for token in placed.values_list("token", flat=True)]
    check(
        "every accepted order present exactly once, no other order",
        len(set(accepted)) == len(accepted) and sorted(accepted) == sorted(tokens),
        f"{len(accepted)} accepted, {len(tokens)} in the database",
    )
    lines = OrderLine.objects.filter(order__in=placed).annotate(
        allocated=Sum("allocations__quantity_allocated")
    )
    wrong = [
        line.pk
        for line in lines
        if (line.allocated or 0) + line.quantity_fulfilled != line.quantity
    ]
    check(
        "each line's allocations + fulfilled = its quantity",
        lines.exists() and not wrong,
        f"{len(lines)} lines, {outcome.fulfilled} orders fulfilled; wrong: {wrong[:5]}",
    )
    sold, shipped = defaultdict(int), defaultdict(int)
    for line in lines:
        sold[line.variant_id] += line.quantity
        shipped[line.variant_id] += line.quantity_fulfilled
    start, now = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0])
    for stock in Stock.objects.all():
        before = scenario["start_stock"].get(stock.pk, (0, 0))
        start[stock.product_variant_id][0] += before[0]
        start[stock.product_variant_id][1] += before[1]
        now[stock.product_variant_id][0] += stock.quantity
        now[stock.product_variant_id][1] += stock.quantity_allocated
    off = []
    for variant_id in set(start) | set(now):
        was_free = start[variant_id][0] - start[variant_id][1]
        is_free = now[variant_id][0] - now[variant_id][1]
        if is_free != was_free - sold[variant_id] or (
            now[variant_id][0] != start[variant_id][0] - shipped[variant_id]
        ):
            off.append(variant_id)
    racing = scenario["variant_ids"]
    check(
        "stock = start - sold (available) and start - shipped (on hand)",
        not off,
        f"racing variants sold {[sold[v] for v in racing]} of "
        f"{[start[v][0] - start[v][1] for v in racing]}; off: {off[:5]}",
    )
    negative = Stock.objects.filter(quantity__lt=0).count() + sum(
        1 for s in Stock.objects.all() if s.quantity_allocated > s.quantity
    )
    negative += Allocation.objects.filter(quantity_allocated__lt=0).count()
    check("no negative stock, nothing over-allocated", negative == 0, f"{negative}")
    wait_for_emails(outcome.accepted)
    per_order = dict(
        OrderEvent.objects.filter(
            order__in=placed,
            type=OrderEvents.EMAIL_SENT,
            parameters__email_type=CONFIRMATION,
        )
        .values_list("order_id")
        .annotate(sent=Count("pk"))
    )
    not_once = [
        pk for pk in placed.values_list("pk", flat=True) if per_order.get(pk) != 1
    ]
    check(
        "one confirmation EMAIL_SENT event per order",
        not not_once,
        f"{len(per_order)} orders emailed; not exactly once: {not_once[:5]}",
    )
    return checks


def report(outcome: Outcome, checks: list, seconds: float) -> bool:
    total = sum(outcome.statuses.values())
    print(
        f"{total} responses in {seconds:.0f}s ({total / seconds:.1f}/s): "
        f"{dict(outcome.statuses)}; {len(outcome.accepted)} orders accepted, "
        f"{outcome.fulfilled} fulfilled; refused: "
        f"{dict(outcome.refused.most_common(4))}"
    )
    print(f"  {outcome.hit_rate('page')}")
    print(f"  {outcome.hit_rate('graphql')}")
    print(f"  most missed: {outcome.most_missed()}")
    for name, passed, detail in checks:
        print(f"  {'ok  ' if passed else 'FAIL'} {name}: {detail}")
    return all(passed for _, passed, _ in checks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--readers", type=int, default=3)
    parser.add_argument("--browsers", type=int, default=3)
    parser.add_argument("--buyers", type=int, default=6)
    parser.add_argument("--staff", type=int, default=1)
    parser.add_argument("--low-stock", type=int, default=10)
    args = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        serve.fail("set DATABASE_URL to a PostgreSQL server (make bench does)")
    redis_url = os.environ.get("REDIS_URL") or serve.fail("set REDIS_URL")
    port = serve.free_port()
    env = serve.environment(serve.bench_database(base_url, "mixed"), redis_url, port)
    serve.load_store(env)
    serve.django_setup(env)
    from django.db import connections

    scenario = prepare_scenario(low_stock=args.low_stock)
    connections.close_all()
    with serve.Served(env, port, args.workers) as served:
        print(
            f"mixed load for {args.seconds:.0f}s against gunicorn {args.workers} "
            f"workers + Celery: {args.readers} readers, {args.browsers} browsers, "
            f"{args.buyers} buyers racing for {len(scenario['variants'])} variants "
            f"of {args.low_stock} units, {args.staff} staff fulfilling"
        )
        outcome = run_scenario(
            served.base, scenario, seconds=args.seconds, readers=args.readers,
            browsers=args.browsers, buyers=args.buyers, staff_members=args.staff,
        )  # fmt: skip
        checks = check_invariants(scenario, outcome)
    if not report(outcome, checks, args.seconds):
        sys.exit(1)


if __name__ == "__main__":
    main()

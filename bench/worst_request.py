"""Send the worst anonymous /graphql/ requests we can build; time each.

Usage: python bench/worst_request.py [--workers 3] [--in-flight 4]

Serves the demo store as bench/serve.py does (a fresh ``<db>_worst``
database, gunicorn with DEBUG off, PostgreSQL, Redis), then sends each
crafted request alone, as an anonymous client, and prints its wall time,
HTTP status, the first error code and the answer's size; then sends the
slowest one ``--in-flight`` times at once and times /healthz/ meanwhile.
The target: no request within the size limit keeps a worker busy past 2 s.
A request answered with a 5xx or an InternalServerError ends the run with
a BROKEN line and a non-zero exit.

The requests: aliased introspection walks (the attack of issue 12), the
most introspection the cost admits, a type looked up by name a hundred
times, lists nested through their parent (variants -> product ->
variants), a fragment bomb, a hundred aliases of the largest page, search
pages, the richest product page the cost admits, and texts near the size
limit and at the token limit, where graphql-core's own rules take time
growing with the square of the fields a selection repeats.
"""

import argparse
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Keep bench/ itself off the import path: a script's name must never
# shadow an installed package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from bench import serve  # noqa: E402

CHANNEL = serve.CHANNEL
TARGET_SECONDS = 2.0
TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name } } }"
SCHEMA_WALK = (
    "__schema { types { name fields { name args { name type { "
    + TYPE_REF
    + " } } } } }"
)
PRODUCT_FIELDS = (
    "id name slug description seoTitle seoDescription created updatedAt "
    "rating isAvailable isAvailableForPurchase availableForPurchaseAt "
    "category { id name slug parent { name } } "
    "thumbnail(size: 1024, format: WEBP) { url alt } "
    "media { url alt type } "
    "attributes { attribute { slug name inputType } values { name slug } } "
    "pricing { onSale priceRange { start { gross { amount currency } } "
    "stop { gross { amount currency } } } } "
)
VARIANT_FIELDS = (
    "id name sku quantityAvailable "
    "attributes { attribute { slug } values { name } } "
    "pricing { price { gross { amount currency } } } "
)

RICH_PAGE = (
    "query($channel: String, $first: Int) { products(first: $first, "
    "channel: $channel) { totalCount edges { node { "
    f"{PRODUCT_FIELDS} variants {{ {VARIANT_FIELDS} }} }} }} }} }}"
)


def requests_to_send(store: dict) -> list[tuple[str, str, dict]]:
    """(label, query, variables): the worst anonymous requests we know."""
    channel = CHANNEL
    walks = " ".join(f"w{n}: {SCHEMA_WALK}" for n in range(99))
    type_names = " ".join(f"w{n}: __schema {{ types {{ name }} }}" for n in range(100))
    query_type = " ".join(
        f'w{n}: __type(name: "Query") {{ fields {{ name args {{ name type {{ '
        f"{TYPE_REF} }} }} type {{ {TYPE_REF} }} }} }}"
        for n in range(100)
    )
    nested = "variants { id name }"
    for _ in range(6):
        nested = f"variants {{ product {{ {nested} }} }}"
    bomb = ["fragment F0 on Product { id name variants { id name } }"]
    for level in range(1, 8):
        spreads = " ".join(f"...F{level - 1}" for _ in range(10))
        bomb.append(
            f"fragment F{level} on Product {{ variants {{ product {{ {spreads} }} }} }}"
        )
    sorts = ("NAME", "PRICE", "CREATED_AT", "LAST_MODIFIED_AT", "RANK")
    pages = " ".join(
        f"p{n}: products(first: 100, channel: $channel, "
        f"sortBy: {{field: {sorts[n % 5]}, direction: {('ASC', 'DESC')[n % 2]}}}, "
        f'filter: {{search: "{"aeiou"[n % 5]}"}}) '
        "{ edges { node { id name slug } } }"
        for n in range(100)
    )
    searches = " ".join(
        f'p{n}: products(first: 20, channel: $channel, search: "{word}") '
        f"{{ totalCount edges {{ node {{ {PRODUCT_FIELDS} }} }} }}"
        for n, word in enumerate(("a", "e", "o", "back", "pain", "%", "_"))
    )
    tokens = store["max_tokens"] - 2

    def duplicates(count):
        return "{ " + "__typename " * count + "}"

    def conflicting(count):
        fields = (
            f'products(first: 1, channel: "c{n}") {{ totalCount }}'
            for n in range(count)
        )
        return "{ " + " ".join(fields) + " }"

    return [
        ("99 aliased schema walks (the attack)", "{ " + walks + " }", {}),
        ("one schema walk with type refs", "{ " + SCHEMA_WALK + " }", {}),
        ("100 aliased __schema { types { name } }", "{ " + type_names + " }", {}),
        ('100 aliased __type(name: "Query") walks', "{ " + query_type + " }", {}),
        (
            "variants -> product -> variants x7",
            "query($channel: String) { products(first: 100, channel: $channel) "
            f"{{ edges {{ node {{ {nested} }} }} }} }}",
            {"channel": channel},
        ),
        (
            "fragment bomb on variants",
            "query($channel: String) { products(first: 100, channel: $channel) "
            "{ edges { node { ...F7 } } } }\n" + "\n".join(bomb),
            {"channel": channel},
        ),
        (
            "100 aliased pages of 100 products",
            f"query($channel: String) {{ {pages} }}",
            {"channel": channel},
        ),
        (
            "7 search pages with every product field",
            f"query($channel: String) {{ {searches} }}",
            {"channel": channel},
        ),
        (
            "richest product page the cost admits",
            RICH_PAGE,
            {"channel": channel, "first": store["rich_page"]},
        ),
        ("5,900 duplicate fields (64 kB)", duplicates(5900), {}),
        ("1,200 conflicting fields (64 kB)", conflicting(1200), {}),
        ("duplicate fields at the token limit", duplicates(tokens), {}),
        ("conflicting fields at the token limit", conflicting(tokens // 12), {}),
    ]


def post(base: str, query: str, variables: dict, timeout: float = 120):
    """Send one anonymous query; return (seconds, status, code, bytes)."""
    body = json.dumps({"query": query, "variables": variables}).encode()
    request = urllib.request.Request(
        f"{base}/graphql/", data=body, headers={"Content-Type": "application/json"}
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, content = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, content = error.code, error.read()
    except OSError as error:  # a worker killed, a timeout
        return time.perf_counter() - started, 0, type(error).__name__, 0
    elapsed = time.perf_counter() - started
    try:
        errors = json.loads(content).get("errors") or []
    except ValueError:
        errors = [{"message": "not JSON"}]
    if not errors:
        return elapsed, status, "-", len(content)
    code = errors[0].get("extensions", {}).get("exception", {}).get("code", "?")
    return elapsed, status, code, len(content)


def healthz_while(base: str, query: str, variables: dict, in_flight: int):
    """Send the query in_flight times at once; time /healthz/ meanwhile."""
    threads = [
        threading.Thread(target=post, args=(base, query, variables))
        for _ in range(in_flight)
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.05)
    started = time.perf_counter()
    with urllib.request.urlopen(f"{base}/healthz/", timeout=120):
        healthz = time.perf_counter() - started
    for thread in threads:
        thread.join()
    return healthz


def richest_page() -> int:
    """The largest page of the rich product query the default cost admits."""
    from django.conf import settings
    from graphql import parse, validate

    from backend.graphql.api import schema
    from backend.graphql.core.limits import request_validation_rules

    document = parse(RICH_PAGE)
    for first in range(settings.GRAPHQL_MAX_PAGE_SIZE, 0, -1):
        rules = request_validation_rules({"first": first})
        if not validate(schema.graphql_schema, document, rules):
            return first
    return 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--in-flight", type=int, default=4)
    args = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        serve.fail("set DATABASE_URL to a PostgreSQL server (make bench does)")
    redis_url = os.environ.get("REDIS_URL") or serve.fail("set REDIS_URL")
    port = serve.free_port()
    env = serve.environment(serve.bench_database(base_url, "worst"), redis_url, port)
    # Each request is sent once: the response cache would only hide a repeat.
    env["GRAPHQL_RESPONSE_CACHE"] = "false"
    serve.load_store(env)
    serve.django_setup(env)
    from django.conf import settings
    from django.db import connections

    store = {
        "rich_page": richest_page(),
        "max_tokens": settings.GRAPHQL_MAX_QUERY_TOKENS,
    }
    connections.close_all()
    with serve.Served(env, port, args.workers) as served:
        print(
            f"worst anonymous requests against gunicorn {args.workers} sync "
            f"workers, DEBUG off, the demo catalog; {os.cpu_count()} CPUs "
            f"(load average before: {os.getloadavg()[0]:.1f})\n"
        )
        print(f"{'request':44} {'bytes in':>8} {'s':>6} {'status':>6} "
              f"{'error code':16} {'bytes out':>9}")  # fmt: skip
        warm_up = '{ products(first: 5, channel: "%s") { edges { node { name } } } }'
        for _ in range(5 * args.workers):  # each worker's first request loads much
            post(served.base, warm_up % CHANNEL, {})
        slowest = None
        broken = []
        for label, query, variables in requests_to_send(store):
            elapsed, status, code, size = post(served.base, query, variables)
            print(
                f"{label:44} {len(query.encode()):8d} {elapsed:6.2f} {status:6d} "
                f"{code:16} {size:9d}",
                flush=True,
            )
            # A hostile request gets a clear refusal or an answer, never a crash.
            if status == 0 or status >= 500 or code == "InternalServerError":
                broken.append(f"{label}: status {status}, {code}")
            if slowest is None or elapsed > slowest[0]:
                slowest = (elapsed, status, label, query, variables)
        elapsed, status, label, query, variables = slowest
        healthz = healthz_while(served.base, query, variables, args.in_flight)
        verdict = "within" if elapsed <= TARGET_SECONDS else "OVER"
        print(
            f"\nslowest: {label}: {elapsed:.2f} s, status {status} ({verdict} the "
            f"{TARGET_SECONDS:.0f} s target)\n/healthz/ with {args.in_flight} of it "
            f"in flight: {healthz:.2f} s"
        )
    if broken:
        sys.exit("BROKEN: " + "; ".join(broken))


if __name__ == "__main__":
    main()

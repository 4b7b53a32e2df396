"""Grow the demo store a hundredfold and time its pages and API, uncached.

Usage: DATABASE_URL=postgres://... python bench/scale.py [--factor 1.0]
       [--rounds 20] [--keep]

Creates a fresh database (lumbar_bench_scale), loads the demo store and its
articles, and measures every target once on the demo catalog (the query
counts to match). Then it grows the store with INSERT ... SELECT in
PostgreSQL (no rows pass through Python): 50,000 products with their
variants, listings, stock, attribute values and media across 500
categories, 2,000 articles, 1,000,000 orders with their lines of which
100,000 wait in the ship-by queue (all times --factor), runs ANALYZE, and
measures again, one client at a time, in-process through Django's test
client with the cache emptied before every request (so nothing is served
from the page or response cache). For each target it prints p50, p95, the
SQL queries per request on the demo and the large catalog, and the tables
a query of it read with a sequential scan (EXPLAIN of every query it ran).
Last, the process's peak RSS. Exit 1 if a target is missed.

With --keep the demo store is also copied (lumbar_bench_scale_demo) before
it grows, and both databases stay; a later run with --keep at the same
factor applies new migrations to both and measures again without
rebuilding (the way to iterate on indexes and queries).
"""

import argparse
import os
import resource
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Keep bench/ itself off the import path: a script's name must never
# shadow an installed package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))
# --database names them: the grown store, and with --keep a copy of the demo
# store before it grows (its query counts are the reference). The grown one
# records its factor in a table.
BENCH_DB = "lumbar_bench_scale"
DEMO_DB = "lumbar_bench_scale_demo"
STATE_TABLE = "bench_scale_state"
# A table read whole by a query is a fault once it holds more rows than this.
LARGE_TABLE_ROWS = 10_000
SEARCHES = ("sciatica", "tens unit", "foam roller", "heat pack", "strap")
PRODUCTS_QUERY = """
query Products($channel: String!, $filter: ProductFilterInput, $sortBy: ProductOrder) {
  products(first: 20, channel: $channel, filter: $filter, sortBy: $sortBy) {
    edges { node {
      id name slug
      thumbnail(size: 256) { url alt }
      category { id name slug }
      pricing { priceRange { start { gross { amount currency } } } }
    } }
  }
}"""
PRODUCT_QUERY = """
query Product($slug: String!, $channel: String!) {
  product(slug: $slug, channel: $channel) {
    id name slug description
    category { name }
    variants { id name sku quantityAvailable
      pricing { price { gross { amount currency } } } }
    media { url alt }
  }
}"""
ORDERS_QUERY = """
query Orders($filter: OrderFilterInput) {
  orders(first: 20, filter: $filter) {
    edges { node { id number created status userEmail
      total { gross { amount currency } } } }
  }
}"""
TOKEN_MUTATION = """
mutation Token($email: String!, $password: String!) {
  tokenCreate(email: $email, password: $password) { token errors { message } }
}"""


def fail(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(1)


def recreate_database(base_url: str) -> str:
    import psycopg

    admin_url = base_url.rsplit("/", 1)[0]
    with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{BENCH_DB}"')
    return f"{admin_url}/{BENCH_DB}"


def kept_state(base_url: str, factor: float) -> bool:
    """Tell whether a kept database holds the store grown at ``factor``."""
    import psycopg

    admin_url = base_url.rsplit("/", 1)[0]
    try:
        with psycopg.connect(f"{admin_url}/{BENCH_DB}") as conn:
            row = conn.execute(
                f"SELECT 1 FROM {STATE_TABLE} WHERE factor = %s", [factor]
            ).fetchone()
    except psycopg.Error:
        return False
    return row is not None


def keep_state(factor: float) -> None:
    """Record that the database holds the grown store, for a later --keep."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {STATE_TABLE} (factor double precision)")
        cursor.execute(f"INSERT INTO {STATE_TABLE} VALUES (%s)", [factor])


# -- growing the store -----------------------------------------------------


def _columns(cursor, table: str) -> list[str]:
    cursor.execute(
        # A generated column computes itself: a copy cannot write it.
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = %s AND is_generated = 'NEVER' "
        "ORDER BY ordinal_position",
        [table],
    )
    return [name for (name,) in cursor.fetchall()]


def clone(cursor, table: str, *, source: str, overrides: dict, where: str = "") -> int:
    """Insert a copy of each row of ``source`` (aliased src) into ``table``.

    Every column is copied from src unless ``overrides`` gives its SQL; the
    id is left to its sequence (a uuid id must be overridden).
    """
    columns = [c for c in _columns(cursor, table) if c != "id" or "id" in overrides]
    select = ", ".join(overrides.get(c, f"src.{c}") for c in columns)
    names = ", ".join(f'"{c}"' for c in columns)
    cursor.execute(
        f"INSERT INTO {table} ({names}) SELECT {select} FROM {source} "
        f"{'WHERE ' + where if where else ''}"
    )
    return cursor.rowcount


def _step(label: str, started: float, rows: int) -> None:
    print(f"  {label:<44} {rows:>10,} rows  {time.perf_counter() - started:6.1f} s")


def grow(*, factor: float, template) -> None:
    """Grow the demo store to the large catalog, all in PostgreSQL."""
    from django.db import connection, transaction

    products_wanted = int(50_000 * factor)
    categories_wanted = max(int(500 * factor), 5)
    articles_wanted = int(2_000 * factor)
    orders_wanted = int(1_000_000 * factor)
    open_orders = int(100_000 * factor)
    first_open = orders_wanted - open_orders
    print(f"growing the store (factor {factor}):")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT count(*), max(tree_id) FROM product_category")
        _, max_tree = cursor.fetchone()
        started = time.perf_counter()
        rows = clone(
            cursor,
            "product_category",
            source="(SELECT * FROM product_category ORDER BY id LIMIT 1) src "
            f"CROSS JOIN generate_series(1, {categories_wanted}) g",
            overrides={
                "name": "'Scale category ' || g",
                "slug": "'scale-category-' || g",
                "parent_id": "NULL",
                "lft": "1",
                "rght": "2",
                "level": "0",
                "tree_id": f"{max_tree} + g",
                "updated_at": "now()",
            },
        )
        cursor.execute(
            "CREATE TEMP TABLE scale_category AS SELECT id, "
            "row_number() OVER (ORDER BY id) - 1 AS n FROM product_category "
            "WHERE slug LIKE 'scale-category-%%'"
        )
        _step("categories", started, rows)

        cursor.execute("SELECT count(*) FROM product_product")
        (demo_products,) = cursor.fetchone()
        copies = -(-products_wanted // demo_products)
        started = time.perf_counter()
        rows = clone(
            cursor,
            "product_product",
            source=f"product_product src CROSS JOIN generate_series(1, {copies}) g",
            overrides={
                "name": "src.name || ' ' || g",
                "slug": "src.slug || '-s' || g",
                "external_reference": "'scale-' || src.id || '-' || g",
                "default_variant_id": "NULL",
                "category_id": "(SELECT id FROM scale_category "
                f"WHERE n = (g * 31 + src.id) % {categories_wanted})",
                "created_at": "now() - (g % 700) * interval '1 day'",
                "updated_at": "now() - (g % 700) * interval '1 day'",
            },
            where="src.external_reference IS NULL OR src.external_reference "
            "NOT LIKE 'scale-%%'",
        )
        cursor.execute(
            "CREATE TEMP TABLE scale_product AS SELECT id AS new_id, "
            "split_part(external_reference, '-', 2)::bigint AS old_id, "
            "split_part(external_reference, '-', 3)::int AS g FROM product_product "
            "WHERE external_reference LIKE 'scale-%%'"
        )
        cursor.execute("CREATE INDEX ON scale_product (old_id)")
        _step("products", started, rows)

        started = time.perf_counter()
        # Each copy of a product gets the demo product's variants; every
        # fourth copy one more set (about three variants a product).
        rows = 0
        for extra in (0, 1):
            rows += clone(
                cursor,
                "product_productvariant",
                source="product_productvariant src JOIN scale_product p "
                "ON p.old_id = src.product_id",
                overrides={
                    "product_id": "p.new_id",
                    "sku": f"src.sku || '-s' || p.g || '-{extra}'",
                    "name": f"src.name || CASE WHEN {extra} = 1 "
                    "THEN ' (large)' ELSE '' END",
                    "external_reference": f"'scale-' || src.id || '-' || p.g "
                    f"|| '-{extra}'",
                    "sort_order": f"src.sort_order + {extra} * 100",
                },
                where="p.g % 4 = 0" if extra else "",
            )
        cursor.execute(
            "CREATE TEMP TABLE scale_variant AS SELECT id AS new_id, "
            "split_part(external_reference, '-', 2)::bigint AS old_id "
            "FROM product_productvariant WHERE external_reference LIKE 'scale-%%'"
        )
        cursor.execute("CREATE INDEX ON scale_variant (old_id)")
        cursor.execute(
            "UPDATE product_product p SET default_variant_id = v.id FROM ("
            "SELECT DISTINCT ON (product_id) product_id, id "
            "FROM product_productvariant ORDER BY product_id, sort_order, id) v "
            "WHERE v.product_id = p.id AND p.external_reference LIKE 'scale-%%'"
        )
        _step("variants", started, rows)

        started = time.perf_counter()
        rows = clone(
            cursor,
            "product_productchannellisting",
            source="product_productchannellisting src JOIN scale_product p "
            "ON p.old_id = src.product_id",
            overrides={"product_id": "p.new_id"},
        )
        rows += clone(
            cursor,
            "product_productvariantchannellisting",
            source="product_productvariantchannellisting src JOIN scale_variant v "
            "ON v.old_id = src.variant_id",
            overrides={
                "variant_id": "v.new_id",
                "price_amount": "src.price_amount + (v.new_id % 17)",
            },
        )
        # Each listing's stored cheapest price, as the price services keep
        # it: the copies' variant prices moved above.
        cursor.execute(
            "UPDATE product_productchannellisting l "
            "SET discounted_price_amount = cheapest.amount FROM ("
            "SELECT v.product_id, vl.channel_id, min(vl.price_amount) AS amount "
            "FROM product_productvariantchannellisting vl "
            "JOIN product_productvariant v ON v.id = vl.variant_id "
            "JOIN scale_product p ON p.new_id = v.product_id "
            "WHERE vl.price_amount IS NOT NULL GROUP BY 1, 2) cheapest "
            "WHERE l.product_id = cheapest.product_id "
            "AND l.channel_id = cheapest.channel_id"
        )
        rows += clone(
            cursor,
            "warehouse_stock",
            source="warehouse_stock src JOIN scale_variant v "
            "ON v.old_id = src.product_variant_id",
            overrides={
                "product_variant_id": "v.new_id",
                "quantity": "(v.new_id * 7) % 60",
                "quantity_allocated": "0",
            },
        )
        _step("listings and stock", started, rows)

        started = time.perf_counter()
        rows = clone(
            cursor,
            "attribute_assignedproductattributevalue",
            source="attribute_assignedproductattributevalue src JOIN scale_product p "
            "ON p.old_id = src.product_id",
            overrides={"product_id": "p.new_id"},
        )
        rows += clone(
            cursor,
            "attribute_assignedvariantattributevalue",
            source="attribute_assignedvariantattributevalue src JOIN scale_variant v "
            "ON v.old_id = src.variant_id",
            overrides={"variant_id": "v.new_id"},
        )
        rows += clone(
            cursor,
            "product_productmedia",
            source="product_productmedia src JOIN scale_product p "
            "ON p.old_id = src.product_id",
            overrides={"product_id": "p.new_id"},
        )
        rows += clone(
            cursor,
            "product_collectionproduct",
            source="product_collectionproduct src JOIN scale_product p "
            "ON p.old_id = src.product_id",
            overrides={"product_id": "p.new_id", "sort_order": "src.sort_order"},
            where="p.g <= 50",
        )
        _step("attribute values, media, collections", started, rows)

        started = time.perf_counter()
        cursor.execute("SELECT count(*) FROM page_page")
        (demo_pages,) = cursor.fetchone()
        page_copies = -(-articles_wanted // demo_pages)
        rows = clone(
            cursor,
            "page_page",
            source=f"page_page src CROSS JOIN generate_series(1, {page_copies}) g",
            overrides={
                "title": "src.title || ' (' || g || ')'",
                "slug": "src.slug || '-s' || g",
                "private_metadata": "jsonb_build_object('scale', src.id || '-' || g)",
                "published_at": "src.published_at - g * interval '1 day'",
            },
        )
        cursor.execute(
            "CREATE TEMP TABLE scale_page AS SELECT id AS new_id, "
            "split_part(private_metadata->>'scale', '-', 1)::bigint AS old_id "
            "FROM page_page WHERE private_metadata ? 'scale'"
        )
        rows += clone(
            cursor,
            "page_article",
            source="page_article src JOIN scale_page p ON p.old_id = src.page_id",
            overrides={
                "page_id": "p.new_id",
                "source_path": "src.source_path || '#' || p.new_id",
                "series_slug": "CASE WHEN src.series_slug = '' THEN '' "
                "ELSE src.series_slug || '-s' || p.new_id END",
            },
        )
        rows += clone(
            cursor,
            "attribute_assignedpageattributevalue",
            source="attribute_assignedpageattributevalue src "
            "JOIN scale_page p ON p.old_id = src.page_id",
            overrides={"page_id": "p.new_id"},
        )
        _step("articles", started, rows)

        started = time.perf_counter()
        rows = clone(
            cursor,
            "order_order",
            source=f"order_order src CROSS JOIN generate_series(1, {orders_wanted}) g",
            overrides={
                "number": f"{template.number} + g",
                "token": "gen_random_uuid()",
                "user_email": "'buyer' || (g % 50000) || '@example.com'",
                # The open orders are the newest, as in a store that ships:
                # the last numbers, placed over the last three days.
                "created_at": f"CASE WHEN g > {first_open} "
                "THEN now() - (g % 4320) * interval '1 minute' "
                "ELSE now() - (g % 730) * interval '1 day' "
                "- (g % 1440) * interval '1 minute' END",
                "updated_at": "now() - (g % 730) * interval '1 day'",
                "status": f"CASE WHEN g > {first_open} THEN 'unfulfilled' "
                "WHEN g % 50 = 0 THEN 'canceled' ELSE 'fulfilled' END",
                "ship_by": f"CASE WHEN g > {first_open} THEN now() + "
                "((g % 96) * 60 - 720) * interval '1 minute' END",
                "checkout_token": "''",
            },
            where=f"src.id = {template.pk}",
        )
        rows += clone(
            cursor,
            "order_orderline",
            source="order_orderline src CROSS JOIN order_order o",
            overrides={
                "id": "gen_random_uuid()",
                "order_id": "o.id",
                "created_at": "o.created_at",
                "quantity_fulfilled": "CASE WHEN o.status = 'fulfilled' "
                "THEN src.quantity ELSE 0 END",
            },
            where=f"src.order_id = {template.pk} AND o.number > {template.number}",
        )
        _step("orders and lines", started, rows)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    _step("ANALYZE", started, 0)


def _template_order():
    """Write one order through the ORM, as checkout leaves it, to copy."""
    import datetime
    from decimal import Decimal

    from django.utils import timezone

    from backend.account.models import Address
    from backend.channel.models import Channel
    from backend.order.models import Order, OrderLine
    from backend.product.models import ProductVariant

    channel = Channel.objects.get(slug="default-channel")
    address = Address.objects.create(
        first_name="Scale",
        last_name="Buyer",
        street_address_1="1 Main St",
        city="RENO",
        postal_code="89501",
        country="US",
        country_area="NV",
    )
    order = Order.objects.create(
        number=1_000,
        channel=channel,
        user_email="buyer@example.com",
        shipping_address=address,
        billing_address=address,
        shipping_method_name="Standard",
        currency=channel.currency_code,
        status="unfulfilled",
        ship_by=timezone.now() + datetime.timedelta(hours=6),
        subtotal_amount=Decimal("39.98"),
        total_amount=Decimal("39.98"),
    )
    for variant in ProductVariant.objects.select_related("product")[:2]:
        OrderLine.objects.create(
            order=order,
            product_name=variant.product.name,
            variant_name=variant.name,
            product_sku=variant.sku,
            variant=variant,
            quantity=1,
            currency=channel.currency_code,
            unit_price_amount=Decimal("19.99"),
            total_price_amount=Decimal("19.99"),
        )
    return order


# -- measuring -------------------------------------------------------------


@dataclass
class Target:
    name: str
    limit_ms: float
    # Returns the response of one request.
    request: object
    timings: list = field(default_factory=list)
    queries: dict = field(default_factory=dict)
    seq_scans: set = field(default_factory=set)
    errors: set = field(default_factory=set)
    # Run before the target's requests, outside the timing (a fresh token).
    prepare: object = None


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _large_tables(cursor) -> set[str]:
    cursor.execute(
        "SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples > %s",
        [LARGE_TABLE_ROWS],
    )
    return {name for (name,) in cursor.fetchall()}


def _seq_scans(cursor, sql: str, large: set[str]) -> set[str]:
    """Return the large tables the plan of ``sql`` reads with a Seq Scan."""
    if not sql.lstrip().upper().startswith(("SELECT", "WITH", "(SELECT")):
        return set()
    try:
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
    except Exception:  # noqa: BLE001 - a query EXPLAIN cannot take is skipped
        return set()
    (plan,) = cursor.fetchone()
    found = _seq_scan_nodes(plan, large)
    if found:
        # A branch the executor never reaches (an InitPlan a CASE skips)
        # reads nothing: run the query to keep only the scans that ran.
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
        (plan,) = cursor.fetchone()
        found = _seq_scan_nodes(plan, large, ran=True)
    return found


def _seq_scan_nodes(plan, large: set[str], *, ran: bool = False) -> set[str]:
    import json

    plan = plan if isinstance(plan, list) else json.loads(plan)
    found = set()
    stack = [plan[0]["Plan"]]
    while stack:
        node = stack.pop()
        if (
            node.get("Node Type") == "Seq Scan"
            and node.get("Relation Name") in large
            and (not ran or node.get("Actual Loops", 0) > 0)
        ):
            found.add(node["Relation Name"])
        stack.extend(node.get("Plans", []))
    return found


def measure(targets: list[Target], *, rounds: int, phase: str, explain: bool) -> float:
    """Run each target ``rounds`` times, cache emptied first; return peak RSS."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    peak = _rss_mb()
    large = set()
    if explain:
        with connection.cursor() as cursor:
            large = _large_tables(cursor)
    for target in targets:
        if target.prepare is not None:
            target.prepare()
        cache.clear()
        target.request()  # warm: templates compiled, loaders imported
        timings = []
        for _ in range(rounds):
            cache.clear()
            began = time.perf_counter()
            with CaptureQueriesContext(connection) as captured:
                response = target.request()
            timings.append((time.perf_counter() - began) * 1000)
            peak = max(peak, _rss_mb())
            # A wrong answer is reported with the figures, not a stop: a run
            # of many minutes still prints its table.
            if response.status_code != 200:
                target.errors.add(
                    f"{phase}: {response.status_code} {response.get('Location', '')}"
                )
            elif b'"errors"' in response.content[:2000] and "graphql" in target.name:
                target.errors.add(f"{phase}: {response.content[:300]!r}")
        target.queries[phase] = len(captured)
        if phase == "large":
            target.timings = sorted(timings)
        if explain:
            with connection.cursor() as cursor:
                for query in captured.captured_queries:
                    target.seq_scans |= _seq_scans(cursor, query["sql"], large)
    return peak


def targets_for(client, staff_client, sign_token, *, large: bool) -> list[Target]:
    from backend.page.models import Page
    from backend.product.models import Category, Product

    # A top-level category on both catalogs (the grown ones are): a child's
    # page also reads its parents, one query more.
    category = (
        Category.objects.filter(slug__startswith="scale-category-" if large else "")
        .filter(level=0)
        .exclude(products=None)
        .order_by("pk")
        .first()
    )
    product = Product.objects.order_by("-pk" if large else "pk").first()
    article = Page.objects.filter(article__isnull=False).order_by("pk").first()
    channel = "default-channel"

    # A staff access token lives minutes; a run is longer: each target that
    # needs one signs in again before its requests.
    staff = {}

    def graphql(query, variables, *, auth=False):
        def request():
            headers = {"HTTP_AUTHORIZATION": f"Bearer {staff['token']}"} if auth else {}
            return client.post(
                "/graphql/",
                {"query": query, "variables": variables},
                content_type="application/json",
                **headers,
            )

        return request

    def fresh_token():
        staff["token"] = sign_token()

    targets = [
        Target(
            "category page",
            50,
            lambda: client.get(f"/categories/{category.slug}/"),
        ),
        *[
            Target(f"search '{q}'", 50, lambda q=q: client.get("/search/", {"q": q}))
            for q in SEARCHES
        ],
        Target(
            "graphql products(first: 20) filter+sort",
            50,
            graphql(
                PRODUCTS_QUERY,
                {
                    "channel": channel,
                    "filter": {"stockAvailability": "IN_STOCK"},
                    "sortBy": {"field": "PRICE", "direction": "ASC"},
                },
            ),
        ),
        Target(
            "graphql product(slug)",
            50,
            graphql(PRODUCT_QUERY, {"slug": product.slug, "channel": channel}),
        ),
        Target("article page", 50, lambda: client.get(f"/articles/{article.slug}/")),
        Target("ops queue", 300, lambda: staff_client.get("/ops/")),
        Target(
            "graphql staff orders(first: 20) filter",
            50,
            graphql(ORDERS_QUERY, {"filter": {"status": ["UNFULFILLED"]}}, auth=True),
            prepare=fresh_token,
        ),
        Target(
            "admin product changelist",
            300,
            lambda: staff_client.get("/admin/product/product/"),
        ),
        Target("sitemap.xml", 50, lambda: client.get("/sitemap.xml")),
    ]
    return targets


def sign_in():
    """Return an anonymous client, a signed-in staff client, a token maker."""
    from django.test import Client

    from backend.account.models import User

    staff = User.objects.get(email="admin@example.com")
    staff.set_password("bench-password")
    staff.save(update_fields=["password"])
    client = Client()
    staff_client = Client()
    staff_client.force_login(staff)

    def sign_token() -> str:
        answer = client.post(
            "/graphql/",
            {
                "query": TOKEN_MUTATION,
                "variables": {"email": staff.email, "password": "bench-password"},
            },
            content_type="application/json",
        ).json()
        token = answer["data"]["tokenCreate"]["token"]
        if not token:
            fail(f"no staff token: {answer}")
        return token

    sign_token()  # the password works
    return client, staff_client, sign_token


def use_database(name: str) -> None:
    """Point Django's connection at another database of the same server."""
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = name


def copy_database(base_url: str) -> None:
    """Copy the bench database to the demo one (closing Django's session)."""
    import psycopg
    from django.db import connection

    connection.close()
    admin_url = base_url.rsplit("/", 1)[0]
    with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DEMO_DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DEMO_DB}" TEMPLATE "{BENCH_DB}"')


def main() -> None:
    global BENCH_DB, DEMO_DB  # noqa: PLW0603 - the helpers above read them
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument(
        "--keep",
        action="store_true",
        help="reuse the databases an earlier run grew at this factor "
        "(new migrations applied) instead of building them again",
    )
    parser.add_argument(
        "--database",
        default="lumbar_bench_scale",
        help="the grown store's database (default lumbar_bench_scale; with --keep the "
        "demo copy is this name with _demo)",
    )
    parser.add_argument(
        "--only",
        default="",
        help="measure only the targets whose name contains this text",
    )
    args = parser.parse_args()
    BENCH_DB, DEMO_DB = args.database, f"{args.database}_demo"
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        fail("set DATABASE_URL to a PostgreSQL server (make bench does)")
    kept = args.keep and kept_state(base_url, args.factor)
    os.environ.update(
        DATABASE_URL=(
            f"{base_url.rsplit('/', 1)[0]}/{BENCH_DB}"
            if kept
            else recreate_database(base_url)
        ),
        DEBUG="false",
        SECURE_TLS="false",
        ALLOWED_HOSTS="testserver",
        SECRET_KEY="bench-only-" + "k3y" * 20,
        LOG_LEVEL="ERROR",
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if kept:
        # The demo catalog, copied before growing, gives the query counts.
        print(f"reusing {BENCH_DB} and {DEMO_DB} (grown at factor {args.factor})")
        use_database(DEMO_DB)
        call_command("migrate", verbosity=0)
        demo_targets = targets_for(*sign_in(), large=False)
        measure(demo_targets, rounds=3, phase="demo", explain=False)
        use_database(BENCH_DB)
        call_command("migrate", verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        call_command("load_demo", no_progress=True, stdout=open(os.devnull, "w"))
        call_command("sync_content", stdout=open(os.devnull, "w"))
        print(f"demo store loaded in {time.perf_counter() - started:.0f} s")
        # The demo store has no orders: one, copied later, so the order pages
        # run the same queries on both catalogs.
        template = _template_order()
        demo_targets = targets_for(*sign_in(), large=False)
        measure(demo_targets, rounds=3, phase="demo", explain=False)
        if args.keep:
            copy_database(base_url)
        started = time.perf_counter()
        grow(factor=args.factor, template=template)
        print(f"grown in {time.perf_counter() - started:.0f} s")
        if args.keep:
            keep_state(args.factor)
    targets = targets_for(*sign_in(), large=True)
    for target, demo in zip(targets, demo_targets, strict=True):
        target.queries["demo"] = demo.queries["demo"]
    targets = [target for target in targets if args.only in target.name]
    peak = measure(targets, rounds=args.rounds, phase="large", explain=True)
    print(
        f"\n{'target':<40} {'p50 ms':>8} {'p95 ms':>8} {'limit':>6} "
        f"{'queries demo/large':>19}  seq scans of large tables"
    )
    missed = []
    for target in targets:
        timings = target.timings
        p95 = timings[max(int(len(timings) * 0.95) - 1, 0)]
        same = target.queries["demo"] == target.queries["large"]
        ok = (
            p95 <= target.limit_ms
            and same
            and not target.seq_scans
            and not target.errors
        )
        if not ok:
            missed.append(target.name)
        scans = ", ".join(sorted(target.seq_scans)) or "-"
        print(
            f"{target.name:<40} {statistics.median(timings):8.1f} {p95:8.1f} "
            f"{target.limit_ms:6.0f} {target.queries['demo']:>9}/"
            f"{target.queries['large']:<9}  {scans}"
            f"{'' if ok else '   MISSED'}"
        )
        for error in sorted(target.errors):
            print(f"    answered {error}")
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\npeak RSS while measuring {peak:.0f} MB (process peak {max_rss:.0f} MB; "
        "target: under 200 MB)"
    )
    if peak > 200:
        missed.append("RSS")
    if missed:
        print(f"missed: {', '.join(missed)}")
        sys.exit(1)


if __name__ == "__main__":
    main()

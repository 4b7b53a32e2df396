"""Every query of bench/scale.py's pages can be served by an index.

bench/scale.py times these pages on a store a hundred times the demo's and
EXPLAINs their queries there. Here the same pages (its own list of them)
run on a small store, and each query they send is EXPLAINed with sequential
scans switched off: a whole-table read left on a table that grows with the
catalog, the articles or the order history means no index can serve it, so
on a large store the page would read the whole table.
"""

import importlib.util
import json
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.fixtures.content import make_article_page, shop_block

SCALE = Path(__file__).resolve().parents[2] / "bench" / "scale.py"
# Tables whose rows grow with the catalog, the articles or the orders.
LARGE_TABLES = {
    "attribute_assignedpageattributevalue",
    "attribute_assignedproductattributevalue",
    "attribute_assignedvariantattributevalue",
    "order_order",
    "order_orderline",
    "page_article",
    "page_page",
    "product_collectionproduct",
    "product_product",
    "product_productchannellisting",
    "product_productmedia",
    "product_productvariant",
    "product_productvariantchannellisting",
    "warehouse_stock",
}


def _load_scale():
    spec = importlib.util.spec_from_file_location("lumbar_bench_scale", SCALE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _whole_table_reads(sql: str) -> set[str]:
    """Return the large tables the plan reads whole, seq scans switched off.

    Switched off, a Seq Scan remains only where no index applies; a scan
    of a whole index that filters rows out, with no Limit above it to stop
    early, is a sequential scan in disguise (the primary key walked in
    order). A partial index read whole is what it is for.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        (plan,) = cursor.fetchone()
        cursor.execute(
            "SELECT c.relname FROM pg_index i JOIN pg_class c "
            "ON c.oid = i.indexrelid WHERE i.indpred IS NOT NULL"
        )
        partial = {name for (name,) in cursor.fetchall()}
    plan = plan if isinstance(plan, list) else json.loads(plan)
    found, stack = set(), [(plan[0]["Plan"], False)]
    while stack:
        node, limited = stack.pop()
        table = node.get("Relation Name")
        kind = node["Node Type"]
        whole_index = (
            kind in ("Index Scan", "Index Only Scan")
            and "Index Cond" not in node
            and "Filter" in node
            and not limited
            and node.get("Index Name") not in partial
        )
        if table in LARGE_TABLES and (kind == "Seq Scan" or whole_index):
            found.add(f"{table} ({kind})")
        limited = limited or kind == "Limit"
        stack.extend((child, limited) for child in node.get("Plans", []))
    return found


@pytest.fixture
def store(shop_catalog, settings):
    """The shop catalog, an article with blocks, open and shipped orders."""
    settings.DEFAULT_CHANNEL_SLUG = shop_catalog.channel.slug
    make_article_page(
        slug="sciatica-straps",
        shop_blocks=[
            shop_block(condition="sciatica", in_stock=True, limit=4),
            shop_block(products=["alpha-strap", "charlie-heat-pad"]),
        ],
    )
    factories.UserFactory(email="admin@example.com", is_staff=True, is_superuser=True)
    scale = _load_scale()
    scale._template_order()
    return scale


def test_every_query_of_the_scale_bench_pages_can_use_an_index(store, client):
    targets = store.targets_for(*store.sign_in(), large=False)
    scans = {}
    for target in targets:
        if target.prepare is not None:
            target.prepare()
        with CaptureQueriesContext(connection) as captured:
            response = target.request()
        assert response.status_code == 200, target.name
        # The captured SQL has its parameters in place, as PostgreSQL ran it.
        for query in captured.captured_queries:
            if query["sql"].lstrip().upper().startswith(("SELECT", "WITH", "(SELECT")):
                found = _whole_table_reads(query["sql"])
                if found:
                    scans.setdefault(target.name, set()).update(found)

    assert scans == {}

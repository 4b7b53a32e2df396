"""Mixed load without loss, short: bench/mixed_load.py's scenario for a few seconds.

Readers, browsers, buyers racing for three variants of four units each through
the GraphQL checkout, and an operations user fulfilling, against a live server
and a real Celery worker on Redis; then the scenario's own checks must all pass.
"""

import importlib.util
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker

from backend import celery_app
from tests import factories
from tests.fixtures.catalog import make_published_product

MIXED_LOAD = Path(__file__).resolve().parents[2] / "bench" / "mixed_load.py"


def load_mixed_load():
    spec = importlib.util.spec_from_file_location("lumbar_bench_mixed", MIXED_LOAD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def store(transactional_db):
    """A default channel, a US shipping method and three products, committed."""
    channel = factories.ChannelFactory(slug="default-channel")
    warehouse = factories.WarehouseFactory(channels=[channel], name="Reno")
    category = factories.CategoryFactory(name="Back care", slug="back-care")
    for name in ("Lumbar Roll", "Back Stretcher", "Posture Strap"):
        make_published_product(
            channel=channel, warehouse=warehouse, name=name, category=category
        )
    zone = factories.ShippingZoneFactory(countries=["US"], channels=[channel])
    method = factories.ShippingMethodFactory(shipping_zone=zone, name="Ground")
    factories.ShippingMethodChannelListingFactory(
        shipping_method=method, channel=channel
    )


# Eight seconds of load that must lose nothing and get at least one order
# through and fulfilled: true beside the other workers too, so it runs in
# the parallel group (it measures no speed; bench/mixed_load.py does).
def test_a_mixed_load_loses_no_order_oversells_nothing_and_keeps_reads_cached(
    live_server, store
):
    mixed_load = load_mixed_load()
    scenario = mixed_load.prepare_scenario(low_stock=4)
    celery_app.control.purge()
    with start_worker(celery_app, perform_ping_check=False, shutdown_timeout=10):
        outcome = mixed_load.run_scenario(
            live_server.url,
            scenario,
            seconds=8,
            readers=1,
            browsers=1,
            buyers=4,
            staff_members=1,
        )
        checks = mixed_load.check_invariants(scenario, outcome)

    failed = [(name, detail) for name, passed, detail in checks if not passed]
    assert failed == []
    assert outcome.accepted, "no buyer got an order through"
    assert outcome.fulfilled, "the operations user fulfilled nothing"
    # The browser's products(first: 20) shows no stock: sales leave it cached
    # (a version written wrong once left every answer a miss).
    graphql_reads = outcome.cache["graphql"]
    assert graphql_reads["hit"] > sum(graphql_reads.values()) / 2, graphql_reads

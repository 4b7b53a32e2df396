"""The bench-only query counter: a header with the request's SQL query count."""

from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.fixtures.catalog import make_published_product

COUNTER = "backend.core.bench.QueryCountMiddleware"


def test_without_the_bench_setting_responses_carry_no_query_count(client, db):
    assert COUNTER not in settings.MIDDLEWARE
    assert "X-Bench-Queries" not in client.get("/healthz/")


def test_the_bench_counter_reports_exactly_the_queries_a_request_ran(
    client, channel, warehouse
):
    product = make_published_product(channel=channel, warehouse=warehouse)
    with override_settings(MIDDLEWARE=[COUNTER, *settings.MIDDLEWARE]):
        assert client.get("/healthz/")["X-Bench-Queries"] == "0"
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"/products/{product.slug}/")
    assert response.status_code == 200
    assert int(response["X-Bench-Queries"]) == len(captured) > 0

"""The database drops checkoutComplete's connection: nothing half-written."""

import threading

import psycopg
import pytest
from django.db import connection

from backend.account.models import Address
from backend.checkout.models import Checkout
from backend.order.models import Order
from backend.payment.models import TransactionItem
from backend.warehouse.models import Allocation, Stock

from .conftest import (
    app_environment,
    complete_over_http,
    pay_over_http,
    wait_for,
    wait_ready,
)

pytestmark = pytest.mark.faults


def connect() -> psycopg.Connection:
    database = connection.settings_dict
    return psycopg.connect(
        host=database["HOST"] or "127.0.0.1",
        port=database["PORT"] or 5432,
        user=database["USER"],
        password=database["PASSWORD"] or None,
        dbname=database["NAME"],
    )


def blocked_by(side: psycopg.Connection) -> int | None:
    """Return the pid of the backend waiting on a lock the side connection holds."""
    with connect() as observer:
        row = observer.execute(
            "SELECT pid FROM pg_stat_activity WHERE %s = ANY(pg_blocking_pids(pid))",
            [side.info.backend_pid],
        ).fetchone()
    return row[0] if row else None


def checkout_is_locked(token) -> bool:
    with connect() as other:
        try:
            other.execute(
                f"SELECT 1 FROM {Checkout._meta.db_table} WHERE token = %s "
                "FOR UPDATE NOWAIT",
                [token],
            )
        except psycopg.errors.LockNotAvailable:
            return True
    return False


@pytest.mark.django_db(transaction=True)
def test_a_connection_killed_mid_checkout_complete_leaves_no_order_and_a_retry_places_one(  # noqa: E501
    private_redis, start_web, ready_checkout, channel, variant
):
    web = start_web(app_environment(redis_url=private_redis.url))
    wait_ready(web)
    pay_over_http(web, ready_checkout)
    addresses = Address.objects.count()
    # Hold the channel row: the order's insert waits on it (its foreign key),
    # after checkout_complete has locked the checkout and the stock, taken
    # the payment and copied the addresses.
    side = connect()
    side.execute("SELECT 1 FROM channel_channel WHERE id = %s FOR UPDATE", [channel.pk])
    first: list = []
    request = threading.Thread(
        target=lambda: first.append(complete_over_http(web, ready_checkout))
    )
    request.start()
    victim = wait_for(lambda: blocked_by(side), 20, "checkoutComplete to block")
    assert checkout_is_locked(ready_checkout.token)

    side.execute("SELECT pg_terminate_backend(%s)", [victim])
    side.rollback()
    side.close()
    request.join(timeout=30)

    [(status, body)] = first
    # The shopper sees an error, not an order.
    assert body["data"]["checkoutComplete"] is None, (status, body)
    assert body["errors"]
    assert not Order.objects.exists()
    assert Address.objects.count() == addresses
    assert not Allocation.objects.exists()
    assert Stock.objects.get(product_variant=variant).quantity_allocated == 0
    assert Checkout.objects.filter(pk=ready_checkout.pk).exists()
    assert TransactionItem.objects.filter(checkout=ready_checkout).count() == 1

    status, retried = complete_over_http(web, ready_checkout)
    again = complete_over_http(web, ready_checkout)[1]

    assert status == 200, retried
    order = Order.objects.get()
    assert retried["data"]["checkoutComplete"]["errors"] == []
    assert retried["data"]["checkoutComplete"]["order"]["number"] == str(order.number)
    assert again["data"]["checkoutComplete"]["order"]["number"] == str(order.number)
    assert Stock.objects.get(product_variant=variant).quantity_allocated == 2
    assert not Checkout.objects.filter(pk=ready_checkout.pk).exists()

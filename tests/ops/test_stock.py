"""Operations keep stock true: adjust with a reason, see history, spot low stock."""

import pytest

from backend.checkout.complete import checkout_complete
from backend.warehouse.models import StockAdjustment
from tests.fixtures.checkout import paid_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def stock(variant):
    return variant.stocks.get()


def _adjust(client, stock, quantity, reason="count", note="Cycle count"):
    return client.post(
        f"/ops/stock/{stock.pk}/",
        {"quantity": str(quantity), "reason": reason, "note": note},
    )


def test_an_adjustment_sets_the_level_and_records_who_and_why(ops_client, stock):
    response = _adjust(ops_client, stock, 7, reason="damaged", note="Crushed box")

    assert response.status_code == 302
    stock.refresh_from_db()
    assert stock.quantity == 7
    adjustment = StockAdjustment.objects.get()
    assert (adjustment.quantity_before, adjustment.quantity_after) == (10, 7)
    assert (adjustment.reason, adjustment.note) == ("damaged", "Crushed box")
    assert adjustment.user.email == "ops@example.com"
    page = ops_client.get(f"/ops/stock/{stock.pk}/").content.decode()
    assert "10 → 7" in page and "Damaged or lost" in page


def test_stock_held_for_orders_cannot_be_adjusted_away(
    ops_client, stock, ready_checkout
):
    checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    )

    response = _adjust(ops_client, stock, 1)

    assert response.status_code == 400
    assert "2 units are held for orders" in response.content.decode()
    stock.refresh_from_db()
    assert stock.quantity == 10
    assert not StockAdjustment.objects.exists()


def test_a_negative_quantity_is_refused(ops_client, stock):
    response = _adjust(ops_client, stock, -3)

    assert response.status_code == 400
    stock.refresh_from_db()
    assert stock.quantity == 10


def test_a_change_without_a_reason_is_refused(ops_client, stock):
    response = _adjust(ops_client, stock, 4, reason="")

    assert response.status_code == 400
    assert not StockAdjustment.objects.exists()


def test_low_stock_lists_what_is_nearly_gone(ops_client, stock, variant):
    _adjust(ops_client, stock, 3)

    page = ops_client.get("/ops/stock/").content.decode()

    assert f'data-sku="{variant.sku}"' in page


def test_plenty_of_stock_is_not_low(ops_client, stock, variant):
    page = ops_client.get("/ops/stock/").content.decode()

    assert f'data-sku="{variant.sku}"' not in page


@pytest.mark.parametrize("who", ["merch_client", "customer_client"])
def test_others_cannot_adjust_stock(who, request, stock):
    response = _adjust(request.getfixturevalue(who), stock, 0)

    assert response.status_code == 403
    stock.refresh_from_db()
    assert stock.quantity == 10

import pytest
from django.core.exceptions import ValidationError

from backend.checkout.complete import checkout_complete
from backend.order.models import OrderEvents, OrderStatus
from backend.order.selectors import order_by_token, orders_of_user
from backend.order.services import order_cancel
from backend.warehouse.models import Allocation
from tests import factories
from tests.fixtures.checkout import paid_with


@pytest.fixture
def order(ready_checkout):
    return checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order


def test_order_cancel_releases_the_allocated_stock(order, variant):
    order_cancel(order_id=order.pk)

    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELED
    assert variant.stocks.get().quantity_allocated == 0
    assert not Allocation.objects.exists()
    assert order.events.last().type == OrderEvents.CANCELED


def test_order_cancel_twice_is_refused_and_releases_nothing_more(order, variant):
    order_cancel(order_id=order.pk)

    with pytest.raises(ValidationError) as excinfo:
        order_cancel(order_id=order.pk)

    assert excinfo.value.error_dict["id"][0].code == "CANNOT_CANCEL_ORDER"
    assert variant.stocks.get().quantity_allocated == 0


def test_order_by_token_finds_only_that_order(order):
    assert order_by_token(token=order.token) == order
    assert order_by_token(token="00000000-0000-0000-0000-000000000000") is None
    assert order_by_token(token="not-a-uuid") is None


def test_orders_of_user_lists_only_their_own(order, customer_user):
    order.user = customer_user
    order.save(update_fields=["user"])
    stranger = factories.UserFactory()

    assert list(orders_of_user(user=customer_user)) == [order]
    assert list(orders_of_user(user=stranger)) == []

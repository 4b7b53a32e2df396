"""The cart page, the API and the placed order promise the same date.

All three call checkout_delivery_promises; these cases are the ones the
cart page's own copy used to get wrong (bulky items, untracked stock).
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from backend.checkout.complete import checkout_complete
from backend.shipping.promise_text import day_label
from backend.storefront.cart_page import cart_view, delivery_options
from tests.api.checkout.conftest import checkout_id
from tests.api.client import GraphQLClient
from tests.fixtures.checkout import make_ready_checkout, paid_with

NEW_YORK = ZoneInfo("America/New_York")
# A Tuesday morning, before the warehouse's 14:00 cut-off.
TUESDAY_MORNING = datetime.datetime(2026, 11, 17, 10, tzinfo=NEW_YORK)
QUERY = """
query($id: ID!) {
  checkout(id: $id) { shippingMethods { deliveryPromise { latestDate } } }
}
"""


def _each_doors_latest_date(client, checkout) -> dict[str, object]:
    (option,) = delivery_options(cart=cart_view(checkout=checkout, images=False))
    answer = GraphQLClient(client)(QUERY, {"id": checkout_id(checkout)})
    (method,) = answer["data"]["checkout"]["shippingMethods"]
    order = checkout_complete(
        checkout_token=checkout.token, payment=paid_with("tok_success")
    ).order
    return {
        "cart page": option.arrival_text,
        "api": method["deliveryPromise"]["latestDate"],
        "order": order.promised_latest,
    }


def _as_each_door_says(latest: datetime.date) -> dict[str, object]:
    return {
        "cart page": f"get it by {day_label(latest)}",
        "api": latest.isoformat(),
        "order": latest,
    }


@pytest.mark.usefixtures("published_long_ago")
@time_machine.travel(TUESDAY_MORNING, tick=False)
def test_a_bulky_line_moves_every_doors_date_by_the_handling_day(
    client, channel, shipping_method, variant
):
    variant.product.product_type.is_bulky = True
    variant.product.product_type.save(update_fields=["is_bulky"])
    checkout = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 1)]
    )

    dates = _each_doors_latest_date(client, checkout)

    # Ships Wednesday, not Tuesday: delivered by Friday, not Thursday.
    assert dates == _as_each_door_says(datetime.date(2026, 11, 20))


@pytest.mark.usefixtures("published_long_ago")
@time_machine.travel(TUESDAY_MORNING, tick=False)
def test_an_untracked_line_without_stock_gets_the_same_date_at_every_door(
    client, channel, shipping_method, variant
):
    variant.track_inventory = False
    variant.save(update_fields=["track_inventory"])
    variant.stocks.update(quantity=0)
    checkout = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 1)]
    )

    dates = _each_doors_latest_date(client, checkout)

    assert dates == _as_each_door_says(datetime.date(2026, 11, 19))

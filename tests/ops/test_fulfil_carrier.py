"""The ops pages fulfil with a carrier: chosen, or read from the number."""

import pytest

from backend.checkout.complete import checkout_complete
from backend.order.models import OrderStatus
from tests.fixtures.checkout import make_ready_checkout, paid_with

from .conftest import fulfil_form, order_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_orders(channel, shipping_method, variant):
    return [
        checkout_complete(
            checkout_token=make_ready_checkout(
                channel=channel, shipping_method=shipping_method, lines=[(variant, 1)]
            ).token,
            payment=paid_with("tok_success"),
        ).order
        for _ in range(2)
    ]


def test_a_parcel_without_a_carrier_gets_the_one_its_number_belongs_to(
    ops_client, order, warehouse
):
    form = {**fulfil_form(order, warehouse), "carrier": ""}

    response = ops_client.post(order_url(order, "fulfil/"), form)

    assert response.status_code == 302
    assert order.fulfillments.get().carrier == "UPS"


def test_a_number_of_no_known_format_without_a_carrier_is_refused_on_the_page(
    ops_client, order, warehouse, variant
):
    form = {**fulfil_form(order, warehouse, tracking="ABC123"), "carrier": ""}

    response = ops_client.post(order_url(order, "fulfil/"), form)

    assert response.status_code == 400
    assert (
        "Choose the carrier for this tracking number: its format does not tell "
        "which carrier it belongs to."
    ) in response.content.decode()
    assert not order.fulfillments.exists()
    assert variant.stocks.get().quantity == 10


def test_the_carrier_menu_offers_to_read_it_from_the_number(ops_client, order):
    page = ops_client.get(order_url(order)).content.decode()

    assert '<option value="" selected>From the tracking number</option>' in page
    assert '<option value="Canada Post">Canada Post</option>' in page


def test_bulk_fulfilment_reads_each_orders_carrier_and_refuses_an_unknown_number(
    ops_client, two_orders
):
    orders = two_orders
    data = {
        "order": [str(o.number) for o in orders],
        "carrier": "",
        f"tracking_{orders[0].number}": "1Z999AA10123456784",
        f"tracking_{orders[1].number}": "ABC123",
    }

    response = ops_client.post("/ops/bulk-fulfil/", data)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose the carrier for this tracking number" in page
    assert 'value="ABC123"' in page  # what was typed is kept
    assert orders[0].fulfillments.get().carrier == "UPS"
    orders[1].refresh_from_db()
    assert orders[1].status == OrderStatus.UNFULFILLED


def test_the_order_page_links_a_sent_parcel_to_its_carriers_tracking(
    ops_client, order, warehouse
):
    ops_client.post(order_url(order, "fulfil/"), fulfil_form(order, warehouse))

    page = ops_client.get(order_url(order)).content.decode()

    assert (
        '<p class="parcel-tracking">UPS <a href="https://www.ups.com/track?'
        'tracknum=1Z999AA10123456784" rel="noopener">1Z999AA10123456784</a></p>'
    ) in page

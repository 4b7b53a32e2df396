"""A guest buys a product in a real browser, from its page to the confirmation."""

import re
from decimal import Decimal

import pytest

from backend.checkout.models import Checkout
from backend.order.models import Order
from backend.warehouse.models import Stock
from tests import factories
from tests.fixtures.catalog import make_published_product

from .conftest import walk_checkout_to_review

pytestmark = pytest.mark.browser


@pytest.fixture
def store(transactional_db):
    """A product and a shipping method, committed for the live server."""
    channel = factories.ChannelFactory()
    warehouse = factories.WarehouseFactory(channels=[channel])
    product = make_published_product(
        channel=channel, warehouse=warehouse, name="Lumbar Roll", quantity=5
    )
    zone = factories.ShippingZoneFactory(countries=["US"], channels=[channel])
    method = factories.ShippingMethodFactory(
        shipping_zone=zone,
        name="Ground",
        minimum_delivery_days=2,
        maximum_delivery_days=4,
    )
    factories.ShippingMethodChannelListingFactory(
        shipping_method=method, channel=channel, price_amount=Decimal("5.00")
    )
    return product


def test_a_guest_buys_from_the_product_page_to_the_confirmation(
    live_server, store, chromium_page
):
    with chromium_page() as page:
        page.goto(f"{live_server.url}/products/{store.slug}/")
        page.get_by_label("Quantity").fill("2")
        page.get_by_role("button", name="Add to cart").click()

        page.wait_for_url(re.compile(r"/cart/$"))
        cart_link = page.get_by_test_id("cart-link").inner_text()
        page.get_by_role("link", name="Check out").click()

        walk_checkout_to_review(page, email="guest@example.com")
        review_total = page.get_by_test_id("total").inner_text()
        page.get_by_label("Test card token").fill("tok_success")
        page.get_by_role("button", name="Place order").click()

        page.wait_for_url(re.compile(r"/checkout/confirmation/[0-9a-f-]+/$"))
        heading = page.get_by_test_id("confirmation-heading").inner_text()
        number = page.get_by_test_id("order-number").inner_text()
        order_total = page.get_by_test_id("order-total").inner_text()
        cart_link_after = page.get_by_test_id("cart-link").inner_text()

    assert cart_link == "Cart (2)"
    assert review_total == "$44.98"
    assert heading == "Thank you for your order"
    assert order_total == "$44.98"
    assert cart_link_after == "Cart (0)"
    order = Order.objects.get()
    assert number == f"#{order.number}"
    assert (order.user_email, order.total_amount) == (
        "guest@example.com",
        Decimal("44.98"),
    )
    assert Stock.objects.get().quantity_allocated == 2
    assert not Checkout.objects.exists()


def test_a_declined_card_keeps_the_cart_and_places_nothing(
    live_server, store, chromium_page
):
    # The review page answers the refused payment with 400 and the form again.
    declined = r"/checkout/review/: .* status of 400"
    with chromium_page(expected_errors=(declined,)) as page:
        page.goto(f"{live_server.url}/products/{store.slug}/")
        page.get_by_role("button", name="Add to cart").click()
        page.wait_for_url(re.compile(r"/cart/$"))
        page.goto(f"{live_server.url}/checkout/contact/")
        walk_checkout_to_review(page, email="guest@example.com")

        page.get_by_label("Test card token").fill("tok_decline")
        page.get_by_role("button", name="Place order").click()

        page.wait_for_load_state()
        error = page.get_by_role("alert").first.inner_text()
        url = page.url
        cart_link = page.get_by_test_id("cart-link").inner_text()

    assert "declined" in error
    assert url.endswith("/checkout/review/")
    assert cart_link == "Cart (1)"
    assert not Order.objects.exists()
    assert Stock.objects.get().quantity_allocated == 0

"""The order status page: reachable by its secret token, showing only that order."""

import uuid

from django.urls import reverse

from backend.checkout.complete import checkout_complete
from backend.order.services import order_note_add
from tests.fixtures.checkout import make_ready_checkout, paid_with
from tests.storefront.helpers import texts_by_class


def _order(channel, shipping_method, variant, email="ada@example.com"):
    checkout = make_ready_checkout(
        channel=channel,
        shipping_method=shipping_method,
        lines=[(variant, 1)],
        email=email,
    )
    return checkout_complete(
        checkout_token=checkout.token, payment=paid_with("tok_success")
    ).order


def test_order_status_page_shows_the_order(
    client, channel, shipping_method, variant, django_assert_max_num_queries
):
    order = _order(channel, shipping_method, variant)
    url = reverse("storefront:order-status", kwargs={"token": order.token})

    client.get(url)  # the delivery rules and banner are cached from here on
    # order (1), parcels (1), lines (1), menus (1)
    with django_assert_max_num_queries(4):
        response = client.get(url)

    assert response.status_code == 200
    assert texts_by_class(response, "order-lines")[0].endswith("$19.99 1 $19.99")
    assert texts_by_class(response, "order-status") == ["Being prepared"]
    assert 'name="robots" content="noindex"' in response.content.decode()


def test_order_status_page_shows_only_that_order(
    client, channel, shipping_method, variant
):
    mine = _order(channel, shipping_method, variant)
    other = _order(channel, shipping_method, variant, email="bob@example.com")

    response = client.get(f"/orders/{mine.token}/")

    assert f"#{mine.number}" in response.content.decode()
    assert f"#{other.number}" not in response.content.decode()


def test_order_status_page_does_not_show_staff_notes(
    client, channel, shipping_method, variant
):
    order = _order(channel, shipping_method, variant)
    order_note_add(order_id=order.pk, message="Fraud check: call the bank")

    response = client.get(f"/orders/{order.token}/")

    assert response.status_code == 200
    assert "Fraud check" not in response.content.decode()


def test_an_unknown_or_malformed_token_is_not_found(client, db):
    assert client.get(f"/orders/{uuid.uuid4()}/").status_code == 404
    assert client.get("/orders/1/").status_code == 404

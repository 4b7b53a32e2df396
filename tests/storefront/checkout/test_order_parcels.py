"""Parcels on the order status page: what was sent, with its tracking link."""

from backend.checkout.complete import checkout_complete
from backend.order.fulfillments import FulfilLine, fulfillment_cancel, order_fulfil
from tests.fixtures.checkout import make_ready_checkout, paid_with
from tests.storefront.helpers import texts_by_class


def _order(channel, shipping_method, variant, quantity=2):
    checkout = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, quantity)]
    )
    return checkout_complete(
        checkout_token=checkout.token, payment=paid_with("tok_success")
    ).order


def _send(order, *, quantity, tracking_number, warehouse):
    (fulfillment,) = order_fulfil(
        order_id=order.pk,
        lines=[
            FulfilLine(
                order_line_id=order.lines.get().pk,
                quantity=quantity,
                warehouse_id=warehouse.pk,
            )
        ],
        tracking_number=tracking_number,
        carrier="UPS",
        notify_customer=False,
    )
    return fulfillment


def test_a_sent_parcel_shows_its_lines_and_tracking_link(
    client, channel, warehouse, shipping_method, variant
):
    order = _order(channel, shipping_method, variant)
    _send(order, quantity=2, tracking_number="1Z999AA1", warehouse=warehouse)

    response = client.get(f"/orders/{order.token}/")

    assert texts_by_class(response, "order-status") == ["Shipped"]
    assert response.content.decode().count('data-testid="parcel"') == 1
    assert 'href="https://www.ups.com/track?tracknum=1Z999AA1"' in (
        response.content.decode()
    )
    assert texts_by_class(response, "parcel-carrier") == ["UPS"]


def test_a_canceled_parcel_is_not_shown_as_sent(
    client, channel, warehouse, shipping_method, variant
):
    order = _order(channel, shipping_method, variant)
    parcel = _send(order, quantity=2, tracking_number="1Z999AA1", warehouse=warehouse)
    fulfillment_cancel(fulfillment_id=parcel.pk)

    response = client.get(f"/orders/{order.token}/")

    html = response.content.decode()
    assert 'data-testid="parcel"' not in html
    assert "1Z999AA1" not in html
    assert texts_by_class(response, "order-status") == ["Being prepared"]


def test_the_status_page_query_count_does_not_grow_with_parcels(
    client,
    channel,
    warehouse,
    shipping_method,
    variant,
    django_assert_max_num_queries,
):
    order = _order(channel, shipping_method, variant, quantity=3)
    _send(order, quantity=1, tracking_number="1Z1", warehouse=warehouse)
    url = f"/orders/{order.token}/"
    client.get(url)  # the delivery rules and banner are cached from here on
    with django_assert_max_num_queries(PAGE_WITH_PARCELS_QUERIES):
        client.get(url)
    _send(order, quantity=2, tracking_number="1Z2", warehouse=warehouse)

    with django_assert_max_num_queries(PAGE_WITH_PARCELS_QUERIES):
        response = client.get(url)

    assert response.content.decode().count('data-testid="parcel"') == 2


# Order, lines, menus; parcels, their lines and those lines' order lines.
PAGE_WITH_PARCELS_QUERIES = 6


def test_a_parcel_waiting_for_approval_is_not_shown_yet(
    client, channel, warehouse, shipping_method, variant
):
    channel.automatically_approve_fulfillments = False
    channel.save(update_fields=["automatically_approve_fulfillments"])
    order = _order(channel, shipping_method, variant)
    _send(order, quantity=2, tracking_number="1Z999AA1", warehouse=warehouse)

    response = client.get(f"/orders/{order.token}/")

    assert 'data-testid="parcel"' not in response.content.decode()
    assert "1Z999AA1" not in response.content.decode()

"""The shipped email says what left, and whether anything is still to come."""

import pytest
from django.core import mail

from backend.checkout.complete import checkout_complete
from backend.order.fulfillments import FulfilLine, order_fulfil
from backend.order.tasks import send_order_shipped_email
from tests.fixtures.checkout import paid_with

pytestmark = pytest.mark.django_db
UPS = "1Z999AA10123456784"


@pytest.fixture
def order(ready_checkout):
    """Two of the variant, held in the warehouse that has ten."""
    return checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order


def ship(order, warehouse, quantity):
    (fulfillment,) = order_fulfil(
        order_id=order.pk,
        lines=[FulfilLine(order.lines.get().pk, quantity, warehouse.pk)],
        tracking_number=UPS,
        notify_customer=False,
    )
    send_order_shipped_email(fulfillment.pk)
    return mail.outbox[-1]


def item(order) -> str:
    line = order.lines.get()
    return f"{line.product_name} ({line.variant_name})"


def test_a_complete_shipment_says_the_order_has_shipped(order, warehouse):
    email = ship(order, warehouse, 2)

    assert email.subject == f"Your Lumbar order #{order.number} has shipped"
    assert email.body.startswith(
        f"Your order #{order.number} has left our warehouse. The parcel holds:\n\n"
        f"- 2 × {item(order)}\n"
    )
    assert "part or all" not in email.body.lower()
    assert "Still to come" not in email.body


def test_a_partial_shipment_says_what_shipped_and_what_is_still_coming(
    order, warehouse
):
    email = ship(order, warehouse, 1)

    assert email.subject == f"Part of your Lumbar order #{order.number} has shipped"
    assert (
        f"Part of order #{order.number} has left our warehouse. This parcel "
        f"holds:\n\n- 1 × {item(order)}\n\nStill to come, in a later parcel:\n\n"
        f"- 1 × {item(order)}\n\nWe will email you again when it ships."
    ) in email.body


def test_the_last_parcel_says_everything_has_now_shipped(order, warehouse):
    ship(order, warehouse, 1)

    email = ship(order, warehouse, 1)

    assert email.subject == f"Your Lumbar order #{order.number} has shipped"
    assert (
        f"Everything in order #{order.number} has now shipped, in 2 parcels."
    ) in email.body
    assert "Still to come" not in email.body


def test_the_shipped_email_links_the_tracking_number_to_the_carrier(order, warehouse):
    email = ship(order, warehouse, 2)

    html = email.alternatives[0][0]
    link = f'<a href="https://www.ups.com/track?tracknum={UPS}"><strong>{UPS}</strong>'
    assert "Carrier: <strong>UPS</strong>" in html
    assert link in html

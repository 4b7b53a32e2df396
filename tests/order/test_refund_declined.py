"""A refund the card issuer refuses: kept on record, no money moved."""

import pytest
from django.core.exceptions import ValidationError

from backend.checkout.complete import checkout_complete
from backend.payment.gateways.test_gateway import TOKEN_REFUND_DECLINE
from backend.payment.models import TransactionEventType
from backend.payment.refunds import order_refund
from tests.fixtures.checkout import paid_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(ready_checkout):
    """Paid with a card whose issuer will refuse any refund."""
    return checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with(TOKEN_REFUND_DECLINE)
    ).order


def test_a_refused_refund_is_raised_and_its_failure_kept(order):
    payment = order.payment_transactions.get()
    charged = payment.amount_charged_value

    with pytest.raises(ValidationError) as error:
        order_refund(order_id=order.pk, amount="5.00")

    ((field, (refusal,)),) = error.value.error_dict.items()
    assert (field, refusal.code) == ("amount", "CANNOT_REFUND")
    assert "refused the refund" in refusal.message
    payment.refresh_from_db()
    assert payment.amount_charged_value == charged
    assert payment.amount_refunded_value == 0
    assert list(payment.events.values_list("type", flat=True)) == [
        TransactionEventType.CHARGE_SUCCESS,
        TransactionEventType.REFUND_REQUEST,
        TransactionEventType.REFUND_FAILURE,
    ]
    order.refresh_from_db()
    assert order.total_charged_amount == charged
    assert not order.events.filter(type="refunded").exists()

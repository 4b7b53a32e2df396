from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from backend.checkout.complete import checkout_complete
from backend.checkout.transactions import transaction_initialize
from backend.order.models import Order, OrderAuthorizeStatus, OrderChargeStatus
from backend.payment.gateways.test_gateway import TEST_GATEWAY_ID
from backend.payment.models import TransactionEventType, TransactionItem
from backend.payment.services import AUTHORIZATION


def _errors(excinfo) -> dict[str, str]:
    return {field: errors[0].code for field, errors in excinfo.value.error_dict.items()}


def test_a_successful_charge_covers_what_the_checkout_owes(ready_checkout):
    item = transaction_initialize(
        checkout_token=ready_checkout.token,
        gateway_id=TEST_GATEWAY_ID,
        token="tok_success",
    )

    assert item.amount_charged_value == Decimal("44.98")
    assert [event.type for event in item.events.all()] == [
        TransactionEventType.CHARGE_SUCCESS
    ]


def test_a_declined_charge_records_a_failure_and_moves_no_money(ready_checkout):
    item = transaction_initialize(
        checkout_token=ready_checkout.token,
        gateway_id=TEST_GATEWAY_ID,
        token="tok_decline",
    )

    assert item.amount_charged_value == Decimal(0)
    assert [event.type for event in item.events.all()] == [
        TransactionEventType.CHARGE_FAILURE
    ]


def test_checkout_complete_after_a_declined_charge_is_not_fully_paid(ready_checkout):
    transaction_initialize(
        checkout_token=ready_checkout.token,
        gateway_id=TEST_GATEWAY_ID,
        token="tok_decline",
    )

    with pytest.raises(ValidationError) as excinfo:
        checkout_complete(checkout_token=ready_checkout.token)

    assert _errors(excinfo) == {"payment": "CHECKOUT_NOT_FULLY_PAID"}
    assert not Order.objects.exists()


def test_checkout_complete_after_an_authorization_moves_it_to_the_order(
    ready_checkout,
):
    item = transaction_initialize(
        checkout_token=ready_checkout.token,
        gateway_id=TEST_GATEWAY_ID,
        token="tok_success",
        action=AUTHORIZATION,
    )

    order = checkout_complete(checkout_token=ready_checkout.token).order

    item.refresh_from_db()
    assert (item.order_id, item.checkout_id) == (order.pk, None)
    assert order.total_authorized_amount == Decimal("44.98")
    assert order.charge_status == OrderChargeStatus.NONE
    assert order.authorize_status == OrderAuthorizeStatus.FULL


def test_transaction_initialize_refuses_the_test_gateway_when_disabled(
    ready_checkout, settings
):
    settings.PAYMENT_TEST_GATEWAY_ENABLED = False

    with pytest.raises(ValidationError) as excinfo:
        transaction_initialize(
            checkout_token=ready_checkout.token,
            gateway_id=TEST_GATEWAY_ID,
            token="tok_success",
        )

    assert _errors(excinfo) == {"paymentGateway": "NOT_FOUND"}
    assert not TransactionItem.objects.exists()

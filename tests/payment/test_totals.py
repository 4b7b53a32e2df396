"""An order's or a checkout's payment totals, summed by SQL compiled once."""

from decimal import Decimal

import pytest

from backend.order.models import OrderAuthorizeStatus, OrderChargeStatus
from backend.payment.models import TransactionItem
from backend.payment.totals import payment_totals
from tests import factories

pytestmark = pytest.mark.django_db


def _item(**owner_and_amounts) -> TransactionItem:
    return TransactionItem.objects.create(currency="USD", **owner_and_amounts)


def test_a_checkouts_totals_sum_only_its_own_transactions():
    checkout = factories.CheckoutFactory()
    _item(checkout=checkout, amount_charged_value=Decimal("10.00"))
    _item(checkout=checkout, amount_authorized_value=Decimal("5.50"))
    _item(checkout=factories.CheckoutFactory(), amount_charged_value=Decimal(99))

    totals = payment_totals(checkout_token=checkout.pk, total=Decimal("15.50"))

    assert (totals.charged, totals.authorized) == (Decimal("10.00"), Decimal("5.50"))
    assert totals.charge_status == OrderChargeStatus.PARTIAL
    assert totals.authorize_status == OrderAuthorizeStatus.FULL


def test_a_checkout_without_transactions_has_paid_nothing():
    checkout = factories.CheckoutFactory()

    totals = payment_totals(checkout_token=checkout.token, total=Decimal(20))

    assert (totals.charged, totals.authorized) == (Decimal(0), Decimal(0))
    assert totals.authorize_status == OrderAuthorizeStatus.NONE


def test_totals_name_one_order_or_one_checkout():
    with pytest.raises(ValueError):
        payment_totals(total=Decimal(1))

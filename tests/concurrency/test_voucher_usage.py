"""A voucher's usage limit holds when buyers complete at the same moment."""

from collections import Counter

import pytest

from backend.checkout.promo_codes import checkout_promo_code_add
from backend.discount.models import Voucher, VoucherCode
from backend.order.models import Order
from tests.concurrency.test_checkout_complete import _complete_all_at_once
from tests.fixtures.checkout import make_ready_checkout
from tests.fixtures.discount import make_voucher


@pytest.mark.django_db(transaction=True)
def test_two_buyers_of_a_single_use_voucher_get_one_discounted_order(
    channel, shipping_method, variant
):
    make_voucher(channel=channel, usage_limit=1)
    tokens = []
    for index in range(2):
        checkout = make_ready_checkout(
            channel=channel,
            shipping_method=shipping_method,
            lines=[(variant, 1)],
            email=f"buyer{index}@example.com",
        )
        checkout_promo_code_add(checkout_token=checkout.token, promo_code="WELCOME10")
        tokens.append(checkout.token)

    outcomes = _complete_all_at_once(tokens)

    assert Counter(outcome[0] for outcome in outcomes) == {
        "order": 1,
        "promo_code": 1,
    }, outcomes
    assert ("promo_code", "VOUCHER_NOT_APPLICABLE") in outcomes
    order = Order.objects.get()
    assert order.voucher_code == "WELCOME10"
    assert (Voucher.objects.get().used, VoucherCode.objects.get().used) == (1, 1)

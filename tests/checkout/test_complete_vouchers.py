"""checkout_complete with a promo code: re-checked under lock, counted once."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from prices import Money

from backend.checkout.complete import checkout_complete
from backend.checkout.models import Checkout
from backend.checkout.promo_codes import checkout_promo_code_add
from backend.discount.models import Voucher, VoucherCode, VoucherCustomer
from backend.order.models import Order
from backend.payment.models import TransactionItem
from backend.warehouse.models import Allocation
from tests.fixtures.catalog import make_published_product, warm_delivery_rules
from tests.fixtures.checkout import make_ready_checkout, paid_with
from tests.fixtures.discount import make_voucher


def usd(amount: str) -> Money:
    return Money(Decimal(amount), "USD")


def _refusal(checkout) -> tuple[str, str]:
    with pytest.raises(ValidationError) as excinfo:
        checkout_complete(
            checkout_token=checkout.token, payment=paid_with("tok_success")
        )
    ((field, errors),) = excinfo.value.error_dict.items()
    return field, errors[0].code


def _nothing_written(checkout) -> bool:
    return (
        Checkout.objects.filter(pk=checkout.pk, voucher_code__isnull=False).exists()
        and not Order.objects.exists()
        and not Allocation.objects.exists()
        and not TransactionItem.objects.exists()
    )


def test_the_order_keeps_the_discount_and_the_code(ready_checkout, welcome10):
    checkout_promo_code_add(checkout_token=ready_checkout.token, promo_code="WELCOME10")

    order = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order

    order.refresh_from_db()
    assert (order.subtotal, order.discount, order.shipping_price, order.total) == (
        usd("39.98"),
        usd("4.00"),
        usd("5.00"),
        usd("40.98"),
    )
    assert (order.voucher_code, order.voucher) == ("WELCOME10", welcome10.voucher)
    assert order.total_charged == usd("40.98")


def test_completing_counts_one_use_of_the_voucher_and_the_code(
    ready_checkout, welcome10
):
    checkout_promo_code_add(checkout_token=ready_checkout.token, promo_code="WELCOME10")

    checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    )

    assert Voucher.objects.get().used == 1
    assert VoucherCode.objects.get().used == 1


def test_a_code_that_expired_after_it_was_added_refuses_the_order(
    ready_checkout, welcome10
):
    checkout_promo_code_add(checkout_token=ready_checkout.token, promo_code="WELCOME10")
    Voucher.objects.update(end_date=timezone.now() - timedelta(seconds=1))

    assert _refusal(ready_checkout) == ("promo_code", "INVALID")
    assert _nothing_written(ready_checkout)
    assert Voucher.objects.get().used == 0


def test_a_code_used_up_after_it_was_added_refuses_the_order(ready_checkout, channel):
    make_voucher(channel=channel, usage_limit=1)
    checkout_promo_code_add(checkout_token=ready_checkout.token, promo_code="WELCOME10")
    Voucher.objects.update(used=1)

    assert _refusal(ready_checkout) == ("promo_code", "VOUCHER_NOT_APPLICABLE")
    assert _nothing_written(ready_checkout)
    assert Voucher.objects.get().used == 1


def test_a_declined_payment_counts_no_use_of_the_voucher(ready_checkout, welcome10):
    checkout_promo_code_add(checkout_token=ready_checkout.token, promo_code="WELCOME10")

    with pytest.raises(ValidationError):
        checkout_complete(
            checkout_token=ready_checkout.token, payment=paid_with("tok_decline")
        )

    assert (Voucher.objects.get().used, VoucherCode.objects.get().used) == (0, 0)
    assert _nothing_written(ready_checkout)


def test_a_once_per_customer_voucher_records_the_buyer(ready_checkout, channel):
    make_voucher(channel=channel, apply_once_per_customer=True)
    checkout_promo_code_add(checkout_token=ready_checkout.token, promo_code="WELCOME10")

    checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    )

    assert list(VoucherCustomer.objects.values_list("customer_email", flat=True)) == [
        "buyer@example.com"
    ]


def test_a_checkout_without_a_code_orders_without_a_discount(ready_checkout):
    order = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order

    assert (order.discount, order.voucher_code, order.voucher) == (usd("0"), "", None)


# The 25 of a plain completion, plus locking the code and voucher, reading
# the channel listing and counting the use on the voucher and the code.
COMPLETE_WITH_VOUCHER_QUERIES = 29


@pytest.mark.parametrize("line_count", [1, 5])
def test_completing_with_a_voucher_takes_the_same_queries_for_any_lines(
    channel,
    warehouse,
    shipping_method,
    welcome10,
    line_count,
    django_assert_num_queries,
):
    checkout = make_ready_checkout(
        channel=channel,
        shipping_method=shipping_method,
        lines=[
            (
                make_published_product(
                    channel=channel, warehouse=warehouse
                ).default_variant,
                1,
            )
            for _ in range(line_count)
        ],
    )
    checkout_promo_code_add(checkout_token=checkout.token, promo_code="WELCOME10")
    warm_delivery_rules()  # cached, as after any earlier page

    with django_assert_num_queries(COMPLETE_WITH_VOUCHER_QUERIES):
        order = checkout_complete(
            checkout_token=checkout.token, payment=paid_with("tok_success")
        ).order

    assert (order.lines.count(), order.voucher_code) == (line_count, "WELCOME10")


# Lock the checkout; the code and its listing; lines, prices and shipping
# for the subtotal; the save; and the savepoint and its release (the
# service's atomic block inside the test's transaction).
ADD_PROMO_CODE_QUERIES = 9


def test_adding_a_promo_code_takes_a_fixed_number_of_queries(
    ready_checkout, welcome10, django_assert_num_queries
):
    with django_assert_num_queries(ADD_PROMO_CODE_QUERIES):
        checkout_promo_code_add(
            checkout_token=ready_checkout.token, promo_code="WELCOME10"
        )

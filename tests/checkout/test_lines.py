from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from prices import Money

from backend.checkout.complete import checkout_complete
from backend.checkout.models import Checkout, CheckoutLine
from backend.checkout.selectors import checkout_totals
from backend.checkout.services import (
    checkout_create,
    checkout_lines_add,
    checkout_lines_delete,
    checkout_lines_update,
)
from backend.checkout.validation import variants_by_id
from tests import factories
from tests.fixtures.catalog import make_published_product
from tests.fixtures.checkout import make_ready_checkout, paid_with


def _error(excinfo) -> tuple[str, str]:
    ((field, errors),) = excinfo.value.error_dict.items()
    return field, errors[0].code


def _lines(checkout) -> list[tuple[int, int]]:
    return list(
        CheckoutLine.objects.filter(checkout=checkout)
        .order_by("variant_id")
        .values_list("variant_id", "quantity")
    )


def test_checkout_create_stores_lines_email_and_channel_currency(channel, variant):
    checkout = checkout_create(
        channel=channel, email="ada@example.com", lines=[(variant, 2)]
    )

    assert checkout.email == "ada@example.com"
    assert checkout.currency == "USD"
    assert _lines(checkout) == [(variant.pk, 2)]


def test_checkout_create_merges_repeated_variants(channel, variant):
    checkout = checkout_create(channel=channel, lines=[(variant, 1), (variant.pk, 2)])

    assert _lines(checkout) == [(variant.pk, 3)]


def test_checkout_create_with_zero_quantity_is_refused(channel, variant):
    with pytest.raises(ValidationError) as excinfo:
        checkout_create(channel=channel, lines=[(variant, 0)])

    assert _error(excinfo) == ("quantity", "ZERO_QUANTITY")
    assert not Checkout.objects.exists()


def test_checkout_create_with_negative_quantity_is_refused(channel, variant):
    with pytest.raises(ValidationError) as excinfo:
        checkout_create(channel=channel, lines=[(variant, -3)])

    assert _error(excinfo) == ("quantity", "ZERO_QUANTITY")
    assert not Checkout.objects.exists()


def test_checkout_create_above_stock_is_refused(channel, variant):
    with pytest.raises(ValidationError) as excinfo:
        checkout_create(channel=channel, lines=[(variant, 11)])

    assert _error(excinfo) == ("quantity", "INSUFFICIENT_STOCK")
    assert not Checkout.objects.exists()


def test_checkout_create_counts_stock_already_allocated(channel, variant):
    variant.stocks.update(quantity_allocated=9)

    with pytest.raises(ValidationError) as excinfo:
        checkout_create(channel=channel, lines=[(variant, 2)])

    assert _error(excinfo) == ("quantity", "INSUFFICIENT_STOCK")


def test_checkout_create_with_unknown_variant_is_refused(channel, variant):
    with pytest.raises(ValidationError) as excinfo:
        checkout_create(channel=channel, lines=[(variant.pk + 1000, 1)])

    assert _error(excinfo) == ("variantId", "NOT_FOUND")
    assert not Checkout.objects.exists()


def test_checkout_create_with_variant_not_in_channel_is_refused(channel, warehouse):
    other = factories.ChannelFactory(slug="other-channel", name="Other")
    product = make_published_product(channel=other, warehouse=warehouse)

    with pytest.raises(ValidationError) as excinfo:
        checkout_create(channel=channel, lines=[(product.default_variant, 1)])

    assert _error(excinfo) == ("variantId", "UNAVAILABLE_VARIANT_IN_CHANNEL")
    assert not Checkout.objects.exists()


def test_checkout_create_with_unpublished_product_is_refused(
    channel, variant, published_product
):
    published_product.channel_listings.update(is_published=False)

    with pytest.raises(ValidationError) as excinfo:
        checkout_create(channel=channel, lines=[(variant, 1)])

    assert _error(excinfo) == ("variantId", "PRODUCT_NOT_PUBLISHED")


def test_checkout_create_above_per_customer_limit_is_refused(channel, variant):
    variant.quantity_limit_per_customer = 2
    variant.save(update_fields=["quantity_limit_per_customer"])

    with pytest.raises(ValidationError) as excinfo:
        checkout_create(channel=channel, lines=[(variant, 3)])

    assert _error(excinfo) == ("quantity", "QUANTITY_GREATER_THAN_LIMIT")
    assert not Checkout.objects.exists()


def test_checkout_lines_add_raises_the_quantity_of_an_existing_line(channel, variant):
    checkout = checkout_create(channel=channel, lines=[(variant, 2)])

    checkout_lines_add(checkout_token=checkout.token, lines=[(variant, 3)])

    assert _lines(checkout) == [(variant.pk, 5)]


def test_checkout_lines_add_beyond_stock_changes_nothing(channel, variant):
    checkout = checkout_create(channel=channel, lines=[(variant, 6)])

    with pytest.raises(ValidationError) as excinfo:
        checkout_lines_add(checkout_token=checkout.token, lines=[(variant, 5)])

    assert _error(excinfo) == ("quantity", "INSUFFICIENT_STOCK")
    assert _lines(checkout) == [(variant.pk, 6)]


def test_checkout_lines_add_zero_quantity_is_refused(channel, variant):
    checkout = checkout_create(channel=channel, lines=[(variant, 1)])

    with pytest.raises(ValidationError) as excinfo:
        checkout_lines_add(checkout_token=checkout.token, lines=[(variant, 0)])

    assert _error(excinfo) == ("quantity", "ZERO_QUANTITY")
    assert _lines(checkout) == [(variant.pk, 1)]


def test_checkout_lines_add_to_unknown_checkout_is_not_found(variant):
    with pytest.raises(ValidationError) as excinfo:
        checkout_lines_add(
            checkout_token="00000000-0000-0000-0000-000000000000",
            lines=[(variant, 1)],
        )

    assert _error(excinfo) == ("id", "NOT_FOUND")


def test_checkout_lines_update_sets_the_quantity(channel, variant):
    checkout = checkout_create(channel=channel, lines=[(variant, 4)])

    checkout_lines_update(checkout_token=checkout.token, lines=[(variant, 1)])

    assert _lines(checkout) == [(variant.pk, 1)]


def test_checkout_lines_update_to_zero_removes_the_line(channel, variant):
    checkout = checkout_create(channel=channel, lines=[(variant, 4)])

    checkout_lines_update(checkout_token=checkout.token, lines=[(variant, 0)])

    assert _lines(checkout) == []


def test_checkout_lines_update_negative_is_refused(channel, variant):
    checkout = checkout_create(channel=channel, lines=[(variant, 4)])

    with pytest.raises(ValidationError) as excinfo:
        checkout_lines_update(checkout_token=checkout.token, lines=[(variant, -1)])

    assert _error(excinfo) == ("quantity", "ZERO_QUANTITY")
    assert _lines(checkout) == [(variant.pk, 4)]


def test_checkout_lines_update_above_stock_is_refused(channel, variant):
    checkout = checkout_create(channel=channel, lines=[(variant, 4)])

    with pytest.raises(ValidationError) as excinfo:
        checkout_lines_update(checkout_token=checkout.token, lines=[(variant, 11)])

    assert _error(excinfo) == ("quantity", "INSUFFICIENT_STOCK")
    assert _lines(checkout) == [(variant.pk, 4)]


def test_checkout_lines_delete_removes_the_line(channel, variant):
    checkout = checkout_create(channel=channel, lines=[(variant, 4)])
    line = checkout.lines.get()

    checkout_lines_delete(checkout_token=checkout.token, line_ids=[line.pk])

    assert _lines(checkout) == []


def test_checkout_lines_delete_unknown_line_changes_nothing(channel, variant):
    checkout = checkout_create(channel=channel, lines=[(variant, 4)])

    with pytest.raises(ValidationError) as excinfo:
        checkout_lines_delete(
            checkout_token=checkout.token,
            line_ids=["00000000-0000-0000-0000-000000000000"],
        )

    assert _error(excinfo) == ("lineId", "NOT_FOUND")
    assert _lines(checkout) == [(variant.pk, 4)]


def test_checkout_totals_are_money_from_the_channel_prices(
    channel, warehouse, ready_checkout
):
    second = make_published_product(
        channel=channel, warehouse=warehouse, price=Decimal("3.50")
    )
    factories.CheckoutLineFactory(
        checkout=ready_checkout, variant=second.default_variant, quantity=3
    )

    totals = checkout_totals(checkout=ready_checkout)

    assert totals.subtotal == Money(Decimal("50.48"), "USD")  # 2 × 19.99 + 3 × 3.50
    assert totals.shipping == Money(Decimal("5.00"), "USD")
    assert totals.total == Money(Decimal("55.48"), "USD")


def test_per_customer_limit_counts_what_the_customer_already_ordered(
    channel, shipping_method, variant, customer_user
):
    variant.quantity_limit_per_customer = 3
    variant.save(update_fields=["quantity_limit_per_customer"])
    earlier = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 2)]
    )
    earlier.user = customer_user
    earlier.save(update_fields=["user"])
    checkout_complete(checkout_token=earlier.token, payment=paid_with("tok_success"))

    with pytest.raises(ValidationError) as excinfo:
        checkout_create(channel=channel, lines=[(variant, 2)], user=customer_user)

    assert _error(excinfo) == ("quantity", "QUANTITY_GREATER_THAN_LIMIT")


@pytest.mark.parametrize("line_count", [1, 5, 20])
def test_checkout_lines_add_query_count_does_not_grow_with_lines(
    channel, warehouse, line_count, django_assert_num_queries
):
    checkout = checkout_create(channel=channel)
    variants = [
        make_published_product(channel=channel, warehouse=warehouse).default_variant
        for _ in range(line_count)
    ]

    with django_assert_num_queries(10):
        checkout_lines_add(
            checkout_token=checkout.token, lines=[(v, 1) for v in variants]
        )

    assert len(_lines(checkout)) == line_count


def test_checkout_lines_add_applies_the_owners_limit_without_a_user_argument(
    channel, variant, customer_user
):
    variant.quantity_limit_per_customer = 2
    variant.save(update_fields=["quantity_limit_per_customer"])
    checkout = checkout_create(
        channel=channel, lines=[(variant, 2)], user=customer_user
    )

    with pytest.raises(ValidationError) as excinfo:
        checkout_lines_add(checkout_token=checkout.token, lines=[(variant, 1)])

    assert _error(excinfo) == ("quantity", "QUANTITY_GREATER_THAN_LIMIT")
    assert _lines(checkout) == [(variant.pk, 2)]


def test_a_malformed_checkout_token_is_not_found(variant):
    with pytest.raises(ValidationError) as excinfo:
        checkout_lines_add(checkout_token="not-a-uuid", lines=[(variant, 1)])

    assert _error(excinfo) == ("id", "NOT_FOUND")


@pytest.mark.django_db
def test_variants_by_id_reads_each_variant_with_its_product_and_refuses_a_missing_one():
    first, second = factories.ProductVariantFactory(), factories.ProductVariantFactory()

    found = variants_by_id(variant_ids=[second.pk, first.pk])
    with pytest.raises(ValidationError) as excinfo:
        variants_by_id(variant_ids=[first.pk, second.pk + 1000])

    assert {pk: variant.product.name for pk, variant in found.items()} == {
        first.pk: first.product.name,
        second.pk: second.product.name,
    }
    assert excinfo.value.error_dict["variantId"][0].code == "NOT_FOUND"
    assert variants_by_id(variant_ids=[]) == {}

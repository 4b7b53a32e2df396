"""The demo's promo code WELCOME10, and vouchers.yaml's checks."""

import io
from decimal import Decimal

from prices import Money

from backend.channel.models import Channel
from backend.checkout.promo_codes import checkout_promo_code_add
from backend.checkout.selectors import checkout_totals
from backend.checkout.services import checkout_create
from backend.demo.loader import demo_load
from backend.discount.models import VoucherCode
from backend.product.models import ProductVariantChannelListing
from tests.fixtures.demo import demo_catalog_dir

from .test_validation import catalog_copy, refusal, replace_in  # noqa: F401


def test_the_demo_has_welcome10_for_ten_percent_once_per_customer(demo_store, db):
    code = VoucherCode.objects.select_related("voucher").get(code="WELCOME10")
    listing = code.voucher.channel_listings.get()

    assert (code.voucher.discount_value_type, code.voucher.type) == (
        "percentage",
        "entire_order",
    )
    assert (listing.discount_value, listing.min_spent_amount) == (Decimal("10"), None)
    assert code.voucher.apply_once_per_customer


def test_a_shopper_takes_ten_percent_off_a_demo_cart_with_welcome10(demo_store, db):
    channel = Channel.objects.get(slug="default-channel")
    listing = (
        ProductVariantChannelListing.objects.filter(channel=channel)
        .order_by("price_amount", "variant_id")
        .last()
    )
    checkout = checkout_create(channel=channel, lines=[(listing.variant_id, 1)])

    checkout = checkout_promo_code_add(
        checkout_token=checkout.token, promo_code="WELCOME10"
    )

    totals = checkout_totals(checkout=checkout)
    expected = Money(listing.price_amount / 10, "USD").quantize()
    assert totals.discount == expected
    assert totals.total == totals.subtotal - expected


def test_loading_the_demo_again_leaves_the_vouchers_alone(demo_store, db):
    report = demo_load(
        catalog_dir=demo_catalog_dir(), stdout=io.StringIO(), progress=False
    )

    assert "vouchers" not in report.created
    assert "vouchers" not in report.updated
    assert VoucherCode.objects.filter(code="WELCOME10").count() == 1


def test_a_percentage_above_100_is_refused(catalog_copy):  # noqa: F811
    replace_in(catalog_copy / "vouchers.yaml", 'value: "10"', 'value: "150"')

    assert refusal(catalog_copy) == (
        'vouchers.yaml: voucher "WELCOME10": channel "default-channel": '
        'value "150" is above 100 percent'
    )


def test_a_voucher_in_an_unknown_channel_is_refused(catalog_copy):  # noqa: F811
    replace_in(
        catalog_copy / "vouchers.yaml", "      default-channel:", "      eu-channel:"
    )

    assert refusal(catalog_copy) == (
        'vouchers.yaml: voucher "WELCOME10": channel "eu-channel": '
        "the channel is not in channels.yaml"
    )

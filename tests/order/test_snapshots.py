from decimal import Decimal

from prices import Money

from backend.checkout.complete import checkout_complete
from backend.order.models import OrderLine
from tests.fixtures.checkout import paid_with


def test_order_line_keeps_its_name_and_price_after_a_product_rename(
    ready_checkout, published_product, variant
):
    order = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order

    published_product.name = "Renamed Strap"
    published_product.save(update_fields=["name"])
    variant.channel_listings.update(price_amount=Decimal("99.00"))

    line = OrderLine.objects.get(order=order)
    assert line.product_name == "Stretch Strap"
    assert line.unit_price == Money(Decimal("19.99"), "USD")


def test_order_line_survives_the_variant_being_deleted(
    ready_checkout, published_product, variant
):
    order = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order
    sku = variant.sku

    published_product.delete()

    line = OrderLine.objects.get(order=order)
    assert line.variant is None
    assert (line.product_name, line.product_sku, line.quantity) == (
        "Stretch Strap",
        sku,
        2,
    )

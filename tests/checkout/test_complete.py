from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from prices import Money

from backend.checkout.complete import checkout_complete
from backend.checkout.models import Checkout
from backend.order.models import Order, OrderChargeStatus, OrderEvents, OrderStatus
from backend.payment.gateways import test_gateway
from backend.payment.models import TransactionEventType, TransactionItem
from backend.warehouse.models import Allocation, Stock
from tests import factories
from tests.fixtures.checkout import make_ready_checkout, paid_with


def _error(excinfo) -> tuple[str, str]:
    ((field, errors),) = excinfo.value.error_dict.items()
    return field, errors[0].code


def _nothing_written(checkout) -> bool:
    return (
        Checkout.objects.filter(pk=checkout.pk).exists()
        and not Order.objects.exists()
        and not Allocation.objects.exists()
        and not TransactionItem.objects.exists()
        and not Stock.objects.filter(quantity_allocated__gt=0).exists()
    )


def test_checkout_complete_creates_the_order_and_deletes_the_checkout(
    ready_checkout, variant
):
    result = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    )

    order = result.order
    assert order.status == OrderStatus.UNFULFILLED
    assert order.user_email == "buyer@example.com"
    assert order.checkout_token == str(ready_checkout.token)
    assert order.subtotal == Money(Decimal("39.98"), "USD")
    assert order.shipping_price == Money(Decimal("5.00"), "USD")
    assert order.total == Money(Decimal("44.98"), "USD")
    assert order.shipping_method_name == "Ground"
    assert not Checkout.objects.filter(pk=ready_checkout.pk).exists()


def test_checkout_complete_snapshots_the_lines(ready_checkout, variant):
    order = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order

    line = order.lines.get()
    assert (line.product_name, line.variant_name, line.product_sku) == (
        "Stretch Strap",
        variant.name,
        variant.sku,
    )
    assert line.quantity == 2
    assert line.unit_price == Money(Decimal("19.99"), "USD")
    assert line.total_price == Money(Decimal("39.98"), "USD")


def test_checkout_complete_allocates_stock(ready_checkout, variant):
    order = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order

    stock = variant.stocks.get()
    assert (stock.quantity, stock.quantity_allocated) == (10, 2)
    allocation = Allocation.objects.get()
    assert allocation.order_line == order.lines.get()
    assert allocation.stock == stock
    assert allocation.quantity_allocated == 2


def test_checkout_complete_takes_a_line_from_one_warehouse_that_holds_it_all(
    channel, shipping_method, variant
):
    first = variant.stocks.get()
    first.quantity = 1
    first.save(update_fields=["quantity"])
    second_warehouse = factories.WarehouseFactory(channels=[channel])
    second = factories.StockFactory(
        product_variant=variant, warehouse=second_warehouse, quantity=4
    )
    checkout = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 3)]
    )

    checkout_complete(checkout_token=checkout.token, payment=paid_with("tok_success"))

    allocated = dict(Allocation.objects.values_list("stock_id", "quantity_allocated"))
    assert allocated == {second.pk: 3}


def test_checkout_complete_allocates_across_warehouses_when_none_holds_it_all(
    channel, shipping_method, variant
):
    first = variant.stocks.get()
    first.quantity = 1
    first.save(update_fields=["quantity"])
    second_warehouse = factories.WarehouseFactory(channels=[channel])
    second = factories.StockFactory(
        product_variant=variant, warehouse=second_warehouse, quantity=2
    )
    checkout = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 3)]
    )

    checkout_complete(checkout_token=checkout.token, payment=paid_with("tok_success"))

    allocated = dict(Allocation.objects.values_list("stock_id", "quantity_allocated"))
    assert allocated == {first.pk: 1, second.pk: 2}


def test_checkout_complete_ignores_warehouses_outside_the_channel(
    channel, shipping_method, variant
):
    outside = factories.WarehouseFactory()
    factories.StockFactory(product_variant=variant, warehouse=outside, quantity=50)
    variant.stocks.filter(warehouse__channels=channel).update(quantity=1)
    checkout = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 2)]
    )

    with pytest.raises(ValidationError) as excinfo:
        checkout_complete(
            checkout_token=checkout.token, payment=paid_with("tok_success")
        )

    assert _error(excinfo) == ("lines", "INSUFFICIENT_STOCK")
    assert _nothing_written(checkout)


def test_checkout_complete_records_the_charge_and_events(ready_checkout):
    order = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order

    assert order.charge_status == OrderChargeStatus.FULL
    assert order.total_charged == Money(Decimal("44.98"), "USD")
    transaction_item = order.payment_transactions.get()
    assert transaction_item.gateway == "lumbar.payments.test"
    assert transaction_item.psp_reference.startswith("test-")
    assert [event.type for event in transaction_item.events.all()] == [
        TransactionEventType.CHARGE_SUCCESS
    ]
    assert [event.type for event in order.events.all()] == [
        OrderEvents.PLACED,
        OrderEvents.PAYMENT_CHARGED,
    ]


def test_checkout_complete_copies_the_addresses(ready_checkout):
    shipping_id = ready_checkout.shipping_address_id

    order = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order

    assert order.shipping_address_id != shipping_id
    assert order.shipping_address.street_address_1 == "1 Main St"
    assert order.billing_address.city == "RENO"


def test_checkout_complete_twice_returns_the_same_order(ready_checkout):
    first = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order

    second = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order

    assert second.pk == first.pk
    assert Order.objects.count() == 1
    assert TransactionItem.objects.count() == 1


def test_checkout_complete_with_declined_payment_writes_nothing(ready_checkout):
    with pytest.raises(ValidationError) as excinfo:
        checkout_complete(
            checkout_token=ready_checkout.token, payment=paid_with("tok_decline")
        )

    assert _error(excinfo) == ("payment", "PAYMENT_ERROR")
    assert _nothing_written(ready_checkout)


def test_checkout_complete_needing_3ds_returns_confirmation_and_no_order(
    ready_checkout,
):
    result = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_3ds")
    )

    assert result.order is None
    assert result.confirmation_needed is True
    assert result.confirmation_data["type"] == "3ds"
    assert _nothing_written(ready_checkout)


def test_checkout_complete_without_payment_is_not_fully_paid(ready_checkout):
    with pytest.raises(ValidationError) as excinfo:
        checkout_complete(checkout_token=ready_checkout.token)

    assert _error(excinfo) == ("payment", "CHECKOUT_NOT_FULLY_PAID")
    assert _nothing_written(ready_checkout)


def test_checkout_complete_accepts_a_charged_transaction_of_the_checkout(
    ready_checkout,
):
    TransactionItem.objects.create(
        checkout=ready_checkout,
        gateway="lumbar.payments.test",
        currency="USD",
        amount_charged_value=Decimal("44.98"),
    )

    order = checkout_complete(checkout_token=ready_checkout.token).order

    assert order.charge_status == OrderChargeStatus.FULL
    assert order.payment_transactions.count() == 1


def test_checkout_complete_refuses_the_test_gateway_when_disabled(
    ready_checkout, settings
):
    settings.PAYMENT_TEST_GATEWAY_ENABLED = False

    with pytest.raises(ValidationError) as excinfo:
        checkout_complete(
            checkout_token=ready_checkout.token, payment=paid_with("tok_success")
        )

    assert _error(excinfo) == ("payment", "PAYMENT_ERROR")
    assert _nothing_written(ready_checkout)


def test_checkout_complete_without_email_is_refused(ready_checkout):
    Checkout.objects.filter(pk=ready_checkout.pk).update(email=None)

    with pytest.raises(ValidationError) as excinfo:
        checkout_complete(
            checkout_token=ready_checkout.token, payment=paid_with("tok_success")
        )

    assert _error(excinfo) == ("email", "EMAIL_NOT_SET")
    assert _nothing_written(ready_checkout)


def test_checkout_complete_without_lines_is_refused(ready_checkout):
    ready_checkout.lines.all().delete()

    with pytest.raises(ValidationError) as excinfo:
        checkout_complete(
            checkout_token=ready_checkout.token, payment=paid_with("tok_success")
        )

    assert _error(excinfo) == ("lines", "NO_LINES")
    assert _nothing_written(ready_checkout)


def test_checkout_complete_without_shipping_address_is_refused(ready_checkout):
    Checkout.objects.filter(pk=ready_checkout.pk).update(shipping_address=None)

    with pytest.raises(ValidationError) as excinfo:
        checkout_complete(
            checkout_token=ready_checkout.token, payment=paid_with("tok_success")
        )

    assert _error(excinfo) == ("shippingAddress", "SHIPPING_ADDRESS_NOT_SET")
    assert _nothing_written(ready_checkout)


def test_checkout_complete_without_shipping_method_is_refused(ready_checkout):
    Checkout.objects.filter(pk=ready_checkout.pk).update(shipping_method=None)

    with pytest.raises(ValidationError) as excinfo:
        checkout_complete(
            checkout_token=ready_checkout.token, payment=paid_with("tok_success")
        )

    assert _error(excinfo) == ("shippingMethod", "SHIPPING_METHOD_NOT_SET")
    assert _nothing_written(ready_checkout)


def test_checkout_complete_without_billing_address_is_refused(ready_checkout):
    Checkout.objects.filter(pk=ready_checkout.pk).update(billing_address=None)

    with pytest.raises(ValidationError) as excinfo:
        checkout_complete(
            checkout_token=ready_checkout.token, payment=paid_with("tok_success")
        )

    assert _error(excinfo) == ("billingAddress", "BILLING_ADDRESS_NOT_SET")
    assert _nothing_written(ready_checkout)


def test_checkout_complete_of_unknown_token_is_not_found(db):
    with pytest.raises(ValidationError) as excinfo:
        checkout_complete(
            checkout_token="00000000-0000-0000-0000-000000000000",
            payment=paid_with("tok_success"),
        )

    assert _error(excinfo) == ("id", "NOT_FOUND")


def test_checkout_complete_when_stock_ran_out_meanwhile_writes_nothing(
    ready_checkout, variant
):
    variant.stocks.update(quantity_allocated=9)

    with pytest.raises(ValidationError) as excinfo:
        checkout_complete(
            checkout_token=ready_checkout.token, payment=paid_with("tok_success")
        )

    assert _error(excinfo) == ("lines", "INSUFFICIENT_STOCK")
    assert Order.objects.count() == 0
    assert variant.stocks.get().quantity_allocated == 9


def test_checkout_complete_in_an_inactive_channel_is_refused(ready_checkout, channel):
    channel.is_active = False
    channel.save(update_fields=["is_active"])

    with pytest.raises(ValidationError) as excinfo:
        checkout_complete(
            checkout_token=ready_checkout.token, payment=paid_with("tok_success")
        )

    assert _error(excinfo) == ("channel", "CHANNEL_INACTIVE")
    assert _nothing_written(ready_checkout)


def test_a_charge_whose_order_cannot_be_written_is_refunded(
    ready_checkout, channel, variant
):
    # An order already holding this checkout token makes the order insert fail.
    Order.objects.create(
        channel=channel, currency="USD", checkout_token=str(ready_checkout.token)
    )
    refunds_before = len(test_gateway.REFUNDS)

    with pytest.raises(IntegrityError):
        checkout_complete(
            checkout_token=ready_checkout.token, payment=paid_with("tok_success")
        )

    refunds = test_gateway.REFUNDS[refunds_before:]
    assert [amount for _, amount in refunds] == [Money(Decimal("44.98"), "USD")]
    assert Checkout.objects.filter(pk=ready_checkout.pk).exists()
    assert variant.stocks.get().quantity_allocated == 0
    assert not TransactionItem.objects.exists()


def test_checkout_complete_of_a_malformed_token_is_not_found(db):
    with pytest.raises(ValidationError) as excinfo:
        checkout_complete(checkout_token="not-a-uuid", payment=paid_with("tok_success"))

    assert _error(excinfo) == ("id", "NOT_FOUND")

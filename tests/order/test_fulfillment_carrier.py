"""A parcel with a tracking number always has a carrier the shopper can use."""

import pytest
from django.core.exceptions import ValidationError

from backend.checkout.complete import checkout_complete
from backend.order.fulfillments import (
    FulfilLine,
    fulfillment_tracking_update,
    order_fulfil,
)
from backend.order.models import Fulfillment, OrderStatus
from tests.fixtures.checkout import paid_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(ready_checkout):
    """Two of the variant, held in the warehouse that has ten."""
    return checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order


def fulfil(order, warehouse, **kwargs):
    return order_fulfil(
        order_id=order.pk,
        lines=[FulfilLine(order.lines.get().pk, 2, warehouse.pk)],
        notify_customer=False,
        **kwargs,
    )


def refusal(error: pytest.ExceptionInfo) -> tuple[str, str, str]:
    ((field, (detail,)),) = error.value.error_dict.items()
    return field, detail.code, detail.message


def stock_of(variant, warehouse):
    stock = variant.stocks.get(warehouse=warehouse)
    return stock.quantity, stock.quantity_allocated


@pytest.mark.parametrize(
    ("tracking_number", "carrier"),
    [
        ("1Z999AA10123456784", "UPS"),
        ("9400111899223100000000", "USPS"),
        ("9400 1118 9922 3100 0000 00", "USPS"),
        ("123456789012", "FedEx"),
        ("123456789012345", "FedEx"),
        ("1234567890123456", "Canada Post"),
        ("RR123456789CA", "Canada Post"),
        ("JJD000390007882793441", "DHL"),
    ],
)
def test_the_carrier_is_read_from_a_tracking_number_only_one_carrier_uses(
    order, warehouse, tracking_number, carrier
):
    (fulfillment,) = fulfil(order, warehouse, tracking_number=tracking_number)

    assert fulfillment.carrier == carrier


def test_a_tracking_number_of_no_known_format_needs_a_carrier_and_sends_nothing(
    order, variant, warehouse
):
    with pytest.raises(ValidationError) as error:
        fulfil(order, warehouse, tracking_number="ABC123")

    assert refusal(error) == (
        "carrier",
        "REQUIRED",
        "Choose the carrier for this tracking number: its format does not tell "
        "which carrier it belongs to.",
    )
    assert not Fulfillment.objects.exists()
    assert stock_of(variant, warehouse) == (10, 2)
    order.refresh_from_db()
    assert order.status == OrderStatus.UNFULFILLED


def test_a_tracking_number_two_carriers_use_asks_which_one(order, warehouse):
    with pytest.raises(ValidationError) as error:
        fulfil(order, warehouse, tracking_number="8212345678")

    assert refusal(error) == (
        "carrier",
        "REQUIRED",
        "Choose the carrier for this tracking number: it could be USPS or DHL.",
    )
    assert not Fulfillment.objects.exists()


def test_a_named_carrier_is_kept_for_a_number_of_no_known_format(order, warehouse):
    (fulfillment,) = fulfil(
        order, warehouse, tracking_number="ABC123", carrier="OnTrac"
    )

    assert fulfillment.carrier == "OnTrac"


def test_a_known_carrier_is_stored_in_its_usual_spelling(order, warehouse):
    (fulfillment,) = fulfil(
        order, warehouse, tracking_number="1Z999AA10123456784", carrier=" ups "
    )

    assert fulfillment.carrier == "UPS"


def test_another_carriers_number_is_refused_as_a_mix_up(order, variant, warehouse):
    with pytest.raises(ValidationError) as error:
        fulfil(order, warehouse, tracking_number="1Z999AA10123456784", carrier="USPS")

    assert refusal(error) == (
        "tracking_number",
        "INVALID",
        "1Z999AA10123456784 looks like a UPS tracking number, not a USPS one. "
        "Check the carrier.",
    )
    assert not Fulfillment.objects.exists()
    assert stock_of(variant, warehouse) == (10, 2)


def test_a_parcel_without_a_tracking_number_needs_no_carrier(order, warehouse):
    (fulfillment,) = fulfil(order, warehouse)

    assert (fulfillment.tracking_number, fulfillment.carrier) == ("", "")


def test_a_new_tracking_number_without_a_carrier_gets_the_carrier_it_belongs_to(
    order, warehouse
):
    (fulfillment,) = fulfil(order, warehouse)

    updated = fulfillment_tracking_update(
        fulfillment_id=fulfillment.pk, tracking_number="1Z999AA10123456784"
    )

    assert (updated.tracking_number, updated.carrier) == ("1Z999AA10123456784", "UPS")


def test_a_new_tracking_number_of_no_known_format_keeps_the_parcels_carrier(
    order, warehouse
):
    (fulfillment,) = fulfil(
        order, warehouse, tracking_number="1Z999AA10123456784", carrier="UPS"
    )

    updated = fulfillment_tracking_update(
        fulfillment_id=fulfillment.pk, tracking_number="1ZCORRECTED"
    )

    assert (updated.tracking_number, updated.carrier) == ("1ZCORRECTED", "UPS")


def test_a_tracking_update_that_leaves_no_carrier_is_refused_and_changes_nothing(
    order, warehouse
):
    (fulfillment,) = fulfil(order, warehouse)

    with pytest.raises(ValidationError) as error:
        fulfillment_tracking_update(
            fulfillment_id=fulfillment.pk, tracking_number="ABC123"
        )

    assert refusal(error)[:2] == ("carrier", "REQUIRED")
    fulfillment.refresh_from_db()
    assert (fulfillment.tracking_number, fulfillment.carrier) == ("", "")
    assert not order.events.filter(type="tracking_updated").exists()

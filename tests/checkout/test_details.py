from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from backend.checkout.complete import checkout_complete
from backend.checkout.details import (
    checkout_billing_address_update,
    checkout_customer_attach,
    checkout_customer_detach,
    checkout_delivery_method_update,
    checkout_email_update,
    checkout_shipping_address_update,
)
from backend.checkout.models import Checkout
from backend.checkout.selectors import checkout_by_token
from backend.order.models import Order
from tests import factories
from tests.fixtures.checkout import paid_with

RENO = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "street_address_1": "1 Main St",
    "city": "Reno",
    "postal_code": "89501",
    "country": "US",
    "country_area": "NV",
}


def _errors(excinfo) -> dict[str, str]:
    return {field: errors[0].code for field, errors in excinfo.value.error_dict.items()}


def test_checkout_email_update_stores_the_email_lowercased(ready_checkout):
    checkout_email_update(checkout_token=ready_checkout.token, email="Ada@Example.com")

    ready_checkout.refresh_from_db()
    assert ready_checkout.email == "ada@example.com"


def test_checkout_email_update_with_invalid_email_changes_nothing(ready_checkout):
    with pytest.raises(ValidationError) as excinfo:
        checkout_email_update(checkout_token=ready_checkout.token, email="not-mail")

    assert _errors(excinfo) == {"email": "INVALID"}
    ready_checkout.refresh_from_db()
    assert ready_checkout.email == "buyer@example.com"


def test_checkout_shipping_address_update_normalises_the_address(channel):
    checkout = factories.CheckoutFactory(channel=channel)

    checkout_shipping_address_update(checkout_token=checkout.token, address=RENO)

    checkout.refresh_from_db()
    address = checkout.shipping_address
    assert (address.city, address.postal_code, address.country.code) == (
        "RENO",
        "89501",
        "US",
    )


def test_checkout_shipping_address_with_invalid_postal_code_changes_nothing(channel):
    checkout = factories.CheckoutFactory(channel=channel)

    with pytest.raises(ValidationError) as excinfo:
        checkout_shipping_address_update(
            checkout_token=checkout.token, address={**RENO, "postal_code": "9999"}
        )

    assert _errors(excinfo) == {"postalCode": "INVALID"}
    checkout.refresh_from_db()
    assert checkout.shipping_address is None


def test_checkout_billing_address_without_required_state_is_refused(channel):
    checkout = factories.CheckoutFactory(channel=channel)

    with pytest.raises(ValidationError) as excinfo:
        checkout_billing_address_update(
            checkout_token=checkout.token, address={**RENO, "country_area": ""}
        )

    assert _errors(excinfo) == {"countryArea": "REQUIRED"}
    checkout.refresh_from_db()
    assert checkout.billing_address is None


def test_checkout_delivery_method_update_sets_an_applicable_method(
    ready_checkout, shipping_method
):
    Checkout.objects.filter(pk=ready_checkout.pk).update(shipping_method=None)

    checkout_delivery_method_update(
        checkout_token=ready_checkout.token, shipping_method_id=shipping_method.pk
    )

    ready_checkout.refresh_from_db()
    assert ready_checkout.shipping_method == shipping_method


def test_a_method_that_does_not_ship_to_the_address_is_refused(ready_checkout, channel):
    zone = factories.ShippingZoneFactory(countries=["DE"], channels=[channel])
    germany_only = factories.ShippingMethodFactory(shipping_zone=zone)
    factories.ShippingMethodChannelListingFactory(
        shipping_method=germany_only, channel=channel
    )
    chosen = ready_checkout.shipping_method_id

    with pytest.raises(ValidationError) as excinfo:
        checkout_delivery_method_update(
            checkout_token=ready_checkout.token, shipping_method_id=germany_only.pk
        )

    assert _errors(excinfo) == {"deliveryMethodId": "DELIVERY_METHOD_NOT_APPLICABLE"}
    ready_checkout.refresh_from_db()
    assert ready_checkout.shipping_method_id == chosen


def test_a_method_whose_minimum_order_price_is_not_reached_is_refused(
    ready_checkout, channel
):
    zone = factories.ShippingZoneFactory(countries=["US"], channels=[channel])
    free_over_100 = factories.ShippingMethodFactory(shipping_zone=zone)
    factories.ShippingMethodChannelListingFactory(
        shipping_method=free_over_100,
        channel=channel,
        price_amount=Decimal("0"),
        minimum_order_price_amount=Decimal("100"),
    )

    with pytest.raises(ValidationError) as excinfo:
        checkout_delivery_method_update(
            checkout_token=ready_checkout.token, shipping_method_id=free_over_100.pk
        )

    assert _errors(excinfo) == {"deliveryMethodId": "DELIVERY_METHOD_NOT_APPLICABLE"}


def test_an_unknown_method_is_not_found(ready_checkout):
    with pytest.raises(ValidationError) as excinfo:
        checkout_delivery_method_update(
            checkout_token=ready_checkout.token, shipping_method_id=999999
        )

    assert _errors(excinfo) == {"deliveryMethodId": "NOT_FOUND"}


def test_completing_after_moving_the_address_out_of_the_zone_is_refused(
    ready_checkout,
):
    checkout_shipping_address_update(
        checkout_token=ready_checkout.token,
        address={
            "first_name": "Ada",
            "street_address_1": "Unter den Linden 1",
            "city": "Berlin",
            "postal_code": "10117",
            "country": "DE",
        },
    )

    with pytest.raises(ValidationError) as excinfo:
        checkout_complete(
            checkout_token=ready_checkout.token, payment=paid_with("tok_success")
        )

    assert _errors(excinfo) == {"shippingMethod": "INVALID_SHIPPING_METHOD"}
    assert not Order.objects.exists()


def test_checkout_customer_attach_sets_owner_and_email(channel, customer_user):
    checkout = factories.CheckoutFactory(channel=channel, email="guest@example.com")

    checkout_customer_attach(checkout_token=checkout.token, user=customer_user)

    checkout.refresh_from_db()
    assert (checkout.user, checkout.email) == (customer_user, "customer@example.com")


def test_checkout_customer_attach_refuses_another_customers_checkout(
    channel, customer_user
):
    owner = factories.UserFactory()
    checkout = factories.CheckoutFactory(channel=channel, user=owner)

    with pytest.raises(ValidationError) as excinfo:
        checkout_customer_attach(checkout_token=checkout.token, user=customer_user)

    assert _errors(excinfo) == {"customerId": "INVALID"}
    checkout.refresh_from_db()
    assert checkout.user == owner


def test_checkout_customer_detach_leaves_a_guest_checkout(channel, customer_user):
    checkout = factories.CheckoutFactory(channel=channel, user=customer_user)

    checkout_customer_detach(checkout_token=checkout.token)

    checkout.refresh_from_db()
    assert checkout.user is None


def test_a_checkout_given_locked_is_written_without_a_second_read(ready_checkout):
    with transaction.atomic():
        locked = checkout_by_token(ready_checkout.token, lock=True)
        with CaptureQueriesContext(connection) as queries:
            updated = checkout_email_update(checkout=locked, email="Ada@Example.com")

    assert updated is locked
    # The caller's transaction and lock serve: no savepoint, no read, one write.
    assert [q["sql"].split()[0] for q in queries.captured_queries] == ["UPDATE"]
    ready_checkout.refresh_from_db()
    assert ready_checkout.email == "ada@example.com"


@pytest.mark.django_db(transaction=True)
def test_a_checkout_given_outside_a_transaction_is_refused_unwritten():
    checkout = factories.CheckoutFactory(email="before@example.com")

    with pytest.raises(RuntimeError):
        checkout_email_update(checkout=checkout, email="after@example.com")

    checkout.refresh_from_db()
    assert checkout.email == "before@example.com"

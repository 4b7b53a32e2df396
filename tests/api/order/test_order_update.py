"""orderUpdate as the dashboard's address and customer dialogs send it."""

import pytest
from graphql_relay import to_global_id

from tests import factories

from .dashboard import dashboard_document

pytestmark = pytest.mark.django_db

NEW_YORK = {
    "firstName": "Ada",
    "lastName": "Lovelace",
    "streetAddress1": "350 Fifth Avenue",
    "city": "New York",
    "postalCode": "10118",
    "country": "US",
    "countryArea": "NY",
    "phone": "+12125550100",
}


def update(order, **input):
    return {"id": to_global_id("Order", str(order.token)), "input": input}


def test_operations_change_the_shipping_address_as_a_new_copy(ops_api, customer_order):
    old = customer_order.shipping_address

    result = ops_api(
        dashboard_document("OrderUpdate"),
        update(customer_order, shippingAddress=NEW_YORK),
    )

    payload = result["data"]["orderUpdate"]
    assert payload["errors"] == []
    assert payload["order"]["shippingAddress"]["city"] == "NEW YORK"
    customer_order.refresh_from_db()
    shipping = customer_order.shipping_address
    assert shipping.pk != old.pk
    assert (shipping.street_address_1, shipping.postal_code) == (
        "350 Fifth Avenue",
        "10118",
    )
    old.refresh_from_db()
    assert old.city != "NEW YORK"
    event = customer_order.events.last()
    assert (event.type, event.parameters) == (
        "updated_address",
        {"address_type": "shipping"},
    )


def test_a_changed_email_links_the_order_to_that_customer(ops_api, customer_order):
    other = factories.UserFactory(email="other@example.com")

    result = ops_api(
        dashboard_document("OrderUpdate"),
        update(customer_order, userEmail="Other@Example.com"),
    )

    assert result["data"]["orderUpdate"]["errors"] == []
    customer_order.refresh_from_db()
    assert (customer_order.user_email, customer_order.user) == (
        "other@example.com",
        other,
    )


def test_an_address_its_country_refuses_names_the_field_and_address_type(
    ops_api, customer_order
):
    before = customer_order.billing_address_id

    result = ops_api(
        dashboard_document("OrderUpdate"),
        update(customer_order, billingAddress={**NEW_YORK, "postalCode": "ABC"}),
    )

    (error,) = result["data"]["orderUpdate"]["errors"]
    assert (error["field"], error["code"], error["addressType"]) == (
        "postalCode",
        "INVALID",
        "BILLING",
    )
    customer_order.refresh_from_db()
    assert customer_order.billing_address_id == before


def test_a_malformed_email_is_refused(ops_api, customer_order):
    email = customer_order.user_email

    result = ops_api(
        dashboard_document("OrderUpdate"), update(customer_order, userEmail="nope")
    )

    (error,) = result["data"]["orderUpdate"]["errors"]
    assert (error["field"], error["code"]) == ("userEmail", "INVALID")
    customer_order.refresh_from_db()
    assert customer_order.user_email == email


def test_a_merchandiser_cannot_change_an_orders_address(
    merchandiser_api, customer_order
):
    before = customer_order.shipping_address_id

    result = merchandiser_api(
        dashboard_document("OrderUpdate"),
        update(customer_order, shippingAddress=NEW_YORK),
    )

    assert result["data"]["orderUpdate"] is None
    assert "MANAGE_ORDERS" in result["errors"][0]["message"]
    customer_order.refresh_from_db()
    assert customer_order.shipping_address_id == before

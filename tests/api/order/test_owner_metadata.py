"""updateMetadata for a customer's own User, Checkout and Order (and a guest's)."""

import pytest
from graphql_relay import to_global_id

from backend.checkout.services import checkout_create
from backend.core.permissions import PermissionEnum
from tests.api.checkout.conftest import grant

from .conftest import place_order

UPDATE = """
mutation($id: ID!, $input: [MetadataInput!]!) {
  updateMetadata(id: $id, input: $input) {
    item { metadata { key value } }
    errors { field code message }
  }
}
"""
UPDATE_PRIVATE = """
mutation($id: ID!, $input: [MetadataInput!]!) {
  updatePrivateMetadata(id: $id, input: $input) {
    item { privateMetadata { key value } }
    errors { field code message }
  }
}
"""
NOTE = [{"key": "gift", "value": "yes"}]


def gid(instance) -> str:
    name = type(instance).__name__
    if name in {"Checkout", "Order"}:
        return to_global_id(name, str(instance.token))
    return to_global_id(name, str(instance.pk))


@pytest.fixture
def order_of(channel, shipping_method, variant):
    def place(user=None):
        return place_order(
            channel=channel,
            shipping_method=shipping_method,
            variant=variant,
            user=user,
            quantity=1,
        )

    return place


def assert_refused(result, mutation="updateMetadata"):
    assert result["data"][mutation] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == (
        "PermissionDenied"
    )


def test_a_customer_updates_their_own_user_metadata(customer_api, customer_user):
    result = customer_api(UPDATE, {"id": gid(customer_user), "input": NOTE})

    assert result["data"]["updateMetadata"] == {
        "item": {"metadata": [{"key": "gift", "value": "yes"}]},
        "errors": [],
    }
    customer_user.refresh_from_db()
    assert customer_user.metadata == {"gift": "yes"}


def test_a_customer_cannot_update_another_users_metadata(customer_api, other_customer):
    result = customer_api(UPDATE, {"id": gid(other_customer), "input": NOTE})

    assert_refused(result)
    other_customer.refresh_from_db()
    assert other_customer.metadata == {}


def test_a_customer_cannot_update_their_own_private_metadata(
    customer_api, customer_user
):
    result = customer_api(UPDATE_PRIVATE, {"id": gid(customer_user), "input": NOTE})

    assert_refused(result, "updatePrivateMetadata")
    customer_user.refresh_from_db()
    assert customer_user.private_metadata == {}


def test_a_customer_updates_their_own_checkout_metadata(
    customer_api, customer_user, channel
):
    checkout = checkout_create(channel=channel, user=customer_user)

    result = customer_api(UPDATE, {"id": gid(checkout), "input": NOTE})

    assert result["data"]["updateMetadata"]["errors"] == []
    checkout.refresh_from_db()
    assert checkout.metadata == {"gift": "yes"}


def test_an_anonymous_shopper_updates_a_guest_checkout_by_its_token(api, channel):
    checkout = checkout_create(channel=channel)

    result = api(UPDATE, {"id": str(checkout.token), "input": NOTE})

    assert result["data"]["updateMetadata"] == {
        "item": {"metadata": [{"key": "gift", "value": "yes"}]},
        "errors": [],
    }
    checkout.refresh_from_db()
    assert checkout.metadata == {"gift": "yes"}


def test_whoever_holds_a_customers_checkout_id_updates_its_metadata(
    api, customer_user, channel
):
    # Saleor: the checkout's id is the secret; public metadata needs no more.
    checkout = checkout_create(channel=channel, user=customer_user)

    result = api(UPDATE, {"id": gid(checkout), "input": NOTE})

    assert result["data"]["updateMetadata"]["errors"] == []
    checkout.refresh_from_db()
    assert checkout.metadata == {"gift": "yes"}


def test_a_customer_cannot_update_another_customers_private_checkout_metadata(
    customer_api, other_customer, channel
):
    checkout = checkout_create(channel=channel, user=other_customer)

    result = customer_api(UPDATE_PRIVATE, {"id": gid(checkout), "input": NOTE})

    assert_refused(result, "updatePrivateMetadata")
    checkout.refresh_from_db()
    assert checkout.private_metadata == {}


def test_a_guest_cannot_update_a_checkouts_private_metadata(api, channel):
    checkout = checkout_create(channel=channel)

    result = api(UPDATE_PRIVATE, {"id": gid(checkout), "input": NOTE})

    assert_refused(result, "updatePrivateMetadata")
    checkout.refresh_from_db()
    assert checkout.private_metadata == {}


def test_a_customer_updates_their_own_order_metadata(
    customer_api, customer_user, order_of
):
    order = order_of(customer_user)

    result = customer_api(UPDATE, {"id": gid(order), "input": NOTE})

    assert result["data"]["updateMetadata"]["errors"] == []
    order.refresh_from_db()
    assert order.metadata == {"gift": "yes"}


def test_a_customer_cannot_update_another_customers_order(
    customer_api, other_customer, order_of
):
    order = order_of(other_customer)

    result = customer_api(UPDATE, {"id": gid(order), "input": NOTE})

    assert_refused(result)
    order.refresh_from_db()
    assert order.metadata == {}


def test_staff_without_manage_orders_cannot_update_a_customers_order(
    api, staff_user, customer_user, order_of
):
    order = order_of(customer_user)
    staff = grant(staff_user, PermissionEnum.MANAGE_PRODUCTS)

    result = api.login(staff)(UPDATE_PRIVATE, {"id": gid(order), "input": NOTE})

    assert_refused(result, "updatePrivateMetadata")
    order.refresh_from_db()
    assert order.private_metadata == {}


def test_staff_managing_orders_update_an_orders_private_metadata(
    api, staff_user, customer_user, order_of
):
    order = order_of(customer_user)
    staff = grant(staff_user, PermissionEnum.MANAGE_ORDERS)

    result = api.login(staff)(UPDATE_PRIVATE, {"id": gid(order), "input": NOTE})

    assert result["data"]["updatePrivateMetadata"]["errors"] == []
    order.refresh_from_db()
    assert order.private_metadata == {"gift": "yes"}


def test_an_unknown_token_is_not_found(api, db):
    token = "7c4f1a8e-0000-4000-8000-000000000000"

    result = api(UPDATE, {"id": token, "input": NOTE})

    assert result["data"]["updateMetadata"]["errors"] == [
        {
            "field": "id",
            "code": "NOT_FOUND",
            "message": f"Couldn't resolve to a node: {token}",
        }
    ]

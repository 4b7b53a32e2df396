"""Staff who manage shipping, the people who may not, and a zone to edit."""

from decimal import Decimal

import pytest
from django.test import Client

from backend.core.permissions import PermissionEnum
from tests import factories
from tests.api.client import GraphQLClient
from tests.api.mutations.conftest import global_id, grant

__all__ = ["global_id"]


def client_for(user=None) -> GraphQLClient:
    """Return an API client of its own, logged in as the user if given."""
    api = GraphQLClient(Client())
    return api.login(user) if user is not None else api


@pytest.fixture
def shipping_api(db):
    """Operations staff who set shipping rules: MANAGE_SHIPPING."""
    user = factories.UserFactory(email="rules@example.com", is_staff=True)
    return client_for(grant(user, PermissionEnum.MANAGE_SHIPPING))


def refused_user(role: str):
    """Return a user who may not manage shipping, or None for anonymous."""
    if role == "anonymous":
        return None
    if role == "customer":
        return factories.UserFactory(email="shopper@example.com")
    if role == "merchandiser":
        user = factories.UserFactory(email="merch@example.com", is_staff=True)
        return grant(
            user,
            PermissionEnum.MANAGE_PRODUCTS,
            PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES,
            PermissionEnum.MANAGE_PAGES,
        )
    user = factories.UserFactory(email="ops@example.com", is_staff=True)
    return grant(user, PermissionEnum.MANAGE_ORDERS)


REFUSED_ROLES = ["anonymous", "customer", "merchandiser", "operations"]


@pytest.fixture(params=REFUSED_ROLES)
def refused_api(request, db):
    """Everyone without MANAGE_SHIPPING, one at a time."""
    return client_for(refused_user(request.param))


@pytest.fixture
def zone(channel, warehouse):
    """A US zone in the channel, sent from the warehouse, with one method."""
    zone = factories.ShippingZoneFactory(
        name="Contiguous US", countries=["US"], channels=[channel]
    )
    zone.warehouses.add(warehouse)
    return zone


@pytest.fixture
def method(zone, channel):
    method = factories.ShippingMethodFactory(
        shipping_zone=zone,
        name="Standard",
        carrier="UPS",
        minimum_delivery_days=1,
        maximum_delivery_days=2,
    )
    factories.ShippingMethodChannelListingFactory(
        shipping_method=method,
        channel=channel,
        price_amount=Decimal("5.00"),
        minimum_order_price_amount=Decimal("0"),
        maximum_order_price_amount=Decimal("500.00"),
    )
    return method


def method_id(method) -> str:
    return global_id_of("ShippingMethodType", method.pk)


def global_id_of(type_name: str, pk) -> str:
    from graphql_relay import to_global_id

    return to_global_id(type_name, str(pk))


def assert_refused(result: dict, field: str) -> None:
    assert result["data"][field] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == (
        "PermissionDenied"
    )
    assert "MANAGE_SHIPPING" in result["errors"][0]["message"]

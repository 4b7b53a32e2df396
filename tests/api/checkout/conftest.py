"""Call /graphql/ as a shopper, a customer or staff about checkouts."""

import pytest
from django.contrib.auth.models import Permission
from graphql_relay import to_global_id

from backend.core.permissions import PermissionEnum


def checkout_id(checkout) -> str:
    return to_global_id("Checkout", str(checkout.token))


def variant_id(variant) -> str:
    return to_global_id("ProductVariant", str(variant.pk))


def line_id(line) -> str:
    return to_global_id("CheckoutLine", str(line.pk))


@pytest.fixture
def customer_api(api, customer_user):
    return api.login(customer_user)


def grant(user, permission: PermissionEnum):
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="core", codename=permission.value
        )
    )
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def other_customer(db):
    from tests import factories

    return factories.UserFactory(email="other@example.com")

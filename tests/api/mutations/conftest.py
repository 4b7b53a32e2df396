"""Call /graphql/ as a signed-in user (a bearer token), as the dashboard does."""

import pytest
from django.contrib.auth.models import Permission
from graphql_relay import to_global_id

from backend.core.permissions import PermissionEnum
from tests import factories


def global_id(instance) -> str:
    return to_global_id(type(instance).__name__, str(instance.pk))


def grant(user, *permissions: PermissionEnum):
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="core", codename__in=[p.value for p in permissions]
        )
    )
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def staff_api(api, staff_user):
    """A staff member who manages products, attributes, menus and translations."""
    user = grant(
        staff_user,
        PermissionEnum.MANAGE_PRODUCTS,
        PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES,
        PermissionEnum.MANAGE_MENUS,
        PermissionEnum.MANAGE_TRANSLATIONS,
    )
    return api.login(user)


@pytest.fixture
def product_type(db):
    return factories.ProductTypeFactory(name="Strap", slug="strap")


def assert_permission_denied(result: dict, field: str):
    assert result["data"][field] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"

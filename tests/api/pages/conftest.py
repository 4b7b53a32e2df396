"""Call /graphql/ about pages as a shopper, a customer or a staff member."""

import pytest
from django.contrib.auth.models import Group
from graphql_relay import to_global_id

from backend.account.services import staff_groups_sync
from tests import factories


def global_id(instance) -> str:
    return to_global_id(type(instance).__name__, str(instance.pk))


def staff_in_group(name: str, email: str):
    """Return a staff member of one of the shop's staff groups."""
    staff_groups_sync()
    user = factories.UserFactory(email=email, is_staff=True)
    user.groups.add(Group.objects.get(name=name))
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def merchandiser(db):
    return staff_in_group("Merchandisers", "merchandiser@example.com")


@pytest.fixture
def operations(db):
    return staff_in_group("Operations", "operations@example.com")


@pytest.fixture
def merchandiser_api(api, merchandiser):
    return api.login(merchandiser)


def assert_permission_denied(result: dict, field: str):
    assert result["data"][field] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"

"""Which permissions a user holds: theirs and their groups', read at once."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backend.account.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="core", codename=codename)


def _fresh(user: User) -> User:
    """Return the user as a new request loads it, with nothing cached."""
    return User.objects.get(pk=user.pk)


def test_a_user_holds_the_permissions_given_to_them_and_to_their_groups():
    user = UserFactory(is_staff=True)
    user.user_permissions.add(_permission("manage_orders"))
    group = Group.objects.create(name="Catalog")
    group.permissions.add(_permission("manage_products"), _permission("manage_orders"))
    user.groups.add(group)
    Group.objects.create(name="Pages").permissions.add(_permission("manage_pages"))

    held = _fresh(user).get_all_permissions()

    assert held == {"core.manage_orders", "core.manage_products"}


def test_a_user_holds_what_djangos_own_lookups_say_they_hold():
    user = UserFactory(is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__startswith="view_"))
    group = Group.objects.create(name="Operations")
    group.permissions.add(*Permission.objects.filter(codename__startswith="manage_"))
    user.groups.add(group)
    fresh = _fresh(user)

    held = fresh.get_all_permissions()

    assert held == fresh.get_user_permissions() | fresh.get_group_permissions()
    assert len(held) > 20


def test_a_superuser_holds_every_permission():
    user = UserFactory(is_staff=True, is_superuser=True)

    held = _fresh(user).get_all_permissions()

    assert len(held) == Permission.objects.count()
    assert "core.manage_staff" in held


def test_an_inactive_user_holds_none():
    user = UserFactory(is_staff=True, is_active=False)
    user.user_permissions.add(_permission("manage_orders"))

    held = _fresh(user).get_all_permissions()

    assert held == set()
    assert not _fresh(user).has_perm("core.manage_orders")


def test_a_user_without_permissions_holds_none():
    user = UserFactory()

    assert _fresh(user).get_all_permissions() == set()


def test_checks_on_one_user_object_read_the_permissions_once():
    user = UserFactory(is_staff=True)
    user.user_permissions.add(_permission("manage_orders"))
    Group.objects.create(name="Catalog").user_set.add(user)
    fresh = _fresh(user)

    with CaptureQueriesContext(connection) as queries:
        allowed = fresh.has_perm("core.manage_orders")
        refused = fresh.has_perm("core.manage_products")

    assert (allowed, refused) == (True, False)
    assert len(queries.captured_queries) == 1

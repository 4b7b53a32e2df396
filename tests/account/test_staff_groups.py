from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from backend.account.services import staff_groups_sync
from backend.core.permissions import STAFF_GROUPS, PermissionEnum
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _codes(group: Group) -> set[str]:
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_staff_groups_sync_grants_exactly_the_staff_group_codes():
    groups = staff_groups_sync()

    assert set(groups) == {"Merchandisers", "Operations"}
    for name, permissions in STAFF_GROUPS.items():
        assert _codes(groups[name]) == {p.codename for p in permissions}


def test_staff_groups_sync_twice_changes_nothing():
    first = staff_groups_sync()
    groups_before = Group.objects.count()
    permissions_before = Permission.objects.count()

    second = staff_groups_sync()

    assert {name: g.pk for name, g in first.items()} == {
        name: g.pk for name, g in second.items()
    }
    assert Group.objects.count() == groups_before
    assert Permission.objects.count() == permissions_before
    assert _codes(second["Operations"]) == {
        p.codename for p in STAFF_GROUPS["Operations"]
    }


def test_staff_groups_sync_removes_a_code_granted_by_hand():
    groups = staff_groups_sync()
    extra = Permission.objects.get(
        content_type__app_label="core", codename=PermissionEnum.MANAGE_STAFF.value
    )
    groups["Operations"].permissions.add(extra)

    staff_groups_sync()

    assert "core.manage_staff" not in _codes(groups["Operations"])


def test_staff_groups_sync_creates_missing_permission_rows():
    Permission.objects.filter(content_type__app_label="core").delete()

    groups = staff_groups_sync()

    assert _codes(groups["Merchandisers"]) == {
        p.codename for p in STAFF_GROUPS["Merchandisers"]
    }


def test_group_member_holds_the_codes_through_has_perm():
    groups = staff_groups_sync()
    user = UserFactory(is_staff=True)
    user.groups.add(groups["Merchandisers"])

    assert user.has_perm("core.manage_products")
    assert not user.has_perm("core.manage_orders")


def test_sync_staff_groups_command_creates_groups_and_prints_codes():
    out = StringIO()

    call_command("sync_staff_groups", stdout=out)

    assert Group.objects.filter(name__in=["Merchandisers", "Operations"]).count() == 2
    assert out.getvalue().splitlines() == [
        "Merchandisers: MANAGE_DISCOUNTS, MANAGE_MENUS, MANAGE_PAGES, "
        "MANAGE_PAGE_TYPES_AND_ATTRIBUTES, MANAGE_PRODUCTS, "
        "MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES, MANAGE_TRANSLATIONS",
        "Operations: HANDLE_PAYMENTS, MANAGE_CHECKOUTS, MANAGE_ORDERS, "
        "MANAGE_SETTINGS, MANAGE_SHIPPING",
    ]

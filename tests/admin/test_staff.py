"""Staff accounts and groups: nobody hands out a code they do not hold."""

import pytest
from django.contrib.auth.models import Group, Permission

from backend.account.models import User
from backend.core.permissions import PermissionEnum
from tests import factories

pytestmark = pytest.mark.django_db


def _codes(*permissions: PermissionEnum):
    return Permission.objects.filter(
        content_type__app_label="core",
        codename__in=[permission.value for permission in permissions],
    )


@pytest.fixture
def staff_manager(client):
    user = factories.UserFactory(email="lead@example.com", is_staff=True)
    user.user_permissions.add(
        *_codes(PermissionEnum.MANAGE_STAFF, PermissionEnum.MANAGE_PRODUCTS)
    )
    client.force_login(user)
    return user


def test_group_can_get_a_code_its_editor_holds(client, staff_manager):
    products = _codes(PermissionEnum.MANAGE_PRODUCTS).get()

    response = client.post(
        "/admin/auth/group/add/",
        {"name": "Catalog interns", "permissions": [products.pk], "_save": "Save"},
    )

    assert response.status_code == 302
    group = Group.objects.get(name="Catalog interns")
    assert list(group.permissions.all()) == [products]


def test_group_cannot_get_a_code_its_editor_lacks(client, staff_manager):
    orders = _codes(PermissionEnum.MANAGE_ORDERS).get()

    response = client.post(
        "/admin/auth/group/add/",
        {"name": "Escalated", "permissions": [orders.pk], "_save": "Save"},
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Group.objects.filter(name="Escalated").exists()


def test_group_holding_codes_the_editor_lacks_is_read_only(
    client, staff_manager, staff_groups
):
    operations = staff_groups["Operations"]

    response = client.post(
        f"/admin/auth/group/{operations.pk}/change/",
        {"name": "Ops", "permissions": [], "_save": "Save"},
    )

    assert response.status_code == 403
    operations.refresh_from_db()
    assert operations.name == "Operations"


def test_staff_manager_cannot_make_a_superuser(client, staff_manager):
    clerk = factories.UserFactory(email="clerk@example.com", is_staff=True)

    response = client.post(
        f"/admin/account/user/{clerk.pk}/change/",
        {
            "email": clerk.email,
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "language_code": "en",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "00:00:00",
            "_save": "Save",
        },
    )

    assert response.status_code == 302
    clerk.refresh_from_db()
    assert clerk.is_superuser is False


def test_customer_manager_sees_only_customers(client, customer_user, staff_user):
    manager = factories.UserFactory(is_staff=True)
    manager.user_permissions.add(*_codes(PermissionEnum.MANAGE_USERS))
    client.force_login(manager)

    response = client.get("/admin/account/user/")

    assert [user.email for user in response.context["cl"].result_list] == [
        "customer@example.com"
    ]


def test_staff_account_is_added_with_a_password(client, staff_manager):
    response = client.post(
        "/admin/account/user/add/",
        {
            "email": "new.merch@example.com",
            "password1": "Lumbar-cushion-42",
            "password2": "Lumbar-cushion-42",
            "_save": "Save",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(email="new.merch@example.com")
    assert user.check_password("Lumbar-cushion-42")


def test_staff_manager_cannot_change_a_superuser(client, staff_manager):
    root = factories.UserFactory(is_staff=True, is_superuser=True)

    response = client.post(
        f"/admin/account/user/{root.pk}/change/",
        {"email": "taken.over@example.com", "_save": "Save"},
    )

    assert response.status_code == 403
    root.refresh_from_db()
    assert root.email != "taken.over@example.com"


def test_staff_manager_cannot_change_staff_holding_codes_they_lack(
    client, staff_manager, merchandiser
):
    response = client.get(f"/admin/account/user/{merchandiser.pk}/change/")

    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()


def test_group_form_lists_grantable_codes_by_saleor_name(client, staff_manager):
    response = client.get("/admin/auth/group/add/")

    choices = [
        label
        for _, label in response.context["adminform"].form.fields["permissions"].choices
    ]
    assert choices == ["MANAGE_PRODUCTS", "MANAGE_STAFF"]

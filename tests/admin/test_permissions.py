"""The admin asks the same Saleor permission codes the API asks."""

import json

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from graphql_relay import to_global_id

from backend.core.admin_permissions import SaleorPermissionAdminMixin
from backend.core.permissions import PermissionEnum
from tests import factories
from tests.api.bearer import bearer_headers

pytestmark = pytest.mark.django_db

PRODUCT_UPDATE = """
mutation Rename($id: ID!, $name: String!) {
  productUpdate(id: $id, input: {name: $name}) {
    errors { field code message }
    product { name }
  }
}
"""


def _product_update(client, user, product, name: str) -> dict:
    response = client.post(
        "/graphql/",
        data=json.dumps(
            {
                "query": PRODUCT_UPDATE,
                "variables": {"id": to_global_id("Product", product.pk), "name": name},
            }
        ),
        content_type="application/json",
        **bearer_headers(user),
    )
    assert response.status_code == 200
    return response.json()


def _staff_with(*permissions: PermissionEnum):
    user = factories.UserFactory(is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="core",
            codename__in=[permission.value for permission in permissions],
        )
    )
    return user


def _saleor_admins():
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, SaleorPermissionAdminMixin)
    ]


def _changelist(model) -> str:
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/"


def test_operations_user_is_refused_product_change_in_admin_and_api(
    ops_client, operations_user, published_product
):
    admin_response = ops_client.get(
        f"/admin/product/product/{published_product.pk}/change/"
    )
    admin_post = ops_client.post(
        f"/admin/product/product/{published_product.pk}/change/", {"name": "Hacked"}
    )
    api_answer = _product_update(
        ops_client, operations_user, published_product, "Hacked"
    )

    assert admin_response.status_code == 403
    assert admin_post.status_code == 403
    assert api_answer["data"]["productUpdate"] is None
    assert api_answer["errors"][0]["extensions"]["exception"] == {
        "code": "PermissionDenied",
        "permissions": ["MANAGE_PRODUCTS"],
    }
    published_product.refresh_from_db()
    assert published_product.name == "Stretch Strap"


def test_merchandiser_may_change_product_in_admin_and_api(
    merch_client, merchandiser, published_product
):
    admin_response = merch_client.get(
        f"/admin/product/product/{published_product.pk}/change/"
    )
    api_answer = _product_update(
        merch_client, merchandiser, published_product, "Long Strap"
    )

    assert admin_response.status_code == 200
    assert api_answer["data"]["productUpdate"] == {
        "errors": [],
        "product": {"name": "Long Strap"},
    }


def test_customer_cannot_log_in_to_admin(client, customer_user):
    response = client.post(
        "/admin/login/",
        {"username": "customer@example.com", "password": "Secret-pass-123"},
    )

    assert response.status_code == 200
    assert "for a staff account" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logged_in_customer_is_sent_to_admin_login(client, customer_user):
    client.force_login(customer_user)

    response = client.get("/admin/product/product/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_merchandiser_index_lists_catalog_but_not_channels_or_staff(merch_client):
    response = merch_client.get("/admin/")

    links = response.content.decode()
    assert response.status_code == 200
    assert 'href="/admin/product/product/"' in links
    assert 'href="/admin/menu/menu/"' in links
    assert 'href="/admin/channel/channel/"' not in links
    assert 'href="/admin/auth/group/"' not in links
    assert 'href="/admin/account/user/"' not in links


@pytest.mark.parametrize(
    ("model_name", "permission"),
    [
        ("product.product", PermissionEnum.MANAGE_PRODUCTS),
        ("product.productvariant", PermissionEnum.MANAGE_PRODUCTS),
        ("product.category", PermissionEnum.MANAGE_PRODUCTS),
        ("product.collection", PermissionEnum.MANAGE_PRODUCTS),
        (
            "product.producttype",
            PermissionEnum.MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES,
        ),
        ("warehouse.warehouse", PermissionEnum.MANAGE_PRODUCTS),
        ("channel.channel", PermissionEnum.MANAGE_CHANNELS),
        ("menu.menu", PermissionEnum.MANAGE_MENUS),
        ("page.page", PermissionEnum.MANAGE_PAGES),
        ("page.pagetype", PermissionEnum.MANAGE_PAGE_TYPES_AND_ATTRIBUTES),
        ("auth.group", PermissionEnum.MANAGE_STAFF),
        ("account.user", PermissionEnum.MANAGE_STAFF),
    ],
)
def test_admin_page_is_guarded_by_saleors_code(model_name, permission):
    model_admin = next(
        model_admin
        for model, model_admin in _saleor_admins()
        if model._meta.label_lower == model_name
    )

    assert permission in model_admin.permissions


@pytest.mark.parametrize(
    "model", [model for model, _ in _saleor_admins()], ids=lambda m: m._meta.label
)
def test_staff_without_codes_is_refused_every_admin_page(client, model):
    client.force_login(_staff_with())

    response = client.get(_changelist(model))

    assert response.status_code == 403


@pytest.mark.parametrize(
    ("model", "model_admin"),
    _saleor_admins(),
    ids=lambda value: getattr(getattr(value, "_meta", None), "label", ""),
)
def test_staff_with_the_admins_code_may_open_it(client, model, model_admin):
    client.force_login(_staff_with(*model_admin.permissions))

    response = client.get(_changelist(model))

    assert response.status_code == 200


def test_operations_user_reads_warehouses_but_cannot_change_them(ops_client, warehouse):
    page = ops_client.get(f"/admin/warehouse/warehouse/{warehouse.pk}/change/")
    post = ops_client.post(
        f"/admin/warehouse/warehouse/{warehouse.pk}/change/", {"name": "Moved"}
    )

    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert post.status_code == 403
    warehouse.refresh_from_db()
    assert warehouse.name != "Moved"


def test_superuser_opens_every_admin_page(client):
    client.force_login(
        factories.UserFactory(is_staff=True, is_superuser=True, email="root@x.com")
    )

    statuses = {
        model._meta.label: client.get(_changelist(model)).status_code
        for model, _ in _saleor_admins()
    }

    assert set(statuses.values()) == {200}

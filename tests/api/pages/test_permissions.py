"""Every page mutation: anonymous users, customers and operations staff are
refused and change nothing; merchandisers may."""

import pytest

from backend.attribute.models import (
    AssignedPageAttributeValue,
    Attribute,
    AttributePage,
)
from backend.page.models import Page, PageTranslation, PageType
from backend.product.models import Product

from .conftest import assert_permission_denied, global_id
from .documents import (
    PAGE_ATTRIBUTE_ASSIGN,
    PAGE_CREATE,
    PAGE_DELETE,
    PAGE_TRANSLATE,
    PAGE_UPDATE,
)

pytestmark = pytest.mark.django_db


def _create():
    return {
        "input": {
            "pageType": global_id(PageType.objects.get(slug="article")),
            "title": "Walking for Sciatica",
        }
    }


def _update():
    return {
        "id": global_id(Page.objects.get(slug="tens-for-sciatica")),
        "input": {
            "title": "Renamed",
            "attributes": [
                {
                    "id": global_id(Attribute.objects.get(slug="featured-products")),
                    "references": [
                        global_id(Product.objects.get(slug="moist-heat-pack"))
                    ],
                }
            ],
        },
    }


def _delete():
    return {"id": global_id(Page.objects.get(slug="tens-for-sciatica"))}


def _translate():
    return {
        "id": global_id(Page.objects.get(slug="tens-for-sciatica")),
        "input": {"title": "TENS para la ciática"},
    }


def _assign():
    return {
        "pageTypeId": global_id(PageType.objects.get(slug="article")),
        "attributeIds": [global_id(Attribute.objects.get(slug="therapy"))],
    }


MUTATIONS = {
    "pageCreate": (PAGE_CREATE, _create),
    "pageUpdate": (PAGE_UPDATE, _update),
    "pageDelete": (PAGE_DELETE, _delete),
    "pageTranslate": (PAGE_TRANSLATE, _translate),
    "pageAttributeAssign": (PAGE_ATTRIBUTE_ASSIGN, _assign),
}


def _state() -> dict:
    """Return everything a page mutation could change."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk", "slug", "title", "is_published", "published_at"
            )
        ),
        "values": list(
            AssignedPageAttributeValue.objects.order_by("pk").values_list(
                "page_id", "value_id", "sort_order"
            )
        ),
        "translations": list(
            PageTranslation.objects.order_by("pk").values_list(
                "page_id", "language_code", "title"
            )
        ),
        "page_type_attributes": list(
            AttributePage.objects.order_by("pk").values_list(
                "page_type_id", "attribute_id"
            )
        ),
    }


@pytest.mark.parametrize("name", MUTATIONS)
def test_anonymous_user_is_refused_and_nothing_changes(name, synced, api):
    document, variables = MUTATIONS[name]
    before = _state()

    result = api(document, variables())

    assert_permission_denied(result, name)
    assert _state() == before


@pytest.mark.parametrize("name", MUTATIONS)
def test_customer_is_refused_and_nothing_changes(name, synced, api, customer_user):
    document, variables = MUTATIONS[name]
    before = _state()

    result = api.login(customer_user)(document, variables())

    assert_permission_denied(result, name)
    assert _state() == before


@pytest.mark.parametrize("name", MUTATIONS)
def test_operations_staff_are_refused_and_nothing_changes(
    name, synced, api, operations
):
    document, variables = MUTATIONS[name]
    before = _state()

    result = api.login(operations)(document, variables())

    assert_permission_denied(result, name)
    assert _state() == before


@pytest.mark.parametrize("name", MUTATIONS)
def test_merchandiser_may_and_the_store_changes(name, synced, merchandiser_api):
    document, variables = MUTATIONS[name]
    before = _state()

    result = merchandiser_api(document, variables())

    assert "errors" not in result
    assert result["data"][name]["errors"] == []
    assert _state() != before


def test_refusal_names_the_permission_saleor_requires(synced, api, operations):
    expected = {
        "pageCreate": ["MANAGE_PAGES"],
        "pageUpdate": ["MANAGE_PAGES"],
        "pageDelete": ["MANAGE_PAGES"],
        "pageTranslate": ["MANAGE_TRANSLATIONS"],
        "pageAttributeAssign": ["MANAGE_PAGE_TYPES_AND_ATTRIBUTES"],
    }
    client = api.login(operations)

    found = {
        name: client(document, variables())["errors"][0]["extensions"]["exception"][
            "permissions"
        ]
        for name, (document, variables) in MUTATIONS.items()
    }

    assert found == expected

"""The dashboard's Model types screens (Saleor's page types), as it sends them.

Page types are written with MANAGE_PAGE_TYPES_AND_ATTRIBUTES (the
Merchandisers' group). The documents are read from ../shared at test time.
"""

import pytest
from graphql_relay import to_global_id

from backend.attribute.models import (
    AssignedPageAttributeValue,
    Attribute,
    AttributeInputType,
    AttributePage,
    AttributeType,
)
from backend.page.models import Page, PageType
from tests import factories
from tests.api.dashboard_documents import dashboard_document

from .conftest import global_id

pytestmark = pytest.mark.django_db

CREATE = ("modelTypes/mutations.ts", "PageTypeCreate")
UPDATE = ("modelTypes/mutations.ts", "PageTypeUpdate")
DELETE = ("modelTypes/mutations.ts", "PageTypeDelete")
BULK_DELETE = ("modelTypes/mutations.ts", "PageTypeBulkDelete")
UNASSIGN = ("modelTypes/mutations.ts", "UnassignPageAttribute")
REORDER = ("modelTypes/mutations.ts", "PageTypeAttributeReorder")
LIST = ("modelTypes/queries.ts", "PageTypeList")


def send(api, document, variables):
    return api(dashboard_document(*document), variables)


def _page_attribute(name: str) -> Attribute:
    return factories.AttributeFactory(
        name=name,
        slug=f"guide-{name.lower()}",
        type=AttributeType.PAGE_TYPE,
        input_type=AttributeInputType.DROPDOWN,
    )


@pytest.fixture
def guide_type(db):
    page_type = PageType.objects.create(name="Guide", slug="guide")
    for order, name in enumerate(("Level", "Length", "Author")):
        AttributePage.objects.create(
            attribute=_page_attribute(name), page_type=page_type, sort_order=order
        )
    return page_type


def _attribute_names(page_type) -> list[str]:
    return list(
        AttributePage.objects.filter(page_type=page_type)
        .order_by("sort_order", "pk")
        .values_list("attribute__name", flat=True)
    )


def test_merchandisers_create_a_page_type_with_attributes(merchandiser_api):
    level = _page_attribute("Level")

    result = send(
        merchandiser_api,
        CREATE,
        {"input": {"name": "How-to", "addAttributes": [global_id(level)]}},
    )

    payload = result["data"]["pageTypeCreate"]
    assert payload["errors"] == []
    assert payload["pageType"]["name"] == "How-to"
    assert [a["name"] for a in payload["pageType"]["attributes"]] == ["Level"]
    assert PageType.objects.get(name="How-to").slug == "how-to"


def test_a_page_type_without_a_name_is_refused(merchandiser_api):
    result = send(merchandiser_api, CREATE, {"input": {"name": "  "}})

    errors = result["data"]["pageTypeCreate"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("name", "REQUIRED")]
    assert not PageType.objects.exists()


def test_merchandisers_rename_a_page_type_and_swap_an_attribute(
    merchandiser_api, guide_type
):
    extra = _page_attribute("Audience")
    author = Attribute.objects.get(name="Author")

    result = send(
        merchandiser_api,
        UPDATE,
        {
            "id": global_id(guide_type),
            "input": {
                "name": "Guides",
                "addAttributes": [global_id(extra)],
                "removeAttributes": [global_id(author)],
            },
        },
    )

    assert result["data"]["pageTypeUpdate"]["errors"] == []
    guide_type.refresh_from_db()
    assert guide_type.name == "Guides"
    assert _attribute_names(guide_type) == ["Level", "Length", "Audience"]


def test_unassigning_an_attribute_drops_the_pages_values_of_it(
    merchandiser_api, guide_type
):
    level = Attribute.objects.get(name="Level")
    value = level.values.create(name="Beginner", slug="beginner")
    page = factories.PageFactory(page_type=guide_type, title="Start", slug="start")
    AssignedPageAttributeValue.objects.create(page=page, value=value)

    result = send(
        merchandiser_api,
        UNASSIGN,
        {"id": global_id(guide_type), "ids": [global_id(level)]},
    )

    assert result["data"]["pageAttributeUnassign"]["errors"] == []
    assert _attribute_names(guide_type) == ["Length", "Author"]
    assert not AssignedPageAttributeValue.objects.filter(page=page).exists()


def test_merchandisers_move_an_attribute_down_by_one(merchandiser_api, guide_type):
    level = Attribute.objects.get(name="Level")

    result = send(
        merchandiser_api,
        REORDER,
        {
            "pageTypeId": global_id(guide_type),
            "move": {"id": global_id(level), "sortOrder": 1},
        },
    )

    payload = result["data"]["pageTypeReorderAttributes"]
    assert payload["errors"] == []
    assert [a["name"] for a in payload["pageType"]["attributes"]] == [
        "Length",
        "Level",
        "Author",
    ]
    assert _attribute_names(guide_type) == ["Length", "Level", "Author"]


def test_moving_an_attribute_the_type_lacks_is_refused(merchandiser_api, guide_type):
    stranger = _page_attribute("Stranger")

    result = send(
        merchandiser_api,
        REORDER,
        {
            "pageTypeId": global_id(guide_type),
            "move": {"id": global_id(stranger), "sortOrder": -1},
        },
    )

    errors = result["data"]["pageTypeReorderAttributes"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("moves", "NOT_FOUND")]
    assert _attribute_names(guide_type) == ["Level", "Length", "Author"]


def test_deleting_a_page_type_deletes_its_pages(merchandiser_api, guide_type):
    factories.PageFactory(page_type=guide_type, title="Start", slug="start")

    result = send(merchandiser_api, DELETE, {"id": global_id(guide_type)})

    assert result["data"]["pageTypeDelete"]["errors"] == []
    assert not PageType.objects.filter(pk=guide_type.pk).exists()
    assert not Page.objects.filter(slug="start").exists()


def test_the_article_page_type_cannot_be_deleted(synced, merchandiser_api):
    article = PageType.objects.get(slug="article")
    articles = Page.objects.filter(page_type=article).count()

    result = send(merchandiser_api, BULK_DELETE, {"ids": [global_id(article)]})

    errors = result["data"]["pageTypeBulkDelete"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("id", "INVALID")]
    assert Page.objects.filter(page_type=article).count() == articles


def test_merchandisers_delete_page_types_in_bulk(merchandiser_api, guide_type):
    other = PageType.objects.create(name="Recipe", slug="recipe")

    result = send(
        merchandiser_api,
        BULK_DELETE,
        {"ids": [global_id(guide_type), global_id(other)]},
    )

    assert result["data"]["pageTypeBulkDelete"]["errors"] == []
    assert not PageType.objects.filter(pk__in=[guide_type.pk, other.pk]).exists()


def test_operations_staff_cannot_change_page_types(api, operations, guide_type):
    api.login(operations)
    ids = [global_id(guide_type)]

    created = send(api, CREATE, {"input": {"name": "Sneaky"}})
    deleted = send(api, BULK_DELETE, {"ids": ids})
    moved = send(
        api,
        REORDER,
        {
            "pageTypeId": ids[0],
            "move": {
                "id": global_id(Attribute.objects.get(name="Level")),
                "sortOrder": 1,
            },
        },
    )

    assert created["data"]["pageTypeCreate"] is None
    assert deleted["data"]["pageTypeBulkDelete"] is None
    assert moved["data"]["pageTypeReorderAttributes"] is None
    assert "MANAGE_PAGE_TYPES_AND_ATTRIBUTES" in created["errors"][0]["message"]
    assert not PageType.objects.filter(name="Sneaky").exists()
    assert PageType.objects.filter(pk=guide_type.pk).exists()
    assert _attribute_names(guide_type) == ["Level", "Length", "Author"]


def test_an_unknown_page_type_is_a_not_found_error(merchandiser_api):
    result = send(merchandiser_api, DELETE, {"id": to_global_id("PageType", "999999")})

    errors = result["data"]["pageTypeDelete"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("id", "NOT_FOUND")]


@pytest.mark.parametrize("size", [2, 20])
def test_page_type_list_query_count_does_not_grow_with_the_page(
    merchandiser_api, size, django_assert_max_num_queries
):
    for index in range(size):
        page_type = PageType.objects.create(name=f"Type {index:02}", slug=f"t-{index}")
        AttributePage.objects.create(
            attribute=_page_attribute(f"A{index}"), page_type=page_type
        )
    variables = {"first": size, "sort": {"field": "NAME", "direction": "ASC"}}
    send(merchandiser_api, LIST, variables)  # session warm

    with django_assert_max_num_queries(8):
        result = send(merchandiser_api, LIST, variables)

    assert len(result["data"]["pageTypes"]["edges"]) == size

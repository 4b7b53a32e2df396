"""Staff page mutations: Saleor's inputs, results and errors."""

import json

import pytest
from graphql_relay import to_global_id

from backend.attribute.models import (
    AssignedPageAttributeValue,
    Attribute,
    AttributeInputType,
    AttributePage,
    AttributeType,
)
from backend.page.models import Page, PageTranslation, PageType
from backend.page.services import content_sync
from backend.product.models import Product
from tests import factories

from .conftest import global_id
from .documents import (
    PAGE_ATTRIBUTE_ASSIGN,
    PAGE_CREATE,
    PAGE_DELETE,
    PAGE_TRANSLATE,
    PAGE_UPDATE,
)

pytestmark = pytest.mark.django_db


def _featured(page) -> list[str]:
    return list(
        AssignedPageAttributeValue.objects.filter(
            page=page, value__attribute__slug="featured-products"
        )
        .order_by("sort_order")
        .values_list("value__reference_product__slug", flat=True)
    )


def _product_ids(*slugs) -> list[str]:
    return [global_id(Product.objects.get(slug=slug)) for slug in slugs]


def _featured_attribute_id() -> str:
    return global_id(Attribute.objects.get(slug="featured-products"))


def test_page_create_makes_a_published_page_with_a_slug_from_the_title(
    synced, merchandiser_api
):
    article = PageType.objects.get(slug="article")
    content = {"blocks": [{"type": "paragraph", "data": {"text": "Hello"}}]}

    result = merchandiser_api(
        PAGE_CREATE,
        {
            "input": {
                "pageType": global_id(article),
                "title": "Walking for Sciatica",
                "content": json.dumps(content),
                "isPublished": True,
            }
        },
    )

    created = result["data"]["pageCreate"]
    assert created["errors"] == []
    assert created["page"]["slug"] == "walking-for-sciatica"
    assert created["page"]["isPublished"] is True
    assert created["page"]["publishedAt"] is not None
    assert json.loads(created["page"]["content"]) == content
    assert Page.objects.get(slug="walking-for-sciatica").content == content


def test_page_create_tags_featured_products(synced, merchandiser_api):
    article = PageType.objects.get(slug="article")

    result = merchandiser_api(
        PAGE_CREATE,
        {
            "input": {
                "pageType": global_id(article),
                "title": "Desk Setup",
                "attributes": [
                    {
                        "id": _featured_attribute_id(),
                        "references": _product_ids("gel-hot-cold-pack"),
                    }
                ],
            }
        },
    )

    assert result["data"]["pageCreate"]["errors"] == []
    assert _featured(Page.objects.get(slug="desk-setup")) == ["gel-hot-cold-pack"]


def test_page_create_without_a_title_is_refused(synced, merchandiser_api):
    article = PageType.objects.get(slug="article")
    pages_before = Page.objects.count()

    result = merchandiser_api(PAGE_CREATE, {"input": {"pageType": global_id(article)}})

    assert result["data"]["pageCreate"]["errors"] == [
        {
            "field": "title",
            "code": "REQUIRED",
            "message": "This field cannot be blank.",
            "attributes": None,
        }
    ]
    assert result["data"]["pageCreate"]["pageErrors"] == [{"code": "REQUIRED"}]
    assert Page.objects.count() == pages_before


def test_page_create_with_a_taken_slug_is_refused(synced, merchandiser_api):
    article = PageType.objects.get(slug="article")
    pages_before = Page.objects.count()

    result = merchandiser_api(
        PAGE_CREATE,
        {
            "input": {
                "pageType": global_id(article),
                "title": "Again",
                "slug": "tens-for-sciatica",
            }
        },
    )

    assert result["data"]["pageCreate"]["errors"] == [
        {
            "field": "slug",
            "code": "UNIQUE",
            "message": "Page with this Slug already exists.",
            "attributes": None,
        }
    ]
    assert Page.objects.count() == pages_before


def test_page_create_with_an_unknown_page_type_is_refused(synced, merchandiser_api):
    pages_before = Page.objects.count()

    result = merchandiser_api(
        PAGE_CREATE, {"input": {"pageType": "UGFnZVR5cGU6OTk5OQ==", "title": "X"}}
    )

    assert result["data"]["pageCreate"]["errors"] == [
        {
            "field": "pageType",
            "code": "NOT_FOUND",
            "message": "Couldn't resolve to a node: UGFnZVR5cGU6OTk5OQ==",
            "attributes": None,
        }
    ]
    assert Page.objects.count() == pages_before


def test_page_update_references_tag_products_in_order(synced, merchandiser_api):
    page = Page.objects.get(slug="physical-therapy-for-sciatica")

    result = merchandiser_api(
        PAGE_UPDATE,
        {
            "id": global_id(page),
            "input": {
                "attributes": [
                    {
                        "id": _featured_attribute_id(),
                        "references": _product_ids(
                            "moist-heat-pack", "loop-stretch-strap", "gel-hot-cold-pack"
                        ),
                    }
                ]
            },
        },
    )

    assigned = result["data"]["pageUpdate"]["page"]["assignedAttribute"]
    assert result["data"]["pageUpdate"]["errors"] == []
    assert [value["slug"] for value in assigned["value"]] == [
        "moist-heat-pack",
        "loop-stretch-strap",
        "gel-hot-cold-pack",
    ]
    assert _featured(page) == [
        "moist-heat-pack",
        "loop-stretch-strap",
        "gel-hot-cold-pack",
    ]


def test_tags_set_through_the_api_survive_a_content_sync(synced, merchandiser_api):
    page = Page.objects.get(slug="tens-for-sciatica")
    merchandiser_api(
        PAGE_UPDATE,
        {
            "id": global_id(page),
            "input": {
                "attributes": [
                    {
                        "id": _featured_attribute_id(),
                        "references": _product_ids(
                            "pulseease-tens-unit", "self-adhesive-electrode-pads"
                        ),
                    }
                ]
            },
        },
    )

    content_sync()

    assert _featured(page) == ["pulseease-tens-unit", "self-adhesive-electrode-pads"]


def test_page_update_with_an_unknown_product_changes_nothing(synced, merchandiser_api):
    page = Page.objects.get(slug="tens-for-sciatica")
    merchandiser_api(
        PAGE_UPDATE,
        {
            "id": global_id(page),
            "input": {
                "attributes": [
                    {
                        "id": _featured_attribute_id(),
                        "references": _product_ids("pulseease-tens-unit"),
                    }
                ]
            },
        },
    )

    result = merchandiser_api(
        PAGE_UPDATE,
        {
            "id": global_id(page),
            "input": {
                "title": "Renamed",
                "attributes": [
                    {
                        "id": _featured_attribute_id(),
                        "references": ["UHJvZHVjdDo5OTk5OQ=="],
                    }
                ],
            },
        },
    )

    assert result["data"]["pageUpdate"] == {
        "page": None,
        "errors": [
            {
                "field": "attributes",
                "code": "NOT_FOUND",
                "message": "A referenced object does not exist.",
            }
        ],
    }
    page.refresh_from_db()
    assert page.title == "TENS for Sciatica"
    assert _featured(page) == ["pulseease-tens-unit"]


def test_page_update_sets_the_conditions_multiselect(synced, merchandiser_api):
    page = Page.objects.get(slug="tens-for-sciatica")
    conditions = Attribute.objects.get(slug="conditions")

    result = merchandiser_api(
        PAGE_UPDATE,
        {
            "id": global_id(page),
            "input": {
                "attributes": [
                    {
                        "id": global_id(conditions),
                        "multiselect": [{"value": "sciatica"}, {"value": "piriformis"}],
                    }
                ]
            },
        },
    )

    assert result["data"]["pageUpdate"]["errors"] == []
    assert list(
        AssignedPageAttributeValue.objects.filter(
            page=page, value__attribute=conditions
        )
        .order_by("sort_order")
        .values_list("value__slug", flat=True)
    ) == ["sciatica", "piriformis"]


def test_page_update_with_an_attribute_of_another_type_is_refused(
    synced, merchandiser_api
):
    page = Page.objects.get(slug="tens-for-sciatica")
    stranger = Attribute.objects.get(slug="therapy")

    result = merchandiser_api(
        PAGE_UPDATE,
        {
            "id": global_id(page),
            "input": {"attributes": [{"id": global_id(stranger), "values": ["heat"]}]},
        },
    )

    assert result["data"]["pageUpdate"]["errors"] == [
        {
            "field": "attributes",
            "code": "INVALID",
            "message": "An attribute is not one of the page type's attributes.",
        }
    ]
    assert not AssignedPageAttributeValue.objects.filter(
        page=page, value__attribute=stranger
    ).exists()


def test_page_update_unpublishes_and_sets_seo(synced, merchandiser_api):
    page = Page.objects.get(slug="tens-for-sciatica")

    result = merchandiser_api(
        PAGE_UPDATE,
        {
            "id": global_id(page),
            "input": {"isPublished": False, "seo": {"title": "TENS guide"}},
        },
    )

    assert result["data"]["pageUpdate"]["page"]["isPublished"] is False
    assert result["data"]["pageUpdate"]["page"]["seoTitle"] == "TENS guide"
    page.refresh_from_db()
    assert (page.is_published, page.seo_title) == (False, "TENS guide")


def test_page_delete_removes_the_page(synced, merchandiser_api):
    page = Page.objects.get(slug="tens-for-sciatica")

    result = merchandiser_api(PAGE_DELETE, {"id": global_id(page)})

    assert result["data"]["pageDelete"] == {
        "page": {"id": global_id(page), "slug": "tens-for-sciatica"},
        "errors": [],
    }
    assert not Page.objects.filter(pk=page.pk).exists()


def test_page_delete_with_a_product_id_is_refused(synced, merchandiser_api):
    pages_before = Page.objects.count()

    result = merchandiser_api(PAGE_DELETE, {"id": _product_ids("moist-heat-pack")[0]})

    assert result["data"]["pageDelete"]["errors"][0]["code"] == "GRAPHQL_ERROR"
    assert result["data"]["pageDelete"]["errors"][0]["field"] == "id"
    assert Page.objects.count() == pages_before


def test_page_translate_stores_the_translation(synced, merchandiser_api):
    page = Page.objects.get(slug="tens-for-sciatica")

    result = merchandiser_api(
        PAGE_TRANSLATE,
        {
            "id": global_id(page),
            "input": {"title": "TENS para la ciática", "slug": "tens-para-la-ciatica"},
        },
    )

    translated = result["data"]["pageTranslate"]
    assert translated["errors"] == []
    assert translated["page"]["pageId"] == global_id(page)
    assert translated["page"]["title"] == "TENS for Sciatica"
    assert translated["page"]["translation"] == {
        "title": "TENS para la ciática",
        "slug": "tens-para-la-ciatica",
        "seoTitle": None,
        "language": {"code": "ES"},
    }
    assert sorted(v["name"] for v in translated["page"]["attributeValues"]) == sorted(
        AssignedPageAttributeValue.objects.filter(
            page=page, value__attribute__slug="conditions"
        ).values_list("value__name", flat=True)
    )
    assert PageTranslation.objects.get(page=page, language_code="es").title == (
        "TENS para la ciática"
    )


def test_page_translate_with_a_taken_slug_is_refused(synced, merchandiser_api):
    massage = Page.objects.get(slug="sciatica-massage")
    PageTranslation.objects.create(
        page=massage, language_code="es", slug="masaje", title="Masaje"
    )
    page = Page.objects.get(slug="tens-for-sciatica")

    result = merchandiser_api(
        PAGE_TRANSLATE, {"id": global_id(page), "input": {"slug": "masaje"}}
    )

    assert result["data"]["pageTranslate"]["errors"] == [
        {
            "field": "slug",
            "code": "UNIQUE",
            "message": "Page translation with this Slug already exists.",
        }
    ]
    assert not PageTranslation.objects.filter(page=page).exists()


def test_page_attribute_assign_takes_a_page_attribute(synced, merchandiser_api):
    article = PageType.objects.get(slug="article")
    summary = factories.AttributeFactory(
        slug="reading-time",
        type=AttributeType.PAGE_TYPE,
        input_type=AttributeInputType.NUMERIC,
    )

    result = merchandiser_api(
        PAGE_ATTRIBUTE_ASSIGN,
        {"pageTypeId": global_id(article), "attributeIds": [global_id(summary)]},
    )

    assert result["data"]["pageAttributeAssign"] == {
        "pageType": {
            "slug": "article",
            "attributes": [
                {"slug": "featured-products"},
                {"slug": "conditions"},
                {"slug": "reading-time"},
            ],
        },
        "errors": [],
    }


def test_page_attribute_assign_takes_a_shared_product_multiselect(
    synced, merchandiser_api
):
    article = PageType.objects.get(slug="article")
    therapy = Attribute.objects.get(slug="therapy")

    result = merchandiser_api(
        PAGE_ATTRIBUTE_ASSIGN,
        {"pageTypeId": global_id(article), "attributeIds": [global_id(therapy)]},
    )

    assert result["data"]["pageAttributeAssign"]["errors"] == []
    assert AttributePage.objects.filter(page_type=article, attribute=therapy).exists()


def test_page_attribute_assign_refuses_a_product_numeric_attribute(
    synced, merchandiser_api
):
    article = PageType.objects.get(slug="article")
    weight = factories.AttributeFactory(
        slug="strap-width",
        type=AttributeType.PRODUCT_TYPE,
        input_type=AttributeInputType.NUMERIC,
    )
    links_before = AttributePage.objects.count()

    result = merchandiser_api(
        PAGE_ATTRIBUTE_ASSIGN,
        {"pageTypeId": global_id(article), "attributeIds": [global_id(weight)]},
    )

    assert result["data"]["pageAttributeAssign"] == {
        "pageType": None,
        "errors": [
            {
                "field": "attributeIds",
                "code": "INVALID",
                "message": "Only page type attributes, or product type dropdown and "
                "multiselect attributes, can be assigned.",
                "attributes": [global_id(weight)],
            }
        ],
    }
    assert AttributePage.objects.count() == links_before


def test_page_attribute_assign_refuses_an_assigned_attribute(synced, merchandiser_api):
    article = PageType.objects.get(slug="article")
    conditions = Attribute.objects.get(slug="conditions")

    result = merchandiser_api(
        PAGE_ATTRIBUTE_ASSIGN,
        {"pageTypeId": global_id(article), "attributeIds": [global_id(conditions)]},
    )

    assert result["data"]["pageAttributeAssign"]["errors"] == [
        {
            "field": "attributeIds",
            "code": "ATTRIBUTE_ALREADY_ASSIGNED",
            "message": "Some of the attributes are already assigned to this page type.",
            "attributes": [global_id(conditions)],
        }
    ]


def test_page_update_with_a_blank_slug_is_refused(synced, merchandiser_api):
    page = Page.objects.get(slug="tens-for-sciatica")

    result = merchandiser_api(
        PAGE_UPDATE, {"id": global_id(page), "input": {"slug": "", "title": "New"}}
    )

    assert result["data"]["pageUpdate"]["errors"] == [
        {"field": "slug", "code": "REQUIRED", "message": "Slug value cannot be blank."}
    ]
    page.refresh_from_db()
    assert (page.slug, page.title) == ("tens-for-sciatica", "TENS for Sciatica")


def test_page_update_changes_the_slug(synced, merchandiser_api):
    page = Page.objects.get(slug="tens-for-sciatica")

    result = merchandiser_api(
        PAGE_UPDATE, {"id": global_id(page), "input": {"slug": "tens-units"}}
    )

    assert result["data"]["pageUpdate"]["page"]["slug"] == "tens-units"
    page.refresh_from_db()
    assert page.slug == "tens-units"


def test_page_translate_takes_a_translatable_content_id(synced, merchandiser_api):
    page = Page.objects.get(slug="tens-for-sciatica")
    content_id = to_global_id("PageTranslatableContent", str(page.pk))

    result = merchandiser_api(
        PAGE_TRANSLATE, {"id": content_id, "input": {"title": "TENS"}}
    )

    assert result["data"]["pageTranslate"]["page"]["id"] == content_id
    assert PageTranslation.objects.get(page=page, language_code="es").title == "TENS"

"""The dashboard's Models screens (Saleor's pages), as the dashboard sends them.

The documents are read from ../shared at test time. Tagging an article's
Featured products through the dashboard's pageUpdate shows on the article's
shop block at the next request, in the order given.
"""

import pytest
from graphql_relay import to_global_id

from backend.attribute.models import Attribute
from backend.page.models import Page
from backend.product.models import Product
from tests import factories
from tests.api.dashboard_documents import dashboard_document
from tests.storefront.helpers import texts_by_class

from .conftest import global_id

pytestmark = pytest.mark.django_db

PAGE_UPDATE = ("modeling/mutations.ts", "PageUpdate")
PAGE_DETAILS = ("modeling/queries.ts", "PageDetails")
PAGE_LIST = ("modeling/queries.ts", "PageList")
BULK_DELETE = ("modeling/mutations.ts", "PageBulkRemove")
BULK_PUBLISH = ("modeling/mutations.ts", "PageBulkPublish")
SLUG = "physical-therapy-for-sciatica"
URL = f"/articles/{SLUG}/"
VALUES = {"firstValues": 10}


def send(api, document, variables):
    return api(dashboard_document(*document), variables)


def _article() -> Page:
    return Page.objects.get(slug=SLUG)


def _products(*slugs) -> list[str]:
    return [global_id(Product.objects.get(slug=slug)) for slug in slugs]


def _featured_attribute_id() -> str:
    return global_id(Attribute.objects.get(slug="featured-products"))


def _end_block_names(client) -> list[str]:
    html = client.get(URL).content.decode()
    block = html.split('data-block="end"', 1)[1].split("</section>", 1)[0]
    return texts_by_class(block, "shop-item-name")


def _tag(api, *slugs):
    return send(
        api,
        PAGE_UPDATE,
        {
            "id": global_id(_article()),
            "input": {
                "attributes": [
                    {"id": _featured_attribute_id(), "references": _products(*slugs)}
                ]
            },
            **VALUES,
        },
    )


def test_dashboard_tags_featured_products_and_the_article_shows_them_in_order(
    client, synced, merchandiser_api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _tag(merchandiser_api, "moist-heat-pack", "loop-stretch-strap")
    assert _end_block_names(client) == [
        "Moist Heat Therapy Pack",
        "12-Loop Stretch Strap",
    ]

    with django_capture_on_commit_callbacks(execute=True):
        result = _tag(
            merchandiser_api,
            "loop-stretch-strap",
            "gel-hot-cold-pack",
            "moist-heat-pack",
        )

    assert result["data"]["pageUpdate"]["errors"] == []
    attributes = result["data"]["pageUpdate"]["page"]["attributes"]
    featured = next(
        a for a in attributes if a["attribute"]["slug"] == "featured-products"
    )
    assert [value["reference"] for value in featured["values"]] == _products(
        "loop-stretch-strap", "gel-hot-cold-pack", "moist-heat-pack"
    )
    assert _end_block_names(client) == [
        "12-Loop Stretch Strap",
        "Reusable Gel Hot & Cold Pack",
        "Moist Heat Therapy Pack",
    ]


def test_dashboard_removes_a_featured_product_and_the_article_drops_it(
    client, synced, merchandiser_api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _tag(merchandiser_api, "moist-heat-pack", "loop-stretch-strap")
    _end_block_names(client)  # cached

    with django_capture_on_commit_callbacks(execute=True):
        _tag(merchandiser_api, "loop-stretch-strap")

    assert _end_block_names(client) == ["12-Loop Stretch Strap"]


def test_tagging_a_missing_product_is_refused_and_the_article_keeps_its_tags(
    client, synced, merchandiser_api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _tag(merchandiser_api, "moist-heat-pack")
    gone = to_global_id("Product", "999999")

    with django_capture_on_commit_callbacks(execute=True):
        result = send(
            merchandiser_api,
            PAGE_UPDATE,
            {
                "id": global_id(_article()),
                "input": {
                    "attributes": [
                        {"id": _featured_attribute_id(), "references": [gone]}
                    ]
                },
                **VALUES,
            },
        )

    assert result["data"]["pageUpdate"]["errors"][0]["code"] in {"NOT_FOUND", "INVALID"}
    assert result["data"]["pageUpdate"]["page"] is None
    assert _end_block_names(client) == ["Moist Heat Therapy Pack"]


def test_operations_staff_cannot_tag_products(synced, api, operations):
    before = list(_article().attributevalues.values_list("value_id", "sort_order"))

    result = _tag(api.login(operations), "moist-heat-pack")

    assert result["data"]["pageUpdate"] is None
    assert "MANAGE_PAGES" in result["errors"][0]["message"]
    assert (
        list(_article().attributevalues.values_list("value_id", "sort_order")) == before
    )


def test_the_dashboard_reads_an_articles_details(synced, merchandiser_api):
    result = send(
        merchandiser_api, PAGE_DETAILS, {"id": global_id(_article()), **VALUES}
    )

    assert "errors" not in result
    page = result["data"]["page"]
    assert page["slug"] == SLUG
    assert page["pageType"]["name"] == "Article"
    featured = next(
        a for a in page["pageType"]["attributes"] if a["name"] == "Featured products"
    )
    assert featured["entityType"] == "PRODUCT"
    assert featured["inputType"] == "REFERENCE"


def test_staff_publish_and_hide_pages_in_bulk(synced, merchandiser_api):
    pages = list(Page.objects.order_by("pk")[:2])

    hidden = send(
        merchandiser_api,
        BULK_PUBLISH,
        {"ids": [global_id(p) for p in pages], "isPublished": False},
    )

    assert hidden["data"]["pageBulkPublish"]["errors"] == []
    assert not Page.objects.filter(pk__in=[p.pk for p in pages], is_published=True)
    shown = send(
        merchandiser_api,
        BULK_PUBLISH,
        {"ids": [global_id(pages[0])], "isPublished": True},
    )
    assert shown["data"]["pageBulkPublish"]["errors"] == []
    assert Page.objects.get(pk=pages[0].pk).is_published is True


def test_staff_delete_pages_in_bulk(synced, merchandiser_api):
    page_type = _article().page_type
    drafts = [
        factories.PageFactory(page_type=page_type, title=f"Draft {i}", slug=f"d-{i}")
        for i in range(2)
    ]

    result = send(
        merchandiser_api, BULK_DELETE, {"ids": [global_id(p) for p in drafts]}
    )

    assert result["data"]["pageBulkDelete"]["errors"] == []
    assert not Page.objects.filter(pk__in=[p.pk for p in drafts]).exists()
    assert Page.objects.filter(slug=SLUG).exists()


def test_bulk_deleting_an_unknown_page_deletes_nothing(synced, merchandiser_api):
    count = Page.objects.count()

    result = send(
        merchandiser_api,
        BULK_DELETE,
        {"ids": [global_id(_article()), to_global_id("Page", "999999")]},
    )

    errors = result["data"]["pageBulkDelete"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("ids", "NOT_FOUND")]
    assert Page.objects.count() == count


def test_operations_staff_cannot_delete_or_publish_pages(synced, api, operations):
    api.login(operations)
    ids = [global_id(_article())]

    deleted = send(api, BULK_DELETE, {"ids": ids})
    hidden = send(api, BULK_PUBLISH, {"ids": ids, "isPublished": False})

    assert deleted["data"]["pageBulkDelete"] is None
    assert hidden["data"]["pageBulkPublish"] is None
    assert _article().is_published is True


@pytest.mark.parametrize("size", [2, 20])
def test_page_list_query_count_does_not_grow_with_the_page(
    synced, merchandiser_api, size, django_assert_max_num_queries
):
    variables = {"first": size, "sort": {"field": "TITLE", "direction": "ASC"}}
    send(merchandiser_api, PAGE_LIST, variables)  # session warm

    with django_assert_max_num_queries(8):
        result = send(merchandiser_api, PAGE_LIST, variables)

    edges = result["data"]["pages"]["edges"]
    assert len(edges) == min(size, Page.objects.count())
    assert all(edge["node"]["pageType"]["name"] for edge in edges)

"""pages, page, pageTypes and pageType as Saleor serves them."""

import json

import pytest
from django.utils import timezone

from backend.page.models import Page, PageTranslation, PageType

from .conftest import global_id

pytestmark = pytest.mark.django_db

PAGES = """
query Pages($first: Int, $filter: PageFilterInput, $where: PageWhereInput,
            $sortBy: PageSortingInput, $search: String, $channel: String) {
  pages(first: $first, filter: $filter, where: $where, sortBy: $sortBy,
        search: $search, channel: $channel) {
    totalCount
    edges { node { id slug title isPublished pageType { slug } } }
  }
}
"""


def _slugs(result):
    return [edge["node"]["slug"] for edge in result["data"]["pages"]["edges"]]


def test_shoppers_see_published_pages_by_slug(synced, api):
    result = api(PAGES, {"first": 20})

    assert _slugs(result) == [
        "exercises-for-sciatica",
        "foam-rolling-for-sciatica",
        "heat-or-ice-for-sciatica",
        "physical-therapy-for-sciatica",
        "sciatica-massage",
        "tens-for-sciatica",
        "yoga-for-sciatica-pain",
    ]
    assert result["data"]["pages"]["totalCount"] == 7


def test_an_unpublished_page_is_invisible_to_shoppers(synced, api):
    Page.objects.filter(slug="tens-for-sciatica").update(is_published=False)
    page = Page.objects.get(slug="tens-for-sciatica")

    listed = api(PAGES, {"first": 20})
    by_slug = api('{ page(slug: "tens-for-sciatica") { slug } }')
    by_id = api("query($id: ID!) { page(id: $id) { slug } }", {"id": global_id(page)})

    assert "tens-for-sciatica" not in _slugs(listed)
    assert by_slug["data"]["page"] is None
    assert by_id["data"]["page"] is None


def test_a_page_published_in_the_future_is_invisible_to_shoppers(synced, api):
    Page.objects.filter(slug="tens-for-sciatica").update(
        published_at=timezone.now() + timezone.timedelta(days=1)
    )

    result = api('{ page(slug: "tens-for-sciatica") { slug } }')

    assert result["data"]["page"] is None


def test_page_staff_see_unpublished_pages(synced, merchandiser_api):
    Page.objects.filter(slug="tens-for-sciatica").update(is_published=False)

    result = merchandiser_api(
        '{ page(slug: "tens-for-sciatica") { slug isPublished } }'
    )

    assert result["data"]["page"] == {"slug": "tens-for-sciatica", "isPublished": False}


def test_pages_where_slug_one_of_and_channel(synced, api):
    result = api(
        PAGES,
        {
            "first": 20,
            "channel": "default-channel",
            "where": {"slug": {"oneOf": ["tens-for-sciatica", "sciatica-massage"]}},
        },
    )

    assert _slugs(result) == ["sciatica-massage", "tens-for-sciatica"]


def test_pages_for_an_unknown_channel_is_an_error(synced, api):
    result = api(PAGES, {"first": 5, "channel": "nowhere"})

    assert result["data"]["pages"] is None
    assert result["errors"][0]["message"] == (
        "Channel with 'nowhere' slug does not exist."
    )


def test_pages_where_attribute_condition(synced, api):
    result = api(
        PAGES,
        {
            "first": 20,
            "where": {
                "attributes": [
                    {
                        "slug": "conditions",
                        "value": {"slug": {"eq": "tight-hamstrings"}},
                    }
                ]
            },
        },
    )

    assert _slugs(result) == ["exercises-for-sciatica", "yoga-for-sciatica-pain"]


def test_pages_filter_by_page_type(synced, api):
    other = PageType.objects.create(name="Policy", slug="policy")
    Page.objects.create(
        page_type=other, title="Returns", slug="returns", is_published=True
    )

    result = api(PAGES, {"first": 20, "filter": {"pageTypes": [global_id(other)]}})

    assert _slugs(result) == ["returns"]


def test_search_by_rank_puts_the_title_match_first(synced, api):
    mentioning = sorted(
        page.slug
        for page in Page.objects.all()
        if "massage" in json.dumps(page.content).lower() or "massage" in page.slug
    )

    result = api(
        PAGES,
        {
            "first": 20,
            "search": "massage",
            "sortBy": {"field": "RANK", "direction": "DESC"},
        },
    )

    assert _slugs(result)[0] == "sciatica-massage"
    assert sorted(_slugs(result)) == mentioning


def test_pages_sorted_by_title_descending(synced, api):
    result = api(PAGES, {"first": 3, "sortBy": {"field": "TITLE", "direction": "DESC"}})

    assert [edge["node"]["title"] for edge in result["data"]["pages"]["edges"]] == [
        "Yoga for Sciatica Pain",
        "TENS for Sciatica",
        "Sciatica Massage",
    ]


def test_sorting_by_rank_needs_a_search(synced, api):
    result = api(PAGES, {"first": 3, "sortBy": {"field": "RANK", "direction": "DESC"}})

    assert result["errors"][0]["message"] == (
        "Sorting by RANK is available only when using a search filter."
    )


def test_pages_without_first_or_last_is_saleors_error(synced, api):
    result = api("{ pages { edges { node { slug } } } }")

    assert result["errors"][0]["message"] == (
        "You must provide a `first` or `last` value to properly paginate the "
        "`pages` connection."
    )


def test_page_by_translated_slug(synced, api):
    page = Page.objects.get(slug="tens-for-sciatica")
    PageTranslation.objects.create(
        page=page, language_code="es", slug="tens-para-la-ciatica", title="TENS"
    )

    result = api(
        '{ page(slug: "tens-para-la-ciatica", slugLanguageCode: ES) '
        "{ slug translation(languageCode: ES) { slug title } } }"
    )

    assert result["data"]["page"] == {
        "slug": "tens-for-sciatica",
        "translation": {"slug": "tens-para-la-ciatica", "title": "TENS"},
    }


def test_page_by_an_invalid_id_is_saleors_error(synced, api):
    result = api('{ page(id: "bm9wZQ==") { slug } }')

    assert result["data"]["page"] is None
    assert result["errors"][0]["message"] == "Invalid ID: bm9wZQ==. Expected: Page."


def test_page_needs_an_id_or_a_slug(synced, api):
    result = api("{ page { slug } }")

    assert result["errors"][0]["message"] == (
        "At least one of arguments is required: 'id', 'slug'."
    )


def test_page_fields(synced, api):
    result = api(
        """{ page(slug: "tens-for-sciatica") {
          title seoTitle publishedAt publicationDate created content contentJson
          pageType { name slug attributes { slug } }
        } }"""
    )

    page = result["data"]["page"]
    stored = Page.objects.get(slug="tens-for-sciatica")
    assert page["title"] == stored.title == "TENS for Sciatica"
    assert page["seoTitle"] == stored.seo_title
    assert page["publicationDate"] == stored.published_at.date().isoformat()
    assert page["pageType"] == {
        "name": "Article",
        "slug": "article",
        "attributes": [{"slug": "featured-products"}, {"slug": "conditions"}],
    }
    assert '"blocks"' in page["content"]
    assert page["content"] == page["contentJson"]


def test_page_attributes_list_the_conditions(synced, api):
    result = api(
        """{ page(slug: "tens-for-sciatica") {
          assignedAttribute(slug: "conditions") {
            attribute { slug }
            ... on AssignedMultiChoiceAttribute { value { slug } }
          }
        } }"""
    )

    assigned = result["data"]["page"]["assignedAttribute"]
    assert assigned["attribute"] == {"slug": "conditions"}
    assert [value["slug"] for value in assigned["value"]] == list(
        Page.objects.get(slug="tens-for-sciatica").article.conditions
    )


def test_page_types_and_page_type(synced, api):
    article = PageType.objects.get(slug="article")

    listed = api("{ pageTypes(first: 10) { totalCount edges { node { slug name } } } }")
    single = api(
        "query($id: ID!) { pageType(id: $id) { slug } }", {"id": global_id(article)}
    )

    assert listed["data"]["pageTypes"] == {
        "totalCount": 1,
        "edges": [{"node": {"slug": "article", "name": "Article"}}],
    }
    assert single["data"]["pageType"] == {"slug": "article"}


def test_page_type_has_pages_is_for_page_staff(synced, api):
    result = api("{ pageTypes(first: 1) { edges { node { hasPages } } } }")

    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


def test_page_staff_see_available_attributes(synced, merchandiser_api):
    result = merchandiser_api(
        """{ pageTypes(first: 1) { edges { node {
          hasPages availableAttributes(first: 20) { edges { node { slug } } }
        } } } }"""
    )

    node = result["data"]["pageTypes"]["edges"][0]["node"]
    assert node["hasPages"] is True
    available = [edge["node"]["slug"] for edge in node["availableAttributes"]["edges"]]
    assert "conditions" not in available
    assert "featured-products" not in available
    assert "therapy" in available


def test_pages_paginate_with_cursors(synced, api):
    first = api(
        "{ pages(first: 3) { pageInfo { endCursor hasNextPage } "
        "edges { node { slug } } } }"
    )
    cursor = first["data"]["pages"]["pageInfo"]["endCursor"]

    second = api(
        "query($after: String) { pages(first: 3, after: $after) "
        "{ pageInfo { hasPreviousPage } edges { node { slug } } } }",
        {"after": cursor},
    )

    assert first["data"]["pages"]["pageInfo"]["hasNextPage"] is True
    assert _slugs(second) == [
        "physical-therapy-for-sciatica",
        "sciatica-massage",
        "tens-for-sciatica",
    ]
    assert second["data"]["pages"]["pageInfo"]["hasPreviousPage"] is True


def test_page_types_filter_by_slugs_and_sort_by_name(synced, api):
    PageType.objects.create(name="Policy", slug="policy")
    PageType.objects.create(name="Landing", slug="landing")

    result = api(
        """{ pageTypes(first: 10, filter: {slugs: ["policy", "article"]},
             sortBy: {field: NAME, direction: DESC}) { edges { node { slug } } } }"""
    )

    assert [edge["node"]["slug"] for edge in result["data"]["pageTypes"]["edges"]] == [
        "policy",
        "article",
    ]

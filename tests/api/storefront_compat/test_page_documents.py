"""Saleor's storefront page documents validate and answer right.

``PageGetBySlug`` and ``StorefrontContentPages`` run against the demo store
with the committed articles synced into it; expected values come from the
synced pages themselves and from the articles' front matter.
"""

import json
from pathlib import Path

import pytest
from django.conf import settings
from graphql import build_schema, validate
from graphql_relay import to_global_id

from backend.attribute.models import (
    AttributeEntityType,
    AttributeInputType,
    AttributePage,
    AttributeType,
    AttributeValueTranslation,
)
from backend.attribute.services import AttributeAssignment
from backend.graphql.api import schema
from backend.page.models import Page, PageTranslation, PageType
from backend.page.services.pages import page_create
from tests import factories

from .documents import document, query_text

PAGE_DOCUMENTS = ("PageGetBySlug", "StorefrontContentPages")
PRINTED_SCHEMA = Path(settings.BASE_DIR) / "backend" / "graphql" / "schema.graphql"
LOCALE_SLUGS = ("EN", "PL", "DE", "FR", "FI", "NB", "JA", "KO")


def _run(api, name, **variables):
    result = api(query_text(name), variables)
    assert "errors" not in result, result["errors"]
    return result["data"]


@pytest.mark.parametrize("name", PAGE_DOCUMENTS)
def test_page_document_validates_against_the_served_schema(name):
    errors = validate(schema.graphql_schema, document(name))

    assert [error.message for error in errors] == []


@pytest.mark.parametrize("name", PAGE_DOCUMENTS)
def test_page_document_validates_against_the_printed_schema(name):
    printed = build_schema(PRINTED_SCHEMA.read_text())

    errors = validate(printed, document(name))

    assert [error.message for error in errors] == []


def test_page_get_by_slug_answers_the_synced_article(api, synced):
    page = Page.objects.get(slug="tens-for-sciatica")

    data = _run(api, "PageGetBySlug", slug="tens-for-sciatica", languageCode="EN")

    answer = data["page"]
    assert {key: answer[key] for key in ("id", "slug", "title", "seoTitle")} == {
        "id": to_global_id("Page", str(page.pk)),
        "slug": "tens-for-sciatica",
        "title": "TENS for Sciatica",
        "seoTitle": page.seo_title,
    }
    assert answer["seoDescription"] == page.seo_description
    assert json.loads(answer["content"]) == page.content
    assert answer["translation"] is None
    assert {f"slug{code}": answer[f"slug{code}"] for code in LOCALE_SLUGS} == {
        f"slug{code}": None for code in LOCALE_SLUGS
    }


def test_page_get_by_slug_finds_a_translated_slug_and_its_translation(api, synced):
    page = Page.objects.get(slug="tens-for-sciatica")
    PageTranslation.objects.create(
        page=page,
        language_code="pl",
        slug="tens-na-rwe-kulszowa",
        title="TENS na rwę kulszową",
        seo_title="TENS na rwę",
    )

    data = _run(
        api,
        "PageGetBySlug",
        slug="tens-na-rwe-kulszowa",
        slugLanguageCode="PL",
        languageCode="PL",
    )

    answer = data["page"]
    assert answer["slug"] == "tens-for-sciatica"
    assert answer["translation"] == {
        "title": "TENS na rwę kulszową",
        "seoTitle": "TENS na rwę",
        "seoDescription": None,
        "content": None,
        "slug": "tens-na-rwe-kulszowa",
    }
    assert answer["slugPL"] == {"slug": "tens-na-rwe-kulszowa"}
    assert answer["slugEN"] is None


def test_page_get_by_slug_hides_an_unpublished_article(api, synced):
    Page.objects.filter(slug="tens-for-sciatica").update(is_published=False)

    data = _run(api, "PageGetBySlug", slug="tens-for-sciatica", languageCode="EN")

    assert data == {"page": None}


def test_storefront_content_pages_answers_the_articles_asked_for(api, synced):
    data = _run(
        api,
        "StorefrontContentPages",
        channel="default-channel",
        slugs=["tens-for-sciatica", "sciatica-massage", "no-such-page"],
        languageCode="EN",
    )

    article = {
        "isPublished": True,
        "pageType": {"slug": "article"},
        "assignedAttributes": [
            {"attribute": {"slug": "featured-products"}},
            {"attribute": {"slug": "conditions"}},
        ],
    }
    assert data == {
        "pages": {
            "edges": [
                {"node": {"slug": "sciatica-massage", **article}},
                {"node": {"slug": "tens-for-sciatica", **article}},
            ]
        }
    }


def test_storefront_content_pages_reads_text_boolean_and_collection_attributes(
    api, synced
):
    content_type = PageType.objects.create(name="Storefront", slug="storefront")
    heading = factories.AttributeFactory(
        slug="hero-heading",
        type=AttributeType.PAGE_TYPE,
        input_type=AttributeInputType.PLAIN_TEXT,
    )
    banner = factories.AttributeFactory(
        slug="show-banner",
        type=AttributeType.PAGE_TYPE,
        input_type=AttributeInputType.BOOLEAN,
    )
    # Values cannot reference collections here: the attribute reads as unset.
    collection = factories.AttributeFactory(
        slug="hero-collection",
        type=AttributeType.PAGE_TYPE,
        input_type=AttributeInputType.SINGLE_REFERENCE,
        entity_type=AttributeEntityType.COLLECTION,
    )
    for order, attribute in enumerate((heading, banner, collection)):
        AttributePage.objects.create(
            page_type=content_type, attribute=attribute, sort_order=order
        )
    page = page_create(
        page_type=content_type,
        title="Home hero",
        slug="home-hero",
        is_published=True,
        attributes=[
            AttributeAssignment(attribute_id=heading.pk, plain_text="Move better"),
            AttributeAssignment(attribute_id=banner.pk, boolean=True),
        ],
    )
    value = page.attributevalues.get(value__attribute=heading).value
    AttributeValueTranslation.objects.create(
        attribute_value=value,
        language_code="pl",
        name="Ruszaj się lepiej",
        plain_text="Ruszaj się lepiej",
    )

    data = _run(
        api,
        "StorefrontContentPages",
        channel="default-channel",
        slugs=["home-hero"],
        languageCode="PL",
    )

    assert data["pages"]["edges"] == [
        {
            "node": {
                "slug": "home-hero",
                "isPublished": True,
                "pageType": {"slug": "storefront"},
                "assignedAttributes": [
                    {
                        "attribute": {"slug": "hero-heading"},
                        "plainText": "Move better",
                        "plainTextTranslation": "Ruszaj się lepiej",
                    },
                    {"attribute": {"slug": "show-banner"}, "boolean": True},
                    {"attribute": {"slug": "hero-collection"}, "collection": None},
                ],
            }
        }
    ]

"""The search page: guides and products from one search, typos forgiven."""

import datetime

import pytest
from django.utils import timezone

from backend.page.models import Article
from backend.page.services import article_page_type_ensure, page_search_vector_update
from backend.product.services import product_update
from tests import factories
from tests.fixtures.catalog import make_published_product, warm_delivery_rules

from .helpers import shown_names, texts_by_class

# Menus (1), filter choices (1), guides (1), products found? (1), the best
# matches (1), then the listing: the page with its count, prices, images,
# stock (4); the next scheduled publication, which bounds how long the page
# is cached (1).
SEARCH_PAGE_QUERIES = 10
# Nothing found as typed: the correction (1), guides and products again (2).
CORRECTED_SEARCH_PAGE_QUERIES = SEARCH_PAGE_QUERIES + 3


def make_guide(*, title, summary="A guide.", body_html="<p>Read on.</p>"):
    """Create a published article page, indexed for search as the sync does."""
    page = factories.PageFactory(
        page_type=article_page_type_ensure(),
        title=title,
        published_at=timezone.now() - datetime.timedelta(days=1),
    )
    Article.objects.create(
        page=page,
        source_path=f"content/articles/{page.slug}.md",
        summary=summary,
        author_name="Jordan Ellis",
        reviewer_name="Priya Raman, PT, DPT",
        reviewed_on=datetime.date(2026, 10, 15),
        series_slug="guides",
        series_order=Article.objects.count() + 1,
        hero_image="images/hero.png",
        hero_image_alt="A drawing",
        body_markdown="",
        body_html=body_html,
        content_hash="0" * 64,
        synced_at=timezone.now(),
    )
    page_search_vector_update(page_ids=[page.pk])
    return page


def _guide_titles(response):
    return texts_by_class(response, "article-card-title")


def _describe(product, text):
    product_update(
        product=product,
        description={"blocks": [{"type": "paragraph", "data": {"text": text}}]},
    )


def test_search_page_lists_the_guides_the_text_finds(client, db):
    make_guide(title="Physical Therapy for Sciatica")
    make_guide(title="Heat or Ice for Sciatica")

    response = client.get("/search/", {"q": "physical therapy"})

    assert _guide_titles(response) == ["Guide Physical Therapy for Sciatica"]


def test_search_page_links_each_guide_found(client, db):
    page = make_guide(title="Physical Therapy for Sciatica")

    response = client.get("/search/", {"q": "physical therapy"})

    assert f'href="/articles/{page.slug}/"' in response.content.decode()


def test_search_page_finds_a_guide_by_a_word_of_its_body(client, db):
    make_guide(title="Yoga for Sciatica", body_html="<p>Try the pigeon pose.</p>")

    response = client.get("/search/", {"q": "pigeon"})

    assert _guide_titles(response) == ["Guide Yoga for Sciatica"]


def test_search_page_shows_guides_and_products_together(client, channel, warehouse):
    make_guide(title="TENS for Sciatica")
    make_published_product(channel=channel, warehouse=warehouse, name="TENS Unit")

    response = client.get("/search/", {"q": "tens"})

    assert (_guide_titles(response), shown_names(response)) == (
        ["Guide TENS for Sciatica"],
        ["TENS Unit"],
    )


def test_search_page_lists_products_best_match_first(client, channel, warehouse):
    roller = make_published_product(
        channel=channel, warehouse=warehouse, name="Foam Roller"
    )
    _describe(roller, "Releases tens muscles.")
    make_published_product(channel=channel, warehouse=warehouse, name="TENS Unit")

    response = client.get("/search/", {"q": "tens"})

    assert shown_names(response) == ["TENS Unit", "Foam Roller"]


def test_search_page_sorts_by_name_when_the_shopper_asks(client, channel, warehouse):
    roller = make_published_product(
        channel=channel, warehouse=warehouse, name="Foam Roller"
    )
    _describe(roller, "Releases tens muscles.")
    make_published_product(channel=channel, warehouse=warehouse, name="TENS Unit")

    response = client.get("/search/", {"q": "tens", "sort": "name"})

    assert shown_names(response) == ["Foam Roller", "TENS Unit"]


def test_search_page_offers_did_you_mean_for_a_misspelling(client, channel, warehouse):
    make_published_product(
        channel=channel, warehouse=warehouse, name="Sciatica Stretch Strap"
    )

    response = client.get("/search/", {"q": "sciatca strap"})

    assert (
        '<p class="did-you-mean" role="status">Did you mean '
        '<a href="/search/?q=sciatica%20strap">sciatica strap</a>?'
    ) in response.content.decode()


def test_search_page_shows_the_corrected_results(client, channel, warehouse):
    make_published_product(
        channel=channel, warehouse=warehouse, name="Sciatica Stretch Strap"
    )
    make_published_product(channel=channel, warehouse=warehouse, name="Heat Pack")

    response = client.get("/search/", {"q": "sciatca strap"})

    assert shown_names(response) == ["Sciatica Stretch Strap"]


def test_search_page_does_not_correct_a_text_that_finds_something(
    client, channel, warehouse
):
    make_published_product(channel=channel, warehouse=warehouse, name="Strap")

    response = client.get("/search/", {"q": "strap"})

    assert "did-you-mean" not in response.content.decode()


def test_search_page_never_suggests_an_unlisted_product_name(
    client, channel, warehouse
):
    hidden = factories.ProductFactory(name="Zanzibar Strap")
    assert not hidden.channel_listings.exists()

    response = client.get("/search/", {"q": "zanzibr"})

    assert "did-you-mean" not in response.content.decode()


def test_search_page_says_when_no_product_matches(client, channel, warehouse):
    make_published_product(channel=channel, warehouse=warehouse, name="Strap")

    response = client.get("/search/", {"q": "trampoline"})

    assert texts_by_class(response, "empty") == ["No products match “trampoline”."]


def test_search_page_keeps_the_filters_when_filtered_to_nothing(
    client, channel, warehouse
):
    make_published_product(channel=channel, warehouse=warehouse, name="Strap")

    response = client.get("/search/", {"q": "strap", "price_min": "500"})

    assert texts_by_class(response, "result-count") == ["0 products"]


@pytest.mark.parametrize(
    "text",
    [
        "x" * 5000,
        "'; DROP TABLE product_product; --",
        "!!! ??? ...",
        "foam & | ! :* ( ) <-> \\",
        "背痛 ёлка élan 🙂",
        "strap\x00",
        "%_%",
    ],
    ids=["very-long", "sql", "punctuation", "tsquery", "unicode", "nul", "like"],
)
def test_hostile_search_text_gets_a_normal_page(text, client, channel, warehouse):
    make_published_product(channel=channel, warehouse=warehouse, name="Foam Roller")

    response = client.get("/search/", {"q": text})

    assert response.status_code == 200


@pytest.mark.parametrize("count", [2, 12])
def test_search_page_query_count_does_not_grow(
    count, client, channel, warehouse, django_assert_max_num_queries
):
    make_guide(title="Stretching for Sciatica")
    for index in range(count):
        make_published_product(
            channel=channel, warehouse=warehouse, name=f"Stretch Strap {index:02d}"
        )
    warm_delivery_rules()

    with django_assert_max_num_queries(SEARCH_PAGE_QUERIES):
        response = client.get("/search/", {"q": "stretch"})

    assert len(shown_names(response)) == min(count, 24)


@pytest.mark.parametrize("count", [2, 12])
def test_corrected_search_page_query_count_does_not_grow(
    count, client, channel, warehouse, django_assert_max_num_queries
):
    for index in range(count):
        make_published_product(
            channel=channel, warehouse=warehouse, name=f"Stretch Strap {index:02d}"
        )
    warm_delivery_rules()

    with django_assert_max_num_queries(CORRECTED_SEARCH_PAGE_QUERIES):
        response = client.get("/search/", {"q": "strech"})

    assert len(shown_names(response)) == min(count, 24)

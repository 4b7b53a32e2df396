"""Product.featuredInPages: the published articles that feature a product."""

import pytest

from backend.page.models import Page
from backend.page.services import page_tag_products
from backend.product.models import Product

pytestmark = pytest.mark.django_db

FEATURED = """
query($slug: String!) {
  product(slug: $slug, channel: "default-channel") {
    featuredInPages { slug title }
  }
}
"""


def _tag(page_slug, *product_slugs):
    page_tag_products(
        page=Page.objects.get(slug=page_slug),
        product_ids=[Product.objects.get(slug=s).pk for s in product_slugs],
    )


def test_a_product_lists_the_articles_featuring_it_by_title(synced, api):
    _tag("tens-for-sciatica", "moist-heat-pack")
    _tag("heat-or-ice-for-sciatica", "gel-hot-cold-pack", "moist-heat-pack")

    result = api(FEATURED, {"slug": "moist-heat-pack"})

    assert result["data"]["product"]["featuredInPages"] == [
        {"slug": "heat-or-ice-for-sciatica", "title": "Heat or Ice for Sciatica"},
        {"slug": "tens-for-sciatica", "title": "TENS for Sciatica"},
    ]


def test_an_unpublished_article_is_not_listed(synced, api):
    _tag("tens-for-sciatica", "moist-heat-pack")
    Page.objects.filter(slug="tens-for-sciatica").update(is_published=False)

    result = api(FEATURED, {"slug": "moist-heat-pack"})

    assert result["data"]["product"]["featuredInPages"] == []


@pytest.mark.parametrize("first", [5, 20])
def test_featured_in_pages_costs_one_query_for_a_list(
    synced, api, django_assert_num_queries, first, settings
):
    settings.GRAPHQL_RESPONSE_CACHE = False  # count the resolvers' own queries
    _tag("tens-for-sciatica", "moist-heat-pack", "gel-hot-cold-pack")
    query = """query($first: Int) { products(first: $first, channel: "default-channel",
      sortBy: {field: NAME, direction: DESC}) {
      edges { node { slug featuredInPages { slug } } } } }"""

    # Channels, the page of products, the articles featuring them.
    with django_assert_num_queries(3):
        result = api(query, {"first": first})

    featured = {
        edge["node"]["slug"]: [page["slug"] for page in edge["node"]["featuredInPages"]]
        for edge in result["data"]["products"]["edges"]
    }
    assert len(featured) == min(first, Product.objects.count())
    assert featured["self-adhesive-electrode-pads"] == []
    if first == 20:
        assert featured["moist-heat-pack"] == ["tens-for-sciatica"]
        assert featured["gel-hot-cold-pack"] == ["tens-for-sciatica"]

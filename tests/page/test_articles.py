"""Article reads: the index by condition, series order, featuring products."""

from backend.page.models import Page
from backend.page.selectors import (
    article_series,
    articles_published,
    pages_featuring_products,
)
from backend.page.services import page_tag_products
from backend.product.models import Product


def test_the_index_filters_articles_by_condition(synced):
    articles = articles_published(condition="tight-hamstrings")

    assert sorted(page.slug for page in articles) == [
        "exercises-for-sciatica",
        "yoga-for-sciatica-pain",
    ]


def test_the_index_leaves_out_unpublished_articles(synced):
    Page.objects.filter(slug="tens-for-sciatica").update(is_published=False)

    slugs = {page.slug for page in articles_published()}

    assert len(slugs) == 6
    assert "tens-for-sciatica" not in slugs


def test_the_first_article_of_a_series_has_only_a_next(
    synced, django_assert_num_queries
):
    page = Page.objects.select_related("article").get(
        slug="physical-therapy-for-sciatica"
    )

    with django_assert_num_queries(1):
        series = article_series(page=page)

    assert series.previous is None
    assert series.next.slug == "exercises-for-sciatica"
    assert [item.article.series_order for item in series.pages] == list(range(1, 8))


def test_an_article_between_others_links_both_ways(synced):
    page = Page.objects.get(slug="yoga-for-sciatica-pain")

    series = article_series(page=page)

    assert (series.previous.slug, series.next.slug) == (
        "sciatica-massage",
        "foam-rolling-for-sciatica",
    )


def test_an_unpublished_neighbour_is_skipped(synced):
    Page.objects.filter(slug="exercises-for-sciatica").update(is_published=False)

    series = article_series(page=Page.objects.get(slug="physical-therapy-for-sciatica"))

    assert series.next.slug == "sciatica-massage"


def test_products_list_the_published_articles_that_feature_them(
    synced, django_assert_num_queries
):
    strap, roller, pad = (
        Product.objects.get(slug=slug)
        for slug in (
            "loop-stretch-strap",
            "high-density-foam-roller",
            "moist-heat-pack",
        )
    )
    for slug in ("yoga-for-sciatica-pain", "exercises-for-sciatica"):
        page_tag_products(page=Page.objects.get(slug=slug), product_ids=[strap.pk])
    hidden = Page.objects.get(slug="foam-rolling-for-sciatica")
    page_tag_products(page=hidden, product_ids=[roller.pk])
    Page.objects.filter(pk=hidden.pk).update(is_published=False)

    with django_assert_num_queries(1):
        featuring = pages_featuring_products(product_ids=[strap.pk, roller.pk, pad.pk])

    assert {
        product_id: [page.slug for page in pages]
        for product_id, pages in featuring.items()
    } == {
        strap.pk: ["exercises-for-sciatica", "yoga-for-sciatica-pain"],
        roller.pk: [],
        pad.pk: [],
    }

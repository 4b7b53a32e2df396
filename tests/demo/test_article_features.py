"""tag_demo_articles: the demo articles feature the products the file names,
once, and never over a merchandiser's choice."""

from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from backend.attribute.models import AssignedPageAttributeValue
from backend.page.models import Page
from backend.page.services import (
    FEATURED_PRODUCTS_SLUG,
    page_tag_products,
)
from backend.page.services.tagging import FEATURED_SEEN_KEY
from backend.product.models import Product
from tests.fixtures.demo import demo_catalog_dir

FEATURES = demo_catalog_dir() / "article_features.yaml"
ARTICLE_SLUGS = sorted(
    path.stem
    for path in (Path(FEATURES).parents[1] / "articles").glob("*.md")
    if path.name != "README.md"
)


@pytest.fixture
def synced(demo_articles, db, content_dir):
    return demo_articles


def _featured_slugs(slug: str) -> list[str]:
    return list(
        AssignedPageAttributeValue.objects.filter(
            page__slug=slug, value__attribute__slug=FEATURED_PRODUCTS_SLUG
        )
        .order_by("sort_order")
        .values_list("value__reference_product__slug", flat=True)
    )


def _tag(file: Path = FEATURES) -> str:
    out = StringIO()
    call_command("tag_demo_articles", file=file, stdout=out)
    return out.getvalue()


def _file_features() -> dict[str, list[str]]:
    entries = yaml.safe_load(FEATURES.read_text(encoding="utf-8"))["articles"]
    return {entry["article"]: entry["products"] for entry in entries}


def test_features_file_maps_every_article_to_three_or_four_demo_products():
    features = _file_features()
    products = yaml.safe_load(
        (demo_catalog_dir() / "products.yaml").read_text(encoding="utf-8")
    )["products"]
    product_slugs = {product["slug"] for product in products}

    assert sorted(features) == ARTICLE_SLUGS
    assert all(3 <= len(slugs) <= 4 for slugs in features.values())
    assert {slug for slugs in features.values() for slug in slugs} <= product_slugs


def test_command_tags_every_article_in_the_files_order(synced):
    output = _tag()

    assert output == "7 articles tagged.\n"
    for article, slugs in _file_features().items():
        assert _featured_slugs(article) == slugs


def test_command_remembers_the_names_for_deleted_product_warnings(synced):
    _tag()

    page = Page.objects.get(slug="heat-or-ice-for-sciatica")
    seen = page.private_metadata[FEATURED_SEEN_KEY]
    assert sorted(seen.values()) == sorted(
        Product.objects.filter(
            slug__in=_file_features()["heat-or-ice-for-sciatica"]
        ).values_list("name", flat=True)
    )


def test_second_run_tags_nothing(synced):
    _tag()

    assert _tag() == "0 articles tagged.\n"
    assert _featured_slugs("tens-for-sciatica") == _file_features()["tens-for-sciatica"]


def test_merchandiser_choice_is_kept(synced):
    page = Page.objects.get(slug="tens-for-sciatica")
    cushion = Product.objects.get(slug="memory-foam-lumbar-cushion")
    page_tag_products(page=page, product_ids=[cushion.pk])

    output = _tag()

    assert output == "6 articles tagged.\n"
    assert _featured_slugs("tens-for-sciatica") == ["memory-foam-lumbar-cushion"]


def test_unknown_product_fails_naming_it_and_tags_nothing(synced, tmp_path):
    broken = tmp_path / "article_features.yaml"
    text = FEATURES.read_text(encoding="utf-8")
    broken.write_text(
        text.replace("- wireless-tens-mini", "- no-such-product"), encoding="utf-8"
    )

    with pytest.raises(CommandError) as error:
        _tag(file=broken)

    assert str(error.value) == (
        f'{broken}: tens-for-sciatica: product "no-such-product" does not exist'
    )
    assert not AssignedPageAttributeValue.objects.filter(
        value__attribute__slug=FEATURED_PRODUCTS_SLUG
    ).exists()


def test_unknown_article_fails_naming_it_and_tags_nothing(synced, tmp_path):
    broken = tmp_path / "article_features.yaml"
    text = FEATURES.read_text(encoding="utf-8")
    broken.write_text(
        text.replace("article: tens-for-sciatica", "article: tens-for-knees"),
        encoding="utf-8",
    )

    with pytest.raises(CommandError) as error:
        _tag(file=broken)

    assert str(error.value) == f'{broken}: article "tens-for-knees" does not exist'
    assert not AssignedPageAttributeValue.objects.filter(
        value__attribute__slug=FEATURED_PRODUCTS_SLUG
    ).exists()

"""page_tag_products: Saleor reference values, in the merchandiser's order."""

import pytest
from django.core.exceptions import ValidationError

from backend.attribute.models import AssignedPageAttributeValue
from backend.page.services import page_tag_products
from backend.page.services.tagging import FEATURED_SEEN_KEY
from tests import factories
from tests.fixtures.content import make_article_page


def featured_slugs(page):
    return list(
        AssignedPageAttributeValue.objects.filter(
            page=page, value__attribute__slug="featured-products"
        )
        .order_by("sort_order")
        .values_list("value__reference_product__slug", flat=True)
    )


def test_tagging_replaces_the_featured_products_in_the_order_given(shop_catalog):
    page = make_article_page(slug="straps")
    products = shop_catalog.products
    page_tag_products(page=page, product_ids=[products["alpha-strap"].pk])

    page_tag_products(
        page=page,
        product_ids=[
            products["delta-cold-pack"].pk,
            products["alpha-strap"].pk,
            products["delta-cold-pack"].pk,
        ],
    )

    assert featured_slugs(page) == ["delta-cold-pack", "alpha-strap"]


def test_reference_values_use_saleors_page_and_product_id_slug(shop_catalog):
    page = make_article_page(slug="straps")
    product = shop_catalog.products["alpha-strap"]

    (value,) = page_tag_products(page=page, product_ids=[product.pk])

    assert (value.slug, value.name) == (f"{page.pk}_{product.pk}", product.name)


def test_tagging_a_missing_product_changes_nothing(shop_catalog):
    page = make_article_page(slug="straps")
    page_tag_products(page=page, product_ids=[shop_catalog.products["alpha-strap"].pk])

    with pytest.raises(ValidationError) as caught:
        page_tag_products(page=page, product_ids=[0])

    assert caught.value.error_dict["attributes"][0].code == "NOT_FOUND"
    assert featured_slugs(page) == ["alpha-strap"]


def test_a_page_type_without_featured_products_is_refused(shop_catalog):
    page = factories.PageFactory()

    with pytest.raises(ValidationError) as caught:
        page_tag_products(
            page=page, product_ids=[shop_catalog.products["alpha-strap"].pk]
        )

    assert caught.value.error_dict["attributes"][0].code == "INVALID"
    assert featured_slugs(page) == []


def test_tagging_remembers_product_names_so_a_later_deletion_can_be_reported(
    shop_catalog,
):
    page = make_article_page(slug="straps")
    product = shop_catalog.products["alpha-strap"]

    page_tag_products(page=page, product_ids=[product.pk])

    page.refresh_from_db()
    assert page.private_metadata[FEATURED_SEEN_KEY] == {str(product.pk): product.name}

"""Saving an admin page without touching it changes nothing."""

from decimal import Decimal

import pytest
from django.forms.models import model_to_dict

from backend.product.services.channel_listings import (
    product_discounted_prices_update,
)
from backend.warehouse.models import Stock
from tests import factories
from tests.fixtures.catalog import make_published_product

from .html_forms import untouched_form

pytestmark = pytest.mark.django_db

DESCRIPTION = {
    "blocks": [
        {"type": "paragraph", "data": {"text": "Loops for every reach."}},
        {"type": "list", "data": {"style": "unordered", "items": ["A", "B"]}},
    ]
}


@pytest.fixture
def full_product(channel, warehouse, merchandiser):
    product = make_published_product(
        channel=channel, warehouse=warehouse, name="Strap", variants=2
    )
    product.description = DESCRIPTION
    product.save(update_fields=["description"])
    factories.CollectionProductFactory(product=product)
    product.translations.create(language_code="pl", name="Pasek")
    # The factories leave the stored cheapest price empty; fill it as
    # every price write does.
    product_discounted_prices_update(product_ids=[product.pk])
    return product


def _snapshot(product) -> dict:
    product.refresh_from_db()
    variants = list(product.variants.order_by("pk"))
    return {
        "product": {
            key: value
            for key, value in model_to_dict(product).items()
            # The search text is rebuilt on every save; factories leave it out.
            if key not in {"updated_at", "search_document"}
        },
        "listings": [
            model_to_dict(listing) for listing in product.channel_listings.all()
        ],
        "variants": [model_to_dict(variant) for variant in variants],
        "prices": [
            model_to_dict(listing)
            for variant in variants
            for listing in variant.channel_listings.all()
        ],
        "stocks": [
            model_to_dict(stock)
            for stock in Stock.objects.filter(product_variant__in=variants)
        ],
        "collections": list(product.collections.values_list("pk", flat=True)),
        "translations": list(product.translations.values("language_code", "name")),
    }


def _save_untouched(client, url: str):
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, untouched_form(page.content.decode()))


def test_untouched_product_page_saves_without_change(merch_client, full_product):
    before = _snapshot(full_product)

    response = _save_untouched(
        merch_client, f"/admin/product/product/{full_product.pk}/change/"
    )

    assert response.status_code == 302
    assert _snapshot(full_product) == before
    assert full_product.description == DESCRIPTION


def test_untouched_variant_page_saves_without_change(merch_client, full_product):
    variant = full_product.variants.order_by("pk").first()
    before = _snapshot(full_product)

    response = _save_untouched(
        merch_client, f"/admin/product/productvariant/{variant.pk}/change/"
    )

    assert response.status_code == 302
    assert _snapshot(full_product) == before
    assert variant.channel_listings.get().price_amount == Decimal("19.99")


@pytest.mark.parametrize(
    "model_name", ["category", "collection", "producttype"], ids=str
)
def test_untouched_catalog_page_saves_without_change(
    merch_client, full_product, model_name
):
    instance = {
        "category": full_product.category,
        "collection": full_product.collections.get(),
        "producttype": full_product.product_type,
    }[model_name]
    before = model_to_dict(instance)

    response = _save_untouched(
        merch_client, f"/admin/product/{model_name}/{instance.pk}/change/"
    )

    assert response.status_code == 302
    instance.refresh_from_db()
    after = model_to_dict(instance)
    for volatile in ("updated_at",):
        before.pop(volatile, None), after.pop(volatile, None)
    assert after == before


@pytest.mark.parametrize(
    "model_label", ["warehouse.warehouse", "attribute.attribute", "menu.menu"]
)
def test_untouched_page_of_other_catalog_admins_saves_without_change(
    merch_client, warehouse, model_label
):
    value = factories.AttributeValueFactory(name="Heat")
    menu_item = factories.MenuItemFactory(url="https://example.com/")
    instance = {
        "warehouse.warehouse": warehouse,
        "attribute.attribute": value.attribute,
        "menu.menu": menu_item.menu,
    }[model_label]
    before = model_to_dict(instance)
    children_before = (model_to_dict(value), model_to_dict(menu_item))
    app_label, model_name = model_label.split(".")

    response = _save_untouched(
        merch_client, f"/admin/{app_label}/{model_name}/{instance.pk}/change/"
    )

    assert response.status_code == 302
    instance.refresh_from_db()
    assert model_to_dict(instance) == before
    value.refresh_from_db()
    menu_item.refresh_from_db()
    assert (model_to_dict(value), model_to_dict(menu_item)) == children_before

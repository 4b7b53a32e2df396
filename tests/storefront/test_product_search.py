"""products_search: the text search behind the search page and the API."""

from decimal import Decimal

from backend.product.models import Product
from backend.product.search import products_search
from tests import factories
from tests.fixtures.catalog import make_published_product


def _names(queryset):
    return sorted(queryset.values_list("name", flat=True))


def test_search_matches_name_case_insensitively(channel, warehouse):
    make_published_product(channel=channel, warehouse=warehouse, name="Foam Roller")
    make_published_product(channel=channel, warehouse=warehouse, name="Heat Pack")

    found = products_search(Product.objects.all(), text="fOaM")

    assert _names(found) == ["Foam Roller"]


def test_search_matches_description_plain_text(channel, warehouse):
    product = make_published_product(channel=channel, warehouse=warehouse, name="Strap")
    product.description_plaintext = "Loops for a gentle hamstring stretch."
    product.save(update_fields=["description_plaintext"])
    make_published_product(channel=channel, warehouse=warehouse, name="Pad")

    assert _names(products_search(Product.objects.all(), text="HAMSTRING")) == ["Strap"]


def test_search_matches_variant_sku(channel, warehouse):
    product = make_published_product(
        channel=channel, warehouse=warehouse, name="TENS Unit"
    )
    variant = product.variants.get()
    variant.sku = "TENS-2CH-001"
    variant.save(update_fields=["sku"])
    make_published_product(channel=channel, warehouse=warehouse, name="Cushion")

    assert _names(products_search(Product.objects.all(), text="tens-2ch")) == [
        "TENS Unit"
    ]


def test_search_matches_product_and_variant_attribute_values(channel, warehouse):
    by_product = make_published_product(
        channel=channel, warehouse=warehouse, name="Ball"
    )
    by_variant = make_published_product(
        channel=channel, warehouse=warehouse, name="Roller"
    )
    make_published_product(channel=channel, warehouse=warehouse, name="Pad")
    sciatica = factories.AttributeValueFactory(name="Sciatica", slug="sciatica")
    factories.AssignedProductAttributeValueFactory(value=sciatica, product=by_product)
    firm = factories.AttributeValueFactory(name="Sciatica firm", slug="sciatica-firm")
    factories.AssignedVariantAttributeValueFactory(
        value=firm, variant=by_variant.variants.get()
    )

    assert _names(products_search(Product.objects.all(), text="sciatica")) == [
        "Ball",
        "Roller",
    ]


def test_search_requires_every_word_and_returns_each_product_once(channel, warehouse):
    make_published_product(
        channel=channel,
        warehouse=warehouse,
        name="Foam Roller Firm",
        variants=3,
        price=Decimal("30"),
    )
    make_published_product(channel=channel, warehouse=warehouse, name="Foam Block")

    found = products_search(Product.objects.all(), text="roller  foam")

    assert list(found.values_list("name", flat=True)) == ["Foam Roller Firm"]


def test_blank_search_returns_the_queryset_unchanged(channel, warehouse):
    make_published_product(channel=channel, warehouse=warehouse, name="Foam Roller")
    make_published_product(channel=channel, warehouse=warehouse, name="Heat Pack")

    assert _names(products_search(Product.objects.all(), text="   ")) == [
        "Foam Roller",
        "Heat Pack",
    ]

"""products_search: the text search behind the search page and the API."""

from decimal import Decimal

import pytest

from backend.product.models import Product
from backend.product.search import products_search
from backend.product.services import (
    category_update,
    product_update,
    product_variant_update,
)
from tests import factories
from tests.fixtures.catalog import make_published_product


def _names(queryset):
    return sorted(queryset.values_list("name", flat=True))


def _ranked(queryset):
    return list(
        queryset.order_by("-search_rank", "name").values_list("name", flat=True)
    )


def _description(text):
    return {"blocks": [{"type": "paragraph", "data": {"text": text}}]}


def test_search_matches_name_case_insensitively(channel, warehouse):
    make_published_product(channel=channel, warehouse=warehouse, name="Foam Roller")
    make_published_product(channel=channel, warehouse=warehouse, name="Heat Pack")

    found = products_search(Product.objects.all(), text="fOaM")

    assert _names(found) == ["Foam Roller"]


def test_search_matches_description_plain_text(channel, warehouse):
    product = make_published_product(channel=channel, warehouse=warehouse, name="Strap")
    product_update(
        product=product,
        description=_description("Loops for a gentle hamstring stretch."),
    )
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


def test_search_matches_the_last_word_as_a_prefix(channel, warehouse):
    make_published_product(channel=channel, warehouse=warehouse, name="Foam Roller")
    make_published_product(channel=channel, warehouse=warehouse, name="Foam Wedge")

    assert _names(products_search(Product.objects.all(), text="foam rol")) == [
        "Foam Roller"
    ]


def test_search_matches_word_forms_by_stem(channel, warehouse):
    make_published_product(channel=channel, warehouse=warehouse, name="Stretch Straps")

    assert _names(products_search(Product.objects.all(), text="stretching strap")) == [
        "Stretch Straps"
    ]


def test_search_ranks_a_name_match_above_a_description_match(channel, warehouse):
    roller = make_published_product(
        channel=channel, warehouse=warehouse, name="Foam Roller"
    )
    product_update(product=roller, description=_description("Eases muscle tens spots."))
    make_published_product(channel=channel, warehouse=warehouse, name="TENS Unit")

    assert _ranked(products_search(Product.objects.all(), text="tens")) == [
        "TENS Unit",
        "Foam Roller",
    ]


def test_search_ranks_a_category_match_above_a_description_match(channel, warehouse):
    units = factories.CategoryFactory(name="TENS Units")
    by_category = make_published_product(
        channel=channel, warehouse=warehouse, name="PulseEase", category=units
    )
    by_description = make_published_product(
        channel=channel, warehouse=warehouse, name="Heat Pad"
    )
    product_update(
        product=by_description, description=_description("Pairs with a TENS unit.")
    )

    ranked = _ranked(products_search(Product.objects.all(), text="tens"))

    assert ranked == [by_category.name, by_description.name]


def test_renaming_a_category_makes_its_products_found_by_the_new_name(
    channel, warehouse
):
    category = factories.CategoryFactory(name="Misc")
    make_published_product(
        channel=channel, warehouse=warehouse, name="Peanut Ball", category=category
    )

    category_update(category=category, name="Massage Tools")

    assert _names(products_search(Product.objects.all(), text="massage")) == [
        "Peanut Ball"
    ]


def test_a_changed_variant_sku_is_found(channel, warehouse):
    product = make_published_product(
        channel=channel, warehouse=warehouse, name="TENS Unit"
    )

    product_variant_update(variant=product.variants.get(), sku="LMB-TENS-9")

    assert _names(products_search(Product.objects.all(), text="lmb-tens-9")) == [
        "TENS Unit"
    ]


def test_a_plain_word_does_not_match_inside_skus(channel, warehouse):
    product = make_published_product(channel=channel, warehouse=warehouse, name="Wrap")
    product_variant_update(variant=product.variants.get(), sku="LMB-PAD-1")

    assert _names(products_search(Product.objects.all(), text="pad")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("!!!", []),
        ("'; DROP TABLE product_product; --", []),
        ("foam & | ! :* ( ) <->", ["Foam Roller"]),
        ("x" * 5000, []),
        ("élan 背痛 \u0000", []),
        ("LMB-\u0000-1", []),
    ],
    ids=["punctuation", "sql", "tsquery-operators", "very-long", "unicode", "nul"],
)
def test_hostile_text_searches_by_its_words_alone(text, expected, channel, warehouse):
    make_published_product(channel=channel, warehouse=warehouse, name="Foam Roller")

    assert _names(products_search(Product.objects.all(), text=text)) == expected


def test_search_matches_a_last_word_typed_past_its_stem(channel, warehouse):
    make_published_product(channel=channel, warehouse=warehouse, name="Physical Band")

    assert _names(products_search(Product.objects.all(), text="physica")) == [
        "Physical Band"
    ]


def test_search_ranks_the_last_word_in_the_name_first(channel, warehouse):
    bundle = make_published_product(
        channel=channel, warehouse=warehouse, name="Sciatica Bundle"
    )
    product_update(product=bundle, description=_description("With a strap."))
    strap = make_published_product(
        channel=channel, warehouse=warehouse, name="Stretch Strap"
    )
    product_update(product=strap, description=_description("Eases sciatica."))

    assert _ranked(products_search(Product.objects.all(), text="sciatica strap")) == [
        "Stretch Strap",
        "Sciatica Bundle",
    ]

"""Product and variant services."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from backend.attribute.models import AttributeInputType, AttributeValue
from backend.attribute.services import AttributeAssignment, ValueChoice
from backend.product.models import Product, ProductChannelListing, ProductVariant
from backend.product.services import (
    product_create,
    product_delete,
    product_update,
    product_variant_create,
    product_variant_delete,
    product_variant_update,
)
from tests import factories

pytestmark = pytest.mark.django_db


def error_code(excinfo, field_name):
    return [error.code for error in excinfo.value.error_dict[field_name]]


def test_product_create_makes_a_slug_from_the_name():
    product_type = factories.ProductTypeFactory()

    product = product_create(product_type=product_type, name="Lumbar Roll")

    assert product.slug == "lumbar-roll"
    assert Product.objects.get(pk=product.pk).name == "Lumbar Roll"


def test_product_create_refuses_a_taken_slug():
    factories.ProductFactory(slug="strap")

    with pytest.raises(ValidationError) as excinfo:
        product_create(
            product_type=factories.ProductTypeFactory(), name="Strap", slug="strap"
        )

    assert error_code(excinfo, "slug") == ["UNIQUE"]


def test_product_create_refuses_a_blank_name():
    with pytest.raises(ValidationError) as excinfo:
        product_create(product_type=factories.ProductTypeFactory(), name="  ")

    assert error_code(excinfo, "name") == ["REQUIRED"]
    assert not Product.objects.exists()


def test_product_create_assigns_a_dropdown_value_by_name_adding_it():
    product_type = factories.ProductTypeFactory()
    attribute = factories.AttributeProductFactory(product_type=product_type).attribute

    product = product_create(
        product_type=product_type,
        name="Roller",
        attributes=[
            AttributeAssignment(
                attribute_id=attribute.pk, choices=(ValueChoice(value="Firm"),)
            )
        ],
    )

    assert [
        v.name
        for v in AttributeValue.objects.filter(productvalueassignment__product=product)
    ] == ["Firm"]


def test_product_create_refuses_an_attribute_of_another_product_type():
    attribute = factories.AttributeFactory()

    with pytest.raises(ValidationError) as excinfo:
        product_create(
            product_type=factories.ProductTypeFactory(),
            name="Roller",
            attributes=[
                AttributeAssignment(
                    attribute_id=attribute.pk, choices=(ValueChoice(value="Firm"),)
                )
            ],
        )

    assert error_code(excinfo, "attributes") == ["ATTRIBUTE_CANNOT_BE_ASSIGNED"]
    assert not Product.objects.exists()


def test_product_create_stores_a_numeric_value():
    product_type = factories.ProductTypeFactory()
    attribute = factories.AttributeProductFactory(
        product_type=product_type,
        attribute=factories.AttributeFactory(input_type=AttributeInputType.NUMERIC),
    ).attribute

    product = product_create(
        product_type=product_type,
        name="Pad",
        attributes=[AttributeAssignment(attribute_id=attribute.pk, numeric="2.5")],
    )

    value = AttributeValue.objects.get(productvalueassignment__product=product)
    assert value.numeric == Decimal("2.5")


def test_product_create_refuses_a_numeric_value_that_is_not_a_number():
    product_type = factories.ProductTypeFactory()
    attribute = factories.AttributeProductFactory(
        product_type=product_type,
        attribute=factories.AttributeFactory(input_type=AttributeInputType.NUMERIC),
    ).attribute

    with pytest.raises(ValidationError) as excinfo:
        product_create(
            product_type=product_type,
            name="Pad",
            attributes=[AttributeAssignment(attribute_id=attribute.pk, numeric="two")],
        )

    assert error_code(excinfo, "attributes") == ["INVALID"]


def test_product_create_sets_a_boolean_and_a_reference():
    product_type = factories.ProductTypeFactory()
    flag = factories.AttributeProductFactory(
        product_type=product_type,
        attribute=factories.AttributeFactory(input_type=AttributeInputType.BOOLEAN),
    ).attribute
    related = factories.ProductFactory(name="Electrode Pads")
    reference = factories.AttributeProductFactory(
        product_type=product_type,
        attribute=factories.AttributeFactory(
            input_type=AttributeInputType.REFERENCE, entity_type="Product"
        ),
    ).attribute

    product = product_create(
        product_type=product_type,
        name="TENS",
        attributes=[
            AttributeAssignment(attribute_id=flag.pk, boolean=True),
            AttributeAssignment(attribute_id=reference.pk, reference_ids=(related.pk,)),
        ],
    )

    values = AttributeValue.objects.filter(productvalueassignment__product=product)
    assert {(v.boolean, v.reference_product_id) for v in values} == {
        (True, None),
        (None, related.pk),
    }


def test_product_create_refuses_a_missing_required_attribute():
    product_type = factories.ProductTypeFactory()
    factories.AttributeProductFactory(
        product_type=product_type,
        attribute=factories.AttributeFactory(value_required=True),
    )

    with pytest.raises(ValidationError) as excinfo:
        product_create(product_type=product_type, name="Roller")

    assert error_code(excinfo, "attributes") == ["REQUIRED"]


def test_product_update_replaces_the_value_of_an_attribute():
    product_type = factories.ProductTypeFactory()
    attribute = factories.AttributeProductFactory(product_type=product_type).attribute
    product = product_create(
        product_type=product_type,
        name="Roller",
        attributes=[
            AttributeAssignment(
                attribute_id=attribute.pk, choices=(ValueChoice(value="Soft"),)
            )
        ],
    )

    product_update(
        product=product,
        name="Foam Roller",
        attributes=[
            AttributeAssignment(
                attribute_id=attribute.pk, choices=(ValueChoice(value="Firm"),)
            )
        ],
    )

    product.refresh_from_db()
    assert product.name == "Foam Roller"
    assert [
        v.name
        for v in AttributeValue.objects.filter(productvalueassignment__product=product)
    ] == ["Firm"]


def test_product_delete_removes_the_product_and_its_variants():
    variant = factories.ProductVariantFactory()

    product_delete(product=variant.product)

    assert not Product.objects.exists()
    assert not ProductVariant.objects.exists()


def test_product_variant_create_refuses_a_duplicate_sku():
    factories.ProductVariantFactory(sku="STRAP-1")
    product = factories.ProductFactory()

    with pytest.raises(ValidationError) as excinfo:
        product_variant_create(product=product, sku="STRAP-1")

    assert error_code(excinfo, "sku") == ["UNIQUE"]
    assert not product.variants.exists()


def test_product_variant_create_makes_the_first_variant_the_default():
    product = factories.ProductFactory()

    variant = product_variant_create(product=product, sku="ROLL-1", name="Short")

    product.refresh_from_db()
    assert product.default_variant == variant


def test_product_variant_create_refuses_a_product_attribute_on_a_variant():
    product = factories.ProductFactory()
    attribute = factories.AttributeProductFactory(
        product_type=product.product_type
    ).attribute

    with pytest.raises(ValidationError) as excinfo:
        product_variant_create(
            product=product,
            sku="X",
            attributes=[
                AttributeAssignment(
                    attribute_id=attribute.pk, choices=(ValueChoice(value="Big"),)
                )
            ],
        )

    assert error_code(excinfo, "attributes") == ["ATTRIBUTE_CANNOT_BE_ASSIGNED"]


def test_product_variant_create_assigns_multiselect_values_by_id_and_name():
    product = factories.ProductFactory()
    attribute = factories.AttributeVariantFactory(
        product_type=product.product_type,
        attribute=factories.AttributeFactory(input_type=AttributeInputType.MULTISELECT),
    ).attribute
    existing = factories.AttributeValueFactory(attribute=attribute, name="Red")

    variant = product_variant_create(
        product=product,
        sku="MULTI",
        attributes=[
            AttributeAssignment(
                attribute_id=attribute.pk,
                choices=(ValueChoice(id=existing.pk), ValueChoice(value="Blue")),
            )
        ],
    )

    names = AttributeValue.objects.filter(
        variantvalueassignment__variant=variant
    ).values_list("name", flat=True)
    assert sorted(names) == ["Blue", "Red"]


def test_product_variant_update_refuses_another_variants_sku():
    factories.ProductVariantFactory(sku="TAKEN")
    variant = factories.ProductVariantFactory(sku="MINE")

    with pytest.raises(ValidationError):
        product_variant_update(variant=variant, sku="TAKEN")

    variant.refresh_from_db()
    assert variant.sku == "MINE"


def test_product_variant_delete_picks_a_new_default_and_cheapest_price(channel):
    product = factories.ProductFactory()
    factories.ProductChannelListingFactory(product=product, channel=channel)
    cheap = factories.ProductVariantFactory(product=product)
    dear = factories.ProductVariantFactory(product=product)
    factories.ProductVariantChannelListingFactory(
        variant=cheap, channel=channel, price_amount=Decimal("5")
    )
    factories.ProductVariantChannelListingFactory(
        variant=dear, channel=channel, price_amount=Decimal("9")
    )
    product.default_variant = cheap
    product.save()

    product_variant_delete(variant=cheap)

    product.refresh_from_db()
    assert product.default_variant == dear
    listing = ProductChannelListing.objects.get(product=product)
    assert listing.discounted_price_amount == Decimal("9")


def test_product_update_moves_the_product_to_another_category():
    product = factories.ProductFactory()
    other = factories.CategoryFactory(name="Heat")

    product_update(product=product, category=other)

    product.refresh_from_db()
    assert product.category == other


def test_product_update_can_clear_the_category():
    product = factories.ProductFactory()

    product_update(product=product, category=None)

    product.refresh_from_db()
    assert product.category is None

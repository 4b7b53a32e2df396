"""Attribute services."""

import pytest
from django.core.exceptions import ValidationError

from backend.attribute.models import Attribute, AttributeType
from backend.attribute.services import (
    attribute_create,
    attribute_translate,
    attribute_update,
    attribute_value_create,
    attribute_value_translate,
)
from tests import factories

pytestmark = pytest.mark.django_db


def test_attribute_create_adds_its_values():
    attribute = attribute_create(
        name="Density",
        type=AttributeType.PRODUCT_TYPE,
        values=[{"name": "Soft"}, {"name": "Firm"}],
    )

    assert attribute.slug == "density"
    assert list(attribute.values.values_list("slug", flat=True)) == ["soft", "firm"]


def test_attribute_create_refuses_a_taken_slug():
    factories.AttributeFactory(slug="density")

    with pytest.raises(ValidationError) as excinfo:
        attribute_create(name="Density", type=AttributeType.PRODUCT_TYPE)

    assert excinfo.value.error_dict["slug"][0].code == "UNIQUE"


def test_attribute_create_refuses_a_reference_without_entity_type():
    with pytest.raises(ValidationError) as excinfo:
        attribute_create(
            name="Pads", type=AttributeType.PRODUCT_TYPE, input_type="reference"
        )

    assert excinfo.value.error_dict["entityType"][0].code == "REQUIRED"
    assert not Attribute.objects.exists()


def test_attribute_update_renames_and_swaps_values():
    attribute = attribute_create(
        name="Size", type=AttributeType.PRODUCT_TYPE, values=[{"name": "S"}]
    )
    small = attribute.values.get()

    attribute_update(
        attribute=attribute,
        name="Fit",
        remove_value_ids=[small.pk],
        add_values=[{"name": "M"}],
    )

    attribute.refresh_from_db()
    assert attribute.name == "Fit"
    assert list(attribute.values.values_list("name", flat=True)) == ["M"]


def test_attribute_update_refuses_to_remove_another_attributes_value():
    attribute = factories.AttributeFactory()
    stranger = factories.AttributeValueFactory()

    with pytest.raises(ValidationError) as excinfo:
        attribute_update(attribute=attribute, remove_value_ids=[stranger.pk])

    assert excinfo.value.error_dict["removeValues"][0].code == "INVALID"
    assert stranger.__class__.objects.filter(pk=stranger.pk).exists()


def test_attribute_value_create_refuses_a_duplicate_name():
    attribute = factories.AttributeFactory()
    attribute_value_create(attribute=attribute, name="Blue", value="#0000ff")

    with pytest.raises(ValidationError) as excinfo:
        attribute_value_create(attribute=attribute, name="Blue")

    assert excinfo.value.error_dict["name"][0].code == "ALREADY_EXISTS"


def test_attribute_and_value_translate_store_names():
    value = factories.AttributeValueFactory(name="Firm")

    attribute_translate(attribute=value.attribute, language_code="de", name="Härte")
    attribute_value_translate(attribute_value=value, language_code="de", name="Fest")

    assert value.attribute.translations.get().name == "Härte"
    assert value.translations.get().name == "Fest"


def test_attribute_create_keeps_its_external_reference():
    attribute = attribute_create(
        name="Therapy",
        type=AttributeType.PRODUCT_TYPE,
        external_reference="erp-therapy",
    )

    assert Attribute.objects.get(external_reference="erp-therapy") == attribute

"""metadata_update on catalog objects."""

import pytest
from django.core.exceptions import ValidationError

from backend.core.metadata import metadata_update
from tests import factories

pytestmark = pytest.mark.django_db


def test_metadata_update_merges_keys():
    product = factories.ProductFactory(metadata={"a": "1"})

    metadata_update(instance=product, items={"b": "2"})

    product.refresh_from_db()
    assert product.metadata == {"a": "1", "b": "2"}
    assert product.private_metadata == {}


def test_private_metadata_update_leaves_public_metadata():
    category = factories.CategoryFactory()

    metadata_update(instance=category, items={"cost-centre": "7"}, private=True)

    category.refresh_from_db()
    assert (category.metadata, category.private_metadata) == ({}, {"cost-centre": "7"})


def test_metadata_update_refuses_a_blank_key():
    product = factories.ProductFactory()

    with pytest.raises(ValidationError) as excinfo:
        metadata_update(instance=product, items={" ": "x"})

    assert excinfo.value.error_dict["input"][0].code == "REQUIRED"
    product.refresh_from_db()
    assert product.metadata == {}

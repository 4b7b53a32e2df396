"""Stock services."""

import pytest
from django.core.exceptions import ValidationError

from backend.warehouse.models import Stock
from backend.warehouse.services import StockInput, product_variant_stocks_update
from tests import factories

pytestmark = pytest.mark.django_db


def test_stocks_update_sets_existing_and_adds_new_rows(published_product, warehouse):
    variant = published_product.variants.get()
    second = factories.WarehouseFactory()

    product_variant_stocks_update(
        variant=variant,
        stocks=[
            StockInput(warehouse=warehouse, quantity=3),
            StockInput(warehouse=second, quantity=7),
        ],
    )

    assert dict(
        Stock.objects.filter(product_variant=variant).values_list(
            "warehouse_id", "quantity"
        )
    ) == {warehouse.pk: 3, second.pk: 7}


def test_stocks_update_refuses_a_negative_quantity(published_product, warehouse):
    variant = published_product.variants.get()

    with pytest.raises(ValidationError) as excinfo:
        product_variant_stocks_update(
            variant=variant, stocks=[StockInput(warehouse=warehouse, quantity=-1)]
        )

    assert excinfo.value.error_dict["quantity"][0].code == "INVALID"
    assert Stock.objects.get(product_variant=variant).quantity == 10


def test_stocks_update_refuses_the_same_warehouse_twice(published_product, warehouse):
    variant = published_product.variants.get()

    with pytest.raises(ValidationError):
        product_variant_stocks_update(
            variant=variant,
            stocks=[
                StockInput(warehouse=warehouse, quantity=1),
                StockInput(warehouse=warehouse, quantity=2),
            ],
        )

    assert Stock.objects.get(product_variant=variant).quantity == 10

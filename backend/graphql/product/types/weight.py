"""Saleor's Weight type; weights are stored in grams, shown in kilograms."""

from decimal import Decimal

import graphene

from ..enums import WeightUnitsEnum


class Weight(graphene.ObjectType):
    unit = graphene.Field(WeightUnitsEnum, required=True, description="Weight unit.")
    value = graphene.Float(required=True, description="Weight value.")

    class Meta:
        description = "Represents weight value in a specific weight unit."


def weight_of(grams: int | None) -> Weight | None:
    if grams is None:
        return None
    return Weight(unit="KG", value=float(Decimal(grams) / 1000))

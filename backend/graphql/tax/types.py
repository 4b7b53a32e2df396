"""TaxClass: Saleor's type, always empty here.

Lumbar prices are what the shopper pays; it keeps no tax classes, so every
list of them is Saleor's empty state and every reference to one is null.
"""

import graphene
from graphene import relay

from ..core.connection import create_connection_type
from ..core.types import CountryDisplay
from ..meta.types import ObjectWithMetadata


class TaxClassCountryRate(graphene.ObjectType):
    country = graphene.Field(
        CountryDisplay, required=True, description="Country in which this rate applies."
    )
    rate = graphene.Float(
        required=True, description="Tax rate value provided as percentage."
    )
    tax_class = graphene.Field(lambda: TaxClass, description="Related tax class.")

    class Meta:
        description = "Tax rate for a country. When tax class is null, it represents "
        "the default tax rate for that country; otherwise it's a country tax "
        "rate specific to the given tax class."


class TaxClass(graphene.ObjectType):
    name = graphene.String(required=True, description="Name of the tax class.")
    countries = graphene.List(
        graphene.NonNull(TaxClassCountryRate),
        required=True,
        description="Country-specific tax rates for this tax class.",
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = (
            "Tax class is a named object used to define tax rates per country. "
            "Tax class can be assigned to product types, products and shipping "
            "methods to define their tax rates."
        )

    @classmethod
    def is_type_of(cls, root, info):
        return False


TaxClassCountableConnection = create_connection_type(TaxClass)

"""Saleor's TaxClass, which Lumbar has none of: prices are entered gross.

The type exists so the fields Saleor types as ``TaxClass`` (a shipping
method's, say) answer what Saleor answers for a store without tax classes:
null. No resolver ever returns one.
"""

import graphene
from graphene import relay

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
        description = "Tax rate for a country."


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
            "Tax class is a named object used to define tax rates per country."
        )

"""Saleor's TaxClass: Lumbar charges no tax, so it has no tax classes.

Every field that names one (an order line's, a shipping method's) is null,
as in a Saleor store that defines none.
"""

import graphene
from graphene import relay

from ..core.types import CountryDisplay
from ..meta.types import ObjectWithMetadata


class TaxClassCountryRate(graphene.ObjectType):
    country = graphene.Field(
        CountryDisplay,
        required=True,
        description="Country in which this tax rate applies.",
    )
    rate = graphene.Float(required=True, description="Tax rate value.")
    tax_class = graphene.Field(lambda: TaxClass, description="Related tax class.")


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

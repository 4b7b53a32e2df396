"""Saleor's AddressInput, taken by pricing and stock fields and, later, by
the account and checkout mutations."""

import graphene

from .enums import CountryCode
from .inputs import MetadataInput


class AddressInput(graphene.InputObjectType):
    first_name = graphene.String(description="Given name.")
    last_name = graphene.String(description="Family name.")
    company_name = graphene.String(description="Company or organization.")
    street_address_1 = graphene.String(description="Address.")
    street_address_2 = graphene.String(description="Address.")
    city = graphene.String(description="City.")
    city_area = graphene.String(description="District.")
    postal_code = graphene.String(description="Postal code.")
    country = CountryCode(description="Country.")
    country_area = graphene.String(description="State or province.")
    phone = graphene.String(description="Phone number.")
    metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="Address public metadata."
    )
    skip_validation = graphene.Boolean(
        default_value=False,
        description="Determine if the address should be validated. By default, "
        "Saleor accepts only address inputs matching ruleset from Google Address "
        "Data.",
    )


def address_country_code(address) -> str | None:
    """Return the country code an AddressInput argument names, if any."""
    country = (address or {}).get("country")
    if country is None:
        return None
    return getattr(country, "name", None) or str(country)

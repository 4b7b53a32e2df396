"""Enums every domain's sorting and filtering inputs share."""

import graphene
from django_countries import countries

from backend.core.languages import LANGUAGES


class OrderDirection(graphene.Enum):
    ASC = "asc"
    DESC = "desc"

    @property
    def description(self):
        if self == OrderDirection.ASC:
            return "Specifies an ascending sort order."
        return "Specifies a descending sort order."


def _country_code_enum():
    # Saleor lists the European Union and Kosovo besides ISO 3166-1.
    codes = sorted({code for code, _ in countries} | {"EU", "XK"})
    return graphene.Enum(
        "CountryCode",
        [(code, code) for code in codes],
        description="An enumeration.",
    )


CountryCode = _country_code_enum()


# Saleor's language codes; every translation field and argument takes it.
LanguageCodeEnum = graphene.Enum(
    "LanguageCodeEnum", [(name, name) for name, _ in LANGUAGES]
)


class AddressTypeEnum(graphene.Enum):
    """Saleor's address kinds; checkout errors and the account API share it."""

    BILLING = "billing"
    SHIPPING = "shipping"

"""Enums every domain's sorting and filtering inputs share."""

import graphene


class OrderDirection(graphene.Enum):
    ASC = "asc"
    DESC = "desc"

    @property
    def description(self):
        if self == OrderDirection.ASC:
            return "Specifies an ascending sort order."
        return "Specifies a descending sort order."


def _country_code_enum():
    from django_countries import countries

    return graphene.Enum(
        "CountryCode",
        [(code, code) for code, _ in countries],
        description="An enumeration.",
    )


CountryCode = _country_code_enum()

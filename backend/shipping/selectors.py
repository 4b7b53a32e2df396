"""Which shipping methods can deliver an order, and at what price."""

import re
from collections.abc import Collection
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from prices import Money

from backend.core.compiled_sql import compiled_objects, id_in

from .models import ShippingMethod, ShippingMethodChannelListing, ShippingZone


@dataclass(frozen=True)
class ShippingMethodOption:
    method: ShippingMethod
    price: Money


def shipping_methods_applicable(
    *,
    channel_id: int,
    country: str,
    subtotal: Money,
    product_ids: Collection[int],
) -> list[ShippingMethodOption]:
    """Return the methods that ship these products to the country.

    A method applies when its zone covers the country and the channel, the
    subtotal is inside its channel listing's minimum and maximum order price,
    and it excludes none of the products (Saleor's excluded products).
    The SQL is compiled once per process for each channel (every checkout
    mutation's answer asks); the order price range is checked here.
    """
    if not _COUNTRY_CODE.fullmatch(country or ""):
        return []
    listings = compiled_objects(
        model=ShippingMethodChannelListing,
        key=("shipping-methods-applicable", channel_id),
        build=lambda _now, ids, code: _listings_to_country(
            channel_id=channel_id, country=code, product_ids=ids
        ),
        id_lists=(list(product_ids),),
        words=(country,),
    )
    amount = subtotal.amount
    return [
        ShippingMethodOption(method=listing.shipping_method, price=listing.price)
        for listing in listings
        if (
            listing.minimum_order_price_amount is None
            or listing.minimum_order_price_amount <= amount
        )
        and (
            listing.maximum_order_price_amount is None
            or listing.maximum_order_price_amount >= amount
        )
    ]


# A country code as django-countries stores it (ISO 3166-1 alpha-2).
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")


def _listings_to_country(*, channel_id: int, country: str, product_ids: list[int]):
    excluding = ShippingMethod.excluded_products.through.objects.filter(
        id_in("product_id", product_ids),
        shippingmethod_id=OuterRef("shipping_method_id"),
    )
    return (
        ShippingMethodChannelListing.objects.filter(
            channel_id=channel_id,
            shipping_method__shipping_zone__channels__id=channel_id,
            shipping_method__shipping_zone__countries__contains=country,
        )
        .filter(~Exists(excluding))
        .select_related("shipping_method")
        .order_by("price_amount", "shipping_method__name", "pk")
    )


def countries_in_shipping_zones() -> set[str]:
    """Return the codes of the countries some shipping zone covers."""
    return {
        country.code
        for zone in ShippingZone.objects.only("countries")
        for country in zone.countries
    }


def channel_shippable_countries(*, channel_id: int) -> list:
    """Return the countries the channel's shipping zones cover, by name."""
    found = {}
    for zone in ShippingZone.objects.filter(channels__id=channel_id).only("countries"):
        for country in zone.countries:
            found[country.code] = country
    return sorted(found.values(), key=lambda country: country.name)


def shipping_methods_of_channel(
    *, channel_id: int, country: str | None = None
) -> list[ShippingMethodOption]:
    """Return the channel's methods with their prices, to the country if given."""
    listings = ShippingMethodChannelListing.objects.filter(
        channel_id=channel_id, shipping_method__shipping_zone__channels__id=channel_id
    )
    if country:
        listings = listings.filter(
            shipping_method__shipping_zone__countries__contains=country
        )
    listings = (
        listings.select_related("shipping_method")
        .order_by("price_amount", "shipping_method__name", "pk")
        .distinct()
    )
    return [
        ShippingMethodOption(method=listing.shipping_method, price=listing.price)
        for listing in listings
    ]

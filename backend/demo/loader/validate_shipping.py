"""Check shipping.yaml: zones, their methods and per-channel prices."""

from pathlib import Path

from django_countries import countries

from .checks import Check, display_path, read_yaml


def _method(where: Check, method: dict, channel_slugs: set[str]) -> None:
    where.keys(
        method,
        required={"name", "listings"},
        optional={"minimum_delivery_days", "maximum_delivery_days", "description"},
    )
    where.text(method, "name", max_length=100)
    minimum = where.integer(method, "minimum_delivery_days")
    maximum = where.integer(method, "maximum_delivery_days")
    if minimum is not None and maximum is not None and minimum > maximum:
        where.fail(
            f"minimum_delivery_days {minimum} is above maximum_delivery_days {maximum}"
        )
    listings = method["listings"]
    if not isinstance(listings, dict) or not listings:
        where.fail("listings must map channel slugs to a price")
    for slug, listing in listings.items():
        at = where.at(f'channel "{slug}"')
        if slug not in channel_slugs:
            at.fail("the channel is not in channels.yaml")
        if not isinstance(listing, dict):
            at.fail("a listing needs a price")
        at.keys(
            listing,
            required={"price"},
            optional={"minimum_order_price", "maximum_order_price"},
        )
        listing["price"] = at.decimal(listing, "price")
        low = at.decimal(listing, "minimum_order_price", required=False)
        high = at.decimal(listing, "maximum_order_price", required=False)
        if low is not None and high is not None and low > high:
            at.fail("minimum_order_price is above maximum_order_price")
        listing["minimum_order_price"], listing["maximum_order_price"] = low, high


def shipping_validate(*, directory: Path, channel_slugs: set[str]) -> list[dict]:
    """Return the checked shipping zones, or raise DemoDataError."""
    path = directory / "shipping.yaml"
    zones, check = read_yaml(path, "shipping_zones"), Check(display_path(path))
    seen: set[str] = set()
    for zone in zones:
        where = check.at(f'zone "{zone.get("name")}"')
        where.keys(
            zone, required={"name", "countries", "channels", "methods"},
            optional={"description"},
        )
        where.text(zone, "name", max_length=100)
        if zone["name"] in seen:
            check.fail(f'zone "{zone["name"]}" is given twice')
        seen.add(zone["name"])
        for code in zone["countries"] or []:
            if code not in dict(countries):
                where.fail(f'country "{code}" is unknown')
        for slug in where.slugs(zone, "channels"):
            if slug not in channel_slugs:
                where.fail(f'channel "{slug}" is not in channels.yaml')
        method_names: set[str] = set()
        for method in zone["methods"] or []:
            at = where.at(f'method "{method.get("name")}"')
            _method(at, method, channel_slugs)
            if method["name"] in method_names:
                at.fail("the method is given twice in this zone")
            method_names.add(method["name"])
    return zones

"""Load shipping zones, methods and their channel listings."""

from backend.shipping.models import (
    ShippingMethod,
    ShippingMethodChannelListing,
    ShippingZone,
)

from .common import LoadContext, changed_fields
from .validate import Catalog


def _record(context: LoadContext, kind: str, *, created: bool, changed: bool) -> None:
    context.report.record(kind, created=created, updated=changed and not created)


def _save(instance, wanted: dict) -> bool:
    changes = changed_fields(instance, wanted)
    for name, value in changes.items():
        setattr(instance, name, value)
    if changes:
        instance.save(update_fields=list(changes))
    return bool(changes)


def shipping_load(catalog: Catalog, context: LoadContext) -> None:
    """Create or update each zone, keyed by name, and its methods by name."""
    for entry in catalog.shipping_zones:
        zone, created = ShippingZone.objects.get_or_create(name=entry["name"])
        changed = _save(
            zone,
            {
                "countries": sorted(entry["countries"]),
                "description": entry.get("description", ""),
            },
        )
        channel_ids = {context.channels[slug].pk for slug in entry["channels"]}
        if set(zone.channels.values_list("pk", flat=True)) != channel_ids:
            zone.channels.set(channel_ids)
            changed = True
        _record(context, "shipping zones", created=created, changed=changed)
        for method_entry in entry["methods"]:
            _method_load(zone, method_entry, context)


def _method_load(zone: ShippingZone, entry: dict, context: LoadContext) -> None:
    method, created = ShippingMethod.objects.get_or_create(
        shipping_zone=zone, name=entry["name"]
    )
    changed = _save(
        method,
        {
            "minimum_delivery_days": entry.get("minimum_delivery_days"),
            "maximum_delivery_days": entry.get("maximum_delivery_days"),
            "description": entry.get("description", ""),
        },
    )
    _record(context, "shipping methods", created=created, changed=changed)
    for slug, listing in entry["listings"].items():
        channel = context.channels[slug]
        current, listing_created = ShippingMethodChannelListing.objects.get_or_create(
            shipping_method=method,
            channel=channel,
            defaults={
                "currency": channel.currency_code,
                "price_amount": listing["price"],
            },
        )
        listing_changed = _save(
            current,
            {
                "currency": channel.currency_code,
                "price_amount": listing["price"],
                "minimum_order_price_amount": listing["minimum_order_price"],
                "maximum_order_price_amount": listing["maximum_order_price"],
            },
        )
        _record(
            context,
            "shipping prices",
            created=listing_created,
            changed=listing_changed,
        )

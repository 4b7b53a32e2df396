"""Shipping zones: the countries, channels and warehouses methods serve."""

from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django_countries import countries as all_countries

from backend.channel.models import Channel
from backend.core.promise_version import promise_rules_changed
from backend.warehouse.models import ChannelWarehouse, Warehouse

from ..errors import ShippingErrorCode, shipping_error
from ..models import ShippingMethodChannelListing, ShippingZone

NAME_MAX_LENGTH = ShippingZone._meta.get_field("name").max_length


@dataclass(frozen=True)
class ShippingZoneChanges:
    """What to set on a zone; None keeps a field as it is."""

    name: str | None = None
    description: str | None = None
    countries: tuple[str, ...] | None = None
    default: bool | None = None
    add_warehouse_ids: tuple[int, ...] = ()
    remove_warehouse_ids: tuple[int, ...] = ()
    add_channel_ids: tuple[int, ...] = ()
    remove_channel_ids: tuple[int, ...] = ()


def _refuse_duplicates(changes: ShippingZoneChanges) -> None:
    errors = {}
    for field, added, removed in (
        ("warehouses", changes.add_warehouse_ids, changes.remove_warehouse_ids),
        ("channels", changes.add_channel_ids, changes.remove_channel_ids),
    ):
        both = sorted(set(added) & set(removed))
        if both:
            errors[field] = ValidationError(
                "The same object cannot be in both lists for adding and "
                "removing items.",
                code=ShippingErrorCode.DUPLICATED_INPUT_ITEM.value,
                params={field: both},
            )
    if errors:
        raise ValidationError(errors)


def _clean_name(name: str | None, *, required: bool) -> str | None:
    if name is None and not required:
        return None
    name = (name or "").strip()
    if not name:
        raise shipping_error(
            "name", "A shipping zone needs a name.", ShippingErrorCode.REQUIRED
        )
    if len(name) > NAME_MAX_LENGTH:
        raise shipping_error(
            "name",
            f"Ensure the name has at most {NAME_MAX_LENGTH} characters.",
            ShippingErrorCode.INVALID,
        )
    return name


def _clean_countries(codes: tuple[str, ...] | None) -> list[str] | None:
    if codes is None:
        return None
    cleaned = list(dict.fromkeys(str(code).strip().upper() for code in codes))
    unknown = [code for code in cleaned if code not in all_countries]
    if unknown:
        raise shipping_error(
            "countries",
            f"{', '.join(unknown)} is not a valid country code.",
            ShippingErrorCode.INVALID,
        )
    return cleaned


def _require_existing(model, pks: tuple[int, ...], field: str, param: str) -> None:
    missing = sorted(
        set(pks) - set(model.objects.filter(pk__in=pks).values_list("pk", flat=True))
    )
    if missing:
        raise shipping_error(
            field,
            f"Couldn't resolve to a node: {model.__name__} {missing[0]}.",
            ShippingErrorCode.NOT_FOUND,
            **{param: missing},
        )


def _warehouse_channels(warehouse_ids) -> dict[int, set[int]]:
    found: dict[int, set[int]] = defaultdict(set)
    for warehouse_id, channel_id in ChannelWarehouse.objects.filter(
        warehouse_id__in=warehouse_ids
    ).values_list("warehouse_id", "channel_id"):
        found[warehouse_id].add(channel_id)
    return found


def _refuse_warehouses_outside_channels(
    warehouse_ids: tuple[int, ...], zone_channel_ids: set[int]
) -> None:
    """Refuse warehouses that serve none of the zone's channels, as Saleor does."""
    if not warehouse_ids:
        return
    by_warehouse = _warehouse_channels(warehouse_ids)
    outside = sorted(
        pk for pk in set(warehouse_ids) if not by_warehouse[pk] & zone_channel_ids
    )
    if outside:
        raise shipping_error(
            "add_warehouses",
            "Only warehouses that have common channel with shipping zone can be "
            "assigned.",
            ShippingErrorCode.INVALID,
            warehouses=outside,
        )


def _countries_without_zone(*, exclude_zone_id: int | None) -> list[str]:
    covered = set()
    for zone in ShippingZone.objects.exclude(pk=exclude_zone_id).only("countries"):
        covered.update(country.code for country in zone.countries)
    return [country.code for country in all_countries if country.code not in covered]


def _clean_default(
    default: bool | None, countries: list[str] | None, *, zone_id: int | None
) -> list[str] | None:
    """Refuse a second default zone; give the default every uncovered country."""
    if not default:
        return countries
    others = ShippingZone.objects.select_for_update().filter(default=True)
    if zone_id is not None:
        others = others.exclude(pk=zone_id)
    if others.exists():
        raise shipping_error(
            "default",
            "Default shipping zone already exists.",
            ShippingErrorCode.ALREADY_EXISTS,
        )
    uncovered = _countries_without_zone(exclude_zone_id=zone_id)
    return list(dict.fromkeys([*(countries or []), *uncovered]))


def _validate(changes: ShippingZoneChanges, *, zone: ShippingZone | None) -> dict:
    """Return the cleaned field values, or refuse the changes."""
    _refuse_duplicates(changes)
    name = _clean_name(changes.name, required=zone is None)
    countries = _clean_countries(changes.countries)
    _require_existing(Channel, changes.add_channel_ids, "add_channels", "channels")
    _require_existing(
        Channel, changes.remove_channel_ids, "remove_channels", "channels"
    )
    _require_existing(
        Warehouse, changes.add_warehouse_ids, "add_warehouses", "warehouses"
    )
    _require_existing(
        Warehouse, changes.remove_warehouse_ids, "remove_warehouses", "warehouses"
    )
    current_channels = (
        set(zone.channels.values_list("pk", flat=True)) if zone else set()
    )
    zone_channels = (current_channels - set(changes.remove_channel_ids)) | set(
        changes.add_channel_ids
    )
    _refuse_warehouses_outside_channels(changes.add_warehouse_ids, zone_channels)
    countries = _clean_default(
        changes.default, countries, zone_id=zone.pk if zone else None
    )
    fields = {
        "name": name,
        "description": changes.description,
        "countries": countries,
        "default": changes.default,
    }
    return {key: value for key, value in fields.items() if value is not None}


def _apply_links(zone: ShippingZone, changes: ShippingZoneChanges) -> None:
    if changes.add_channel_ids:
        zone.channels.add(*changes.add_channel_ids)
    if changes.remove_channel_ids:
        zone.channels.remove(*changes.remove_channel_ids)
        # A method cannot be sold in a channel its zone left.
        ShippingMethodChannelListing.objects.filter(
            shipping_method__shipping_zone=zone,
            channel_id__in=changes.remove_channel_ids,
        ).delete()
    if changes.add_warehouse_ids:
        zone.warehouses.add(*changes.add_warehouse_ids)
    if changes.remove_warehouse_ids:
        zone.warehouses.remove(*changes.remove_warehouse_ids)
    if changes.remove_channel_ids:
        _drop_warehouses_outside_channels(zone)


def _drop_warehouses_outside_channels(zone: ShippingZone) -> None:
    zone_channels = set(zone.channels.values_list("pk", flat=True))
    warehouse_ids = list(zone.warehouses.values_list("pk", flat=True))
    by_warehouse = _warehouse_channels(warehouse_ids)
    stale = [pk for pk in warehouse_ids if not by_warehouse[pk] & zone_channels]
    if stale:
        zone.warehouses.remove(*stale)


@transaction.atomic
def shipping_zone_create(*, changes: ShippingZoneChanges) -> ShippingZone:
    """Create a zone with its countries, channels and warehouses."""
    fields = _validate(changes, zone=None)
    zone = ShippingZone.objects.create(**fields)
    _apply_links(zone, changes)
    promise_rules_changed()
    return zone


@transaction.atomic
def shipping_zone_update(*, zone_id: int, changes: ShippingZoneChanges) -> ShippingZone:
    """Change a zone's fields and links; the promise follows on commit."""
    zone = ShippingZone.objects.select_for_update().filter(pk=zone_id).first()
    if zone is None:
        raise shipping_error(
            "id", "Shipping zone not found.", ShippingErrorCode.NOT_FOUND
        )
    fields = _validate(changes, zone=zone)
    changed = [name for name, value in fields.items() if getattr(zone, name) != value]
    for name in changed:
        setattr(zone, name, fields[name])
    if changed:
        zone.save(update_fields=changed)
    _apply_links(zone, changes)
    promise_rules_changed()
    return zone


@transaction.atomic
def shipping_zone_delete(*, zone_id: int) -> ShippingZone:
    """Delete a zone and its methods; return it with its id kept."""
    zone = ShippingZone.objects.select_for_update().filter(pk=zone_id).first()
    if zone is None:
        raise shipping_error(
            "id", "Shipping zone not found.", ShippingErrorCode.NOT_FOUND
        )
    zone.delete()
    zone.pk = zone_id
    promise_rules_changed()
    return zone


@transaction.atomic
def shipping_zones_delete(*, zone_ids: list[int]) -> int:
    """Delete the zones with their methods; return how many there were."""
    zones = list(
        ShippingZone.objects.select_for_update()
        .filter(pk__in=zone_ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    ShippingZone.objects.filter(pk__in=zones).delete()
    promise_rules_changed()
    return len(zones)

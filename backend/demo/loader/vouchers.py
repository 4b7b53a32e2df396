"""Check and load vouchers.yaml: the demo's promo codes, keyed by code."""

from decimal import Decimal
from pathlib import Path

from backend.discount.models import (
    DiscountValueType,
    Voucher,
    VoucherChannelListing,
    VoucherCode,
    VoucherType,
)

from .checks import Check, display_path, read_yaml
from .common import LoadContext

MAX_PERCENTAGE = Decimal(100)


def vouchers_validate(*, directory: Path, channel_slugs: set[str]) -> list[dict]:
    """Return the checked vouchers, or raise DemoDataError naming the problem."""
    path = directory / "vouchers.yaml"
    items, check = read_yaml(path, "vouchers"), Check(display_path(path))
    seen: set[str] = set()
    for entry in items:
        where = check.at(f'voucher "{entry.get("code")}"')
        where.keys(
            entry,
            required={"code", "name", "type", "discount_value_type", "channels"},
            optional={"usage_limit", "apply_once_per_customer"},
        )
        code = where.text(entry, "code", max_length=255)
        if code in seen:
            check.fail(f'voucher "{code}" is given twice')
        seen.add(code)
        where.text(entry, "name")
        if entry["type"] not in VoucherType.values:
            where.fail(f"type must be one of: {', '.join(VoucherType.values)}")
        if entry["discount_value_type"] not in DiscountValueType.values:
            where.fail(
                "discount_value_type must be one of: "
                + ", ".join(DiscountValueType.values)
            )
        entry["usage_limit"] = where.integer(entry, "usage_limit")
        entry["apply_once_per_customer"] = where.boolean(
            entry, "apply_once_per_customer", default=False
        )
        channels = entry["channels"]
        if not isinstance(channels, dict) or not channels:
            where.fail("channels must map channel slugs to a value")
        for slug, listing in channels.items():
            place = where.at(f'channel "{slug}"')
            if slug not in channel_slugs:
                place.fail("the channel is not in channels.yaml")
            if not isinstance(listing, dict):
                place.fail("expected a mapping with value and min_spent")
            place.keys(listing, required={"value"}, optional={"min_spent"})
            listing["value"] = place.decimal(listing, "value")
            listing["min_spent"] = place.decimal(listing, "min_spent", required=False)
            percentage = entry["discount_value_type"] == DiscountValueType.PERCENTAGE
            if percentage and listing["value"] > MAX_PERCENTAGE:
                place.fail(f'value "{listing["value"]}" is above 100 percent')
    return items


def vouchers_load(entries: list[dict], context: LoadContext) -> None:
    """Create or update each voucher, its code and its channel values."""
    for entry in entries:
        code = VoucherCode.objects.select_related("voucher").filter(code=entry["code"])
        existing = code.first()
        wanted = {
            "name": entry["name"],
            "type": entry["type"],
            "discount_value_type": entry["discount_value_type"],
            "usage_limit": entry["usage_limit"],
            "apply_once_per_customer": entry["apply_once_per_customer"],
        }
        context.report.promo_codes.append((entry["code"], entry["name"]))
        if existing is None:
            voucher = Voucher.objects.create(**wanted)
            VoucherCode.objects.create(voucher=voucher, code=entry["code"])
            context.report.record("vouchers", created=True)
        else:
            voucher = existing.voucher
            changes = {k: v for k, v in wanted.items() if getattr(voucher, k) != v}
            if changes:
                for name, value in changes.items():
                    setattr(voucher, name, value)
                voucher.save(update_fields=list(changes))
                context.report.record("vouchers", updated=True)
        for slug, listing in entry["channels"].items():
            channel = context.channels[slug]
            values = {
                "discount_value": listing["value"],
                "min_spent_amount": listing["min_spent"],
                "currency": channel.currency_code,
            }
            current = VoucherChannelListing.objects.filter(
                voucher=voucher, channel=channel
            ).first()
            if current is None:
                VoucherChannelListing.objects.create(
                    voucher=voucher, channel=channel, **values
                )
                context.report.record("voucher values", created=True)
                continue
            changes = {k: v for k, v in values.items() if getattr(current, k) != v}
            if changes:
                for name, value in changes.items():
                    setattr(current, name, value)
                current.save(update_fields=list(changes))
                context.report.record("voucher values", updated=True)

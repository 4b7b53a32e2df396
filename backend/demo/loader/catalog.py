"""Load channels, warehouses, attributes, product types, categories, collections."""

import holidays
from django.utils import timezone

from backend.account.models import Address
from backend.attribute.models import (
    Attribute,
    AttributeProduct,
    AttributeType,
    AttributeVariant,
)
from backend.attribute.services import (
    attribute_create,
    attribute_translate,
    attribute_update,
    attribute_value_create,
    attribute_value_translate,
)
from backend.channel.models import Channel
from backend.product.models import Category, Collection, ProductType
from backend.product.services import (
    category_create,
    category_translate,
    category_update,
    collection_channel_listing_update,
    collection_create,
    collection_translate,
    collection_update,
)
from backend.product.services.collections import CollectionListingInput
from backend.warehouse.models import ChannelWarehouse, Warehouse, WarehouseHoliday

from .common import (
    LoadContext,
    changed_fields,
    image_upload,
    service_call,
    translations_sync,
)
from .validate import ATTRIBUTE_OPTIONS, Catalog
from .validate_shipping import HOLIDAY_CALENDARS


def channels_load(catalog: Catalog, context: LoadContext) -> None:
    """Create or update the sales channels."""
    # No channel service exists yet: channels are set up, not edited, here.
    for entry in catalog.channels:
        wanted = {
            "name": entry["name"],
            "currency_code": entry["currency"],
            "default_country": entry["default_country"],
            "is_active": entry["is_active"],
        }
        channel = Channel.objects.filter(slug=entry["slug"]).first()
        if channel is None:
            channel = Channel.objects.create(slug=entry["slug"], **wanted)
            context.report.record("channels", created=True)
        elif changes := changed_fields(channel, wanted):
            for name, value in changes.items():
                setattr(channel, name, value)
            channel.save(update_fields=list(changes))
            context.report.record("channels", updated=True)
        context.channels[entry["slug"]] = channel


SCHEDULE_FIELDS = (
    "time_zone",
    "cutoff_time",
    "shipping_weekdays",
    "saturday_cutoff_time",
    "handling_days",
)


def _holidays_load(warehouse: Warehouse, calendar: str, context: LoadContext) -> None:
    """Add the calendar's holidays for this year and next; keep staff additions."""
    year = timezone.now().year
    dates = holidays.country_holidays(
        HOLIDAY_CALENDARS[calendar], years=[year, year + 1]
    )
    known = set(warehouse.holidays.values_list("date", flat=True))
    missing = [
        WarehouseHoliday(warehouse=warehouse, date=day, name=name)
        for day, name in sorted(dates.items())
        if day not in known
    ]
    WarehouseHoliday.objects.bulk_create(missing)
    for _ in missing:
        context.report.record("warehouse holidays", created=True)


def warehouses_load(catalog: Catalog, context: LoadContext) -> None:
    """Create or update the warehouses, their addresses and channels."""
    for entry in catalog.warehouses:
        address_fields = {
            "company_name": entry.get("company_name", ""),
            "street_address_2": "",
            "country_area": "",
            "phone": "",
            **entry["address"],
        }
        wanted = {
            "name": entry["name"],
            "company_name": entry.get("company_name", ""),
            "email": entry.get("email", ""),
            **{key: entry[key] for key in SCHEDULE_FIELDS},
        }
        warehouse = (
            Warehouse.objects.select_related("address")
            .filter(slug=entry["slug"])
            .first()
        )
        if warehouse is None:
            address = Address.objects.create(**address_fields)
            warehouse = Warehouse.objects.create(
                slug=entry["slug"], address=address, is_private=False, **wanted
            )
            context.report.record("warehouses", created=True)
        else:
            changes = changed_fields(warehouse, wanted)
            address_changes = changed_fields(warehouse.address, address_fields)
            if address_changes:
                for name, value in address_changes.items():
                    setattr(warehouse.address, name, value)
                warehouse.address.save(update_fields=list(address_changes))
            if changes:
                for name, value in changes.items():
                    setattr(warehouse, name, value)
                warehouse.save(update_fields=list(changes))
            if changes or address_changes:
                context.report.record("warehouses", updated=True)
        if entry.get("holidays"):
            _holidays_load(warehouse, entry["holidays"], context)
        for index, slug in enumerate(entry["channels"]):
            _, created = ChannelWarehouse.objects.get_or_create(
                channel=context.channels[slug],
                warehouse=warehouse,
                defaults={"sort_order": index},
            )
            context.report.record("warehouse channels", created=created)
        context.warehouses[entry["slug"]] = warehouse


def attributes_load(catalog: Catalog, context: LoadContext) -> None:
    """Create or update attributes, their values and translations."""
    for entry in catalog.attributes:
        where = f'attribute "{entry["slug"]}"'
        options = {key: entry[key] for key in ATTRIBUTE_OPTIONS if key in entry}
        wanted = {"name": entry["name"], **options}
        attribute = Attribute.objects.filter(slug=entry["slug"]).first()
        if attribute is None:
            attribute = service_call(
                where,
                attribute_create,
                type=AttributeType.PRODUCT_TYPE,
                input_type=entry["input_type"],
                slug=entry["slug"],
                entity_type=entry.get("entity_type"),
                unit=entry.get("unit"),
                **wanted,
            )
            context.report.record("attributes", created=True)
        elif changes := changed_fields(attribute, wanted):
            service_call(where, attribute_update, attribute=attribute, **changes)
            context.report.record("attributes", updated=True)
        context.attributes[entry["slug"]] = attribute
        translations_sync(
            context,
            where=where,
            owner=attribute,
            wanted=entry.get("translations") or {},
            translate=attribute_translate,
            owner_argument="attribute",
        )
        _values_load(entry, attribute, context)


def _values_load(entry: dict, attribute: Attribute, context: LoadContext) -> None:
    existing = {value.slug: value for value in attribute.values.all()}
    for item in entry.get("values") or []:
        where = f'attribute "{entry["slug"]}": value "{item["slug"]}"'
        value = existing.get(item["slug"])
        wanted = {"name": item["name"], "value": item.get("value", "")}
        if value is None:
            value = service_call(
                where,
                attribute_value_create,
                attribute=attribute,
                slug=item["slug"],
                **wanted,
            )
            context.report.record("attribute values", created=True)
        elif changes := changed_fields(value, wanted):
            # No value-update service exists; a value is a name and a colour.
            for name, new in changes.items():
                setattr(value, name, new)
            value.save(update_fields=list(changes))
            context.report.record("attribute values", updated=True)
        context.value_ids[(entry["slug"], item["slug"])] = value.pk
        translations_sync(
            context,
            where=where,
            owner=value,
            wanted=item.get("translations") or {},
            translate=attribute_value_translate,
            owner_argument="attribute_value",
        )


def product_types_load(catalog: Catalog, context: LoadContext) -> None:
    """Create or update product types and the attributes assigned to them."""
    for entry in catalog.product_types:
        wanted = {
            "name": entry["name"],
            "has_variants": entry["has_variants"],
            "weight_grams": entry.get("weight_grams"),
        }
        # No product type service exists yet; the fields are plain values.
        product_type = ProductType.objects.filter(slug=entry["slug"]).first()
        if product_type is None:
            product_type = ProductType.objects.create(slug=entry["slug"], **wanted)
            context.report.record("product types", created=True)
        elif changes := changed_fields(product_type, wanted):
            for name, value in changes.items():
                setattr(product_type, name, value)
            product_type.save(update_fields=list(changes))
            context.report.record("product types", updated=True)
        context.product_types[entry["slug"]] = product_type
        _assign(AttributeProduct, product_type, entry["product_attributes"], context)
        _assign(
            AttributeVariant,
            product_type,
            entry["variant_attributes"],
            context,
            selection=set(entry.get("variant_selection", [])),
        )


def _assign(model, product_type, slugs, context, selection=None) -> None:
    existing = {
        row.attribute_id: row for row in model.objects.filter(product_type=product_type)
    }
    for index, slug in enumerate(slugs):
        attribute = context.attributes[slug]
        wanted = {"sort_order": index}
        if selection is not None:
            wanted["variant_selection"] = slug in selection
        row = existing.get(attribute.pk)
        if row is None:
            model.objects.create(
                attribute=attribute, product_type=product_type, **wanted
            )
            context.report.record("attribute assignments", created=True)
        elif changes := changed_fields(row, wanted):
            for name, value in changes.items():
                setattr(row, name, value)
            row.save(update_fields=list(changes))
            context.report.record("attribute assignments", updated=True)


def categories_load(catalog: Catalog, context: LoadContext) -> None:
    """Create or update the category tree, parents before children."""

    def visit(entries: list[dict], parent: Category | None) -> None:
        for entry in entries:
            where = f'category "{entry["slug"]}"'
            wanted = {
                key: entry.get(key)
                for key in ("name", "description", "seo_title", "seo_description")
            }
            image = entry.get("background_image")
            if image:
                wanted["background_image_alt"] = image["alt"]
            category = Category.objects.filter(slug=entry["slug"]).first()
            if category is None:
                category = service_call(
                    where,
                    category_create,
                    slug=entry["slug"],
                    parent=parent,
                    background_image=image and image_upload(image),
                    **wanted,
                )
                context.report.record("categories", created=True)
                uploaded = bool(image)
            else:
                changes = changed_fields(category, wanted)
                uploaded = bool(image) and not category.background_image
                if uploaded:
                    changes["background_image"] = image_upload(image)
                if changes:
                    category = service_call(
                        where, category_update, category=category, **changes
                    )
                    context.report.record("categories", updated=True)
            if uploaded:
                context.saved_files.append(category.background_image.name)
                context.report.record("images", created=True)
            context.categories[entry["slug"]] = category
            translations_sync(
                context,
                where=where,
                owner=category,
                wanted=entry.get("translations") or {},
                translate=category_translate,
                owner_argument="category",
            )
            visit(entry.get("children") or [], category)

    visit(catalog.categories, None)


def collections_load(catalog: Catalog, context: LoadContext) -> None:
    """Create or update collections and publish them in every channel."""
    for entry in catalog.collections:
        where = f'collection "{entry["slug"]}"'
        wanted = {
            key: entry.get(key)
            for key in ("name", "description", "seo_title", "seo_description")
        }
        image = entry.get("background_image")
        if image:
            wanted["background_image_alt"] = image["alt"]
        collection = Collection.objects.filter(slug=entry["slug"]).first()
        if collection is None:
            collection = service_call(
                where,
                collection_create,
                slug=entry["slug"],
                background_image=image and image_upload(image),
                **wanted,
            )
            context.report.record("collections", created=True)
            uploaded = bool(image)
        else:
            changes = changed_fields(collection, wanted)
            uploaded = bool(image) and not collection.background_image
            if uploaded:
                changes["background_image"] = image_upload(image)
            if changes:
                collection = service_call(
                    where, collection_update, collection=collection, **changes
                )
                context.report.record("collections", updated=True)
        if uploaded:
            context.saved_files.append(collection.background_image.name)
            context.report.record("images", created=True)
        context.collections[entry["slug"]] = collection
        published = set(
            collection.channel_listings.filter(is_published=True).values_list(
                "channel_id", flat=True
            )
        )
        missing = [c for c in context.channels.values() if c.pk not in published]
        if missing:
            service_call(
                where,
                collection_channel_listing_update,
                collection=collection,
                add_channels=[
                    CollectionListingInput(channel=channel, is_published=True)
                    for channel in missing
                ],
            )
            context.report.record("collection listings", created=True)
        translations_sync(
            context,
            where=where,
            owner=collection,
            wanted=entry.get("translations") or {},
            translate=collection_translate,
            owner_argument="collection",
        )

"""Load products: fields, attributes, listings, variants, prices, stock, images."""

from collections import defaultdict
from decimal import Decimal

from backend.attribute.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
)
from backend.attribute.services import AttributeAssignment, ValueChoice
from backend.product.models import (
    CollectionProduct,
    Product,
    ProductChannelListing,
    ProductVariant,
    ProductVariantChannelListing,
)
from backend.product.services import (
    collection_add_products,
    product_channel_listing_update,
    product_create,
    product_media_create,
    product_translate,
    product_update,
    product_variant_channel_listing_update,
    product_variant_create,
    product_variant_translate,
    product_variant_update,
)
from backend.product.services.channel_listings import (
    ProductListingInput,
    VariantListingInput,
)
from backend.warehouse.models import Stock
from backend.warehouse.services import StockInput, product_variant_stocks_update

from .common import (
    LoadContext,
    changed_fields,
    image_upload,
    service_call,
    translations_sync,
)
from .validate import CHOICE_TYPES

PRODUCT_FIELDS = ("name", "description", "seo_title", "seo_description")


def _assignment(context: LoadContext, slug: str, value) -> AttributeAssignment:
    attribute = context.attributes[slug]
    input_type = attribute.input_type
    if input_type in CHOICE_TYPES:
        choices = tuple(
            ValueChoice(id=context.value_ids[(slug, value_slug)])
            for value_slug in value
        )
        return AttributeAssignment(attribute_id=attribute.pk, choices=choices)
    if input_type == "numeric":
        return AttributeAssignment(attribute_id=attribute.pk, numeric=str(value))
    if input_type == "boolean":
        return AttributeAssignment(attribute_id=attribute.pk, boolean=value)
    if input_type == "rich-text":
        return AttributeAssignment(attribute_id=attribute.pk, rich_text=value)
    if input_type == "plain-text":
        return AttributeAssignment(attribute_id=attribute.pk, plain_text=value)
    ids = tuple(context.products[target].pk for target in value)
    return AttributeAssignment(attribute_id=attribute.pk, reference_ids=ids)


def _holds(context: LoadContext, slug: str, wanted, values: list) -> bool:
    """Return whether the assigned values already are the wanted ones."""
    input_type = context.attributes[slug].input_type
    if input_type in CHOICE_TYPES:
        return [value.slug for value in values] == list(wanted)
    if input_type == "reference":
        targets = [context.products[target].pk for target in wanted]
        return [value.reference_product_id for value in values] == targets
    if len(values) != 1:
        return False
    value = values[0]
    if input_type == "numeric":
        return value.numeric is not None and value.numeric == Decimal(wanted)
    if input_type == "boolean":
        return value.boolean is wanted
    if input_type == "rich-text":
        return value.rich_text == wanted
    return value.plain_text == wanted


def _stale_assignments(context, wanted: dict, assigned) -> list[AttributeAssignment]:
    """Return the assignments of attributes whose values differ from the file."""
    current = defaultdict(list)
    for row in assigned.select_related("value__attribute").order_by("sort_order"):
        current[row.value.attribute.slug].append(row.value)
    return [
        _assignment(context, slug, value)
        for slug, value in wanted.items()
        if not _holds(context, slug, value, current.get(slug, []))
    ]


def _product_sync(entry: dict, context: LoadContext) -> Product:
    where = f'product "{entry["slug"]}"'
    wanted = {key: entry.get(key) for key in PRODUCT_FIELDS}
    wanted["rating"] = float(entry["rating"]) if "rating" in entry else None
    wanted["weight_grams"] = entry.get("weight_grams")
    category = context.categories[entry["category"]]
    values = {
        slug: value
        for slug, value in entry["attribute_values"].items()
        if context.attributes[slug].input_type != "reference"
    }
    product = Product.objects.filter(slug=entry["slug"]).first()
    if product is None:
        product = service_call(
            where,
            product_create,
            product_type=context.product_types[entry["product_type"]],
            slug=entry["slug"],
            category=category,
            attributes=[_assignment(context, s, v) for s, v in values.items()],
            **wanted,
        )
        context.report.record("products", created=True)
        return product
    changes = changed_fields(product, wanted)
    if product.category_id != category.pk:
        changes["category"] = category
    stale = _stale_assignments(
        context, values, AssignedProductAttributeValue.objects.filter(product=product)
    )
    if changes or stale:
        product = service_call(
            where, product_update, product=product, attributes=stale, **changes
        )
        context.report.record("products", updated=True)
    return product


def _listing_sync(product: Product, context: LoadContext) -> None:
    listings = {
        listing.channel_id: listing
        for listing in ProductChannelListing.objects.filter(product=product)
    }
    stale = [
        channel
        for channel in context.channels.values()
        if not (listing := listings.get(channel.pk))
        or not listing.is_published
        or not listing.visible_in_listings
        or listing.available_for_purchase_at is None
    ]
    if not stale:
        return
    service_call(
        f'product "{product.slug}"',
        product_channel_listing_update,
        product=product,
        update_channels=[
            ProductListingInput(
                channel=channel,
                is_published=True,
                visible_in_listings=True,
                is_available_for_purchase=True,
            )
            for channel in stale
        ],
    )
    context.report.record("product listings", created=True)


def _variant_sync(product: Product, entry: dict, context: LoadContext) -> None:
    where = f'product "{product.slug}": variant "{entry["sku"]}"'
    wanted = {
        "name": entry["name"],
        "weight_grams": entry.get("weight_grams"),
        "track_inventory": entry["track_inventory"],
    }
    values = entry["attribute_values"]
    variant = ProductVariant.objects.filter(sku=entry["sku"]).first()
    if variant is None:
        variant = service_call(
            where,
            product_variant_create,
            product=product,
            sku=entry["sku"],
            attributes=[_assignment(context, s, v) for s, v in values.items()],
            **wanted,
        )
        context.report.record("variants", created=True)
    else:
        if variant.product_id != product.pk:
            service_call(where, _sku_taken)
        changes = changed_fields(variant, wanted)
        stale = _stale_assignments(
            context,
            values,
            AssignedVariantAttributeValue.objects.filter(variant=variant),
        )
        if changes or stale:
            service_call(
                where,
                product_variant_update,
                variant=variant,
                attributes=stale,
                **changes,
            )
            context.report.record("variants", updated=True)
    _prices_sync(variant, entry, context, where)
    _stock_sync(variant, entry, context, where)
    translations_sync(
        context,
        where=where,
        owner=variant,
        wanted=entry.get("translations") or {},
        translate=product_variant_translate,
        owner_argument="variant",
    )


def _sku_taken():
    from django.core.exceptions import ValidationError

    raise ValidationError({"sku": ["The SKU belongs to another product."]})


def _prices_sync(variant, entry: dict, context: LoadContext, where: str) -> None:
    listings = {
        listing.channel_id: listing
        for listing in ProductVariantChannelListing.objects.filter(variant=variant)
    }
    wanted = {
        "price_amount": entry["price"],
        "cost_price_amount": entry["cost"],
        "prior_price_amount": entry["prior_price"],
    }
    stale = [
        channel
        for channel in context.channels.values()
        if (listing := listings.get(channel.pk)) is None
        or changed_fields(listing, wanted)
    ]
    if not stale:
        return
    service_call(
        where,
        product_variant_channel_listing_update,
        variant=variant,
        listings=[
            VariantListingInput(
                channel=channel,
                price=entry["price"],
                cost_price=entry["cost"],
                prior_price=entry["prior_price"],
            )
            for channel in stale
        ],
    )
    new = sum(1 for channel in stale if channel.pk not in listings)
    context.report.created["variant prices"] += new
    context.report.updated["variant prices"] += len(stale) - new


def _stock_sync(variant, entry: dict, context: LoadContext, where: str) -> None:
    current = dict(
        Stock.objects.filter(product_variant=variant).values_list(
            "warehouse__slug", "quantity"
        )
    )
    stale = {
        slug: quantity
        for slug, quantity in entry["stock"].items()
        if current.get(slug) != quantity
    }
    if not stale:
        return
    service_call(
        where,
        product_variant_stocks_update,
        variant=variant,
        stocks=[
            StockInput(warehouse=context.warehouses[slug], quantity=quantity)
            for slug, quantity in stale.items()
        ],
    )
    new = sum(1 for slug in stale if slug not in current)
    context.report.created["stock"] += new
    context.report.updated["stock"] += len(stale) - new


def _media_sync(product: Product, entry: dict, context: LoadContext) -> None:
    image = entry["image"]
    if product.media.filter(private_metadata__demo_image=image["file"]).exists():
        return
    media = service_call(
        f'product "{product.slug}": image',
        product_media_create,
        product=product,
        image=image_upload(image),
        alt=image["alt"],
    )
    context.saved_files.append(media.image.name)
    media.private_metadata = {"demo_image": image["file"]}
    media.save(update_fields=["private_metadata"])
    context.report.record("images", created=True)


def product_load(entry: dict, context: LoadContext) -> None:
    """Create or update one product with its variants, prices, stock and image."""
    product = _product_sync(entry, context)
    context.products[entry["slug"]] = product
    _listing_sync(product, context)
    for variant in entry["variants"]:
        _variant_sync(product, variant, context)
    _media_sync(product, entry, context)
    translations_sync(
        context,
        where=f'product "{entry["slug"]}"',
        owner=product,
        wanted=entry.get("translations") or {},
        translate=product_translate,
        owner_argument="product",
    )


def product_references_load(products: list[dict], context: LoadContext) -> None:
    """Set reference attributes once every product they name exists."""
    for entry in products:
        values = {
            slug: value
            for slug, value in entry["attribute_values"].items()
            if context.attributes[slug].input_type == "reference"
        }
        if not values:
            continue
        product = context.products[entry["slug"]]
        stale = _stale_assignments(
            context,
            values,
            AssignedProductAttributeValue.objects.filter(product=product),
        )
        if stale:
            assigned = AssignedProductAttributeValue.objects.filter(
                product=product, value__attribute__slug__in=list(values)
            ).exists()
            service_call(
                f'product "{entry["slug"]}"',
                product_update,
                product=product,
                attributes=stale,
            )
            context.report.record(
                "product references", created=not assigned, updated=assigned
            )


def collection_products_load(products: list[dict], context: LoadContext) -> None:
    """Add each product to the collections it names, in file order."""
    members = defaultdict(list)
    for entry in products:
        for slug in entry.get("collections", []):
            members[slug].append(context.products[entry["slug"]])
    for slug, wanted in members.items():
        collection = context.collections[slug]
        present = set(
            CollectionProduct.objects.filter(collection=collection).values_list(
                "product_id", flat=True
            )
        )
        missing = [product for product in wanted if product.pk not in present]
        if missing:
            service_call(
                f'collection "{slug}"',
                collection_add_products,
                collection=collection,
                products=missing,
            )
            context.report.created["collection products"] += len(missing)


def bin_location_for(index: int) -> str:
    """Return the demo's bin for the index-th SKU: aisle, bay, shelf."""
    aisle = "ABCDEFGHJK"[index // 12 % 10]
    return f"{aisle}-{index % 12 // 3 + 1:02d}-{index % 3 + 1}"


def stock_locations_load(context: LoadContext) -> None:
    """Shelve each warehouse's SKUs in order; a bin staff set is kept."""
    for warehouse in context.warehouses.values():
        stocks = list(
            Stock.objects.filter(warehouse=warehouse)
            .select_related("product_variant")
            .order_by("product_variant__sku", "pk")
        )
        unshelved = []
        for index, stock in enumerate(stocks):
            if not stock.bin_location:
                stock.bin_location = bin_location_for(index)
                unshelved.append(stock)
        if unshelved:
            Stock.objects.bulk_update(unshelved, ["bin_location"])
            context.report.updated["stock bins"] += len(unshelved)

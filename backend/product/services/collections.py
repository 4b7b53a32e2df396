"""Collections: curated product lists, published per channel."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from backend.channel.models import Channel
from backend.core.cache_versions import CATALOG, bump

from ..models import Collection, CollectionChannelListing, CollectionProduct, Product
from .common import apply_changes, error, require_name, slug_for
from .media import image_check

COLLECTION_FIELDS = {
    "name",
    "slug",
    "description",
    "seo_title",
    "seo_description",
    "background_image",
    "background_image_alt",
    "metadata",
    "private_metadata",
}


@dataclass(frozen=True)
class CollectionListingInput:
    channel: Channel
    is_published: bool | None = None
    published_at: datetime | None = None


def _clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - COLLECTION_FIELDS
    if unknown:
        raise error(sorted(unknown)[0], "Unknown collection field.", "INVALID")
    if "name" in fields:
        fields["name"] = require_name(fields["name"])
    if fields.get("background_image") is not None:
        image_check(image=fields["background_image"], field_name="backgroundImage")
    return fields


@transaction.atomic
def collection_create(
    *, name: str, slug: str | None = None, products: list[Product] = (), **fields: Any
) -> Collection:
    """Create a collection, optionally with products."""
    bump(CATALOG)
    fields = _clean_fields({"name": name, **fields})
    fields["slug"] = slug_for(model=Collection, name=fields["name"], slug=slug)
    image = fields.pop("background_image", None)
    collection = Collection(**fields)
    if image is not None:
        collection.background_image.save(image.name or "background", image, save=False)
    collection.save()
    if products:
        collection_add_products(collection=collection, products=list(products))
    return collection


@transaction.atomic
def collection_update(*, collection: Collection, **fields: Any) -> Collection:
    """Change a collection's fields."""
    bump(CATALOG)
    collection = Collection.objects.select_for_update().get(pk=collection.pk)
    fields = _clean_fields(fields)
    if "slug" in fields:
        fields["slug"] = slug_for(
            model=Collection,
            name=fields.get("name", collection.name),
            slug=fields["slug"],
            instance_pk=collection.pk,
        )
    image = fields.pop("background_image", None)
    changed = apply_changes(collection, fields)
    if image is not None:
        collection.background_image.save(image.name or "background", image, save=False)
        changed.append("background_image")
    if changed:
        collection.save(update_fields=changed)
    return collection


@transaction.atomic
def collection_add_products(
    *, collection: Collection, products: list[Product]
) -> Collection:
    """Append products to a collection; ones already in it are refused."""
    bump(CATALOG)
    collection = Collection.objects.select_for_update().get(pk=collection.pk)
    product_ids = [product.pk for product in products]
    if len(set(product_ids)) != len(product_ids):
        raise error("products", "A product is given twice.", "DUPLICATED_INPUT_ITEM")
    present = CollectionProduct.objects.filter(
        collection=collection, product_id__in=product_ids
    )
    if present.exists():
        raise error("products", "Product already belongs to the collection.", "UNIQUE")
    start = collection.collectionproduct.aggregate(last=Max("sort_order"))["last"]
    start = -1 if start is None else start
    CollectionProduct.objects.bulk_create(
        [
            CollectionProduct(
                collection=collection,
                product_id=product_id,
                sort_order=start + 1 + index,
            )
            for index, product_id in enumerate(product_ids)
        ]
    )
    return collection


@transaction.atomic
def collection_remove_products(
    *, collection: Collection, products: list[Product]
) -> Collection:
    """Take products out of a collection."""
    bump(CATALOG)
    collection = Collection.objects.select_for_update().get(pk=collection.pk)
    CollectionProduct.objects.filter(
        collection=collection, product_id__in=[product.pk for product in products]
    ).delete()
    return collection


@transaction.atomic
def collection_channel_listing_update(
    *,
    collection: Collection,
    add_channels: list[CollectionListingInput] = (),
    remove_channels: list[Channel] = (),
) -> Collection:
    """Publish or unpublish a collection in channels."""
    bump(CATALOG)
    collection = Collection.objects.select_for_update().get(pk=collection.pk)
    added = [item.channel.pk for item in add_channels]
    removed = [channel.pk for channel in remove_channels]
    if len(set(added)) != len(added) or set(added) & set(removed):
        raise error(
            "addChannels", "A channel is given more than once.", "DUPLICATED_INPUT_ITEM"
        )
    existing = {
        listing.channel_id: listing
        for listing in CollectionChannelListing.objects.select_for_update().filter(
            collection=collection, channel_id__in=added
        )
    }
    for item in add_channels:
        listing = existing.get(item.channel.pk) or CollectionChannelListing(
            collection=collection, channel=item.channel
        )
        if item.is_published is not None:
            listing.is_published = item.is_published
            if item.is_published and not listing.published_at and not item.published_at:
                listing.published_at = timezone.now()
        if item.published_at is not None:
            listing.published_at = item.published_at
        listing.save()
    CollectionChannelListing.objects.filter(
        collection=collection, channel_id__in=removed
    ).delete()
    return collection

"""Product images, checked by Pillow before they are stored."""

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from PIL import Image, UnidentifiedImageError

from backend.core.cache_versions import CATALOG, bump

from ..models import (
    Product,
    ProductMedia,
    ProductMediaTypes,
    ProductVariant,
    VariantMedia,
)
from .common import error

# Uploads past these are refused: they cost memory to thumbnail and are
# far larger than any product photo needs to be.
MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP", "AVIF", "BMP", "TIFF"}


def image_check(*, image: UploadedFile, field_name: str = "image") -> None:
    """Refuse a file that is not a real image of a sane size."""
    if image.size is not None and image.size > MAX_IMAGE_BYTES:
        raise error(
            field_name,
            f"File too large: at most {MAX_IMAGE_BYTES // 1024 // 1024} MB.",
            "FILE_SIZE_LIMIT_EXCEEDED",
        )
    too_large = error(
        field_name,
        f"Image too large: at most {MAX_IMAGE_PIXELS} pixels.",
        "FILE_SIZE_LIMIT_EXCEEDED",
    )
    try:
        image.seek(0)
        with Image.open(image) as picture:
            width, height = picture.size
            image_format = picture.format
            # The header's size, checked before any pixel is decoded: a
            # small file can claim billions of pixels (a decompression bomb).
            if width * height > MAX_IMAGE_PIXELS:
                raise too_large
            picture.verify()
    except Image.DecompressionBombError:
        # Pillow refuses at open what is far past its own limit.
        raise too_large from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise error(field_name, "Invalid file type.", "INVALID_FILE_TYPE") from None
    finally:
        image.seek(0)
    if image_format not in ALLOWED_FORMATS:
        raise error(
            field_name,
            f"Unsupported image type {image_format}.",
            "UNSUPPORTED_MIME_TYPE",
        )


@transaction.atomic
def product_media_create(
    *,
    product: Product,
    image: UploadedFile | None = None,
    alt: str = "",
    media_url: str | None = None,
) -> ProductMedia:
    """Add an uploaded image to the end of a product's gallery."""
    bump(CATALOG)
    if image is None and not media_url:
        raise error("input", "Image or external URL is required.", "REQUIRED")
    if image is not None and media_url:
        raise error(
            "input",
            "Either image or external URL is required.",
            "DUPLICATED_INPUT_ITEM",
        )
    if media_url:
        # Fetching a remote image or an oEmbed page needs the network, which
        # this shop does not call out to; a client uploads the file instead.
        raise error(
            "mediaUrl",
            "Unsupported media provider or URL.",
            "UNSUPPORTED_MEDIA_PROVIDER",
        )
    image_check(image=image)
    product = Product.objects.select_for_update().get(pk=product.pk)
    media = ProductMedia(
        product=product,
        alt=(alt or "")[:250],
        type=ProductMediaTypes.IMAGE,
        sort_order=product.media.count(),
    )
    media.image.save(image.name or "upload", image, save=False)
    media.save()
    return media


@transaction.atomic
def product_media_update(
    *, media: ProductMedia, alt: str | None = None
) -> ProductMedia:
    """Change a media's alt text."""
    bump(CATALOG)
    media = ProductMedia.objects.select_for_update().get(pk=media.pk)
    if alt is not None and alt != media.alt:
        if len(alt) > ProductMedia._meta.get_field("alt").max_length:
            raise error("alt", "Alt text: at most 250 characters.", "INVALID")
        media.alt = alt
        media.save(update_fields=["alt"])
    return media


def _files_delete_on_commit(files: list) -> None:
    # The rows go with the transaction; their files only once it committed.
    stored = [(file.storage, file.name) for file in files if file]

    def delete_files():
        for storage, name in stored:
            storage.delete(name)

    transaction.on_commit(delete_files)


@transaction.atomic
def product_media_bulk_delete(*, media: list[ProductMedia]) -> list[ProductMedia]:
    """Delete media and their resized copies; close the gaps in each gallery."""
    bump(CATALOG)
    pks = [item.pk for item in media]
    product_ids = sorted({item.product_id for item in media})
    list(Product.objects.select_for_update().filter(pk__in=product_ids).order_by("pk"))
    rows = list(ProductMedia.objects.select_for_update().filter(pk__in=pks))
    files = [row.image for row in rows]
    for row in rows:
        files += [thumb.image for thumb in row.thumbnails.all()]
    deleted = {row.pk: row for row in rows}
    ProductMedia.objects.filter(pk__in=pks).delete()
    for product_id in product_ids:
        _renumber(product_id)
    _files_delete_on_commit(files)
    for pk, row in deleted.items():
        row.id = pk
    return [deleted[item.pk] for item in media if item.pk in deleted]


def product_media_delete(*, media: ProductMedia) -> ProductMedia:
    """Delete one media of a product's gallery."""
    return product_media_bulk_delete(media=[media])[0]


def _renumber(product_id: int, order: list[int] | None = None) -> None:
    rows = list(ProductMedia.objects.filter(product_id=product_id))
    if order is not None:
        position = {pk: index for index, pk in enumerate(order)}
        rows.sort(key=lambda row: position[row.pk])
    changed = []
    for index, row in enumerate(rows):
        if row.sort_order != index:
            row.sort_order = index
            changed.append(row)
    ProductMedia.objects.bulk_update(changed, ["sort_order"])


@transaction.atomic
def product_media_reorder(*, product: Product, media_ids: list[int]) -> Product:
    """Put a product's gallery in the given order; every media must be named."""
    bump(CATALOG)
    product = Product.objects.select_for_update().get(pk=product.pk)
    current = set(product.media.values_list("pk", flat=True))
    if len(set(media_ids)) != len(media_ids):
        raise error("mediaIds", "A media is given twice.", "DUPLICATED_INPUT_ITEM")
    if set(media_ids) - current:
        raise error(
            "mediaIds", "Media don't belong to this product.", "NOT_PRODUCTS_IMAGE"
        )
    if set(media_ids) != current:
        raise error(
            "mediaIds",
            "Incorrect number of media IDs provided: name every media of the product.",
            "INVALID",
        )
    _renumber(product.pk, order=media_ids)
    return product


@transaction.atomic
def variant_media_assign(
    *, variant: ProductVariant, media: ProductMedia
) -> ProductVariant:
    """Show one of the product's media for a variant too."""
    bump(CATALOG)
    variant = ProductVariant.objects.select_for_update().get(pk=variant.pk)
    if media.product_id != variant.product_id:
        raise error(
            "mediaId",
            "This media doesn't belong to that product.",
            "NOT_PRODUCTS_IMAGE",
        )
    if VariantMedia.objects.filter(variant=variant, media=media).exists():
        raise error(
            "mediaId",
            "This media is already assigned to that variant.",
            "MEDIA_ALREADY_ASSIGNED",
        )
    VariantMedia.objects.create(variant=variant, media=media)
    return variant


@transaction.atomic
def variant_media_unassign(
    *, variant: ProductVariant, media: ProductMedia
) -> ProductVariant:
    """Stop showing a media for a variant; the product keeps it."""
    bump(CATALOG)
    variant = ProductVariant.objects.select_for_update().get(pk=variant.pk)
    deleted, _ = VariantMedia.objects.filter(variant=variant, media=media).delete()
    if not deleted:
        raise error(
            "mediaId", "This media isn't assigned to that variant.", "NOT_FOUND"
        )
    return variant

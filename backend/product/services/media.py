"""Product images, checked by Pillow before they are stored."""

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from PIL import Image, UnidentifiedImageError

from backend.core.cache_versions import CATALOG, bump

from ..models import Product, ProductMedia, ProductMediaTypes
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

"""Thumbnails of product media and category/collection images.

A thumbnail URL costs no query: it names the source by Saleor-style global
id, a size and a format. The first request for it resizes the image once
(Pillow) and stores the result; later requests read the stored file.
"""

import base64
import binascii
import io
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from PIL import Image, UnidentifiedImageError

from .models import (
    THUMBNAIL_SIZES,
    Category,
    Collection,
    ProductMedia,
    Thumbnail,
    ThumbnailFormat,
)

# The model behind each global id type name, and the image field it resizes.
SOURCES = {
    "ProductMedia": (ProductMedia, "image", "product_media"),
    "Category": (Category, "background_image", "category"),
    "Collection": (Collection, "background_image", "collection"),
}
PIL_FORMATS = {ThumbnailFormat.WEBP: "WEBP", ThumbnailFormat.AVIF: "AVIF"}
MIME_TYPES = {
    "WEBP": "image/webp",
    "AVIF": "image/avif",
    "PNG": "image/png",
    "JPEG": "image/jpeg",
}


class ThumbnailError(ValueError):
    """The thumbnail cannot exist: bad id, size, format or source image."""


@dataclass(frozen=True)
class ThumbnailSource:
    type_name: str
    pk: int


def closest_thumbnail_size(size: int) -> int:
    """Return the smallest standard size at least as large as the one asked for."""
    for available in THUMBNAIL_SIZES:
        if size <= available:
            return available
    return THUMBNAIL_SIZES[-1]


def encode_instance_id(type_name: str, pk: int) -> str:
    """Return the Saleor-style global id naming a thumbnail source."""
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def decode_instance_id(instance_id: str) -> ThumbnailSource:
    """Return the source a global id names, or raise ThumbnailError."""
    try:
        type_name, _, pk = (
            base64.b64decode(instance_id, validate=True).decode().partition(":")
        )
        source = ThumbnailSource(type_name=type_name, pk=int(pk))
    except (binascii.Error, UnicodeDecodeError, ValueError) as error:
        raise ThumbnailError(f"Invalid thumbnail id: {instance_id!r}.") from error
    if source.type_name not in SOURCES:
        raise ThumbnailError(f"Thumbnails are not made for {source.type_name!r}.")
    return source


def thumbnail_format_from_name(format_name: str | None) -> str:
    if not format_name:
        return ThumbnailFormat.ORIGINAL
    format_name = format_name.upper()
    if format_name not in ThumbnailFormat.values:
        raise ThumbnailError(f"Unknown thumbnail format: {format_name!r}.")
    return format_name


def image_url(image) -> str | None:
    """Return the absolute URL of a stored image file, or None without one."""
    if not image:
        return None
    url = image.url
    # Object storage (S3) answers absolute URLs; local files are site paths.
    return url if "://" in url else f"{settings.PUBLIC_URL}{url}"


def thumbnail_url(*, media, size: int | None, format: str | None) -> str | None:
    """Return the absolute URL of a media image at a size and format.

    ``media`` is a ProductMedia, Category or Collection. Without a size the
    original file is served. External media (videos) return their URL.
    """
    type_name, field_name, _ = _source_spec(media)
    image = getattr(media, field_name)
    if not image:
        return getattr(media, "external_url", None) or None
    if size is None:
        return image_url(image)
    instance_id = encode_instance_id(type_name, media.pk)
    format_name = thumbnail_format_from_name(format)
    return (
        f"{settings.PUBLIC_URL}/thumbnail/{instance_id}/"
        f"{closest_thumbnail_size(size)}/{format_name.lower()}/"
    )


def thumbnail_get_or_create(*, instance_id: str, size: int, format: str) -> Thumbnail:
    """Return the stored thumbnail, resizing the source image the first time."""
    source = decode_instance_id(instance_id)
    model, field_name, fk_name = SOURCES[source.type_name]
    if size not in THUMBNAIL_SIZES:
        raise ThumbnailError(
            f"Size must be one of {', '.join(map(str, THUMBNAIL_SIZES))}."
        )
    format_name = thumbnail_format_from_name(format)
    lookup = {f"{fk_name}_id": source.pk, "size": size, "format": format_name}
    existing = Thumbnail.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    instance = model.objects.filter(pk=source.pk).first()
    image = getattr(instance, field_name, None) if instance else None
    if not image:
        raise ThumbnailError(f"{source.type_name} {source.pk} has no image.")
    content, extension = _resize(image, size=size, format_name=format_name)
    thumbnail = Thumbnail(**lookup)
    thumbnail.image.save(
        f"{source.type_name.lower()}-{source.pk}-{size}.{extension}",
        content,
        save=False,
    )
    try:
        with transaction.atomic():
            thumbnail.save()
    except IntegrityError:
        # Another request made it first; keep theirs.
        thumbnail.image.delete(save=False)
        return Thumbnail.objects.get(**lookup)
    return thumbnail


def thumbnail_content_type(thumbnail: Thumbnail) -> str:
    extension = thumbnail.image.name.rsplit(".", 1)[-1].upper()
    return MIME_TYPES.get(
        "JPEG" if extension == "JPG" else extension, "application/octet-stream"
    )


def _source_spec(media) -> tuple[str, str, str]:
    type_name = type(media).__name__
    if type_name not in SOURCES:
        raise ThumbnailError(f"Thumbnails are not made for {type_name!r}.")
    _, field_name, fk_name = SOURCES[type_name]
    return type_name, field_name, fk_name


def _resize(image, *, size: int, format_name: str) -> tuple[ContentFile, str]:
    try:
        with image.open("rb") as handle, Image.open(handle) as source:
            original_format = source.format or "PNG"
            picture = source.copy()
    except (OSError, UnidentifiedImageError) as error:
        raise ThumbnailError("The source image cannot be read.") from error
    picture.thumbnail((size, size), Image.Resampling.LANCZOS)
    pil_format = PIL_FORMATS.get(format_name, original_format)
    if pil_format in {"JPEG", "AVIF"} and picture.mode not in {"RGB", "L"}:
        picture = picture.convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, format=pil_format, quality=85)
    return ContentFile(buffer.getvalue()), pil_format.lower().replace("jpeg", "jpg")

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from backend.product.models import ProductMedia, Thumbnail
from backend.product.thumbnails import (
    ThumbnailError,
    closest_thumbnail_size,
    encode_instance_id,
    thumbnail_get_or_create,
    thumbnail_url,
)
from tests import factories


def png_upload(width=800, height=600):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 120, 200)).save(buffer, format="PNG")
    return SimpleUploadedFile("strap.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def media(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    product = factories.ProductFactory()
    return ProductMedia.objects.create(product=product, image=png_upload(), alt="Strap")


def test_requested_size_rounds_up_to_the_next_standard_size():
    assert closest_thumbnail_size(300) == 512
    assert closest_thumbnail_size(9000) == 4096


def test_thumbnail_url_is_absolute_and_names_the_media(media, settings):
    settings.PUBLIC_URL = "https://shop.example.com"

    url = thumbnail_url(media=media, size=300, format="WEBP")

    instance_id = encode_instance_id("ProductMedia", media.pk)
    assert url == f"https://shop.example.com/thumbnail/{instance_id}/512/webp/"


def test_first_request_resizes_once_and_later_requests_reuse_it(media):
    instance_id = encode_instance_id("ProductMedia", media.pk)

    first = thumbnail_get_or_create(instance_id=instance_id, size=256, format="WEBP")
    second = thumbnail_get_or_create(instance_id=instance_id, size=256, format="WEBP")

    assert first.pk == second.pk
    assert Thumbnail.objects.count() == 1
    with first.image.open("rb") as handle, Image.open(handle) as picture:
        assert picture.format == "WEBP"
        assert picture.size == (256, 192)


def test_original_format_keeps_the_source_format(media):
    instance_id = encode_instance_id("ProductMedia", media.pk)

    thumbnail = thumbnail_get_or_create(
        instance_id=instance_id, size=128, format="ORIGINAL"
    )

    with thumbnail.image.open("rb") as handle, Image.open(handle) as picture:
        assert picture.format == "PNG"


@pytest.mark.parametrize("instance_id", ["not-base64!", encode_instance_id("User", 1)])
def test_bad_instance_id_is_refused(db, instance_id):
    with pytest.raises(ThumbnailError):
        thumbnail_get_or_create(instance_id=instance_id, size=128, format="WEBP")


def test_non_standard_size_is_refused(media):
    instance_id = encode_instance_id("ProductMedia", media.pk)

    with pytest.raises(ThumbnailError):
        thumbnail_get_or_create(instance_id=instance_id, size=300, format="WEBP")

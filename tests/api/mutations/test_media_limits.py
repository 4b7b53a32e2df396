"""productMediaCreate takes real images of sane size only (Saleor's codes)."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from backend.product.models import ProductMedia
from backend.product.services.media import MAX_IMAGE_BYTES
from tests import factories

from .test_media import upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_claiming(width: int, height: int) -> SimpleUploadedFile:
    """Return a tiny PNG whose header claims width x height pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _chunk(b"IEND", b"")
    )
    return SimpleUploadedFile("bomb.png", data, content_type="image/png")


def image_file(format_name: str, name: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "navy").save(buffer, format=format_name)
    return SimpleUploadedFile(name, buffer.getvalue())


def errors_of(result) -> list[dict]:
    return result["data"]["productMediaCreate"]["errors"]


TOO_LARGE = {
    "field": "image",
    "code": "FILE_SIZE_LIMIT_EXCEEDED",
    "message": "Image too large: at most 40000000 pixels.",
}


def test_a_file_over_the_size_limit_is_refused(staff_api):
    product = factories.ProductFactory()
    huge = SimpleUploadedFile("huge.png", b"\x00" * (MAX_IMAGE_BYTES + 1))

    result = upload(staff_api, product, huge)

    assert errors_of(result) == [
        {
            "field": "image",
            "code": "FILE_SIZE_LIMIT_EXCEEDED",
            "message": "File too large: at most 10 MB.",
        }
    ]
    assert not ProductMedia.objects.exists()


def test_an_image_over_the_pixel_limit_is_refused_before_decoding(staff_api):
    product = factories.ProductFactory()

    result = upload(staff_api, product, png_claiming(8000, 6000))

    assert errors_of(result) == [TOO_LARGE]
    assert not ProductMedia.objects.exists()


def test_a_decompression_bomb_is_refused_as_too_large(staff_api):
    product = factories.ProductFactory()

    result = upload(staff_api, product, png_claiming(100_000, 100_000))

    assert errors_of(result) == [TOO_LARGE]
    assert not ProductMedia.objects.exists()


def test_a_corrupt_image_is_refused(staff_api):
    product = factories.ProductFactory()
    good = image_file("PNG", "strap.png").read()
    broken = bytearray(good)
    broken[40] ^= 0xFF  # inside IDAT: its checksum no longer matches

    result = upload(staff_api, product, SimpleUploadedFile("strap.png", bytes(broken)))

    assert errors_of(result) == [
        {"field": "image", "code": "INVALID_FILE_TYPE", "message": "Invalid file type."}
    ]
    assert not ProductMedia.objects.exists()


def test_an_image_of_an_unsupported_type_is_refused(staff_api):
    product = factories.ProductFactory()

    result = upload(staff_api, product, image_file("PPM", "strap.ppm"))

    assert errors_of(result) == [
        {
            "field": "image",
            "code": "UNSUPPORTED_MIME_TYPE",
            "message": "Unsupported image type PPM.",
        }
    ]
    assert not ProductMedia.objects.exists()

"""Storefront fixtures: product media with a real image file on disk."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from backend.product.models import ProductMedia


def png_upload(name="picture.png", width=800, height=600):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 120, 200)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def add_image(product, *, alt="", name="picture.png", size=(800, 600)):
    """Attach a PNG to the product as its next media item."""
    image = png_upload(name, *size)
    return ProductMedia.objects.create(product=product, image=image, alt=alt)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PUBLIC_URL = "https://shop.example.com"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write with its commit's callbacks, as a committed request would."""

    def committed(write):
        with django_capture_on_commit_callbacks(execute=True):
            return write()

    return committed

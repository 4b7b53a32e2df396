"""Query /graphql/ as a shopper or as staff, and build catalog rows for it."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from graphql_relay import to_global_id

from backend.core.permissions import PermissionEnum
from tests import factories
from tests.fixtures.catalog import make_published_product


def global_id(instance) -> str:
    return to_global_id(type(instance).__name__, str(instance.pk))


@pytest.fixture
def staff_api(api, staff_user):
    """A staff member holding MANAGE_PRODUCTS."""
    staff_user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="core",
            codename=PermissionEnum.MANAGE_PRODUCTS.value,
        )
    )
    return api.login(type(staff_user).objects.get(pk=staff_user.pk))


@pytest.fixture
def make_product(channel, warehouse):
    """Return a factory of products published, priced and stocked in the channel."""

    def make(name=None, price=Decimal("19.99"), **kwargs):
        return make_published_product(
            channel=channel, warehouse=warehouse, name=name, price=price, **kwargs
        )

    return make


@pytest.fixture
def unpublished_product(channel, warehouse):
    product = make_published_product(
        channel=channel, warehouse=warehouse, name="Hidden Heat Pack"
    )
    product.channel_listings.update(is_published=False)
    return product


def errors_of(result: dict) -> list[str]:
    return [error["message"] for error in result.get("errors") or []]


__all__ = ["errors_of", "factories", "global_id", "png_upload"]


def png_upload(name="strap.png"):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (40, 120, 200)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PUBLIC_URL = "https://shop.example.com"
    return tmp_path

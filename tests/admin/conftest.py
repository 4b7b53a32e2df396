"""Staff users in their groups, logged in to the admin."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from backend.account.services import staff_groups_sync
from tests import factories


@pytest.fixture
def staff_groups(db):
    return staff_groups_sync()


@pytest.fixture
def merchandiser(staff_groups):
    user = factories.UserFactory(email="merch@example.com", is_staff=True)
    user.groups.add(staff_groups["Merchandisers"])
    return user


@pytest.fixture
def operations_user(staff_groups):
    user = factories.UserFactory(email="ops@example.com", is_staff=True)
    user.groups.add(staff_groups["Operations"])
    return user


@pytest.fixture
def merch_client(client, merchandiser):
    client.force_login(merchandiser)
    return client


@pytest.fixture
def ops_client(client, operations_user):
    client.force_login(operations_user)
    return client


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png_upload(name: str = "strap.png", size=(40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def inline_management(prefix: str, *, total: int, initial: int = 0) -> dict:
    """Return the management form fields of an admin inline formset."""
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }

"""The dashboard's catalog screens, called as a merchandiser or operations."""

import pytest
from graphql_relay import to_global_id

from tests.api.pages.conftest import staff_in_group


def global_id(instance) -> str:
    return to_global_id(type(instance).__name__, str(instance.pk))


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PUBLIC_URL = "https://shop.example.com"
    return tmp_path


@pytest.fixture
def merchandiser_api(api, db):
    return api.login(staff_in_group("Merchandisers", "merch@example.com"))


@pytest.fixture
def operations_api(api, db):
    return api.login(staff_in_group("Operations", "ops@example.com"))


def assert_permission_denied(result: dict, field: str):
    assert result["data"][field] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"

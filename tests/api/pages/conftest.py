"""Call /graphql/ about pages as a shopper, a customer or a staff member."""

import json

import pytest
from django.contrib.auth.models import Group
from graphql_relay import to_global_id

from backend.account.services import staff_groups_sync
from backend.page.services import content_sync
from tests import factories
from tests.api.bearer import sign_in


def global_id(instance) -> str:
    return to_global_id(type(instance).__name__, str(instance.pk))


class PagesClient:
    """POST a document and return the JSON answer (HTTP 200 or 400, never 500)."""

    def __init__(self, client):
        self.client = client

    def __call__(self, query: str, variables: dict | None = None) -> dict:
        response = self.client.post(
            "/graphql/",
            data=json.dumps({"query": query, "variables": variables or {}}),
            content_type="application/json",
        )
        assert response.status_code in {200, 400}, response.content
        return response.json()

    def login(self, user):
        sign_in(self.client, user)
        return self


def staff_in_group(name: str, email: str):
    """Return a staff member of one of the shop's staff groups."""
    staff_groups_sync()
    user = factories.UserFactory(email=email, is_staff=True)
    user.groups.add(Group.objects.get(name=name))
    return type(user).objects.get(pk=user.pk)


@pytest.fixture
def api(client):
    return PagesClient(client)


@pytest.fixture
def merchandiser(db):
    return staff_in_group("Merchandisers", "merchandiser@example.com")


@pytest.fixture
def operations(db):
    return staff_in_group("Operations", "operations@example.com")


@pytest.fixture
def merchandiser_api(api, merchandiser):
    return api.login(merchandiser)


@pytest.fixture
def synced(demo_store, db, content_dir):
    """The demo store with the committed articles synced into it."""
    return content_sync()


def assert_permission_denied(result: dict, field: str):
    assert result["data"][field] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"

"""The API tests' one ``api`` (the GraphQL client) and the data they share."""

import pytest

from backend.page.services import content_sync
from tests.api.client import GraphQLClient


@pytest.fixture
def api(client):
    """An anonymous caller; ``api.login(user)`` signs it in."""
    return GraphQLClient(client)


@pytest.fixture
def synced(demo_store, db, content_dir):
    """The demo store with the committed articles synced into it."""
    return content_sync()

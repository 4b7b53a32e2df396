"""The API tests' one ``api`` (the GraphQL client) and the data they share."""

import pytest

from tests.api.client import GraphQLClient


@pytest.fixture
def api(client):
    """An anonymous caller; ``api.login(user)`` signs it in."""
    return GraphQLClient(client)

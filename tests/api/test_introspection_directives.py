"""The directives introspection declares, as the storefront's codegen reads them."""

import pytest

from tests.api.raw_requests import post

pytestmark = pytest.mark.django_db

DIRECTIVES = "{ __schema { directives { name locations } } }"


def directive_locations(client) -> dict[str, list[str]]:
    response = post(client, DIRECTIVES)
    assert response.status_code == 200, response.content
    directives = response.json()["data"]["__schema"]["directives"]
    return {directive["name"]: directive["locations"] for directive in directives}


def test_deprecated_stands_only_where_graphql_js_16_accepts_it(client):
    locations = directive_locations(client)

    assert locations["deprecated"] == [
        "FIELD_DEFINITION",
        "ARGUMENT_DEFINITION",
        "INPUT_FIELD_DEFINITION",
        "ENUM_VALUE",
    ]


def test_the_other_specified_directives_are_declared_as_before(client):
    locations = directive_locations(client)

    assert locations["include"] == ["FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"]
    assert locations["skip"] == ["FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"]
    assert "specifiedBy" in locations

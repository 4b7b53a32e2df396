"""Every catalog mutation refuses anonymous users and customers."""

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
)

from backend.graphql.api import schema
from backend.graphql.mutation_root import CatalogMutations
from backend.product.models import Product

from .conftest import assert_permission_denied

pytestmark = pytest.mark.django_db

SCALAR_SAMPLES = {
    "ID": '"UHJvZHVjdDox"',
    "String": '"x"',
    "Int": "1",
    "Float": "1.0",
    "Boolean": "true",
    "PositiveDecimal": '"1"',
    "JSONString": '"{}"',
    "Upload": "null",
    "WeightScalar": "1",
    "Date": '"2026-01-01"',
    "DateTime": '"2026-01-01T00:00:00Z"',
}


def sample(graphql_type) -> str:
    """Return a literal of the type with only its required parts filled."""
    if isinstance(graphql_type, GraphQLNonNull):
        return sample(graphql_type.of_type)
    if isinstance(graphql_type, GraphQLList):
        return f"[{sample(graphql_type.of_type)}]"
    if isinstance(graphql_type, GraphQLEnumType):
        return next(iter(graphql_type.values))
    if isinstance(graphql_type, GraphQLInputObjectType):
        fields = [
            f"{name}: {sample(field.type)}"
            for name, field in graphql_type.fields.items()
            if isinstance(field.type, GraphQLNonNull)
        ]
        return "{" + ", ".join(fields) + "}"
    assert isinstance(graphql_type, GraphQLScalarType)
    return SCALAR_SAMPLES[graphql_type.name]


def call_for(name: str) -> str:
    field = schema.graphql_schema.mutation_type.fields[name]
    arguments = ", ".join(
        f"{arg}: {sample(spec.type)}"
        for arg, spec in field.args.items()
        if isinstance(spec.type, GraphQLNonNull)
    )
    arguments = f"({arguments})" if arguments else ""
    return f"mutation {{ {name}{arguments} {{ errors {{ code }} }} }}"


MUTATIONS = [
    field.name or name for name, field in CatalogMutations._meta.fields.items()
]
CAMEL_MUTATIONS = [
    name.split("_")[0] + "".join(part.title() for part in name.split("_")[1:])
    for name in MUTATIONS
]


@pytest.mark.parametrize("name", CAMEL_MUTATIONS)
def test_anonymous_user_is_refused(name, api):
    result = api(call_for(name))

    assert_permission_denied(result, name)


@pytest.mark.parametrize("name", CAMEL_MUTATIONS)
def test_customer_is_refused(name, api, customer_user):
    api.login(customer_user)

    result = api(call_for(name))

    assert_permission_denied(result, name)


def test_refused_product_create_creates_nothing(api, customer_user):
    api.login(customer_user)

    api(call_for("productCreate"))

    assert not Product.objects.exists()

"""Every mutation input that reaches a bounded column is checked against it.

The leaves are read from the schema, so a new mutation or input field fails
here until backend/graphql/core/input_columns.py says where it is stored.
"""

from decimal import Decimal

import pytest
from django.db import connection, models
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    get_named_type,
)
from graphql_relay import to_global_id

from backend.graphql.api import schema
from backend.graphql.core.input_columns import (
    CHECKED_SCALARS,
    ERROR_FIELDS,
    ColumnUnknown,
    input_column,
)
from backend.payment.gateways.test_gateway import CHARGES
from backend.payment.models import TransactionItem
from tests import factories

MUTATIONS = schema.graphql_schema.mutation_type.fields


def mutation_leaves() -> list[tuple[str, str, str, str, tuple]]:
    """Return (mutation field, mutation, owner type, field, path) per leaf."""
    leaves = []

    def walk(field_name, mutation, owner, name, type_, path, seen):
        named = get_named_type(type_)
        if isinstance(named, GraphQLInputObjectType):
            if named.name in seen:
                return
            for inner_name, inner in named.fields.items():
                walk(
                    field_name,
                    mutation,
                    named.name,
                    inner_name,
                    inner.type,
                    (*path, inner_name),
                    seen | {named.name},
                )
        elif isinstance(named, GraphQLScalarType) and named.name in CHECKED_SCALARS:
            leaves.append((field_name, mutation, owner, name, path))

    for field_name, field in schema.graphql_schema.mutation_type.fields.items():
        mutation = get_named_type(field.type).name
        for arg_name, arg in field.args.items():
            walk(field_name, mutation, mutation, arg_name, arg.type, (arg_name,), set())
    return leaves


def test_every_mutation_input_names_the_column_it_is_stored_in():
    unknown = []
    for _, mutation, owner, name, _ in mutation_leaves():
        try:
            input_column(mutation, owner, name)
        except ColumnUnknown as error:
            unknown.append(str(error))

    assert unknown == []


def _too_big(column: models.Field, scalar: str):
    """Return a value one step past what the column holds, or None."""
    if isinstance(column, models.CharField) and column.max_length:
        return "x" * (column.max_length + 1)
    if isinstance(column, models.DecimalField):
        return str(Decimal(10) ** (column.max_digits - column.decimal_places))
    if isinstance(column, models.IntegerField):
        _, high = connection.ops.integer_field_range(column.get_internal_type())
        if scalar == "WeightScalar":
            return high // 1000 + 1  # kilograms, stored in grams
        if high < 2**31 - 1:
            return high + 1
    return None


def _dummy(type_):
    """Return a value of the type that passes GraphQL's own coercion."""
    if isinstance(type_, GraphQLNonNull):
        return _dummy(type_.of_type)
    if isinstance(type_, GraphQLList):
        return [_dummy(type_.of_type)]
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {
            name: _dummy(field.type)
            for name, field in type_.fields.items()
            if isinstance(field.type, GraphQLNonNull)
        }
    return {
        "Int": 1,
        "Float": 1.0,
        "Boolean": False,
        "UUID": "00000000-0000-0000-0000-000000000000",
        "Date": "2030-01-01",
        "DateTime": "2030-01-01T00:00:00+00:00",
        "JSON": {},
        "JSONString": "{}",
        "WeightScalar": 1,
    }.get(type_.name, "1")


def _with_value(variables: dict, field, path: tuple, value) -> dict:
    """Set the value at the path, filling the objects and lists on the way."""
    holder, type_ = variables, field.args[path[0]].type
    for depth, name in enumerate(path):
        last = depth == len(path) - 1
        wrapped = type_
        while isinstance(wrapped, GraphQLNonNull):
            wrapped = wrapped.of_type
        in_list = isinstance(wrapped, GraphQLList)
        if last:
            holder[name] = [value] if in_list else value
            return variables
        named = get_named_type(type_)
        current = holder.get(name) or _dummy(wrapped)
        holder[name] = current
        holder = current[0] if in_list else current
        type_ = named.fields[path[depth + 1]].type
    return variables


def _cases():
    cases = []
    for field_name, mutation, owner, name, path in mutation_leaves():
        column = input_column(mutation, owner, name)
        scalar = None
        if column is not None:
            scalar = get_named_type(_leaf_type(field_name, path)).name
        value = _too_big(column, scalar) if column is not None else None
        if value is not None:
            error_field = ERROR_FIELDS.get(f"{owner}.{name}", name)
            cases.append(
                pytest.param(
                    field_name,
                    path,
                    value,
                    error_field,
                    column.model,
                    id=f"{field_name}.{'.'.join(path)}",
                )
            )
    return cases


def _leaf_type(field_name: str, path: tuple):
    type_ = MUTATIONS[field_name].args[path[0]].type
    for name in path[1:]:
        type_ = get_named_type(type_).fields[name].type
    return type_


@pytest.fixture
def superuser_api(api, db):
    user = factories.UserFactory(
        email="root@example.com", is_staff=True, is_superuser=True
    )
    return api.login(user)


@pytest.mark.parametrize(
    ("field_name", "path", "value", "error_field", "model"), _cases()
)
def test_an_input_too_big_for_its_column_is_refused_and_changes_nothing(
    superuser_api, field_name, path, value, error_field, model
):
    field = MUTATIONS[field_name]
    variables = {
        name: _dummy(arg.type)
        for name, arg in field.args.items()
        if isinstance(arg.type, GraphQLNonNull)
    }
    variables = _with_value(variables, field, path, value)
    declared = ", ".join(f"${name}: {arg.type}" for name, arg in field.args.items())
    passed = ", ".join(f"{name}: ${name}" for name in field.args)
    document = (
        f"mutation({declared}) {{ {field_name}({passed}) "
        "{ errors { field code message } } }"
    )
    rows = model.objects.count()

    result = superuser_api(document, variables)

    assert "errors" not in result, result
    errors = result["data"][field_name]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [(error_field, "INVALID")]
    assert model.objects.count() == rows


def test_a_transaction_amount_of_1e30_is_refused_before_the_gateway_is_asked(
    superuser_api, ready_checkout
):
    charges = len(CHARGES)

    result = superuser_api(
        """mutation($id: ID!) { transactionInitialize(
            id: $id, amount: 1e30,
            paymentGateway: {id: "saleor.io.dummy-payment-app"}
        ) { transaction { id } errors { field code message } } }""",
        {"id": to_global_id("Checkout", str(ready_checkout.token))},
    )

    assert result["data"]["transactionInitialize"] == {
        "transaction": None,
        "errors": [
            {
                "field": "amount",
                "code": "INVALID",
                "message": "Ensure this value is less than 1000000000.",
            }
        ],
    }
    assert len(CHARGES) == charges
    assert not TransactionItem.objects.exists()


def test_an_seo_title_of_71_characters_is_refused_and_the_product_unchanged(
    superuser_api, published_product
):
    title = published_product.seo_title

    result = superuser_api(
        """mutation($id: ID!, $title: String) { productUpdate(
            id: $id, input: {seo: {title: $title}}
        ) { product { id } errors { field code message } } }""",
        {"id": to_global_id("Product", published_product.pk), "title": "x" * 71},
    )

    assert result["data"]["productUpdate"]["errors"] == [
        {
            "field": "seoTitle",
            "code": "INVALID",
            "message": "Seo title can be at most 70 characters.",
        }
    ]
    published_product.refresh_from_db()
    assert published_product.seo_title == title

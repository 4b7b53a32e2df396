"""Our catalog mutations have Saleor's names, arguments, payloads and inputs."""

import pytest
from graphql import (
    GraphQLInputObjectType,
    GraphQLObjectType,
    get_named_type,
)

from backend.graphql.api import schema as lumbar_schema
from backend.graphql.mutation_root import CatalogMutations
from tests.shared_assets import saleor_schema


@pytest.fixture(scope="module")
def saleor():
    return saleor_schema()


def mutation_names():
    return [
        field.name if hasattr(field, "name") and field.name else _camel(name)
        for name, field in CatalogMutations._meta.fields.items()
    ]


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _input_differences(ours, theirs, seen, path):
    differences = []
    if theirs.name in seen:
        return differences
    seen.add(theirs.name)
    for name, field in theirs.fields.items():
        if name not in ours.fields:
            differences.append(f"{path}.{name} missing")
            continue
        if str(ours.fields[name].type) != str(field.type):
            differences.append(
                f"{path}.{name}: {ours.fields[name].type} != {field.type}"
            )
        named = get_named_type(field.type)
        if isinstance(named, GraphQLInputObjectType):
            differences += _input_differences(
                get_named_type(ours.fields[name].type), named, seen, f"{path}.{name}"
            )
    return differences


@pytest.mark.parametrize("name", mutation_names())
def test_mutation_matches_saleor(name, saleor):
    ours = lumbar_schema.graphql_schema.mutation_type.fields[name]
    theirs = saleor.mutation_type.fields[name]
    differences = []
    for arg_name, arg in theirs.args.items():
        if arg_name not in ours.args:
            differences.append(f"argument {arg_name} missing")
        elif str(ours.args[arg_name].type) != str(arg.type):
            differences.append(f"argument {arg_name}: {ours.args[arg_name].type}")
        named = get_named_type(arg.type)
        if isinstance(named, GraphQLInputObjectType) and arg_name in ours.args:
            differences += _input_differences(
                get_named_type(ours.args[arg_name].type), named, set(), arg_name
            )
    assert str(ours.type) == str(theirs.type)
    payload: GraphQLObjectType = get_named_type(theirs.type)
    our_payload = get_named_type(ours.type)
    for field_name, field in payload.fields.items():
        if field_name not in our_payload.fields:
            differences.append(f"payload {field_name} missing")
        elif str(our_payload.fields[field_name].type) != str(field.type):
            differences.append(
                f"payload {field_name}: {our_payload.fields[field_name].type}"
            )
        elif field_name == "errors":
            error_type = get_named_type(field.type)
            our_error = get_named_type(our_payload.fields[field_name].type)
            for error_field, spec in error_type.fields.items():
                if str(our_error.fields.get(error_field, spec).type) != str(
                    spec.type
                ) or (error_field not in our_error.fields):
                    differences.append(f"error field {error_field}")
            theirs_codes = set(get_named_type(error_type.fields["code"].type).values)
            ours_codes = set(get_named_type(our_error.fields["code"].type).values)
            if theirs_codes != ours_codes:
                differences.append(f"codes {theirs_codes ^ ours_codes}")
    assert differences == []

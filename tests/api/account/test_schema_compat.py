"""The account API has Saleor's names, arguments, payloads, inputs, types."""

import pytest
from graphql import get_named_type

from backend.graphql.account.schema import AccountMutations
from backend.graphql.api import schema as lumbar_schema
from tests.api.mutations.test_schema_compat import _camel
from tests.api.mutations.test_schema_compat import (
    test_mutation_matches_saleor as _mutation_matches_saleor,
)
from tests.shared_assets import saleor_schema


@pytest.fixture(scope="module")
def saleor():
    return saleor_schema()


@pytest.mark.parametrize(
    "name", [_camel(name) for name in AccountMutations._meta.fields]
)
def test_account_mutation_matches_saleor(name, saleor):
    _mutation_matches_saleor(name, saleor)


@pytest.mark.parametrize("type_name", ["User", "AddressValidationData", "ChoiceValue"])
def test_account_type_fields_match_saleor(type_name, saleor):
    ours = lumbar_schema.graphql_schema.get_type(type_name)
    theirs = saleor.get_type(type_name)
    differences = []
    for name, field in ours.fields.items():
        if name not in theirs.fields:
            differences.append(f"{name} is not Saleor's")
        elif str(field.type) != str(theirs.fields[name].type):
            differences.append(f"{name}: {field.type} != {theirs.fields[name].type}")
        else:
            for arg, spec in theirs.fields[name].args.items():
                if arg in field.args and str(field.args[arg].type) != str(spec.type):
                    differences.append(f"{name}({arg})")
    assert differences == []


@pytest.mark.parametrize("query", ["me", "addressValidationRules"])
def test_account_queries_match_saleor(query, saleor):
    ours = lumbar_schema.graphql_schema.query_type.fields[query]
    theirs = saleor.query_type.fields[query]
    assert str(ours.type) == str(theirs.type)
    assert {name: str(arg.type) for name, arg in ours.args.items()} == {
        name: str(arg.type) for name, arg in theirs.args.items()
    }
    assert get_named_type(ours.type).name == get_named_type(theirs.type).name

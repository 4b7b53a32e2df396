"""Saleor's LanguageCodeEnum: our table (core/language_codes.tsv) and schema."""

from backend.core.languages import LANGUAGES
from backend.graphql.api import schema as lumbar_schema
from tests.shared_assets import saleor_schema


def _saleor_language_codes():
    return saleor_schema().get_type("LanguageCodeEnum").values


def test_language_table_has_saleors_codes_and_names_in_order():
    saleor = _saleor_language_codes()

    assert LANGUAGES == [(name, value.description) for name, value in saleor.items()]


def test_language_code_enum_has_saleors_values_in_order():
    ours = lumbar_schema.graphql_schema.get_type("LanguageCodeEnum").values

    assert list(ours) == list(_saleor_language_codes())

"""A refused bulk mutation answers Saleor's empty count and lists, not a null."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("mutation", "empty"),
    [
        (
            'productBulkDelete(ids: ["\\u000e5M"]) { count errors { field code } }',
            {"count": 0},
        ),
        (
            'productVariantBulkDelete(ids: ["nope"]) { count errors { field code } }',
            {"count": 0},
        ),
        (
            'productMediaBulkDelete(ids: ["nope"]) { count errors { field code } }',
            {"count": 0},
        ),
    ],
)
def test_a_bulk_mutation_given_bad_ids_answers_errors_and_nothing_done(
    merchandiser_api, mutation, empty
):
    result = merchandiser_api(f"mutation {{ {mutation} }}")

    assert "errors" not in result, result
    (payload,) = result["data"].values()
    assert payload["errors"][0]["field"] == "ids"
    for name, value in empty.items():
        assert payload[name] == value

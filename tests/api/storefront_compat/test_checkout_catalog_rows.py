"""Checkout answers read their lines' catalog rows from Redis, never stale.

Each mutation of the storefront's checkout answers with the whole
CheckoutFragment, whose lines show attributes, translations and media.
The second answer reads those rows from the cache; an edit of any of them
is seen by the next answer.
"""

import pytest
from django.contrib.auth.models import Permission
from graphql_relay import to_global_id

from backend.attribute.services.attributes import attribute_value_translate
from backend.core.metadata import metadata_update
from backend.core.permissions import PermissionEnum
from backend.graphql.core import catalog_rows
from backend.product.models import ProductVariant
from backend.product.services.media import product_media_update
from backend.product.services.products import product_update
from backend.product.services.translations import (
    product_translate,
    product_variant_translate,
)
from backend.product.services.variants import product_variant_update
from tests.api.client import payload_of

from .checkout_documents import operation_text
from .documents import query_text

CHANNEL = "default-channel"
LANGUAGE = "EN_US"
STORED_LANGUAGE = "en-us"

pytestmark = pytest.mark.usefixtures("demo_store", "db")


def _checkout_with(api, variant):
    created = payload_of(
        api(
            query_text("CheckoutCreate"), {"channel": CHANNEL, "languageCode": LANGUAGE}
        ),
        "checkoutCreate",
    )
    checkout_id = created["checkout"]["id"]
    payload_of(
        api(
            query_text("CheckoutAddLine"),
            {
                "id": checkout_id,
                "productVariantId": to_global_id("ProductVariant", str(variant.pk)),
            },
        ),
        "checkoutLinesAdd",
    )
    return checkout_id


def _email_update(api, checkout_id, email="maria@example.com"):
    answer = payload_of(
        api(
            operation_text("checkoutEmailUpdate"),
            {"checkoutId": checkout_id, "email": email, "languageCode": LANGUAGE},
        ),
        "checkoutEmailUpdate",
    )
    return answer["checkout"]["lines"][0]["variant"]


@pytest.fixture
def strap():
    return ProductVariant.objects.select_related("product").get(
        sku="LMB-STR-LOOP-6-BLU"
    )


def test_the_second_checkout_answer_reads_its_lines_catalog_rows_from_the_cache(
    api, strap, django_assert_num_queries
):
    checkout_id = _checkout_with(api, strap)
    first = _email_update(api, checkout_id)

    # Lines with prices, payments and stock still come from the database;
    # attributes, translations and media do not (see STEP_BUDGETS).
    with django_assert_num_queries(8):
        second = _email_update(api, checkout_id, email="lopez@example.com")

    assert second == first
    assert second["product"]["media"][0]["url"].startswith("http")


def test_a_process_reads_again_the_catalog_rows_it_read_without_asking_redis(
    api, strap, django_assert_num_queries, monkeypatch
):
    checkout_id = _checkout_with(api, strap)
    first = _email_update(api, checkout_id)
    asked = []
    get_many = catalog_rows.cache.get_many

    def get_many_but_rows(keys, *args, **kwargs):
        # As if Redis had lost every entry: only versions are found.
        rows = [key for key in keys if catalog_rows.KEY_PREFIX in key]
        asked.extend(rows)
        return get_many([k for k in keys if k not in rows], *args, **kwargs)

    monkeypatch.setattr(catalog_rows.cache, "get_many", get_many_but_rows)
    with django_assert_num_queries(8):
        second = _email_update(api, checkout_id, email="lopez@example.com")

    assert second == first
    assert asked == []


def test_a_checkout_answer_shows_translations_made_since_the_last_answer(
    api, strap, django_capture_on_commit_callbacks
):
    checkout_id = _checkout_with(api, strap)
    before = _email_update(api, checkout_id)
    assert before["translation"] is None

    with django_capture_on_commit_callbacks(execute=True):
        product_translate(
            product=strap.product, language_code=STORED_LANGUAGE, name="Strap (US)"
        )
        product_variant_translate(
            variant=strap, language_code=STORED_LANGUAGE, name="Loop, 6 ft (US)"
        )
    after = _email_update(api, checkout_id)

    assert after["product"]["translation"]["name"] == "Strap (US)"
    assert after["translation"] == {"name": "Loop, 6 ft (US)"}


def test_a_checkout_answer_shows_media_and_attribute_edits_made_since_the_last_answer(
    api, strap, django_capture_on_commit_callbacks
):
    checkout_id = _checkout_with(api, strap)
    before = _email_update(api, checkout_id)
    value = strap.attributevalues.select_related("value").first().value
    shown = [v["name"] for a in before["attributes"] for v in a["values"]]
    assert value.name in shown

    with django_capture_on_commit_callbacks(execute=True):
        product_media_update(media=strap.product.media.first(), alt="Blue loop strap")
        attribute_value_translate(
            attribute_value=value, language_code=STORED_LANGUAGE, name="Bleu"
        )
    after = _email_update(api, checkout_id)

    assert after["product"]["media"][0]["alt"] == "Blue loop strap"
    translated = [v["translation"] for a in after["attributes"] for v in a["values"]]
    assert {"name": "Bleu"} in translated


def test_a_checkout_answer_shows_product_and_variant_renames_made_since_the_last_answer(
    api, strap, django_capture_on_commit_callbacks
):
    checkout_id = _checkout_with(api, strap)
    before = _email_update(api, checkout_id)
    assert before["product"]["name"] == strap.product.name

    with django_capture_on_commit_callbacks(execute=True):
        product_update(product=strap.product, name="Loop Strap, renamed")
        product_variant_update(variant=strap, name="6 ft, blue, renamed")
    after = _email_update(api, checkout_id)

    assert after["product"]["name"] == "Loop Strap, renamed"
    assert after["name"] == "6 ft, blue, renamed"


PRIVATE_METADATA = """
query($id: ID!) {
  checkout(id: $id) { lines { variant { privateMetadata { key value } } } }
}"""


def test_staff_see_a_variant_private_metadata_edit_at_the_next_checkout_answer(
    api, strap, staff_user, django_capture_on_commit_callbacks
):
    # Private metadata edits move no version: staff answers are not cached.
    staff_user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="core",
            codename=PermissionEnum.MANAGE_PRODUCTS.value,
        )
    )
    checkout_id = _checkout_with(api, strap)
    api.login(staff_user)
    before = api(PRIVATE_METADATA, {"id": checkout_id})["data"]["checkout"]
    assert before["lines"][0]["variant"]["privateMetadata"] == []

    with django_capture_on_commit_callbacks(execute=True):
        metadata_update(instance=strap, items={"supplier": "Acme"}, private=True)
    after = api(PRIVATE_METADATA, {"id": checkout_id})["data"]["checkout"]

    assert after["lines"][0]["variant"]["privateMetadata"] == [
        {"key": "supplier", "value": "Acme"}
    ]

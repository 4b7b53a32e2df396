"""load_demo run again on a loaded store (the demo loaded once a process).

The store and its images are the ones demo_store lends the module, so a run
that changes nothing leaves their files as they are.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError

from backend.product.models import ProductVariantChannelListing

from .loading import load_demo, replace_in, row_counts


def test_every_run_names_ops_the_promo_codes_and_the_test_card_tokens(demo_store, db):
    output = load_demo()

    assert output.splitlines()[-4:] == [
        "  Sign in at /admin/ (catalog, content) or /ops/ (orders to ship).",
        "Promo codes:",
        "  WELCOME10  (Welcome, 10% off)",
        "Test card tokens (no money moves): tok_success pays, tok_decline is "
        "declined, tok_3ds asks for 3-D Secure.",
    ]


def test_second_run_changes_nothing_and_says_so(demo_store, db):
    media_root = settings.MEDIA_ROOT
    counts = row_counts()
    media_files = sorted(p.name for p in Path(media_root).rglob("*") if p.is_file())

    output = load_demo()

    assert output.splitlines()[0] == "Demo store already loaded: nothing changed."
    assert row_counts() == counts
    assert (
        sorted(p.name for p in Path(media_root).rglob("*") if p.is_file())
        == media_files
    )


def test_a_price_changed_in_the_file_is_updated_by_the_next_run(
    demo_store, db, catalog_copy
):
    counts = row_counts()
    replace_in(
        catalog_copy / "products.yaml",
        "sku: LMB-GEL-SM, name: Small 5 × 10 in, attributes: {size: small-5x10-in}, "
        'price: "11.99"',
        "sku: LMB-GEL-SM, name: Small 5 × 10 in, attributes: {size: small-5x10-in}, "
        'price: "10.49"',
    )

    output = load_demo(catalog_copy)

    lines = output.splitlines()
    assert lines[0].startswith("Demo store loaded in ")
    assert lines[1:3] == [
        "  variant prices: 1 updated",
        "Staff logins (for the demo only; never use these elsewhere):",
    ]
    listing = ProductVariantChannelListing.objects.get(variant__sku="LMB-GEL-SM")
    assert str(listing.price_amount) == "10.490"
    assert row_counts() == counts


def test_malformed_price_names_the_file_and_problem_and_changes_nothing(
    demo_store, db, catalog_copy
):
    counts = row_counts()
    replace_in(catalog_copy / "products.yaml", 'price: "54.99"', 'price: "abc"')

    with pytest.raises(CommandError) as refusal:
        load_demo(catalog_copy)

    assert str(refusal.value).endswith(
        'catalog/products.yaml: product "pulseease-tens-unit": '
        'variant "LMB-TENS-PE-4CH": price "abc" is not a decimal'
    )
    assert row_counts() == counts
    listing = ProductVariantChannelListing.objects.get(variant__sku="LMB-TENS-PE-4CH")
    assert str(listing.price_amount) == "54.990"

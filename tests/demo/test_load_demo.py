"""The load_demo command: loads, reruns without change, refuses bad files."""

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from backend.product.models import ProductVariantChannelListing
from tests.fixtures.demo import FAST_HASHERS, demo_catalog_dir


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = FAST_HASHERS
    return settings.MEDIA_ROOT


@pytest.fixture
def catalog_copy(tmp_path) -> Path:
    """A copy of the demo catalog a test may break."""
    target = tmp_path / "catalog"
    shutil.copytree(demo_catalog_dir(), target)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def load_demo(catalog_dir: Path | None = None) -> str:
    out = io.StringIO()
    arguments = ["--no-progress"]
    if catalog_dir is not None:
        arguments += ["--catalog-dir", str(catalog_dir)]
    call_command("load_demo", *arguments, stdout=out)
    return out.getvalue()


def test_first_run_reports_what_it_created_and_the_demo_logins(db, media_root):
    output = load_demo()

    assert output.startswith("Demo store loaded in ")
    assert "  products: 19 created\n" in output
    assert "  variants: 46 created\n" in output
    assert "  warehouses: 2 created\n" in output
    assert "  images: 33 created\n" in output
    assert "for the demo only" in output
    assert "merch@example.com / lumbar-merch-demo  (Merchandisers)" in output
    assert "ops@example.com / lumbar-ops-demo  (Operations)" in output
    assert "admin@example.com / lumbar-admin-demo  (superuser)" in output


def test_every_run_names_ops_the_promo_codes_and_the_test_card_tokens(db, media_root):
    load_demo()

    output = load_demo()

    assert output.splitlines()[-4:] == [
        "  Sign in at /admin/ (catalog, content) or /ops/ (orders to ship).",
        "Promo codes:",
        "  WELCOME10  (Welcome, 10% off)",
        "Test card tokens (no money moves): tok_success pays, tok_decline is "
        "declined, tok_3ds asks for 3-D Secure.",
    ]


def test_progress_bar_goes_to_stderr_and_the_report_to_stdout(db, media_root, capsys):
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert "Loading demo store" in capsys.readouterr().err
    assert "Loading demo store" not in out.getvalue()


def test_second_run_changes_nothing_and_says_so(db, media_root):
    load_demo()
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
    db, media_root, catalog_copy
):
    load_demo(catalog_copy)
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
    db, media_root, catalog_copy
):
    load_demo()
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


def test_a_refusal_half_way_through_the_load_rolls_everything_back(
    db, media_root, catalog_copy
):
    counts = row_counts()
    # Two categories with one Spanish slug pass the file checks but are
    # refused by category_translate, after many rows have been written.
    replace_in(
        catalog_copy / "categories.yaml",
        "es: {name: Correas de estiramiento, slug: correas-de-estiramiento}",
        "es: {name: Correas de estiramiento, slug: estiramiento-y-movilidad}",
    )

    with pytest.raises(CommandError) as refusal:
        load_demo(catalog_copy)

    assert str(refusal.value).endswith(
        "catalog/categories.yaml: category \"stretch-straps\": translation 'es': "
        "slug: This slug is taken in this language."
    )
    assert row_counts() == counts


def test_a_refusal_after_images_were_stored_removes_the_image_files(
    db, media_root, catalog_copy
):
    counts = row_counts()
    # A second product taking the first one's Spanish slug is refused by
    # product_translate after the first products' images are stored.
    replace_in(
        catalog_copy / "products.yaml",
        "slug: compresa-de-calor-humedo",
        "slug: correa-de-estiramiento-12-lazos",
    )

    with pytest.raises(CommandError) as refusal:
        load_demo(catalog_copy)

    assert str(refusal.value).endswith(
        "catalog/products.yaml: product \"moist-heat-pack\": translation 'es': "
        "slug: This slug is taken in this language."
    )
    assert row_counts() == counts
    assert [path for path in Path(media_root).rglob("*") if path.is_file()] == []


def test_command_exits_non_zero_with_one_readable_line(db, catalog_copy):
    replace_in(
        catalog_copy / "warehouses.yaml",
        "channels: [default-channel]",
        "channels: [eu]",
    )
    database = connection.settings_dict
    environment = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{database['USER']}:{database['PASSWORD'] or ''}"
            f"@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        ),
    }

    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo", "--catalog-dir", str(catalog_copy)],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"CommandError: {catalog_copy}/warehouses.yaml: "
        'warehouse "reno-nv": channel "eu" is not in channels.yaml'
    ]

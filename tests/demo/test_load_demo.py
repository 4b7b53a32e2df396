"""The load_demo command on an empty store: loads, reports, refuses bad files."""

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import override_settings

from tests.fixtures.demo import FAST_HASHERS

from .loading import load_demo, replace_in, row_counts


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = FAST_HASHERS
    return settings.MEDIA_ROOT


@pytest.fixture(scope="module")
def first_run(django_db_setup, django_db_blocker, tmp_path_factory):
    """Return the stdout and stderr of load_demo on an empty store.

    One load serves the tests of its report and of its progress bar; it is
    rolled back at once, so every other test starts from the empty store.
    """
    out, err = io.StringIO(), io.StringIO()
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=tmp_path_factory.mktemp("media"), PASSWORD_HASHERS=FAST_HASHERS
        ),
        transaction.atomic(),
        contextlib.redirect_stderr(err),
    ):
        call_command("load_demo", stdout=out)
        transaction.set_rollback(True)
    return out.getvalue(), err.getvalue()


def test_first_run_reports_what_it_created_and_the_demo_logins(first_run):
    output, _ = first_run

    assert output.startswith("Demo store loaded in ")
    assert "  products: 19 created\n" in output
    assert "  variants: 46 created\n" in output
    assert "  warehouses: 2 created\n" in output
    assert "  images: 33 created\n" in output
    assert "for the demo only" in output
    assert "merch@example.com / lumbar-merch-demo  (Merchandisers)" in output
    assert "ops@example.com / lumbar-ops-demo  (Operations)" in output
    assert "admin@example.com / lumbar-admin-demo  (superuser)" in output


def test_progress_bar_goes_to_stderr_and_the_report_to_stdout(first_run):
    output, errors = first_run

    assert "Loading demo store" in errors
    assert "Loading demo store" not in output


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

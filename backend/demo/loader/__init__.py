"""Load the demo store from content/catalog/ into the database.

``demo_load`` checks every file first, then writes everything in one
transaction through the domain services, keyed by slug, SKU and email, so
a second run changes nothing and a bad file changes nothing at all.
"""

import time
from pathlib import Path
from typing import TextIO

from django.core.files.storage import default_storage
from django.db import transaction

from backend.core.cache_versions import CATALOG, PROMISE_RULES, bump
from backend.core.files import display_path, progress_bar
from backend.payment.gateways.test_gateway import (
    TOKEN_ACTION_REQUIRED,
    TOKEN_DECLINE,
    TOKEN_SUCCESS,
)

from .catalog import (
    attributes_load,
    categories_load,
    channels_load,
    collections_load,
    product_types_load,
    warehouses_load,
)
from .common import LoadContext
from .errors import DemoDataError
from .navigation import menus_load
from .products import (
    collection_products_load,
    product_load,
    product_references_load,
    stock_locations_load,
)
from .report import DemoLoadReport, DemoLogin
from .shipping import shipping_load
from .staff import staff_load
from .validate import Catalog, catalog_validate
from .vouchers import vouchers_load

__all__ = ["DemoDataError", "DemoLoadReport", "DemoLogin", "demo_load"]

NOTHING_CHANGED = "Demo store already loaded: nothing changed."


def _write_report(report: DemoLoadReport, stdout: TextIO) -> None:
    if report.changed:
        stdout.write(f"Demo store loaded in {report.seconds:.1f} s:\n")
        stdout.write("\n".join(report.summary_lines()) + "\n")
    else:
        stdout.write(NOTHING_CHANGED + "\n")
    stdout.write("Staff logins (for the demo only; never use these elsewhere):\n")
    for login in report.logins:
        stdout.write(f"  {login.email} / {login.password}  ({login.role})\n")
    stdout.write("  Sign in at /admin/ (catalog, content) or /ops/ (orders to ship).\n")
    if report.promo_codes:
        stdout.write("Promo codes:\n")
        for code, name in report.promo_codes:
            stdout.write(f"  {code}  ({name})\n")
    stdout.write(
        "Test card tokens (no money moves): "
        f"{TOKEN_SUCCESS} pays, {TOKEN_DECLINE} is declined, "
        f"{TOKEN_ACTION_REQUIRED} asks for 3-D Secure.\n"
    )


def _steps(catalog: Catalog, context: LoadContext):
    """Yield (file, step) pairs: each step loads part of the file named."""
    yield "channels.yaml", lambda: channels_load(catalog, context)
    yield "warehouses.yaml", lambda: warehouses_load(catalog, context)
    yield "shipping.yaml", lambda: shipping_load(catalog, context)
    yield "attributes.yaml", lambda: attributes_load(catalog, context)
    yield "product_types.yaml", lambda: product_types_load(catalog, context)
    yield "categories.yaml", lambda: categories_load(catalog, context)
    yield "collections.yaml", lambda: collections_load(catalog, context)
    for entry in catalog.products:
        yield "products.yaml", lambda entry=entry: product_load(entry, context)
    yield "products.yaml", lambda: product_references_load(catalog.products, context)
    yield "products.yaml", lambda: collection_products_load(catalog.products, context)
    yield "products.yaml", lambda: stock_locations_load(context)
    yield "menus.yaml", lambda: menus_load(catalog, context)
    yield "staff.yaml", lambda: staff_load(catalog, context)
    yield "vouchers.yaml", lambda: vouchers_load(catalog.vouchers, context)


def demo_load(
    *, catalog_dir: Path, stdout: TextIO, progress: bool = True
) -> DemoLoadReport:
    """Load the demo store, or raise DemoDataError and leave the database as it was."""
    started = time.monotonic()
    catalog = catalog_validate(catalog_dir=Path(catalog_dir))
    report = DemoLoadReport()
    context = LoadContext(report=report)
    steps = list(_steps(catalog, context))
    try:
        with (
            transaction.atomic(),
            progress_bar(
                total=len(steps),
                enabled=progress,
                desc="Loading demo store",
                unit="step",
            ) as bar,
        ):
            for file_name, step in steps:
                try:
                    step()
                except DemoDataError as error:
                    label = display_path(catalog.directory / file_name)
                    raise DemoDataError(f"{label}: {error}") from error
                bar.update(1)
            # Some steps write rows directly (channels, warehouses, menus).
            if report.changed:
                bump(CATALOG, PROMISE_RULES)
    except BaseException:
        # The rows are rolled back; the image files they named go too.
        for name in context.saved_files:
            default_storage.delete(name)
        raise
    report.seconds = time.monotonic() - started
    _write_report(report, stdout)
    return report

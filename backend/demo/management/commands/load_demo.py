from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backend.demo.loader import DemoDataError, demo_load


class Command(BaseCommand):
    help = "Load the demo store from content/catalog/ (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--catalog-dir",
            type=Path,
            default=None,
            help="Directory of the catalog files (default: CONTENT_DIR/catalog).",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not draw a progress bar."
        )

    def handle(self, *args, catalog_dir=None, no_progress=False, **options):
        catalog_dir = catalog_dir or Path(settings.CONTENT_DIR) / "catalog"
        try:
            demo_load(
                catalog_dir=catalog_dir, stdout=self.stdout, progress=not no_progress
            )
        except DemoDataError as error:
            raise CommandError(str(error)) from None

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backend.page.content import ContentError
from backend.page.services import content_sync


class Command(BaseCommand):
    help = (
        "Bring content/articles/*.md into the database (safe to run again; "
        "a bad file changes nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would change without writing anything.",
        )
        parser.add_argument(
            "--articles-dir",
            type=Path,
            default=None,
            help="Directory of the article files (default: CONTENT_DIR/articles).",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not draw a progress bar."
        )

    def handle(self, *args, dry_run=False, articles_dir=None, no_progress=False, **_):
        try:
            report = content_sync(
                articles_dir=articles_dir, dry_run=dry_run, progress=not no_progress
            )
        except ContentError as error:
            raise CommandError(str(error)) from None
        self.stdout.write("\n".join(report.lines()))

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from backend.core.admin_permissions import validation_messages
from backend.demo.article_features import FEATURES_FILE, article_features_apply
from backend.demo.loader import DemoDataError


class Command(BaseCommand):
    help = (
        "Feature the products content/catalog/article_features.yaml names on "
        "each article that features none yet (run after sync_content)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--file",
            type=Path,
            default=None,
            help=f"The features file (default: CONTENT_DIR/catalog/{FEATURES_FILE}).",
        )

    def handle(self, *args, file=None, **options):
        path = file or Path(settings.CONTENT_DIR) / "catalog" / FEATURES_FILE
        try:
            tagged = article_features_apply(path=path)
        except DemoDataError as error:
            raise CommandError(str(error)) from None
        except ValidationError as error:
            raise CommandError("; ".join(validation_messages(error))) from None
        noun = "article" if len(tagged) == 1 else "articles"
        self.stdout.write(f"{len(tagged)} {noun} tagged.")

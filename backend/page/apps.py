from django.apps import AppConfig


class PageConfig(AppConfig):
    name = "backend.page"
    label = "page"

    def ready(self) -> None:
        # The sales report's admin lives apart from admin.py's page admin.
        from . import admin_report  # noqa: F401

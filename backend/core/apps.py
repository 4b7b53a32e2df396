from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "backend.core"
    label = "core"

    def ready(self):
        from django.db import connections
        from django.db.backends.signals import connection_created

        from .page_version import install_write_watch

        connection_created.connect(install_write_watch)
        # Wrappers live on the connection handle, which outlives reconnects.
        for connection in connections.all(initialized_only=True):
            install_write_watch(connection=connection)

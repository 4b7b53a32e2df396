#!/usr/bin/env python
import os
import sys

NO_DATABASE = (
    "manage.py: DATABASE_URL is not set. Point it at PostgreSQL "
    "(postgres://user@host:5432/lumbar), or use `make run`, which starts an "
    "embedded PostgreSQL under var/."
)


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    database_set = bool(os.environ.get("DATABASE_URL"))
    # runserver would start and answer every request with an error.
    if not database_set and sys.argv[1:2] == ["runserver"]:
        sys.exit(NO_DATABASE)
    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        # Django's dummy engine stands in for the database (settings.py).
        if database_set or "settings.DATABASES" not in str(error):
            raise
        sys.exit(NO_DATABASE)


if __name__ == "__main__":
    main()

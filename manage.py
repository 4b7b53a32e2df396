#!/usr/bin/env python
import os
import sys

# What runs without DATABASE_URL (settings.py puts Django's dummy engine there).
NO_DATABASE_COMMANDS = {
    "check",
    "collectstatic",
    "findstatic",
    "graphql_schema",
    "help",
    "makemigrations",
    "version",
}
NO_DATABASE = (
    "manage.py: DATABASE_URL is not set. Point it at PostgreSQL "
    "(postgres://user@host:5432/lumbar), or use `make run`, which starts an "
    "embedded PostgreSQL under var/."
)


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
    from django.core.management import execute_from_command_line

    command = sys.argv[1] if len(sys.argv) > 1 else "help"
    if not os.environ.get("DATABASE_URL") and command.lstrip("-") not in (
        NO_DATABASE_COMMANDS | {"h", "version"}
    ):
        sys.exit(NO_DATABASE)
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

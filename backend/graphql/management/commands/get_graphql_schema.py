"""Print the GraphQL schema served at /graphql/ in SDL.

python manage.py get_graphql_schema > backend/graphql/schema.graphql
"""

from django.core.management.base import BaseCommand
from graphql import print_schema

from ...api import schema


def printed_schema() -> str:
    """Return the API's schema as the committed schema.graphql holds it."""
    return print_schema(schema.graphql_schema) + "\n"


class Command(BaseCommand):
    help = "Print the GraphQL schema in SDL (the committed schema.graphql)."

    def handle(self, *args, **options):
        self.stdout.write(printed_schema(), ending="")

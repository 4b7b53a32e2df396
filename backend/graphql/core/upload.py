"""File uploads per the GraphQL multipart request spec, as Saleor takes them.

A multipart POST carries ``operations`` (the JSON request with nulls where
files go), ``map`` (file key -> list of paths such as ``variables.image``)
and the files. The view puts each file at its paths before executing.
"""

import graphene
from django.http import HttpResponseBadRequest
from graphene_django.views import HttpError


class Upload(graphene.types.Scalar):
    """Variables of this type must be set to null in mutations. They will be
    replaced with a filename from a following multipart part containing a
    binary file. See: https://github.com/jaydenseric/graphql-multipart-request-spec."""

    @staticmethod
    def serialize(value):
        return value

    @staticmethod
    def parse_literal(node, _variables=None):
        return node

    @staticmethod
    def parse_value(value):
        return value


def _place(operations, path: list[str], value) -> None:
    target = operations
    for key in path[:-1]:
        target = target[int(key)] if isinstance(target, list) else target[key]
    last = path[-1]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value


def place_files(operations: dict, file_map: dict, files) -> dict:
    """Return the request with each uploaded file put at its mapped paths."""
    try:
        for key, paths in file_map.items():
            uploaded = files[key]
            for path in paths:
                _place(operations, path.split("."), uploaded)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
        raise HttpError(
            HttpResponseBadRequest(f"Invalid multipart request: {error}")
        ) from None
    return operations

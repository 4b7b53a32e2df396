"""File uploads per the GraphQL multipart request spec, as Saleor takes them.

A multipart POST carries ``operations`` (the JSON request with nulls where
files go), ``map`` (file key -> list of paths such as ``variables.image``)
and the files. The view puts each file at its paths before executing.
"""

import json

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


def multipart_operations(request):
    """Return the GraphQL request of a multipart POST with its files in place."""
    try:
        operations = json.loads(request.POST["operations"])
        file_map = json.loads(request.POST.get("map", "{}"))
        for key, paths in file_map.items():
            uploaded = request.FILES[key]
            for path in paths:
                _place(operations, path.split("."), uploaded)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
        raise HttpError(
            HttpResponseBadRequest(f"Invalid multipart request: {error}")
        ) from None
    return operations


class MultipartUploadMixin:
    """Let a GraphQLView take Saleor's multipart file uploads."""

    def parse_body(self, request):
        if (
            self.get_content_type(request) == "multipart/form-data"
            and "operations" in request.POST
        ):
            return multipart_operations(request)
        return super().parse_body(request)

"""Read a GraphQL request from its body and query string, or refuse it.

A request that is not one well-formed GraphQL request is answered 400 with
one GraphQL error before anything runs: a body that is not UTF-8 or not
JSON, JSON that is not one object (batches are not supported), a wrong type
for ``query``, ``variables`` or ``operationName``, values nested deeper
than any input of the schema, numbers too long to mean anything, or text
that cannot be stored (a lone surrogate such as ``"\\ud800"``). Form posts
are refused too: they are what a foreign page can send without a CORS
preflight, and the API has no use for them. Multipart is taken only as a
GraphQL multipart upload (``operations`` and ``map``).
"""

import json
import math

from django.core.exceptions import (
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import HttpResponseBadRequest
from django.http.multipartparser import MultiPartParserError
from graphene_django.views import HttpError

from .upload import place_files

# No input of the schema nests deeper than about ten levels (a request
# object, its variables, an input, its list of attributes, their values);
# 32 leaves room and keeps every walk of the variables shallow.
MAX_NESTING = 32
# A number written with more characters than this is no price, quantity or
# count; Python would otherwise build a 4,000-digit int or read 1e999 as inf.
MAX_NUMBER_CHARS = 100

JSON_CONTENT_TYPE = "application/json"
GRAPHQL_CONTENT_TYPE = "application/graphql"
MULTIPART_CONTENT_TYPE = "multipart/form-data"
UNREADABLE_BODY_ERRORS = (
    MultiPartParserError,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)


class MalformedRequest(ValueError):
    """A request that is not a GraphQL request; its message says why."""


def bad_request(message: str) -> HttpError:
    return HttpError(HttpResponseBadRequest(message))


def _refuse_constant(name: str):
    raise MalformedRequest(f"{name} is not a JSON number.")


def _read_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise MalformedRequest("Numbers are limited to 100 characters.")
    value = float(text)
    if not math.isfinite(value):
        raise MalformedRequest(f"The number {text[:20]} is too large.")
    return value


def _read_int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise MalformedRequest("Numbers are limited to 100 characters.")
    return int(text)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise MalformedRequest(
            "Strings must be valid Unicode (a lone surrogate is not)."
        ) from None


def check_decoded(value) -> None:
    """Refuse a decoded JSON value nested too deep or holding bad text.

    The walk is iterative, so the check itself cannot run out of stack.
    """
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict | list):
            if depth > MAX_NESTING:
                raise MalformedRequest(
                    f"JSON may nest at most {MAX_NESTING} levels deep."
                )
            if isinstance(item, dict):
                for key in item:
                    _check_text(key)
                children = item.values()
            else:
                children = item
            pending.extend((child, depth + 1) for child in children)


def json_value(text: str):
    """Return the JSON value of a text; raise MalformedRequest if it is bad."""
    try:
        value = json.loads(
            text,
            parse_float=_read_float,
            parse_int=_read_int,
            parse_constant=_refuse_constant,
        )
    except MalformedRequest:
        raise
    except RecursionError:
        # The decoder recurses once per level; its limit comes far past ours.
        raise MalformedRequest(
            f"JSON may nest at most {MAX_NESTING} levels deep."
        ) from None
    except ValueError:
        raise MalformedRequest("The body is not valid JSON.") from None
    check_decoded(value)
    return value


def request_object(value) -> dict:
    """Return a decoded body if it is one GraphQL request object."""
    if isinstance(value, list):
        raise MalformedRequest(
            "Batch requests are not supported; send one operation as a JSON object."
        )
    if not isinstance(value, dict):
        raise MalformedRequest("The body must be a JSON object.")
    return value


def _body_text(request) -> str:
    try:
        return request.body.decode("utf-8")
    except UnicodeDecodeError:
        raise MalformedRequest("The body is not valid UTF-8.") from None


def content_type(request) -> str:
    meta = request.META
    raw = meta.get("CONTENT_TYPE", meta.get("HTTP_CONTENT_TYPE", ""))
    return raw.split(";", 1)[0].strip().lower()


def request_data(request) -> dict:
    """Return the GraphQL request object of a POST (empty for a GET)."""
    if request.method == "GET":
        return {}
    kind = content_type(request)
    try:
        if kind == JSON_CONTENT_TYPE:
            return request_object(json_value(_body_text(request)))
        if kind == GRAPHQL_CONTENT_TYPE:
            return {"query": _body_text(request)}
        if kind == MULTIPART_CONTENT_TYPE:
            return _multipart(request)
    except MalformedRequest as error:
        raise bad_request(str(error)) from None
    except UNREADABLE_BODY_ERRORS as error:
        raise bad_request(f"The body could not be read: {error}") from None
    if kind == "application/x-www-form-urlencoded":
        raise bad_request(
            "Form posts are not accepted; send the request as application/json."
        )
    raise bad_request(
        f"Unsupported Content-Type {kind or '(none)'!r}; "
        "send the request as application/json."
    )


def _multipart(request) -> dict:
    if "operations" not in request.POST or "map" not in request.POST:
        raise MalformedRequest(
            "A multipart request must be a GraphQL multipart upload, "
            "with 'operations' and 'map' parts."
        )
    operations = request_object(json_value(request.POST["operations"]))
    file_map = json_value(request.POST["map"])
    if not isinstance(file_map, dict):
        raise MalformedRequest("The multipart 'map' must be a JSON object.")
    return place_files(operations, file_map, request.FILES)


def _variables(value) -> dict | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = json_value(value)
    if not isinstance(value, dict):
        raise MalformedRequest("Variables must be a JSON object.")
    return value


def graphql_params(request, data: dict) -> tuple:
    """Return query, variables, operation name and id, each of its type.

    Parameters of the query string come first, as graphene reads them.
    """
    # An empty QueryDict raises and catches a KeyError for each missing name.
    params = request.GET or {}
    query = params.get("query") or data.get("query")
    variables = (
        params.get("variables") if "variables" in params else data.get("variables")
    )
    operation_name = params.get("operationName") or data.get("operationName")
    try:
        if query is not None and not isinstance(query, str):
            raise MalformedRequest("The query must be a string.")
        if operation_name == "null":
            operation_name = None
        if operation_name is not None and not isinstance(operation_name, str):
            raise MalformedRequest("The operationName must be a string or null.")
        variables = _variables(variables)
    except MalformedRequest as error:
        raise bad_request(str(error)) from None
    return query, variables, operation_name, params.get("id") or data.get("id")

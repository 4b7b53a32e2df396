"""Relay connections as Saleor serves them: edges, pageInfo and totalCount.

``CountableConnection`` is the base of every ``<Type>CountableConnection``;
``ConnectionField`` adds ``first/after/last/before``; ``connection_from``
slices a QuerySet (two queries: the page and, when asked, the count) or a
list and returns the connection. Cursors are opaque offsets.
"""

import base64
import binascii
import json
from collections.abc import Callable, Sequence

import graphene
from django.conf import settings
from django.db.models import QuerySet
from graphene import relay
from graphql import GraphQLError

from .dataloaders import register_siblings


class CountableConnection(relay.Connection):
    """A Relay connection with Saleor's ``totalCount``."""

    class Meta:
        abstract = True

    total_count = graphene.Int(description="A total count of items in the collection.")

    @staticmethod
    def resolve_total_count(root, info):
        return root.count_total()


def create_connection_type(node_type, name: str | None = None, **meta):
    """Return ``<Node>CountableConnection`` for a node type (edges named alike)."""
    name = name or f"{node_type._meta.name}CountableConnection"
    meta_class = type(
        "Meta", (), {"node": node_type, "name": name, "strict_types": True, **meta}
    )
    return type(name, (CountableConnection,), {"Meta": meta_class})


def ConnectionField(connection_type, **kwargs):  # noqa: N802 - reads as a type
    """Return a field of a connection type with the Relay pagination arguments."""
    return graphene.Field(
        connection_type,
        before=graphene.String(
            description=(
                "Return the elements in the list that come before the specified cursor."
            )
        ),
        after=graphene.String(
            description=(
                "Return the elements in the list that come after the specified cursor."
            )
        ),
        first=graphene.Int(
            description=(
                "Retrieve the first n elements from the list. Note that the "
                "system only allows fetching a maximum of 100 objects in a "
                "single query."
            )
        ),
        last=graphene.Int(
            description=(
                "Retrieve the last n elements from the list. Note that the "
                "system only allows fetching a maximum of 100 objects in a "
                "single query."
            )
        ),
        **kwargs,
    )


def offset_to_cursor(offset: int) -> str:
    return base64.b64encode(json.dumps([offset]).encode()).decode()


def cursor_to_offset(cursor: str) -> int:
    try:
        (offset,) = json.loads(base64.b64decode(cursor, validate=True))
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError):
        offset = None
    if not isinstance(offset, int) or isinstance(offset, bool) or offset < 0:
        raise GraphQLError(
            f"Received cursor {cursor} is invalid.",
            extensions={"exception": {"code": "GraphQLError"}},
        )
    return offset


def validate_connection_args(args: dict, field_name: str) -> None:
    """Raise Saleor's errors for pagination arguments that cannot be served."""
    first, last = args.get("first"), args.get("last")
    limit = settings.GRAPHQL_MAX_PAGE_SIZE
    if first is None and last is None:
        raise GraphQLError(
            f"You must provide a `first` or `last` value to properly paginate "
            f"the `{field_name}` connection."
        )
    if first is not None and last is not None:
        raise GraphQLError("Argument `last` cannot be combined with `first`.")
    if first is not None and args.get("before"):
        raise GraphQLError("Argument `first` cannot be combined with `before`.")
    if last is not None and args.get("after"):
        raise GraphQLError("Argument `last` cannot be combined with `after`.")
    for name, value in (("first", first), ("last", last)):
        if value is None:
            continue
        if value < 0:
            raise GraphQLError(f"Argument `{name}` must be a non-negative integer.")
        if value > limit:
            raise GraphQLError(
                f"Requesting {value} records on the `{field_name}` connection "
                f"exceeds the `{name}` limit of {limit} records."
            )


def connection_from(
    items: QuerySet | Sequence,
    info,
    args: dict,
    connection_type,
    *,
    wrap: Callable[[list], list] | None = None,
    register: bool = True,
):
    """Return one page of items as the connection type.

    ``wrap`` turns the page's model objects into the nodes the type expects
    (ChannelContext, say); the nodes are registered as siblings so their
    fields batch through dataloaders (``register=False`` when the caller
    registered them in a larger group already).
    """
    validate_connection_args(args, info.field_name)
    first, last = args.get("first"), args.get("last")
    after, before = args.get("after"), args.get("before")
    total: list[int] = []

    def count_total() -> int:
        if not total:
            total.append(items.count() if isinstance(items, QuerySet) else len(items))
        return total[0]

    if first is not None:
        start = cursor_to_offset(after) + 1 if after else 0
        rows = list(items[start : start + first + 1])
        has_next, has_previous = len(rows) > first, start > 0
        rows = rows[:first]
    else:
        end = cursor_to_offset(before) if before else count_total()
        start = max(end - last, 0)
        rows = list(items[start:end]) if end > start else []
        has_next = bool(before) and end < count_total()
        has_previous = start > 0
    nodes = wrap(rows) if wrap else rows
    if register:
        nodes = register_siblings(info, nodes)
    edge_type = connection_type.Edge
    edges = [
        edge_type(node=node, cursor=offset_to_cursor(start + index))
        for index, node in enumerate(nodes)
    ]
    connection = connection_type(
        edges=edges,
        page_info=relay.PageInfo(
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
            has_previous_page=has_previous,
            has_next_page=has_next,
        ),
    )
    connection.count_total = count_total
    return connection

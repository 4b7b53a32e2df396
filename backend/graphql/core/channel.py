"""Channel-aware objects and the channel a query reads from."""

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from graphene.types.resolver import get_default_resolver
from graphql import GraphQLError

from backend.channel.models import Channel
from backend.core.permissions import PermissionEnum, user_has_any_permission

N = TypeVar("N")


@dataclass(eq=False)
class ChannelContext(Generic[N]):
    """A model object with the channel its prices and listings are read in."""

    node: N
    channel_slug: str | None

    # ObjectWithMetadata resolvers read these from the root.
    @property
    def metadata(self) -> dict:
        return self.node.metadata

    @property
    def private_metadata(self) -> dict:
        return self.node.private_metadata

    @property
    def pk(self) -> Any:
        return self.node.pk

    @property
    def id(self) -> Any:
        return self.node.pk


def node_of(root):
    """Return the model object of a root, wrapped in ChannelContext or not."""
    return root.node if isinstance(root, ChannelContext) else root


def node_attr_resolver(attname, default_value, root, info, **args):
    """Resolve a plain field from the model object behind a ChannelContext."""
    return get_default_resolver()(attname, default_value, node_of(root), info, **args)


def channel_of(root) -> str | None:
    """Return the channel slug a root is read in (None outside a channel)."""
    return root.channel_slug if isinstance(root, ChannelContext) else None


def wrap(nodes, channel_slug: str | None) -> list[ChannelContext]:
    return [ChannelContext(node=node, channel_slug=channel_slug) for node in nodes]


class ChannelNotFound(GraphQLError):
    def __init__(self, slug: str):
        super().__init__(
            f"Channel with '{slug}' slug does not exist.",
            extensions={"exception": {"code": "NOT_FOUND", "field": "channel"}},
        )


def _channels(info) -> dict[str, Channel]:
    # One query per request for every channel lookup.
    cached = getattr(info.context, "_lumbar_channels", None)
    if cached is None:
        cached = {channel.slug: channel for channel in Channel.objects.all()}
        info.context._lumbar_channels = cached
    return cached


def get_channel(info, slug: str) -> Channel:
    """Return the channel of this slug or raise Saleor's not-found error."""
    channel = _channels(info).get(slug)
    if channel is None:
        raise ChannelNotFound(slug)
    return channel


def default_channel_slug(info) -> str:
    """Return the slug Saleor uses when a shopper names no channel.

    Saleor falls back to the only active channel and refuses to guess
    between several.
    """
    active = [channel for channel in _channels(info).values() if channel.is_active]
    if len(active) == 1:
        return active[0].slug
    if not active:
        raise GraphQLError(
            "A default channel does not exist.",
            extensions={"exception": {"code": "ChannelNotDefined"}},
        )
    raise GraphQLError(
        "More than one channel exists. Specify which channel to use.",
        extensions={"exception": {"code": "ChannelNotDefined"}},
    )


def resolve_channel_slug(
    info, channel: str | None, *, staff_permissions=(PermissionEnum.MANAGE_PRODUCTS,)
) -> str | None:
    """Return the channel slug a query reads from.

    A named channel must exist. Without one, staff read across channels
    (None) and a shopper reads the default channel, as Saleor does.
    """
    if channel is not None:
        return get_channel(info, channel).slug
    if is_staff_reader(info, staff_permissions):
        return None
    return default_channel_slug(info)


def is_staff_reader(info, permissions=(PermissionEnum.MANAGE_PRODUCTS,)) -> bool:
    """Return whether the requestor may see unpublished objects."""
    cached = getattr(info.context, "_lumbar_staff_reader", None)
    if cached is None:
        cached = {}
        info.context._lumbar_staff_reader = cached
    key = tuple(permissions)
    if key not in cached:
        user = getattr(info.context, "user", None)
        cached[key] = user_has_any_permission(user, *permissions)
    return cached[key]

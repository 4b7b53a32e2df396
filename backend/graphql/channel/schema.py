"""Channel queries: channel(id|slug) is public, channels is staff-only."""

import graphene

from backend.channel import models

from ..core.arguments import require_one_of
from ..core.dataloaders import register_siblings
from ..core.ids import from_global_id_or_error
from ..core.permissions import require_staff
from .types import Channel


class ChannelQueries(graphene.ObjectType):
    channel = graphene.Field(
        Channel,
        id=graphene.Argument(graphene.ID, description="ID of the channel."),
        slug=graphene.Argument(graphene.String, description="Slug of the channel."),
        description="Look up a channel by ID or slug.",
    )
    channels = graphene.List(
        graphene.NonNull(Channel),
        description=(
            "List of all channels.\n\nRequires one of the following permissions: "
            "AUTHENTICATED_APP, AUTHENTICATED_STAFF_USER."
        ),
    )

    @staticmethod
    def resolve_channel(root, info, id=None, slug=None):
        require_one_of(id=id, slug=slug)
        if id is not None:
            pk = from_global_id_or_error(id, "Channel")
            return models.Channel.objects.filter(pk=pk).first()
        return models.Channel.objects.filter(slug=slug).first()

    @staticmethod
    def resolve_channels(root, info):
        require_staff(info)
        return register_siblings(info, models.Channel.objects.order_by("slug", "pk"))

"""Saleor's app, webhook and plugin filter and sorting inputs."""

import graphene

from ..core.enums import OrderDirection
from .enums import (
    AppSortField,
    AppTypeEnum,
    EventDeliveryAttemptSortField,
    EventDeliverySortField,
    EventDeliveryStatusEnum,
    PluginConfigurationType,
    PluginSortField,
    WebhookEventTypeEnum,
)


class EventDeliveryAttemptSortingInput(graphene.InputObjectType):
    direction = graphene.InputField(
        OrderDirection,
        name="direction",
        required=True,
        description="Specifies the direction in which to sort attempts.",
    )
    field = graphene.InputField(
        EventDeliveryAttemptSortField,
        name="field",
        required=True,
        description="Sort attempts by the selected field.",
    )

    class Meta:
        name = "EventDeliveryAttemptSortingInput"


class EventDeliverySortingInput(graphene.InputObjectType):
    direction = graphene.InputField(
        OrderDirection,
        name="direction",
        required=True,
        description="Specifies the direction in which to sort deliveries.",
    )
    field = graphene.InputField(
        EventDeliverySortField,
        name="field",
        required=True,
        description="Sort deliveries by the selected field.",
    )

    class Meta:
        name = "EventDeliverySortingInput"


class EventDeliveryFilterInput(graphene.InputObjectType):
    status = graphene.InputField(EventDeliveryStatusEnum, name="status")
    event_type = graphene.InputField(WebhookEventTypeEnum, name="eventType")

    class Meta:
        name = "EventDeliveryFilterInput"


class AppFilterInput(graphene.InputObjectType):
    search = graphene.InputField(graphene.String, name="search")
    is_active = graphene.InputField(graphene.Boolean, name="isActive")
    type = graphene.InputField(AppTypeEnum, name="type")

    class Meta:
        name = "AppFilterInput"


class AppSortingInput(graphene.InputObjectType):
    direction = graphene.InputField(
        OrderDirection,
        name="direction",
        required=True,
        description="Specifies the direction in which to sort apps.",
    )
    field = graphene.InputField(
        AppSortField,
        name="field",
        required=True,
        description="Sort apps by the selected field.",
    )

    class Meta:
        name = "AppSortingInput"


class AppExtensionFilterInput(graphene.InputObjectType):
    mount_name = graphene.InputField(
        graphene.List(graphene.NonNull(graphene.String)),
        name="mountName",
        description=(
            "Plain-text mount name (case insensitive)\n\nAdded in Saleor 3.22."
        ),
    )
    target_name = graphene.InputField(
        graphene.String,
        name="targetName",
        description=(
            "Plain-text target name (case insensitive)\n\nAdded in Saleor 3.22."
        ),
    )

    class Meta:
        name = "AppExtensionFilterInput"


class PluginFilterInput(graphene.InputObjectType):
    status_in_channels = graphene.InputField(
        lambda: PluginStatusInChannelsInput, name="statusInChannels"
    )
    search = graphene.InputField(graphene.String, name="search")
    type = graphene.InputField(PluginConfigurationType, name="type")

    class Meta:
        name = "PluginFilterInput"


class PluginStatusInChannelsInput(graphene.InputObjectType):
    active = graphene.InputField(graphene.Boolean, name="active", required=True)
    channels = graphene.InputField(
        graphene.List(graphene.NonNull(graphene.ID)), name="channels", required=True
    )

    class Meta:
        name = "PluginStatusInChannelsInput"


class PluginSortingInput(graphene.InputObjectType):
    direction = graphene.InputField(
        OrderDirection,
        name="direction",
        required=True,
        description="Specifies the direction in which to sort plugins.",
    )
    field = graphene.InputField(
        PluginSortField,
        name="field",
        required=True,
        description="Sort plugins by the selected field.",
    )

    class Meta:
        name = "PluginSortingInput"

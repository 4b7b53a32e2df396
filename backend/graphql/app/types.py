"""Saleor's App, AppExtension, AppInstallation, Plugin and Webhook types.

Written from Saleor's schema (shared/saleor/schema.graphql) so the
dashboard's documents validate. Lumbar has no apps, webhooks or plugins:
the queries answer Saleor's empty state (empty lists and connections,
null for one object), so no object of these types is ever resolved.
"""

import graphene
from graphene import relay

from backend.account.models import User as UserModel

from ..account.types import User
from ..core.connection import create_connection_type
from ..core.inputs import JSON, PositiveInt
from ..core.lazy import lazy_type
from ..meta.types import ObjectWithMetadata
from ..shop.types import Permission
from .enums import (
    AppProblemDismissedByEnum,
    AppTypeEnum,
    CircuitBreakerStateEnum,
    ConfigurationTypeFieldEnum,
    EventDeliveryStatusEnum,
    IconThumbnailFormatEnum,
    JobStatusEnum,
    WebhookEventTypeAsyncEnum,
    WebhookEventTypeEnum,
    WebhookEventTypeSyncEnum,
)
from .inputs import (
    EventDeliveryAttemptSortingInput,
    EventDeliveryFilterInput,
    EventDeliverySortingInput,
)

CHANNEL = lazy_type("backend.graphql.channel.types.Channel")
USER = lazy_type("backend.graphql.account.types.User")


class Job(graphene.Interface):
    status = graphene.Field(
        JobStatusEnum, name="status", required=True, description="Job status."
    )
    created_at = graphene.Field(
        graphene.DateTime,
        name="createdAt",
        required=True,
        description="Created date time of job in ISO 8601 format.",
    )
    updated_at = graphene.Field(
        graphene.DateTime,
        name="updatedAt",
        required=True,
        description="Date time of job last update in ISO 8601 format.",
    )
    message = graphene.Field(
        graphene.String, name="message", description="Job message."
    )

    class Meta:
        name = "Job"


class App(graphene.ObjectType):
    identifier = graphene.Field(
        graphene.String,
        name="identifier",
        description="Canonical app ID from the manifest",
    )
    permissions = graphene.Field(
        graphene.List(graphene.NonNull(Permission)),
        name="permissions",
        description="List of the app's permissions.",
    )
    created = graphene.Field(
        graphene.DateTime,
        name="created",
        description="The date and time when the app was created.",
    )
    is_active = graphene.Field(
        graphene.Boolean,
        name="isActive",
        description="Determine if app will be set active or not.",
    )
    name = graphene.Field(graphene.String, name="name", description="Name of the app.")
    type = graphene.Field(AppTypeEnum, name="type", description="Type of the app.")
    tokens = graphene.Field(
        graphene.List(graphene.NonNull(lambda: AppToken)),
        name="tokens",
        description=(
            "Last 4 characters of the tokens.\n\nRequires one of the "
            "following permissions: MANAGE_APPS, OWNER."
        ),
    )
    webhooks = graphene.Field(
        graphene.List(graphene.NonNull(lambda: Webhook)),
        name="webhooks",
        description=(
            "List of webhooks assigned to this app.\n\nRequires one of "
            "the following permissions: MANAGE_APPS, OWNER."
        ),
    )
    about_app = graphene.Field(
        graphene.String, name="aboutApp", description="Description of this app."
    )
    data_privacy = graphene.Field(
        graphene.String,
        name="dataPrivacy",
        description="Description of the data privacy defined for this app.",
        deprecation_reason="Use `dataPrivacyUrl` instead.",
    )
    data_privacy_url = graphene.Field(
        graphene.String,
        name="dataPrivacyUrl",
        description=("URL to details about the privacy policy on the app owner page."),
    )
    homepage_url = graphene.Field(
        graphene.String, name="homepageUrl", description="Homepage of the app."
    )
    support_url = graphene.Field(
        graphene.String, name="supportUrl", description="Support page for the app."
    )
    configuration_url = graphene.Field(
        graphene.String,
        name="configurationUrl",
        description="URL to iframe with the configuration for the app.",
        deprecation_reason="Use `appUrl` instead.",
    )
    app_url = graphene.Field(
        graphene.String, name="appUrl", description="URL to iframe with the app."
    )
    manifest_url = graphene.Field(
        graphene.String,
        name="manifestUrl",
        description="URL to manifest used during app's installation.",
    )
    version = graphene.Field(
        graphene.String, name="version", description="Version number of the app."
    )
    access_token = graphene.Field(
        graphene.String,
        name="accessToken",
        description="JWT token used to authenticate by third-party app.",
    )
    author = graphene.Field(
        graphene.String, name="author", description="The App's author name."
    )
    extensions = graphene.Field(
        graphene.List(graphene.NonNull(lambda: AppExtension)),
        name="extensions",
        required=True,
        description="App's dashboard extensions.",
    )
    problems = graphene.Field(
        graphene.List(graphene.NonNull(lambda: AppProblem)),
        name="problems",
        args={
            "limit": graphene.Argument(
                PositiveInt,
                name="limit",
                description=(
                    "Limit number of returned problems. Must be between 1 and 100."
                ),
            )
        },
        description=(
            "List of problems associated with this app.\n\nAdded in "
            "Saleor 3.22.\n\nRequires one of the following permissions: "
            "AUTHENTICATED_APP, MANAGE_APPS."
        ),
    )
    brand = graphene.Field(
        lambda: AppBrand, name="brand", description="App's brand data."
    )
    breaker_state = graphene.Field(
        CircuitBreakerStateEnum,
        name="breakerState",
        required=True,
        description=(
            "Circuit breaker state, if open, sync webhooks operation is disrupted."
        ),
    )
    breaker_last_state_change = graphene.Field(
        graphene.DateTime,
        name="breakerLastStateChange",
        description="Circuit breaker last state change date.",
    )

    class Meta:
        name = "App"
        description = "Represents app data."
        interfaces = (
            relay.Node,
            ObjectWithMetadata,
        )


class AppToken(graphene.ObjectType):
    name = graphene.Field(
        graphene.String, name="name", description="Name of the authenticated token."
    )
    auth_token = graphene.Field(
        graphene.String, name="authToken", description="Last 4 characters of the token."
    )

    class Meta:
        name = "AppToken"
        description = "Represents token data."
        interfaces = (relay.Node,)


class Webhook(graphene.ObjectType):
    name = graphene.Field(
        graphene.String, name="name", description="The name of webhook."
    )
    identifier = graphene.Field(
        graphene.String,
        name="identifier",
        description=(
            "The unique identifier of the webhook, set by the app. "
            "Unique per app, null when not set.\n\nAdded in Saleor "
            "3.23."
        ),
    )
    events = graphene.Field(
        graphene.List(graphene.NonNull(lambda: WebhookEvent)),
        name="events",
        required=True,
        description="List of webhook events.",
        deprecation_reason="Use `asyncEvents` or `syncEvents` instead.",
    )
    sync_events = graphene.Field(
        graphene.List(graphene.NonNull(lambda: WebhookEventSync)),
        name="syncEvents",
        required=True,
        description="List of synchronous webhook events.",
    )
    async_events = graphene.Field(
        graphene.List(graphene.NonNull(lambda: WebhookEventAsync)),
        name="asyncEvents",
        required=True,
        description="List of asynchronous webhook events.",
    )
    app = graphene.Field(
        lambda: App,
        name="app",
        required=True,
        description="The app associated with Webhook.",
    )
    event_deliveries = graphene.Field(
        lambda: EventDeliveryCountableConnection,
        name="eventDeliveries",
        args={
            "sortBy": graphene.Argument(
                EventDeliverySortingInput,
                name="sortBy",
                description="Event delivery sorter.",
            ),
            "filter": graphene.Argument(
                EventDeliveryFilterInput,
                name="filter",
                description="Event delivery filter options.",
            ),
            "before": graphene.Argument(
                graphene.String,
                name="before",
                description=(
                    "Return the elements in the list that come before the "
                    "specified cursor."
                ),
            ),
            "after": graphene.Argument(
                graphene.String,
                name="after",
                description=(
                    "Return the elements in the list that come after the "
                    "specified cursor."
                ),
            ),
            "first": graphene.Argument(
                graphene.Int,
                name="first",
                description=(
                    "Retrieve the first n elements from the list. Note that "
                    "the system only allows fetching a maximum of 100 objects "
                    "in a single query."
                ),
            ),
            "last": graphene.Argument(
                graphene.Int,
                name="last",
                description=(
                    "Retrieve the last n elements from the list. Note that "
                    "the system only allows fetching a maximum of 100 objects "
                    "in a single query."
                ),
            ),
        },
        description="Event deliveries.",
    )
    target_url = graphene.Field(
        graphene.String,
        name="targetUrl",
        required=True,
        description="Target URL for webhook.",
    )
    is_active = graphene.Field(
        graphene.Boolean,
        name="isActive",
        required=True,
        description="Informs if webhook is activated.",
    )
    secret_key = graphene.Field(
        graphene.String,
        name="secretKey",
        description="Used to create a hash signature for each payload.",
        deprecation_reason=(
            "As of Saleor 3.5, webhook payloads default to signing "
            "using a verifiable JWS."
        ),
    )
    subscription_query = graphene.Field(
        graphene.String,
        name="subscriptionQuery",
        description="Used to define payloads for specific events.",
    )
    custom_headers = graphene.Field(
        graphene.JSONString,
        name="customHeaders",
        description="Custom headers, which will be added to HTTP request.",
    )

    class Meta:
        name = "Webhook"
        description = "Webhook."
        interfaces = (relay.Node,)


class WebhookEvent(graphene.ObjectType):
    name = graphene.Field(
        graphene.String,
        name="name",
        required=True,
        description="Display name of the event.",
    )
    event_type = graphene.Field(
        WebhookEventTypeEnum,
        name="eventType",
        required=True,
        description="Internal name of the event type.",
    )

    class Meta:
        name = "WebhookEvent"
        description = "Webhook event."


class WebhookEventSync(graphene.ObjectType):
    name = graphene.Field(
        graphene.String,
        name="name",
        required=True,
        description="Display name of the event.",
    )
    event_type = graphene.Field(
        WebhookEventTypeSyncEnum,
        name="eventType",
        required=True,
        description="Internal name of the event type.",
    )

    class Meta:
        name = "WebhookEventSync"
        description = "Synchronous webhook event."


class WebhookEventAsync(graphene.ObjectType):
    name = graphene.Field(
        graphene.String,
        name="name",
        required=True,
        description="Display name of the event.",
    )
    event_type = graphene.Field(
        WebhookEventTypeAsyncEnum,
        name="eventType",
        required=True,
        description="Internal name of the event type.",
    )

    class Meta:
        name = "WebhookEventAsync"
        description = "Asynchronous webhook event."


class EventDelivery(graphene.ObjectType):
    created_at = graphene.Field(
        graphene.DateTime,
        name="createdAt",
        required=True,
        description="Creation time of an event delivery.",
    )
    status = graphene.Field(
        EventDeliveryStatusEnum,
        name="status",
        required=True,
        description="Event delivery status.",
    )
    event_type = graphene.Field(
        WebhookEventTypeEnum,
        name="eventType",
        required=True,
        description="Webhook event type.",
    )
    attempts = graphene.Field(
        lambda: EventDeliveryAttemptCountableConnection,
        name="attempts",
        args={
            "sortBy": graphene.Argument(
                EventDeliveryAttemptSortingInput,
                name="sortBy",
                description="Event delivery sorter",
            ),
            "before": graphene.Argument(
                graphene.String,
                name="before",
                description=(
                    "Return the elements in the list that come before the "
                    "specified cursor."
                ),
            ),
            "after": graphene.Argument(
                graphene.String,
                name="after",
                description=(
                    "Return the elements in the list that come after the "
                    "specified cursor."
                ),
            ),
            "first": graphene.Argument(
                graphene.Int,
                name="first",
                description=(
                    "Retrieve the first n elements from the list. Note that "
                    "the system only allows fetching a maximum of 100 objects "
                    "in a single query."
                ),
            ),
            "last": graphene.Argument(
                graphene.Int,
                name="last",
                description=(
                    "Retrieve the last n elements from the list. Note that "
                    "the system only allows fetching a maximum of 100 objects "
                    "in a single query."
                ),
            ),
        },
        description="Event delivery attempts.",
    )
    payload = graphene.Field(
        graphene.String, name="payload", description="Event payload."
    )

    class Meta:
        name = "EventDelivery"
        description = "Event delivery."
        interfaces = (relay.Node,)


class EventDeliveryAttempt(graphene.ObjectType):
    created_at = graphene.Field(
        graphene.DateTime,
        name="createdAt",
        required=True,
        description="Event delivery creation date and time.",
    )
    task_id = graphene.Field(
        graphene.String, name="taskId", description="Task id for delivery attempt."
    )
    duration = graphene.Field(
        graphene.Float, name="duration", description="Delivery attempt duration."
    )
    response = graphene.Field(
        graphene.String,
        name="response",
        description="Delivery attempt response content.",
    )
    response_headers = graphene.Field(
        graphene.String,
        name="responseHeaders",
        description="Response headers for delivery attempt.",
    )
    response_status_code = graphene.Field(
        graphene.Int,
        name="responseStatusCode",
        description="Delivery attempt response status code.",
    )
    request_headers = graphene.Field(
        graphene.String,
        name="requestHeaders",
        description="Request headers for delivery attempt.",
    )
    status = graphene.Field(
        EventDeliveryStatusEnum,
        name="status",
        required=True,
        description="Event delivery status.",
    )

    class Meta:
        name = "EventDeliveryAttempt"
        description = "Event delivery attempts."
        interfaces = (relay.Node,)


class AppExtension(graphene.ObjectType):
    permissions = graphene.Field(
        graphene.List(graphene.NonNull(Permission)),
        name="permissions",
        required=True,
        description="List of the app extension's permissions.",
    )
    label = graphene.Field(
        graphene.String,
        name="label",
        required=True,
        description="Label of the extension to show in the dashboard.",
    )
    url = graphene.Field(
        graphene.String,
        name="url",
        required=True,
        description="URL of a view where extension's iframe is placed.",
    )
    mount_name = graphene.Field(
        graphene.String,
        name="mountName",
        required=True,
        description=(
            "Name of the extension mount point in the dashboard. "
            "Value returned in UPPERCASE.\n\nAdded in Saleor 3.22."
        ),
    )
    target_name = graphene.Field(
        graphene.String,
        name="targetName",
        required=True,
        description=(
            "Name of the extension target in the dashboard. Value "
            "returned in UPPERCASE.\n\nAdded in Saleor 3.22."
        ),
    )
    settings = graphene.Field(
        JSON,
        name="settings",
        required=True,
        description="App extension settings.\n\nAdded in Saleor 3.22.",
    )
    identifier = graphene.Field(
        graphene.String,
        name="identifier",
        description=(
            "Extension identifier, unique per app. Null when the app "
            "does not declare one.\n\nAdded in Saleor 3.23."
        ),
    )
    app = graphene.Field(
        lambda: App,
        name="app",
        required=True,
        description="The app assigned to app extension.",
    )
    access_token = graphene.Field(
        graphene.String,
        name="accessToken",
        description=("JWT token used to authenticate by third-party app extension."),
    )

    class Meta:
        name = "AppExtension"
        description = "Represents app data."
        interfaces = (relay.Node,)


class AppProblem(graphene.ObjectType):
    created_at = graphene.Field(
        graphene.DateTime,
        name="createdAt",
        required=True,
        description=(
            "The date and time when the problem was created.\n\nAdded in Saleor 3.22."
        ),
    )
    updated_at = graphene.Field(
        graphene.DateTime,
        name="updatedAt",
        required=True,
        description=(
            "The date and time when the problem was last updated.\n\n"
            "Added in Saleor 3.22."
        ),
    )
    count = graphene.Field(
        graphene.Int,
        name="count",
        required=True,
        description="Number of occurrences.\n\nAdded in Saleor 3.22.",
    )
    is_critical = graphene.Field(
        graphene.Boolean,
        name="isCritical",
        required=True,
        description=(
            "Whether the problem has reached critical threshold.\n\n"
            "Added in Saleor 3.22."
        ),
    )
    dismissed = graphene.Field(
        lambda: AppProblemDismissed,
        name="dismissed",
        description=(
            "Dismissal information. Null if the problem has not been "
            "dismissed.\n\nAdded in Saleor 3.22.\n\nRequires one of the "
            "following permissions: AUTHENTICATED_APP, MANAGE_APPS."
        ),
    )
    message = graphene.Field(
        graphene.String,
        name="message",
        required=True,
        description="The problem message.\n\nAdded in Saleor 3.22.",
    )
    key = graphene.Field(
        graphene.String,
        name="key",
        required=True,
        description=("Key identifying the type of problem.\n\nAdded in Saleor 3.22."),
    )

    class Meta:
        name = "AppProblem"
        description = (
            "Represents a problem associated with an app.\n\nAdded in Saleor 3.22."
        )
        interfaces = (relay.Node,)


class AppProblemDismissed(graphene.ObjectType):
    by = graphene.Field(
        AppProblemDismissedByEnum,
        name="by",
        required=True,
        description=(
            "Whether the problem was dismissed by an App or a User.\n\n"
            "Added in Saleor 3.22."
        ),
    )
    user = graphene.Field(
        USER,
        name="user",
        description=(
            "The user who dismissed this problem. Null if dismissed "
            "by an app or the user was deleted.\n\nAdded in Saleor "
            "3.22.\n\nRequires one of the following permissions: "
            "MANAGE_STAFF."
        ),
    )
    user_email = graphene.Field(
        graphene.String,
        name="userEmail",
        description=(
            "Email of the user who dismissed this problem. Preserved "
            "even if the user is deleted.\n\nAdded in Saleor 3.22.\n\n"
            "Requires one of the following permissions: "
            "AUTHENTICATED_STAFF_USER."
        ),
    )

    class Meta:
        name = "AppProblemDismissed"
        description = (
            "Dismissal information for an app problem.\n\nAdded in Saleor 3.22."
        )


class AppBrand(graphene.ObjectType):
    logo = graphene.Field(
        lambda: AppBrandLogo,
        name="logo",
        required=True,
        description="App's logos details.",
    )

    class Meta:
        name = "AppBrand"
        description = "Represents the app's brand data."


class AppBrandLogo(graphene.ObjectType):
    default = graphene.Field(
        graphene.String,
        name="default",
        required=True,
        args={
            "size": graphene.Argument(
                graphene.Int,
                name="size",
                description=(
                    "Desired longest side the image in pixels. Defaults to "
                    "4096. Images are never cropped. Pass 0 to retrieve the "
                    "original size (not recommended)."
                ),
            ),
            "format": graphene.Argument(
                IconThumbnailFormatEnum,
                name="format",
                default_value="ORIGINAL",
                description=(
                    "The format of the image. When not provided, format of "
                    "the original image will be used."
                ),
            ),
        },
        description="URL to the default logo image.",
    )

    class Meta:
        name = "AppBrandLogo"
        description = "Represents the app's brand logo data."


class AppInstallation(graphene.ObjectType):
    app_name = graphene.Field(
        graphene.String,
        name="appName",
        required=True,
        description="The name of the app installation.",
    )
    manifest_url = graphene.Field(
        graphene.String,
        name="manifestUrl",
        required=True,
        description="The URL address of manifest for the app installation.",
    )
    brand = graphene.Field(
        lambda: AppBrand, name="brand", description="App's brand data."
    )

    class Meta:
        name = "AppInstallation"
        description = "Represents ongoing installation of app."
        interfaces = (
            relay.Node,
            Job,
        )


class Plugin(graphene.ObjectType):
    id = graphene.Field(
        graphene.ID, name="id", required=True, description="Identifier of the plugin."
    )
    name = graphene.Field(
        graphene.String, name="name", required=True, description="Name of the plugin."
    )
    description = graphene.Field(
        graphene.String,
        name="description",
        required=True,
        description="Description of the plugin.",
    )
    global_configuration = graphene.Field(
        lambda: PluginConfiguration,
        name="globalConfiguration",
        description="Global configuration of the plugin (not channel-specific).",
    )
    channel_configurations = graphene.Field(
        graphene.List(graphene.NonNull(lambda: PluginConfiguration)),
        name="channelConfigurations",
        required=True,
        description="Channel-specific plugin configuration.",
    )

    class Meta:
        name = "Plugin"
        description = "Plugin."


class PluginConfiguration(graphene.ObjectType):
    active = graphene.Field(
        graphene.Boolean,
        name="active",
        required=True,
        description="Determines if plugin is active or not.",
    )
    channel = graphene.Field(
        CHANNEL,
        name="channel",
        description=("The channel to which the plugin configuration is assigned to."),
    )
    configuration = graphene.Field(
        graphene.List(graphene.NonNull(lambda: ConfigurationItem)),
        name="configuration",
        description="Configuration of the plugin.",
    )

    class Meta:
        name = "PluginConfiguration"
        description = "Stores information about a configuration of plugin."


class ConfigurationItem(graphene.ObjectType):
    name = graphene.Field(
        graphene.String, name="name", required=True, description="Name of the field."
    )
    value = graphene.Field(
        graphene.String, name="value", description="Current value of the field."
    )
    type = graphene.Field(
        ConfigurationTypeFieldEnum, name="type", description="Type of the field."
    )
    help_text = graphene.Field(
        graphene.String, name="helpText", description="Help text for the field."
    )
    label = graphene.Field(
        graphene.String, name="label", description="Label for the field."
    )

    class Meta:
        name = "ConfigurationItem"
        description = "Stores information about a single configuration field."


AppCountableConnection = create_connection_type(App)
EventDeliveryCountableConnection = create_connection_type(EventDelivery)
EventDeliveryAttemptCountableConnection = create_connection_type(EventDeliveryAttempt)
AppExtensionCountableConnection = create_connection_type(AppExtension)
PluginCountableConnection = create_connection_type(Plugin)


class UserOrApp(graphene.Union):
    class Meta:
        types = (User, App)
        description = "Represents a user or an app."

    @classmethod
    def resolve_type(cls, instance, info):
        if isinstance(instance, UserModel):
            return User
        return App

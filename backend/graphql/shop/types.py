"""Shop-wide read types: Shop, Domain, CountryDisplay, LanguageDisplay, Address.

CountryDisplay, LanguageDisplay and Address are used by other domains'
types too (Channel, Warehouse, the translation types); import them from
here so the schema holds one type of each name.
"""

from email.utils import parseaddr
from importlib import metadata as package_metadata
from urllib.parse import urlsplit

import graphene
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_countries import countries as all_countries
from graphene import relay

from backend.account.models import User
from backend.channel.fulfillment_settings import shop_fulfillment_settings
from backend.channel.models import Channel
from backend.core.languages import LANGUAGES
from backend.core.permissions import PermissionEnum
from backend.order.models import Order
from backend.product.models import ProductVariant
from backend.shipping.selectors import (
    countries_in_shipping_zones,
    shipping_methods_of_channel,
)
from backend.warehouse.models import Warehouse
from backend.warehouse.selectors import MAX_CHECKOUT_LINE_QUANTITY

from ..core.address import AddressInput
from ..core.enums import LanguageCodeEnum
from ..core.lazy import lazy_type
from ..core.permissions import STAFF, AuthorizationFilters, permission_required
from ..core.shared_enums import member_name, stored_language_code
from ..core.types import (
    CountryDisplay,
    LanguageDisplay,
    country_display,
)
from ..meta.types import Metadata, ObjectWithMetadata
from ..payment.types import PaymentGateway, gateways_offered
from ..product.enums import WeightUnitsEnum

# The Saleor API version whose schema Lumbar serves.
SALEOR_SCHEMA_VERSION = "3.23"


class Domain(graphene.ObjectType):
    host = graphene.String(required=True, description="The host name of the domain.")
    ssl_enabled = graphene.Boolean(
        required=True, description="Inform if SSL is enabled."
    )
    url = graphene.String(required=True, description="The absolute URL of the API.")

    class Meta:
        description = "Represents shop's domain."


class Address(graphene.ObjectType):
    first_name = graphene.String(required=True, description="The given name.")
    last_name = graphene.String(required=True, description="The family name.")
    company_name = graphene.String(
        required=True, description="Company or organization."
    )
    street_address_1 = graphene.String(
        required=True,
        name="streetAddress1",
        description="The first line of the address.",
    )
    street_address_2 = graphene.String(
        required=True,
        name="streetAddress2",
        description="The second line of the address.",
    )
    city = graphene.String(required=True, description="The city of the address.")
    city_area = graphene.String(
        required=True, description="The district of the address."
    )
    postal_code = graphene.String(
        required=True, description="The postal code of the address."
    )
    country = graphene.Field(
        CountryDisplay, required=True, description="The country of the address."
    )
    country_area = graphene.String(
        required=True, description="The country area of the address."
    )
    phone = graphene.String(description="The phone number assigned the address.")
    is_default_shipping_address = graphene.Boolean(
        description="Address is user's default shipping address."
    )
    is_default_billing_address = graphene.Boolean(
        description="Address is user's default billing address."
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Represents user address data."

    @staticmethod
    def resolve_country(root, info):
        return country_display(root.country)

    @staticmethod
    def resolve_phone(root, info):
        return root.phone or None

    # Known only for an address read from a user's address book
    # (User.addresses marks them); null elsewhere, as in Saleor.
    @staticmethod
    def resolve_is_default_shipping_address(root, info):
        return getattr(root, "is_default_shipping", None)

    @staticmethod
    def resolve_is_default_billing_address(root, info):
        return getattr(root, "is_default_billing", None)


class ExternalAuthentication(graphene.ObjectType):
    id = graphene.String(
        required=True, description="ID of external authentication plugin."
    )
    name = graphene.String(description="Name of external authentication plugin.")

    class Meta:
        description = "External authentication plugin."


# Saleor's names; Lumbar's MANAGE_OBSERVABILITY (its ops pages) has no
# counterpart in Saleor's enum, so the API does not list it.
PermissionEnum_ = graphene.Enum(
    "PermissionEnum",
    [
        (permission.name, permission.value)
        for permission in PermissionEnum
        if permission is not PermissionEnum.MANAGE_OBSERVABILITY
    ],
)


class Permission(graphene.ObjectType):
    code = graphene.Field(
        PermissionEnum_, required=True, description="Internal code for permission."
    )
    name = graphene.String(
        required=True, description="Describe action(s) allowed to do by permission."
    )

    class Meta:
        description = "Represents a permission object in a friendly form."


class Limits(graphene.ObjectType):
    channels = graphene.Int(description="Defines the number of channels.")
    orders = graphene.Int(description="Defines the number of order.")
    product_variants = graphene.Int(
        description="Defines the number of product variants."
    )
    staff_users = graphene.Int(description="Defines the number of staff users.")
    warehouses = graphene.Int(description="Defines the number of warehouses.")


class LimitInfo(graphene.ObjectType):
    current_usage = graphene.Field(
        Limits, required=True, description="Defines the current resource usage."
    )
    allowed_usage = graphene.Field(
        Limits,
        required=True,
        description="Defines the allowed maximum resource usage, null means unlimited.",
    )


class PasswordLoginModeEnum(graphene.Enum):
    ENABLED = "enabled"
    CUSTOMERS_ONLY = "customers_only"
    DISABLED = "disabled"


class AnnouncementImportanceEnum(graphene.Enum):
    CRITICAL = "critical"
    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"
    UNSET = "unset"

    class Meta:
        description = "Defines a shop-level announcement's level/severity."


class Announcement(graphene.ObjectType):
    created_at = graphene.DateTime(
        required=True,
        description="The date & time at which this announcement was created.",
    )
    updated_at = graphene.DateTime(
        required=True,
        description="The date & time at which this announcement was last updated.",
    )
    title = graphene.String(required=True, description="The announcement's title.")
    message_html = graphene.String(
        required=True,
        description="The announcement's description, may contain HTML formatting.",
    )
    importance = graphene.Field(
        AnnouncementImportanceEnum,
        required=True,
        description="Determine the how critical the announcement is. UNSET if no "
        "severity level was defined for this announcement.",
    )
    type = graphene.String(
        required=True,
        description='The announcement\'s type, for example "CUSTOM".',
    )
    extra = graphene.Field(
        Metadata,
        required=True,
        description="Additional information about this announcement.",
    )


class CountryFilterInput(graphene.InputObjectType):
    attached_to_shipping_zones = graphene.Boolean(
        description=(
            "Boolean for filtering countries by having shipping zone assigned."
            "If 'true', return countries with shipping zone assigned."
            "If 'false', return countries without any shipping zone assigned."
            "If the argument is not provided (null), return all countries."
        )
    )


class RefundSettings(graphene.ObjectType):
    reason_reference_type = graphene.Field(
        lazy_type("backend.graphql.page.types.PageType"),
        description="Model type used for refund reasons.",
    )

    class Meta:
        description = "Refund related settings from site settings."

    @staticmethod
    def resolve_reason_reference_type(root, info):
        # Lumbar configures no page type for refund reasons.
        return None


class ReturnSettings(graphene.ObjectType):
    reason_reference_type = graphene.Field(
        lazy_type("backend.graphql.page.types.PageType"),
        description="Model type used for return reasons.",
    )

    class Meta:
        description = "Return related settings from site settings."

    @staticmethod
    def resolve_reason_reference_type(root, info):
        # Lumbar configures no page type for return reasons.
        return None


class Shop(graphene.ObjectType):
    id = graphene.ID(required=True, description="ID of the shop.")
    available_payment_gateways = graphene.List(
        graphene.NonNull(PaymentGateway),
        required=True,
        currency=graphene.String(
            description="A currency for which gateways will be returned.",
            deprecation_reason="Use `channel` argument instead.",
        ),
        channel=graphene.String(
            description="Slug of a channel for which the data should be returned."
        ),
        description="List of available payment gateways.",
        deprecation_reason=(
            "The legacy Payments API is deprecated and will be removed. Use the "
            "Transactions API instead."
        ),
    )
    available_external_authentications = graphene.List(
        graphene.NonNull(ExternalAuthentication),
        required=True,
        description="List of available external authentications.",
    )
    available_shipping_methods = graphene.List(
        graphene.NonNull(lazy_type("backend.graphql.shipping.types.ShippingMethod")),
        channel=graphene.String(
            required=True,
            description="Slug of a channel for which the data should be returned.",
        ),
        address=graphene.Argument(
            AddressInput,
            description="Address for which available shipping methods should be "
            "returned.",
        ),
        description="Shipping methods that are available for the shop.",
    )
    permissions = graphene.List(
        graphene.NonNull(Permission),
        required=True,
        description="List of available permissions.",
    )
    enable_account_confirmation_by_email = graphene.Boolean(
        description="Determines if account confirmation by email is enabled.\n\n"
        "Requires one of the following permissions: MANAGE_SETTINGS."
    )
    allow_login_without_confirmation = graphene.Boolean(
        description="Determines if user can login without confirmation when "
        "`enableAccountConfirmation` is enabled.\n\nRequires one of the following "
        "permissions: MANAGE_SETTINGS."
    )
    limits = graphene.Field(
        LimitInfo,
        required=True,
        description="Resource limitations and current usage if any set for a "
        "shop\n\nRequires one of the following permissions: "
        "AUTHENTICATED_STAFF_USER.",
        deprecation_reason="No longer supported",
    )
    password_login_mode = graphene.Field(
        PasswordLoginModeEnum,
        required=True,
        description="Controls whether password-based authentication is allowed."
        "\n\nAdded in Saleor 3.23.",
    )
    name = graphene.String(required=True, description="Shop's name.")
    description = graphene.String(description="Shop's description.")
    domain = graphene.Field(Domain, required=True, description="Shop's domain data.")
    default_country = graphene.Field(
        CountryDisplay, description="Shop's default country."
    )
    countries = graphene.List(
        graphene.NonNull(CountryDisplay),
        required=True,
        language_code=graphene.Argument(
            LanguageCodeEnum,
            description="A language code to return the translation for.",
            deprecation_reason="This field will be removed in Saleor 4.0.",
        ),
        filter=graphene.Argument(
            CountryFilterInput, description="Filtering options for countries"
        ),
        description="List of countries available in the shop.",
    )
    languages = graphene.List(
        graphene.NonNull(LanguageDisplay),
        required=True,
        description="List of the shops's supported languages.",
    )
    channel_currencies = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description=(
            "List of all currencies supported by shop's channels.\n\nRequires one "
            "of the following permissions: AUTHENTICATED_STAFF_USER, "
            "AUTHENTICATED_APP."
        ),
    )
    company_address = graphene.Field(Address, description="Company address.")
    default_mail_sender_name = graphene.String(
        description=(
            "Default shop's email sender's name.\n\nRequires one of the following "
            "permissions: MANAGE_SETTINGS."
        )
    )
    default_mail_sender_address = graphene.String(
        description=(
            "Default shop's email sender's address.\n\nRequires one of the "
            "following permissions: MANAGE_SETTINGS."
        )
    )
    fulfillment_auto_approve = graphene.Boolean(
        required=True,
        description="Automatically approve all new fulfillments. Lumbar keeps "
        "this per channel: true when every channel approves on its own.",
    )
    fulfillment_allow_unpaid = graphene.Boolean(
        required=True,
        description="Allow to approve fulfillments which are unpaid. Lumbar "
        "keeps this per channel: true when every channel allows it.",
    )
    track_inventory_by_default = graphene.Boolean(
        description=(
            "This field is used as a default value for `ProductVariant.trackInventory`."
        )
    )
    default_weight_unit = graphene.Field(
        WeightUnitsEnum,
        description="Default weight unit.",
    )
    limit_quantity_per_checkout = graphene.Int(
        description=(
            "Default number of maximum line quantity in single checkout (per "
            "single checkout line).\n\nRequires one of the following "
            "permissions: MANAGE_SETTINGS."
        )
    )
    reserve_stock_duration_anonymous_user = graphene.Int(
        description=(
            "Default number of minutes stock will be reserved for anonymous "
            "checkout or null when stock reservation is disabled.\n\nRequires "
            "one of the following permissions: MANAGE_SETTINGS."
        )
    )
    reserve_stock_duration_authenticated_user = graphene.Int(
        description=(
            "Default number of minutes stock will be reserved for authenticated "
            "checkout or null when stock reservation is disabled.\n\nRequires "
            "one of the following permissions: MANAGE_SETTINGS."
        )
    )
    allow_storefront_traffic = graphene.Boolean(
        required=True,
        description=(
            "Determines whether the GraphQL API accepts storefront requests "
            "(anonymous requests and authenticated non-staff customers)."
        ),
    )
    customer_set_password_url = graphene.String(
        description="URL of a view where customers can set their password."
    )
    preserve_all_address_fields = graphene.Boolean(
        required=True,
        description="When enabled, address fields that are not valid for a given "
        "country (according to Google's i18n address data) will be preserved "
        "instead of being removed during validation. Validation errors are still "
        "returned.\n\nAdded in Saleor 3.22.\n\nRequires one of the following "
        "permissions: MANAGE_SETTINGS.",
    )
    use_legacy_shipping_zone_stock_availability = graphene.Boolean(
        required=True,
        description="When enabled, stock availability is filtered by shipping "
        "zones and the destination address (legacy behavior). When disabled, "
        "stock availability is determined only by the direct warehouse-channel "
        "link, ignoring shipping zones.\n\nAdded in Saleor 3.23.",
    )
    use_legacy_update_webhook_emission = graphene.Boolean(
        description="Use legacy update webhook emission. When enabled, update "
        "webhooks are sent even when only metadata changes.\n\nAdded in Saleor "
        "3.22.",
        deprecation_reason="No longer supported",
    )
    available_tax_apps = graphene.List(
        graphene.NonNull(lazy_type("backend.graphql.app.types.App")),
        required=True,
        description="List of tax apps that can be assigned to the channel. The list "
        "will be calculated by Saleor based on the apps that are subscribed to "
        "webhooks related to tax calculations: CHECKOUT_CALCULATE_TAXES\n\nRequires "
        "one of the following permissions: AUTHENTICATED_STAFF_USER, MANAGE_APPS.",
    )
    announcements = graphene.List(
        graphene.NonNull(Announcement),
        required=True,
        description="List of announcements for this shop.\n\nRequires one of the "
        "following permissions: AUTHENTICATED_STAFF_USER.",
    )
    version = graphene.String(
        required=True,
        description="Lumbar's version, as Saleor reports its own.\n\nRequires one "
        "of the following permissions: AUTHENTICATED_STAFF_USER, AUTHENTICATED_APP.",
    )
    schema_version = graphene.String(
        required=True, description="Minor Saleor API version."
    )

    class Meta:
        interfaces = (ObjectWithMetadata,)
        description = (
            "Represents a shop resource containing general shop data and configuration."
        )

    @staticmethod
    def resolve_id(root, info):
        return relay.Node.to_global_id("Shop", "shop")

    @staticmethod
    def resolve_fulfillment_auto_approve(root, info):
        return shop_fulfillment_settings().auto_approve

    @staticmethod
    def resolve_fulfillment_allow_unpaid(root, info):
        return shop_fulfillment_settings().allow_unpaid

    @staticmethod
    def resolve_available_payment_gateways(root, info, currency=None, channel=None):
        if channel is not None:
            currencies = list(
                Channel.objects.filter(slug=channel).values_list(
                    "currency_code", flat=True
                )
            )
        elif currency is not None:
            currencies = list(
                Channel.objects.filter(currency_code=currency)
                .values_list("currency_code", flat=True)
                .distinct()
            )
        else:
            currencies = sorted(
                set(Channel.objects.values_list("currency_code", flat=True))
            )
        # No channel sells in the currency asked for: nothing to pay through.
        return gateways_offered(currencies) if currencies else []

    @staticmethod
    def resolve_available_external_authentications(root, info):
        # Lumbar signs in with email and password only.
        return []

    @staticmethod
    def resolve_available_shipping_methods(root, info, channel, address=None):
        # Cycle: shipping.types imports warehouse.types, which imports Address.
        from ..shipping.types import ShippingMethodData

        found = Channel.objects.filter(slug=channel).first()
        if found is None:
            return None
        country = member_name(address.get("country")) if address else None
        return [
            ShippingMethodData(method=option.method, price=option.price)
            for option in shipping_methods_of_channel(
                channel_id=found.pk, country=country or None
            )
        ]

    @staticmethod
    def resolve_permissions(root, info):
        return [
            Permission(code=permission.value, name=permission.description)
            for permission in PermissionEnum
            if permission is not PermissionEnum.MANAGE_OBSERVABILITY
        ]

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_SETTINGS)
    def resolve_enable_account_confirmation_by_email(root, info):
        # accountRegister always emails a link; the account waits for it.
        return True

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_SETTINGS)
    def resolve_allow_login_without_confirmation(root, info):
        # tokenCreate refuses an unconfirmed account (ACCOUNT_NOT_CONFIRMED).
        return False

    @staticmethod
    @permission_required(AuthorizationFilters.AUTHENTICATED_STAFF_USER)
    def resolve_limits(root, info):
        return LimitInfo(
            current_usage=Limits(
                channels=Channel.objects.count(),
                orders=Order.objects.count(),
                product_variants=ProductVariant.objects.count(),
                staff_users=User.objects.filter(is_staff=True).count(),
                warehouses=Warehouse.objects.count(),
            ),
            # Lumbar sets no limits.
            allowed_usage=Limits(),
        )

    @staticmethod
    def resolve_password_login_mode(root, info):
        # Staff and customers alike sign in with a password (tokenCreate).
        return PasswordLoginModeEnum.ENABLED

    @staticmethod
    def resolve_name(root, info):
        return getattr(settings, "SHOP_NAME", "Lumbar")

    @staticmethod
    def resolve_description(root, info):
        return getattr(settings, "SHOP_DESCRIPTION", None)

    @staticmethod
    def resolve_domain(root, info):
        parts = urlsplit(settings.PUBLIC_URL)
        return Domain(
            host=parts.netloc,
            ssl_enabled=parts.scheme == "https",
            url=f"{settings.PUBLIC_URL}/graphql/",
        )

    @staticmethod
    def resolve_default_country(root, info):
        channel = Channel.objects.filter(slug=settings.DEFAULT_CHANNEL_SLUG).first()
        return country_display(channel.default_country) if channel else None

    @staticmethod
    def resolve_countries(root, info, language_code=None, filter=None):
        attached = (filter or {}).get("attached_to_shipping_zones")
        zoned = countries_in_shipping_zones() if attached is not None else set()
        language = stored_language_code(language_code) if language_code else None
        with translation.override(language or settings.LANGUAGE_CODE):
            return [
                CountryDisplay(code=code, country=str(name))
                for code, name in all_countries
                if attached is None or (code in zoned) == attached
            ]

    @staticmethod
    def resolve_languages(root, info):
        return [
            LanguageDisplay(code=name, language=display) for name, display in LANGUAGES
        ]

    @staticmethod
    @permission_required(*STAFF)
    def resolve_channel_currencies(root, info):
        return sorted(set(Channel.objects.values_list("currency_code", flat=True)))

    @staticmethod
    def resolve_company_address(root, info):
        # No company address is configured in this store yet.
        return None

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_SETTINGS)
    def resolve_default_mail_sender_name(root, info):
        return parseaddr(settings.DEFAULT_FROM_EMAIL)[0] or None

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_SETTINGS)
    def resolve_default_mail_sender_address(root, info):
        return parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or None

    @staticmethod
    def resolve_track_inventory_by_default(root, info):
        return ProductVariant._meta.get_field("track_inventory").default

    @staticmethod
    def resolve_default_weight_unit(root, info):
        # Weights are stored in grams and read and written in kilograms.
        return "KG"

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_SETTINGS)
    def resolve_limit_quantity_per_checkout(root, info):
        return MAX_CHECKOUT_LINE_QUANTITY

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_SETTINGS)
    def resolve_reserve_stock_duration_anonymous_user(root, info):
        return settings.RESERVE_STOCK_DURATION_ANONYMOUS_USER

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_SETTINGS)
    def resolve_reserve_stock_duration_authenticated_user(root, info):
        return settings.RESERVE_STOCK_DURATION_AUTHENTICATED_USER

    @staticmethod
    def resolve_allow_storefront_traffic(root, info):
        return True

    @staticmethod
    @permission_required(*STAFF)
    def resolve_version(root, info):
        return package_metadata.version("lumbar")

    @staticmethod
    def resolve_schema_version(root, info):
        return SALEOR_SCHEMA_VERSION

    @staticmethod
    def resolve_customer_set_password_url(root, info):
        # The store's own page that sets a password from an emailed link.
        return settings.PUBLIC_URL + reverse("storefront:account_password_reset")

    @staticmethod
    @permission_required(PermissionEnum.MANAGE_SETTINGS)
    def resolve_preserve_all_address_fields(root, info):
        # account.addresses.address_clean keeps only the country's fields.
        return False

    @staticmethod
    def resolve_use_legacy_shipping_zone_stock_availability(root, info):
        # Stock is sellable in every channel its warehouse serves, whatever
        # the zone (warehouse.selectors.variant_quantities_available).
        return False

    @staticmethod
    def resolve_use_legacy_update_webhook_emission(root, info):
        # Lumbar sends no webhooks, least of all for metadata-only changes.
        return False

    @staticmethod
    @permission_required(*STAFF, PermissionEnum.MANAGE_APPS)
    def resolve_available_tax_apps(root, info):
        # Taxes are part of Lumbar's prices; no app calculates them.
        return []

    @staticmethod
    @permission_required(AuthorizationFilters.AUTHENTICATED_STAFF_USER)
    def resolve_announcements(root, info):
        # Saleor Cloud's announcements; a store on its own has none.
        return []

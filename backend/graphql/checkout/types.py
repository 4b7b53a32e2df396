"""Checkout, CheckoutLine and the problems that keep a checkout from completing."""

from decimal import Decimal

import graphene
from graphene import relay
from prices import Money

from backend.checkout.models import Checkout as CheckoutModel
from backend.checkout.reservations import (
    checkout_reservation_expires,
    reservations_enabled,
)
from backend.core.permissions import PermissionEnum
from backend.payment.totals import payment_statuses

from ..account.types import User
from ..channel.types import Channel
from ..core.catalog_rows import cache_catalog_rows
from ..core.channel import ChannelContext
from ..core.dataloaders import register_siblings, resolve_for_siblings
from ..core.money import Money as MoneyType
from ..core.money import TaxedMoney as TaxedMoneyType
from ..core.money import taxed
from ..core.permissions import OWNER, permission_required
from ..meta.types import ObjectWithMetadata
from ..payment.types import PaymentGateway, TransactionItem, gateways_offered
from ..product.dataloaders import ProductByIdLoader
from ..product.types import ProductVariant
from ..shipping.types import Delivery, ShippingMethod
from ..shop.types import Address
from ..warehouse.types import Warehouse
from .dataloaders import (
    CheckoutLineData,
    available_quantities,
    checkout_data,
    chosen_shipping_method,
    delivery_method_invalid,
    paid_amounts,
    shipping_options,
)
from .gift_card_events import GiftCardEvent


@permission_required(
    PermissionEnum.MANAGE_USERS,
    PermissionEnum.HANDLE_PAYMENTS,
    OWNER,
    owner=lambda checkout: checkout.user_id,
)
def _checkout_user(checkout: CheckoutModel, info):
    return checkout.user


CheckoutAuthorizeStatusEnum = graphene.Enum(
    "CheckoutAuthorizeStatusEnum",
    [("NONE", "NONE"), ("PARTIAL", "PARTIAL"), ("FULL", "FULL")],
)
CheckoutChargeStatusEnum = graphene.Enum(
    "CheckoutChargeStatusEnum",
    [
        ("NONE", "NONE"),
        ("PARTIAL", "PARTIAL"),
        ("FULL", "FULL"),
        ("OVERCHARGED", "OVERCHARGED"),
    ],
)


class GiftCard(graphene.ObjectType):
    display_code = graphene.String(
        required=True,
        description="Code in format which allows displaying in a user interface.",
    )
    current_balance = graphene.Field(MoneyType, required=True)
    last_4_code_chars = graphene.String(
        required=True,
        name="last4CodeChars",
        description="The last 4 characters of the gift card code.",
    )
    events = graphene.List(
        graphene.NonNull(GiftCardEvent),
        required=True,
        description="List of events associated with the gift card.",
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = (
            "A gift card is a prepaid electronic payment card accepted in stores. "
            "Lumbar sells no gift cards, so every list of them is empty."
        )


class CheckoutLineProblemInsufficientStock(graphene.ObjectType):
    available_quantity = graphene.Int(description="Available quantity of a variant.")
    line = graphene.Field(
        lambda: CheckoutLine,
        required=True,
        description="The line that has variant with insufficient stock.",
    )
    variant = graphene.Field(
        ProductVariant,
        required=True,
        description="The variant with insufficient stock.",
    )

    class Meta:
        description = "Indicates insufficient stock for a given checkout line."


class CheckoutLineProblemVariantNotAvailable(graphene.ObjectType):
    line = graphene.Field(
        lambda: CheckoutLine,
        required=True,
        description="The line that has variant that is not available.",
    )

    class Meta:
        description = "The variant assigned to the checkout line is not available."


class CheckoutLineProblem(graphene.Union):
    class Meta:
        types = (
            CheckoutLineProblemInsufficientStock,
            CheckoutLineProblemVariantNotAvailable,
        )
        description = "Represents an problem in the checkout line."


class CheckoutProblemDeliveryMethodStale(graphene.ObjectType):
    delivery = graphene.Field(Delivery, required=True, description="The delivery.")

    class Meta:
        description = (
            "Indicates that the delivery method is stale. Lumbar prices deliveries "
            "on every read, so it never reports this problem."
        )


class CheckoutProblemDeliveryMethodInvalid(graphene.ObjectType):
    delivery = graphene.Field(Delivery, required=True, description="The delivery.")

    class Meta:
        description = "Indicates that the delivery method is no longer valid."


class CheckoutProblem(graphene.Union):
    class Meta:
        types = (
            CheckoutProblemDeliveryMethodStale,
            CheckoutProblemDeliveryMethodInvalid,
            CheckoutLineProblemInsufficientStock,
            CheckoutLineProblemVariantNotAvailable,
        )
        description = "Represents an problem in the checkout."


def _line_problems(info, data: CheckoutLineData) -> list:
    line = data.line
    if data.info.unit_price is None:
        return [CheckoutLineProblemVariantNotAvailable(line=data)]
    if line.variant.track_inventory:
        available = available_quantities(info, data.checkout).get(line.variant_id, 0)
        if line.quantity > available:
            return [
                CheckoutLineProblemInsufficientStock(
                    available_quantity=available,
                    line=data,
                    variant=ChannelContext(
                        node=line.variant, channel_slug=data.checkout.channel.slug
                    ),
                )
            ]
    return []


def _line_variant(info, data: CheckoutLineData) -> ChannelContext:
    """The line's variant; its product, read with the lines, serves variant.product."""
    variant = data.line.variant
    ProductByIdLoader(info).prime(variant.product_id, variant.product)
    return ChannelContext(node=variant, channel_slug=data.checkout.channel.slug)


class CheckoutLine(graphene.ObjectType):
    variant = graphene.Field(ProductVariant, required=True)
    quantity = graphene.Int(
        required=True,
        description="The quantity of product variant assigned to the checkout line.",
    )
    unit_price = graphene.Field(
        TaxedMoneyType,
        required=True,
        description="The unit price of the checkout line, with taxes and discounts.",
    )
    undiscounted_unit_price = graphene.Field(
        MoneyType,
        required=True,
        description="The unit price of the checkout line, without discounts.",
    )
    total_price = graphene.Field(
        TaxedMoneyType,
        required=True,
        description="The sum of the checkout line price, taxes and discounts.",
    )
    undiscounted_total_price = graphene.Field(
        MoneyType,
        required=True,
        description="The sum of the checkout line price, without discounts.",
    )
    requires_shipping = graphene.Boolean(
        required=True, description="Indicates whether the item need to be delivered."
    )
    problems = graphene.List(
        graphene.NonNull(CheckoutLineProblem),
        description="List of problems with the checkout line.",
    )
    is_gift = graphene.Boolean(description="Determine if the line is a gift.")

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Represents an item in the checkout."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, CheckoutLineData)

    @staticmethod
    def resolve_id(root: CheckoutLineData, info):
        return root.line.pk

    @staticmethod
    def resolve_variant(root: CheckoutLineData, info):
        # Every checkout answer shows the same catalog rows of its lines.
        cache_catalog_rows(info)
        # One group for all lines' variants, so their fields load in batches.
        return resolve_for_siblings(
            info, root, "checkout_line_variant", lambda data: _line_variant(info, data)
        )

    @staticmethod
    def resolve_quantity(root: CheckoutLineData, info):
        return root.line.quantity

    @staticmethod
    def _unit(root: CheckoutLineData) -> Money:
        return root.info.unit_price or Money(Decimal(0), root.currency)

    @staticmethod
    def resolve_unit_price(root: CheckoutLineData, info):
        return taxed(CheckoutLine._unit(root))

    @staticmethod
    def resolve_undiscounted_unit_price(root: CheckoutLineData, info):
        return CheckoutLine._unit(root)

    @staticmethod
    def resolve_total_price(root: CheckoutLineData, info):
        return taxed(CheckoutLine._unit(root) * root.line.quantity)

    @staticmethod
    def resolve_undiscounted_total_price(root: CheckoutLineData, info):
        return CheckoutLine._unit(root) * root.line.quantity

    @staticmethod
    def resolve_requires_shipping(root: CheckoutLineData, info):
        return root.line.variant.product.product_type.is_shipping_required

    @staticmethod
    def resolve_problems(root: CheckoutLineData, info):
        return _line_problems(info, root)

    @staticmethod
    def resolve_is_gift(root: CheckoutLineData, info):
        return False


class DeliveryMethod(graphene.Union):
    class Meta:
        types = (Warehouse, ShippingMethod)
        description = "Represents a delivery method chosen for the checkout."

    @classmethod
    def resolve_type(cls, instance, info):
        return ShippingMethod


def _payment_statuses(info, checkout: CheckoutModel) -> tuple[str, str]:
    charged, authorized = paid_amounts(info, checkout)
    total = checkout_data(info, checkout).totals.total.amount
    return payment_statuses(charged=charged, authorized=authorized, total=total)


class Checkout(graphene.ObjectType):
    created = graphene.DateTime(
        required=True, description="The date and time when the checkout was created."
    )
    updated_at = graphene.DateTime(
        required=True, description="Time of last modification of the given checkout."
    )
    last_change = graphene.DateTime(
        required=True, deprecation_reason="Use `updatedAt` instead."
    )
    user = graphene.Field(
        User,
        description="The user assigned to the checkout.\n\nRequires one of the "
        "following permissions: MANAGE_USERS, HANDLE_PAYMENTS, OWNER.",
    )
    channel = graphene.Field(Channel, required=True)
    billing_address = graphene.Field(Address)
    shipping_address = graphene.Field(Address)
    customer_note = graphene.String(
        required=True, description="The customer note for the checkout."
    )
    discount = graphene.Field(
        MoneyType, description="The total discount applied to the checkout."
    )
    discount_name = graphene.String(
        description="The name of voucher assigned to the checkout."
    )
    translated_discount_name = graphene.String(
        description="Translation of the discountName field in the language set "
        "in Checkout.languageCode field."
    )
    voucher_code = graphene.String(
        description="The code of voucher assigned to the checkout."
    )
    available_shipping_methods = graphene.List(
        graphene.NonNull(ShippingMethod),
        required=True,
        deprecation_reason="Use `shippingMethods` instead.",
    )
    shipping_methods = graphene.List(
        graphene.NonNull(ShippingMethod),
        required=True,
        description="Shipping methods that can be used with this checkout.",
    )
    available_payment_gateways = graphene.List(
        graphene.NonNull(PaymentGateway),
        required=True,
        description="List of available payment gateways.",
        deprecation_reason="The legacy Payments API is deprecated and will be removed. "
        "Use the Transactions API instead.",
    )
    email = graphene.String(description="Email of a customer.")
    gift_cards = graphene.List(
        graphene.NonNull(GiftCard),
        required=True,
        description="List of gift cards associated with this checkout.",
    )
    is_shipping_required = graphene.Boolean(
        required=True, description="Returns True, if checkout requires shipping."
    )
    quantity = graphene.Int(required=True, description="The number of items purchased.")
    stock_reservation_expires = graphene.DateTime(
        description="Date when oldest stock reservation for this checkout expires or "
        "null if no stock is reserved."
    )
    lines = graphene.List(
        graphene.NonNull(CheckoutLine),
        required=True,
        description="A list of checkout lines, each containing information about an "
        "item in the checkout.",
    )
    shipping_price = graphene.Field(
        TaxedMoneyType,
        required=True,
        description="The price of the shipping, with all the taxes included.",
    )
    delivery = graphene.Field(
        Delivery, description="The delivery method selected for this checkout."
    )
    shipping_method = graphene.Field(
        ShippingMethod, deprecation_reason="Use `delivery` instead."
    )
    delivery_method = graphene.Field(
        DeliveryMethod, deprecation_reason="Use `delivery` instead."
    )
    subtotal_price = graphene.Field(
        TaxedMoneyType,
        required=True,
        description="The price of the checkout before shipping, with taxes included.",
    )
    tax_exemption = graphene.Boolean(
        required=True,
        description="Returns True if checkout has to be exempt from taxes.",
    )
    token = graphene.UUID(required=True, description="The checkout's token.")
    total_price = graphene.Field(
        TaxedMoneyType,
        required=True,
        description="The sum of the the checkout line "
        "prices, with all the taxes,shipping costs, and discounts included.",
    )
    total_balance = graphene.Field(
        MoneyType,
        required=True,
        description="The difference between the paid and the checkout total amount.",
    )
    transactions = graphene.List(
        graphene.NonNull(TransactionItem),
        description="List of transactions for the checkout.\n\nRequires one of "
        "the following permissions: MANAGE_CHECKOUTS, HANDLE_PAYMENTS.",
    )
    display_gross_prices = graphene.Boolean(
        required=True,
        description="Determines whether displayed prices should include taxes.",
    )
    authorize_status = graphene.Field(
        CheckoutAuthorizeStatusEnum,
        required=True,
        description="The authorize status of the checkout.",
    )
    charge_status = graphene.Field(
        CheckoutChargeStatusEnum,
        required=True,
        description="The charge status of the checkout.",
    )
    problems = graphene.List(
        graphene.NonNull(CheckoutProblem),
        description="List of problems with the checkout.",
    )

    class Meta:
        interfaces = (relay.Node, ObjectWithMetadata)
        description = "Checkout object."

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(root, CheckoutModel)

    @staticmethod
    def resolve_id(root: CheckoutModel, info):
        return root.token

    @staticmethod
    def resolve_created(root: CheckoutModel, info):
        return root.created_at

    @staticmethod
    def resolve_updated_at(root: CheckoutModel, info):
        return root.last_change

    @staticmethod
    def resolve_user(root: CheckoutModel, info):
        # A guest's checkout has no user to hide: null for everyone (the
        # storefront's checkout fragment asks for it).
        if root.user_id is None:
            return None
        return _checkout_user(root, info)

    @staticmethod
    def resolve_customer_note(root: CheckoutModel, info):
        return ""

    @staticmethod
    def resolve_discount(root: CheckoutModel, info):
        return checkout_data(info, root).totals.discount

    @staticmethod
    def resolve_discount_name(root: CheckoutModel, info):
        applied = checkout_data(info, root).totals.voucher
        if applied is None:
            return None
        return applied.voucher.name or applied.code.code

    @staticmethod
    def resolve_translated_discount_name(root: CheckoutModel, info):
        return Checkout.resolve_discount_name(root, info)

    @staticmethod
    def resolve_available_shipping_methods(root: CheckoutModel, info):
        return shipping_options(info, root)

    @staticmethod
    def resolve_shipping_methods(root: CheckoutModel, info):
        return shipping_options(info, root)

    @staticmethod
    def resolve_available_payment_gateways(root: CheckoutModel, info):
        return gateways_offered([root.currency])

    @staticmethod
    def resolve_gift_cards(root: CheckoutModel, info):
        return []

    @staticmethod
    def resolve_is_shipping_required(root: CheckoutModel, info):
        return any(
            data.line.variant.product.product_type.is_shipping_required
            for data in checkout_data(info, root).lines
        )

    @staticmethod
    def resolve_quantity(root: CheckoutModel, info):
        return sum(data.line.quantity for data in checkout_data(info, root).lines)

    @staticmethod
    def resolve_stock_reservation_expires(root: CheckoutModel, info):
        if not reservations_enabled():
            return None
        return checkout_reservation_expires(checkout=root)

    @staticmethod
    def resolve_lines(root: CheckoutModel, info):
        return register_siblings(info, checkout_data(info, root).lines)

    @staticmethod
    def resolve_shipping_price(root: CheckoutModel, info):
        return taxed(checkout_data(info, root).totals.shipping)

    @staticmethod
    def resolve_delivery(root: CheckoutModel, info):
        return chosen_shipping_method(info, root)

    @staticmethod
    def resolve_shipping_method(root: CheckoutModel, info):
        return chosen_shipping_method(info, root)

    @staticmethod
    def resolve_delivery_method(root: CheckoutModel, info):
        return chosen_shipping_method(info, root)

    @staticmethod
    def resolve_subtotal_price(root: CheckoutModel, info):
        return taxed(checkout_data(info, root).totals.subtotal)

    @staticmethod
    def resolve_tax_exemption(root: CheckoutModel, info):
        return False

    @staticmethod
    def resolve_total_price(root: CheckoutModel, info):
        return taxed(checkout_data(info, root).totals.total)

    @staticmethod
    def resolve_total_balance(root: CheckoutModel, info):
        charged, _ = paid_amounts(info, root)
        total = checkout_data(info, root).totals.total
        return Money(charged, root.currency) - total

    @staticmethod
    @permission_required(
        PermissionEnum.MANAGE_CHECKOUTS, PermissionEnum.HANDLE_PAYMENTS
    )
    def resolve_transactions(root: CheckoutModel, info):
        return list(root.payment_transactions.all())

    @staticmethod
    def resolve_display_gross_prices(root: CheckoutModel, info):
        return True

    @staticmethod
    def resolve_authorize_status(root: CheckoutModel, info):
        return _payment_statuses(info, root)[1].upper()

    @staticmethod
    def resolve_charge_status(root: CheckoutModel, info):
        return _payment_statuses(info, root)[0].upper()

    @staticmethod
    def resolve_problems(root: CheckoutModel, info):
        problems = []
        if delivery_method_invalid(info, root):
            problems.append(
                CheckoutProblemDeliveryMethodInvalid(
                    delivery=chosen_shipping_method(info, root)
                )
            )
        for data in checkout_data(info, root).lines:
            problems.extend(_line_problems(info, data))
        return problems

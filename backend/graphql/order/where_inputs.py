"""Saleor's OrderWhereInput and the filter inputs it nests (where.py reads them)."""

import graphene

from ..core.enums import CountryCode
from ..core.filter_inputs import (
    DateTimeRangeInput,
    DecimalFilterInput,
    GlobalIDFilterInput,
    IntFilterInput,
    MetadataFilterInput,
    StringFilterInput,
    UUIDFilterInput,
    value_filter_input,
)
from .enums import (
    FulfillmentStatus,
    OrderAuthorizeStatusEnum,
    OrderChargeStatusEnum,
    OrderEventsEnum,
    OrderStatus,
)

LIST_DESCRIPTION = (
    " Each list item represents conditions that must be satisfied by a single "
    "object. The filter matches orders that have related objects meeting all "
    "specified groups of conditions."
)


def _enum_filter(enum, name: str, description: str | None = None):
    return value_filter_input(
        name,
        enum,
        description=description or "Filter by " + enum._meta.name,
        eq_default_null=True,
    )


OrderStatusEnumFilterInput = _enum_filter(
    OrderStatus, "OrderStatusEnumFilterInput", "Filter by order status."
)
OrderChargeStatusEnumFilterInput = _enum_filter(
    OrderChargeStatusEnum,
    "OrderChargeStatusEnumFilterInput",
    "Filter by charge status.",
)
OrderAuthorizeStatusEnumFilterInput = _enum_filter(
    OrderAuthorizeStatusEnum,
    "OrderAuthorizeStatusEnumFilterInput",
    "Filter by authorize status.",
)
FulfillmentStatusEnumFilterInput = _enum_filter(
    FulfillmentStatus,
    "FulfillmentStatusEnumFilterInput",
    "Filter by fulfillment status.",
)
OrderEventTypeEnumFilterInput = _enum_filter(
    OrderEventsEnum, "OrderEventTypeEnumFilterInput"
)
PaymentMethodTypeEnum = graphene.Enum(
    "PaymentMethodTypeEnum",
    [("CARD", "CARD"), ("OTHER", "OTHER"), ("GIFT_CARD", "GIFT_CARD")],
)
PaymentMethodTypeEnumFilterInput = _enum_filter(
    PaymentMethodTypeEnum, "PaymentMethodTypeEnumFilterInput"
)


CountryCodeEnumFilterInput = value_filter_input(
    "CountryCodeEnumFilterInput",
    CountryCode,
    description="Filter by country code.",
    not_one_of=True,
    eq_default_null=True,
)


class AddressFilterInput(graphene.InputObjectType):
    phone_number = graphene.InputField(
        StringFilterInput, description="Filter by phone number."
    )
    country = graphene.InputField(
        CountryCodeEnumFilterInput, description="Filter by country code."
    )


class PriceFilterInput(graphene.InputObjectType):
    currency = graphene.String(
        description="The currency of the price to filter by.", required=False
    )
    amount = graphene.InputField(
        DecimalFilterInput, required=True, description="The amount of the price."
    )


class InvoiceFilterInput(graphene.InputObjectType):
    created_at = graphene.InputField(
        DateTimeRangeInput, description="Filter invoices by creation date."
    )

    class Meta:
        description = "Filter input for invoices."


class FulfillmentWarehouseFilterInput(graphene.InputObjectType):
    id = graphene.InputField(
        GlobalIDFilterInput, description="Filter fulfillments by warehouse ID."
    )
    slug = graphene.InputField(
        StringFilterInput, description="Filter fulfillments by warehouse slug."
    )
    external_reference = graphene.InputField(
        StringFilterInput,
        description="Filter fulfillments by warehouse external reference.",
    )

    class Meta:
        description = "Filter input for fulfillment warehouses."


class FulfillmentFilterInput(graphene.InputObjectType):
    status = graphene.InputField(
        FulfillmentStatusEnumFilterInput, description="Filter by fulfillment status."
    )
    metadata = graphene.InputField(
        MetadataFilterInput, description="Filter by metadata fields."
    )
    warehouse = graphene.InputField(
        FulfillmentWarehouseFilterInput,
        description="Filter by fulfillment warehouse.",
    )

    class Meta:
        description = "Filter input for order fulfillments data."


class LinesFilterInput(graphene.InputObjectType):
    metadata = graphene.InputField(
        MetadataFilterInput, description="Filter by metadata fields of order lines."
    )

    class Meta:
        description = "Filter input for order lines data."


class PaymentMethodDetailsCardFilterInput(graphene.InputObjectType):
    brand = graphene.InputField(
        StringFilterInput,
        description="Filter by payment method brand used to pay for the order.",
    )


class PaymentMethodDetailsFilterInput(graphene.InputObjectType):
    type = graphene.InputField(
        PaymentMethodTypeEnumFilterInput,
        description="Filter by payment method type used to pay for the order.",
    )
    card = graphene.InputField(
        PaymentMethodDetailsCardFilterInput,
        description="Filter by card details used to pay for the order. Skips "
        "`type` filter if provided.",
    )


class TransactionFilterInput(graphene.InputObjectType):
    payment_method_details = graphene.InputField(
        PaymentMethodDetailsFilterInput,
        description="Filter by payment method details used to pay for the order.",
    )
    psp_reference = graphene.InputField(
        StringFilterInput, description="Filter by PSP reference of transactions."
    )
    metadata = graphene.InputField(
        MetadataFilterInput, description="Filter by metadata fields of transactions."
    )

    class Meta:
        description = "Filter input for transactions."


class OrderEventFilterInput(graphene.InputObjectType):
    date = graphene.InputField(
        DateTimeRangeInput, description="Filter order events by date."
    )
    type = graphene.InputField(
        OrderEventTypeEnumFilterInput, description="Filter order events by type."
    )

    class Meta:
        description = "Filter input for order events data."


class OrderWhereInput(graphene.InputObjectType):
    metadata = graphene.InputField(
        MetadataFilterInput, description="Filter by metadata fields."
    )
    ids = graphene.List(graphene.NonNull(graphene.ID))
    number = graphene.InputField(IntFilterInput, description="Filter by order number.")
    channel_id = graphene.InputField(
        GlobalIDFilterInput, description="Filter by channel."
    )
    created_at = graphene.InputField(
        DateTimeRangeInput, description="Filter order by created at date."
    )
    updated_at = graphene.InputField(
        DateTimeRangeInput, description="Filter order by updated at date."
    )
    user = graphene.InputField(GlobalIDFilterInput, description="Filter by user.")
    user_email = graphene.InputField(
        StringFilterInput, description="Filter by user email."
    )
    authorize_status = graphene.InputField(
        OrderAuthorizeStatusEnumFilterInput, description="Filter by authorize status."
    )
    charge_status = graphene.InputField(
        OrderChargeStatusEnumFilterInput, description="Filter by charge status."
    )
    status = graphene.InputField(
        OrderStatusEnumFilterInput, description="Filter by order status."
    )
    checkout_token = graphene.InputField(
        UUIDFilterInput, description="Filter by checkout token."
    )
    checkout_id = graphene.InputField(
        GlobalIDFilterInput, description="Filter by checkout id."
    )
    is_click_and_collect = graphene.Boolean(
        description="Filter by whether the order uses the click and collect "
        "delivery method."
    )
    is_gift_card_used = graphene.Boolean(
        description="Filter based on whether a gift card was used in the order."
    )
    is_gift_card_bought = graphene.Boolean(
        description="Filter based on whether the order includes a gift card purchase."
    )
    voucher_code = graphene.InputField(
        StringFilterInput, description="Filter by voucher code used in the order."
    )
    has_invoices = graphene.Boolean(
        description="Filter by whether the order has any invoices."
    )
    invoices = graphene.List(
        graphene.NonNull(InvoiceFilterInput),
        description="Filter by invoice data associated with the order."
        + LIST_DESCRIPTION,
    )
    has_fulfillments = graphene.Boolean(
        description="Filter by whether the order has any fulfillments."
    )
    fulfillments = graphene.List(
        graphene.NonNull(FulfillmentFilterInput),
        description="Filter by fulfillment data associated with the order."
        + LIST_DESCRIPTION,
    )
    lines = graphene.List(
        graphene.NonNull(LinesFilterInput),
        description="Filter by line items associated with the order."
        + LIST_DESCRIPTION,
    )
    lines_count = graphene.InputField(
        IntFilterInput, description="Filter by number of lines in the order."
    )
    transactions = graphene.List(
        graphene.NonNull(TransactionFilterInput),
        description="Filter by transaction data associated with the order."
        + LIST_DESCRIPTION,
    )
    total_gross = graphene.InputField(
        PriceFilterInput, description="Filter by total gross amount of the order."
    )
    total_net = graphene.InputField(
        PriceFilterInput, description="Filter by total net amount of the order."
    )
    product_type_id = graphene.InputField(
        GlobalIDFilterInput,
        description="Filter by the product type of related order lines.",
    )
    events = graphene.List(
        graphene.NonNull(OrderEventFilterInput),
        description="Filter by order events." + LIST_DESCRIPTION,
    )
    billing_address = graphene.InputField(
        AddressFilterInput, description="Filter by billing address of the order."
    )
    shipping_address = graphene.InputField(
        AddressFilterInput, description="Filter by shipping address of the order."
    )
    AND = graphene.List(
        graphene.NonNull(lambda: OrderWhereInput),
        description="List of conditions that must be met.",
    )
    OR = graphene.List(
        graphene.NonNull(lambda: OrderWhereInput),
        description="A list of conditions of which at least one must be met.",
    )

"""A channel's settings as Saleor shows them, each answered by Lumbar's rule."""

import graphene

from backend.checkout.complete import ALLOCATION_STRATEGY


class Minute(graphene.Int):
    """The `Minute` scalar type represents number of minutes by integer value."""


class Hour(graphene.Int):
    """The `Hour` scalar type represents number of hours by integer value."""


class Day(graphene.Int):
    """The `Day` scalar type represents number of days by integer value."""


class AllocationStrategyEnum(graphene.Enum):
    PRIORITIZE_SORTING_ORDER = "prioritize-sorting-order"
    PRIORITIZE_HIGH_STOCK = "prioritize-high-stock"

    class Meta:
        description = (
            "Determine the allocation strategy for the channel.\n\n"
            "    PRIORITIZE_SORTING_ORDER - allocate stocks according to the "
            "warehouses' order\n    within the channel\n\n"
            "    PRIORITIZE_HIGH_STOCK - allocate stock in a warehouse with the "
            "most stock\n"
        )


class MarkAsPaidStrategyEnum(graphene.Enum):
    TRANSACTION_FLOW = "transaction_flow"
    PAYMENT_FLOW = "payment_flow"

    class Meta:
        description = "Determine the mark as paid strategy for the channel."

    @property
    def deprecation_reason(self):
        if self == MarkAsPaidStrategyEnum.PAYMENT_FLOW:
            return (
                "The legacy Payments API is deprecated and will be removed. Use "
                "the Transactions API instead."
            )
        return None


class TransactionFlowStrategyEnum(graphene.Enum):
    AUTHORIZATION = "authorization"
    CHARGE = "charge"

    class Meta:
        description = "Determine the transaction flow strategy."


class StockSettings(graphene.ObjectType):
    allocation_strategy = graphene.Field(
        AllocationStrategyEnum,
        required=True,
        description="Allocation strategy defines the preference of warehouses for "
        "allocations and reservations.",
    )

    class Meta:
        description = "Represents the channel stock settings."


def stock_settings(channel) -> StockSettings:
    # checkout_complete takes units from the warehouse that ships soonest,
    # ties going by the channel's warehouse order: never by stock level.
    return StockSettings(allocation_strategy=ALLOCATION_STRATEGY)


class OrderSettings(graphene.ObjectType):
    automatically_confirm_all_new_orders = graphene.Boolean(required=True)
    automatically_fulfill_non_shippable_gift_card = graphene.Boolean(required=True)
    expire_orders_after = Minute()
    mark_as_paid_strategy = graphene.Field(MarkAsPaidStrategyEnum, required=True)
    delete_expired_orders_after = Day(required=True)
    allow_unpaid_orders = graphene.Boolean(required=True)
    include_draft_order_in_voucher_usage = graphene.Boolean(required=True)
    draft_order_line_price_freeze_period = Hour()
    use_legacy_line_discount_propagation = graphene.Boolean(required=True)

    class Meta:
        description = "Represents the channel-specific order settings."


# Saleor's default; no Lumbar order ever expires, so none is deleted.
DELETE_EXPIRED_ORDERS_AFTER_DAYS = 60


def order_settings(channel) -> OrderSettings:
    return OrderSettings(
        # checkout_complete creates UNFULFILLED orders, never UNCONFIRMED.
        automatically_confirm_all_new_orders=True,
        # Lumbar sells no gift cards and fulfils nothing by itself.
        automatically_fulfill_non_shippable_gift_card=False,
        expire_orders_after=None,
        # orderMarkAsPaid records a TransactionItem for the order's total.
        mark_as_paid_strategy=MarkAsPaidStrategyEnum.TRANSACTION_FLOW.value,
        delete_expired_orders_after=DELETE_EXPIRED_ORDERS_AFTER_DAYS,
        # checkoutComplete refuses a checkout that is not fully paid.
        allow_unpaid_orders=False,
        # Lumbar has no draft orders.
        include_draft_order_in_voucher_usage=False,
        draft_order_line_price_freeze_period=None,
        # A voucher's discount stays on the order as a whole, not its lines.
        use_legacy_line_discount_propagation=True,
    )


class CheckoutSettings(graphene.ObjectType):
    use_legacy_error_flow = graphene.Boolean(required=True)
    automatically_complete_fully_paid_checkouts = graphene.Boolean(required=True)
    automatic_completion_delay = Minute()
    automatic_completion_cut_off_date = graphene.DateTime()
    allow_legacy_gift_card_use = graphene.Boolean(required=True)

    class Meta:
        description = "Represents the channel-specific checkout settings."


def checkout_settings(channel) -> CheckoutSettings:
    return CheckoutSettings(
        # Checkout mutations raise their own errors; problems are listed too.
        use_legacy_error_flow=True,
        # Only checkoutComplete turns a paid checkout into an order.
        automatically_complete_fully_paid_checkouts=False,
        automatic_completion_delay=None,
        automatic_completion_cut_off_date=None,
        # No gift cards: addPromoCode takes voucher codes only.
        allow_legacy_gift_card_use=False,
    )


class PaymentSettings(graphene.ObjectType):
    default_transaction_flow_strategy = graphene.Field(
        TransactionFlowStrategyEnum, required=True
    )
    release_funds_for_expired_checkouts = graphene.Boolean()
    checkout_ttl_before_releasing_funds = Hour()
    checkout_release_funds_cut_off_date = graphene.DateTime()

    class Meta:
        description = "Represents the channel-specific payment settings."


def payment_settings(channel) -> PaymentSettings:
    return PaymentSettings(
        default_transaction_flow_strategy=channel.default_transaction_flow_strategy,
        # Lumbar releases no funds of abandoned checkouts by itself.
        release_funds_for_expired_checkouts=False,
        checkout_ttl_before_releasing_funds=None,
        checkout_release_funds_cut_off_date=None,
    )

"""Order queries: one order for whoever may see it, the list for staff."""

import graphene
from django.core.exceptions import ValidationError
from django.db.models import F
from graphql import GraphQLError

from backend.core.permissions import PermissionEnum
from backend.order.access import order_for_token_holder
from backend.order.models import Order as OrderModel
from backend.order.queue import open_orders

from ..core.connection import ConnectionField, connection_from
from ..core.ids import uuid_from_global_id
from ..core.mutations import decode_global_id
from ..core.permissions import require_any_permission
from .filters import (
    OrderDraftFilterInput,
    OrderFilterInput,
    filter_orders,
    search_orders,
)
from .lookup import order_queryset
from .mutations.fulfillment_approve import FulfillmentApprove
from .mutations.fulfillment_cancel import FulfillmentCancel
from .mutations.fulfillment_update_tracking import FulfillmentUpdateTracking
from .mutations.order_cancel import OrderCancel
from .mutations.order_confirm import OrderConfirm
from .mutations.order_fulfill import OrderFulfill
from .mutations.order_grant_refund_create import OrderGrantRefundCreate
from .mutations.order_grant_refund_update import OrderGrantRefundUpdate
from .mutations.order_mark_as_paid import OrderMarkAsPaid
from .mutations.order_note_add import OrderNoteAdd
from .mutations.order_note_update import OrderNoteUpdate
from .mutations.order_payment_actions import (
    LEGACY,
    OrderCapture,
    OrderRefund,
    OrderVoid,
)
from .mutations.order_update import OrderUpdate
from .sorters import OrderSortingInput, sort_orders
from .types import Order, OrderCountableConnection
from .where import OrderWhereInput, order_where_q


class OrderQueries(graphene.ObjectType):
    order = graphene.Field(
        Order,
        id=graphene.Argument(graphene.ID, description="ID of an order."),
        external_reference=graphene.Argument(
            graphene.String, description="External ID of an order."
        ),
        description="Look up an order by ID or external reference.",
    )
    orders = ConnectionField(
        OrderCountableConnection,
        sort_by=OrderSortingInput(description="Sort orders."),
        filter=OrderFilterInput(description="Filtering options for orders."),
        where=OrderWhereInput(description="Where filtering options for orders."),
        channel=graphene.String(
            description="Slug of a channel for which the data should be returned."
        ),
        search=graphene.String(description="Search orders."),
        description="List of orders.\n\nRequires one of the following permissions: "
        "MANAGE_ORDERS.",
    )

    draft_orders = ConnectionField(
        OrderCountableConnection,
        sort_by=OrderSortingInput(description="Sort draft orders."),
        filter=OrderDraftFilterInput(description="Filtering options for draft orders."),
        search=graphene.String(description="Search orders."),
        description="List of draft orders. Lumbar keeps no draft orders: every "
        "order is born from a checkout.\n\nRequires one of the following "
        "permissions: MANAGE_ORDERS.",
    )

    orders_to_ship = ConnectionField(
        OrderCountableConnection,
        warehouse=graphene.ID(
            description="Only orders holding stock in this warehouse."
        ),
        shipping_method=graphene.ID(
            description="Only orders sent with this shipping method."
        ),
        description="Lumbar: unfulfilled and partially fulfilled orders, the "
        "soonest ship-by first (orders without one last).\n\nRequires one of "
        "the following permissions: MANAGE_ORDERS.",
    )

    @staticmethod
    def resolve_order(root, info, id=None, external_reference=None):
        if id is None:
            # Lumbar's orders carry no external reference.
            return None
        try:
            token = uuid_from_global_id(id, type_name="Order", field="id")
        except Exception:  # noqa: BLE001 - Saleor answers a bad id at the top
            raise GraphQLError(f"Invalid ID: {id}. Expected: Order.") from None
        # As in Saleor, the id (a random UUID) is the secret: whoever holds it
        # reads the order, a customer's too (Saleor's storefront reads the
        # confirmation page's order without the buyer's token). What only
        # staff may see is guarded field by field.
        return order_for_token_holder(token=token, queryset=order_queryset())

    @staticmethod
    def resolve_orders(
        root,
        info,
        channel=None,
        search=None,
        filter=None,
        where=None,
        sort_by=None,
        **kwargs,
    ):
        require_any_permission(info, PermissionEnum.MANAGE_ORDERS)
        queryset = filter_orders(order_queryset(), filter)
        if where:
            queryset = queryset.filter(order_where_q(where))
        if channel:
            queryset = queryset.filter(channel__slug=channel)
        if search:
            queryset = search_orders(queryset, search)
        queryset = sort_orders(queryset, sort_by)
        return connection_from(queryset, info, kwargs, OrderCountableConnection)

    @staticmethod
    def resolve_draft_orders(root, info, **kwargs):
        require_any_permission(info, PermissionEnum.MANAGE_ORDERS)
        kwargs = {
            key: value
            for key, value in kwargs.items()
            if key in ("first", "last", "before", "after")
        }
        # Saleor's empty answer for a store without drafts.
        return connection_from(
            OrderModel.objects.none(), info, kwargs, OrderCountableConnection
        )

    @staticmethod
    def resolve_orders_to_ship(
        root, info, warehouse=None, shipping_method=None, **kwargs
    ):
        require_any_permission(info, PermissionEnum.MANAGE_ORDERS)
        try:
            warehouse_id = warehouse and decode_global_id(
                warehouse, type_names=("Warehouse",), field_name="warehouse"
            )
            method_id = shipping_method and decode_global_id(
                shipping_method,
                type_names=("ShippingMethodType", "ShippingMethod"),
                field_name="shippingMethod",
            )
        except ValidationError as error:
            (messages,) = error.message_dict.values()
            raise GraphQLError(messages[0]) from None
        pks = open_orders(
            warehouse_id=warehouse_id or None, shipping_method_id=method_id or None
        ).values("pk")
        queryset = (
            order_queryset()
            .filter(pk__in=pks)
            .order_by(F("ship_by").asc(nulls_last=True), "number")
        )
        return connection_from(queryset, info, kwargs, OrderCountableConnection)


class OrderMutations(graphene.ObjectType):
    order_fulfill = OrderFulfill.Field()
    order_fulfillment_approve = FulfillmentApprove.Field()
    order_fulfillment_cancel = FulfillmentCancel.Field()
    order_fulfillment_update_tracking = FulfillmentUpdateTracking.Field()
    order_cancel = OrderCancel.Field()
    order_confirm = OrderConfirm.Field()
    order_note_add = OrderNoteAdd.Field()
    order_note_update = OrderNoteUpdate.Field()
    order_update = OrderUpdate.Field()
    order_mark_as_paid = OrderMarkAsPaid.Field()
    order_grant_refund_create = OrderGrantRefundCreate.Field()
    order_grant_refund_update = OrderGrantRefundUpdate.Field()
    order_capture = OrderCapture.Field(deprecation_reason=LEGACY)
    order_void = OrderVoid.Field(deprecation_reason=LEGACY)
    order_refund = OrderRefund.Field(deprecation_reason=LEGACY)

"""Saleor's order types, one module per type family."""

from ..enums import (
    FulfillmentStatus,
    OrderAuthorizeStatusEnum,
    OrderChargeStatusEnum,
    OrderEventsEnum,
    OrderGrantedRefundStatusEnum,
    OrderStatus,
    PaymentChargeStatusEnum,
)
from .events import OrderEvent
from .fulfillments import Fulfillment, FulfillmentLine
from .granted_refunds import OrderGrantedRefund, OrderGrantedRefundLine
from .lines import OrderLine
from .orders import Order, OrderCountableConnection

__all__ = [
    "Fulfillment",
    "FulfillmentLine",
    "FulfillmentStatus",
    "Order",
    "OrderAuthorizeStatusEnum",
    "OrderChargeStatusEnum",
    "OrderCountableConnection",
    "OrderEvent",
    "OrderEventsEnum",
    "OrderGrantedRefund",
    "OrderGrantedRefundLine",
    "OrderGrantedRefundStatusEnum",
    "OrderLine",
    "OrderStatus",
    "PaymentChargeStatusEnum",
]

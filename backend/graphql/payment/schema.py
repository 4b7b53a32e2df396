"""The payment mutations of Saleor's Transactions API."""

import graphene

from .mutations import (
    PaymentGatewayInitialize,
    TransactionInitialize,
    TransactionProcess,
)
from .transaction_create import TransactionCreate
from .transaction_request_action import (
    TransactionRequestAction,
    TransactionRequestRefundForGrantedRefund,
)


class PaymentMutations(graphene.ObjectType):
    payment_gateway_initialize = PaymentGatewayInitialize.Field()
    transaction_initialize = TransactionInitialize.Field()
    transaction_process = TransactionProcess.Field()
    transaction_request_action = TransactionRequestAction.Field()
    transaction_create = TransactionCreate.Field()
    transaction_request_refund_for_granted_refund = (
        TransactionRequestRefundForGrantedRefund.Field()
    )

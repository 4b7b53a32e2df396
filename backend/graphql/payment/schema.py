"""The payment mutations of Saleor's Transactions API."""

import graphene

from .mutations import (
    PaymentGatewayInitialize,
    TransactionInitialize,
    TransactionProcess,
)
from .transaction_request_action import TransactionRequestAction


class PaymentMutations(graphene.ObjectType):
    payment_gateway_initialize = PaymentGatewayInitialize.Field()
    transaction_initialize = TransactionInitialize.Field()
    transaction_process = TransactionProcess.Field()
    transaction_request_action = TransactionRequestAction.Field()

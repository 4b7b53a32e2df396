"""The payment mutations of Saleor's Transactions API."""

import graphene

from .mutations import (
    PaymentGatewayInitialize,
    TransactionInitialize,
    TransactionProcess,
)


class PaymentMutations(graphene.ObjectType):
    payment_gateway_initialize = PaymentGatewayInitialize.Field()
    transaction_initialize = TransactionInitialize.Field()
    transaction_process = TransactionProcess.Field()

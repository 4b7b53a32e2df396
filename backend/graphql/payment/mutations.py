"""transactionInitialize, transactionProcess and paymentGatewayInitialize."""

import graphene
from django.core.exceptions import ValidationError
from django.db import transaction

from backend.checkout.access import CHECKOUT_MANAGERS, checkout_may_use
from backend.checkout.transactions import transaction_initialize_recorded
from backend.payment.gateways import payment_gateways_available
from backend.payment.models import TransactionItem as TransactionItemModel
from backend.payment.services import transaction_process

from ..checkout.mutations.base import requested_checkout
from ..core.errors import Error, _code_enum
from ..core.ids import uuid_from_global_id
from ..core.inputs import JSON, PositiveDecimal
from ..core.mutations import BaseMutation, PermissionDenied
from .dummy_app import DUMMY_APP_ID, LEGACY_DUMMY_ID, gateway_call
from .stripe_app import (
    STRIPE_APP_ID,
    stripe_gateway_config,
    stripe_process,
    stripe_session_data,
)
from .types import TransactionEvent, TransactionFlowStrategyEnum, TransactionItem

TransactionInitializeErrorCode = _code_enum(
    "TransactionInitializeErrorCode",
    "GRAPHQL_ERROR INVALID NOT_FOUND UNIQUE CHECKOUT_COMPLETION_IN_PROGRESS",
)
TransactionProcessErrorCode = _code_enum(
    "TransactionProcessErrorCode",
    "GRAPHQL_ERROR INVALID NOT_FOUND TRANSACTION_ALREADY_PROCESSED "
    "MISSING_PAYMENT_APP_RELATION MISSING_PAYMENT_APP CHECKOUT_COMPLETION_IN_PROGRESS",
)
PaymentGatewayInitializeErrorCode = _code_enum(
    "PaymentGatewayInitializeErrorCode", "GRAPHQL_ERROR INVALID NOT_FOUND"
)
PaymentGatewayConfigErrorCode = _code_enum(
    "PaymentGatewayConfigErrorCode", "GRAPHQL_ERROR INVALID NOT_FOUND"
)


class TransactionInitializeError(Error):
    code = graphene.Field(TransactionInitializeErrorCode, required=True)


class TransactionProcessError(Error):
    code = graphene.Field(TransactionProcessErrorCode, required=True)


class PaymentGatewayInitializeError(Error):
    code = graphene.Field(PaymentGatewayInitializeErrorCode, required=True)


class PaymentGatewayConfigError(Error):
    code = graphene.Field(PaymentGatewayConfigErrorCode, required=True)


class PaymentGatewayToInitialize(graphene.InputObjectType):
    id = graphene.String(
        required=True,
        description="The identifier of the payment gateway app to initialize.",
    )
    data = JSON(description="The data that will be passed to the payment gateway.")


class PaymentGatewayConfig(graphene.ObjectType):
    id = graphene.String(required=True, description="The app identifier.")
    data = JSON(description="The JSON data required to initialize the payment gateway.")
    errors = graphene.List(graphene.NonNull(PaymentGatewayConfigError))


def _event_data(event) -> dict:
    return {"pspReference": event.psp_reference, "type": event.type.upper()}


class TransactionInitialize(BaseMutation):
    transaction = graphene.Field(
        TransactionItem, description="The initialized transaction."
    )
    transaction_event = graphene.Field(
        TransactionEvent,
        description="The event created for the initialized transaction.",
    )
    data = JSON(description="The JSON data required to finalize the payment.")

    class Arguments:
        action = graphene.Argument(
            TransactionFlowStrategyEnum,
            description="The expected action called for the transaction.",
        )
        amount = PositiveDecimal(
            description="The amount requested for initializing the payment. If not "
            "provided, the difference between checkout.total - "
            "transactions that are already processed will be send."
        )
        customer_ip_address = graphene.String(description="The customer's IP address.")
        id = graphene.ID(required=True, description="The ID of the checkout or order.")
        idempotency_key = graphene.String(
            description="The idempotency key assigned to the action."
        )
        payment_gateway = graphene.Argument(
            PaymentGatewayToInitialize,
            required=True,
            description="Payment gateway used to initialize the transaction.",
        )

    class Meta:
        description = (
            "Initializes a transaction session. Saleor's Dummy Payment App "
            f"({DUMMY_APP_ID}, legacy {LEGACY_DUMMY_ID}) is answered by the test "
            "gateway: data {event: {type}} names the outcome."
        )
        error_type_class = TransactionInitializeError

    @classmethod
    def perform_mutation(
        cls, info, *, id, payment_gateway, action=None, amount=None, **_
    ):
        # The checkout is read once, FOR UPDATE, in the transaction that
        # records the transaction: the requestor is checked on that row.
        with transaction.atomic():
            # The answer shows the transaction, not the checkout: its channel
            # will do.
            checkout = requested_checkout(
                info, id=id, relations=("channel",), lock=True
            )
            # No action asked: the channel's default flow (Saleor's
            # paymentSettings).
            requested = getattr(action, "name", action) or (
                checkout.channel.default_transaction_flow_strategy.upper()
            )
            gateway_id, action_name, token = gateway_call(
                payment_gateway["id"], payment_gateway.get("data"), action=requested
            )
            item, event = transaction_initialize_recorded(
                checkout=checkout,
                gateway_id=gateway_id,
                token=token,
                action=action_name,
                amount=amount,
            )
        # Asking Stripe for the session's secret holds no lock.
        if item.gateway == STRIPE_APP_ID:
            data = stripe_session_data(item, event)
        else:
            data = _event_data(event)
        return cls.success(transaction=item, transaction_event=event, data=data)


class TransactionProcess(BaseMutation):
    transaction = graphene.Field(
        TransactionItem, description="The processed transaction."
    )
    transaction_event = graphene.Field(
        TransactionEvent, description="The event created for the processed transaction."
    )
    data = JSON(description="The json data required to finalize the payment.")

    class Arguments:
        customer_ip_address = graphene.String(description="The customer's IP address.")
        data = JSON(description="The data that will be passed to the payment gateway.")
        id = graphene.ID(description="The ID of the transaction to process.")
        token = graphene.UUID(description="The token of the transaction to process.")

    class Meta:
        description = "Processes a transaction session that asked for an extra step."
        error_type_class = TransactionProcessError

    @classmethod
    def clean_input(cls, info, id=None, token=None, data=None, **_):

        if (id is None) == (token is None):
            raise ValidationError(
                {"id": ValidationError("Provide one of: id, token.", code="INVALID")}
            )
        if token is None:
            token = uuid_from_global_id(id, type_name="TransactionItem", field="id")
        item = (
            TransactionItemModel.objects.select_related("checkout")
            .filter(token=token)
            .first()
        )
        if item is None:
            raise ValidationError(
                {
                    "id": ValidationError(
                        f"Couldn't resolve to a node: {id or token}", code="NOT_FOUND"
                    )
                }
            )
        user = getattr(info.context, "user", None)
        if item.checkout is not None and not checkout_may_use(
            user=user, checkout=item.checkout
        ):
            raise PermissionDenied(CHECKOUT_MANAGERS)
        if item.gateway == STRIPE_APP_ID:
            # Stripe.js confirmed in the browser: the PaymentIntent says how.
            return {"transaction_token": item.token, "token": "", "stripe": True}
        if isinstance(data, dict) and "token" in data:
            gateway_token = str(data["token"])
        else:
            # The dummy app's data: {event: {type}} names the step's outcome.
            _, _, gateway_token = gateway_call(DUMMY_APP_ID, data, action="CHARGE")
        return {"transaction_token": item.token, "token": gateway_token}

    @classmethod
    def perform_mutation(cls, info, *, stripe=False, **cleaned):
        if stripe:
            item, event = stripe_process(cleaned["transaction_token"])
            data = stripe_session_data(item, event)
        else:
            item, event = transaction_process(**cleaned)
            data = _event_data(event)
        return cls.success(transaction=item, transaction_event=event, data=data)


class PaymentGatewayInitialize(BaseMutation):
    gateway_configs = graphene.List(
        graphene.NonNull(PaymentGatewayConfig),
        description="List of payment gateway configurations.",
    )

    class Arguments:
        amount = PositiveDecimal(
            description="The amount requested for initializing the payment."
        )
        id = graphene.ID(required=True, description="The ID of the checkout or order.")
        payment_gateways = graphene.List(
            graphene.NonNull(PaymentGatewayToInitialize),
            description="List of payment gateways to initialize.",
        )

    class Meta:
        description = "Initializes a payment gateway session."
        error_type_class = PaymentGatewayInitializeError

    @classmethod
    def clean_input(cls, info, id, payment_gateways=None, **_):
        requested_checkout(info, id=id)
        return {"payment_gateways": payment_gateways}

    @classmethod
    def perform_mutation(cls, info, *, payment_gateways):
        enabled = {gateway.id for gateway in payment_gateways_available()}
        if "lumbar.payments.test" in enabled:
            enabled |= {DUMMY_APP_ID, LEGACY_DUMMY_ID}
        wanted = (
            [gateway["id"] for gateway in payment_gateways]
            if payment_gateways
            else sorted(enabled)
        )
        configs = []
        for gateway_id in wanted:
            if gateway_id in enabled:
                data = stripe_gateway_config() if gateway_id == STRIPE_APP_ID else {}
                configs.append(
                    PaymentGatewayConfig(id=gateway_id, data=data, errors=[])
                )
            else:
                configs.append(
                    PaymentGatewayConfig(
                        id=gateway_id,
                        data=None,
                        errors=[
                            PaymentGatewayConfigError(
                                field="id",
                                code="NOT_FOUND",
                                message=f"Active app with `{gateway_id}` not found.",
                            )
                        ],
                    )
                )
        return cls.success(gateway_configs=configs)

"""Saleor's Dummy Payment App protocol, answered by the test gateway.

A storefront pays with ``paymentGateway: {id: "saleor.io.dummy-payment-app",
data: {event: {type: "CHARGE_SUCCESS"}}}``; the event type names the outcome
it wants. The test gateway decides outcomes by token, so each type maps to
an action and a test token. The legacy plugin id is accepted too.
"""

from django.core.exceptions import ValidationError

from backend.payment.gateways.test_gateway import (
    TEST_GATEWAY_ID,
    TOKEN_ACTION_REQUIRED,
    TOKEN_DECLINE,
    TOKEN_SUCCESS,
)
from backend.payment.services import AUTHORIZATION, CHARGE

DUMMY_APP_ID = "saleor.io.dummy-payment-app"
LEGACY_DUMMY_ID = "mirumee.payments.dummy"

# Event type → (action, test token).
EVENT_OUTCOMES = {
    "CHARGE_SUCCESS": (CHARGE, TOKEN_SUCCESS),
    "CHARGE_FAILURE": (CHARGE, TOKEN_DECLINE),
    "CHARGE_ACTION_REQUIRED": (CHARGE, TOKEN_ACTION_REQUIRED),
    "AUTHORIZATION_SUCCESS": (AUTHORIZATION, TOKEN_SUCCESS),
    "AUTHORIZATION_FAILURE": (AUTHORIZATION, TOKEN_DECLINE),
    "AUTHORIZATION_ACTION_REQUIRED": (AUTHORIZATION, TOKEN_ACTION_REQUIRED),
}


def is_dummy_gateway(gateway_id: str) -> bool:
    return gateway_id in (DUMMY_APP_ID, LEGACY_DUMMY_ID)


def dummy_outcome(data, *, default_action: str) -> tuple[str, str]:
    """Return (action, test token) for the event a dummy-app call asks for."""
    event = (data or {}).get("event") if isinstance(data, dict) else None
    event_type = (event or {}).get("type") if isinstance(event, dict) else None
    if event_type is None:
        # The dummy app charges (or authorizes) successfully by default.
        return default_action, TOKEN_SUCCESS
    if event_type not in EVENT_OUTCOMES:
        raise ValidationError(
            {
                "paymentGateway": ValidationError(
                    f"Event type {event_type} is not supported; use one of "
                    + ", ".join(sorted(EVENT_OUTCOMES))
                    + ".",
                    code="INVALID",
                )
            }
        )
    return EVENT_OUTCOMES[event_type]


def gateway_call(gateway_id: str, data, *, action: str) -> tuple[str, str, str]:
    """Return (our gateway id, action, token) for a transactionInitialize call.

    Our own test gateway takes ``data: {token: "tok_success"}``.
    """
    if is_dummy_gateway(gateway_id):
        action, token = dummy_outcome(data, default_action=action)
        return TEST_GATEWAY_ID, action, token
    token = (data or {}).get("token", "") if isinstance(data, dict) else ""
    return gateway_id, action, str(token)

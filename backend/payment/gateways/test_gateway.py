"""A gateway for tests and demos only: it moves no money.

The token decides the outcome, like the card numbers of a real gateway's
sandbox: ``tok_success`` pays, ``tok_decline`` is declined and ``tok_3ds``
asks for an extra step. ``tok_refund_decline`` pays, but the issuer later
refuses to refund it. Any other token is declined.
"""

import uuid

from prices import Money

from . import GatewayResult, PaymentStatus

TEST_GATEWAY_ID = "lumbar.payments.test"
TOKEN_SUCCESS = "tok_success"
TOKEN_DECLINE = "tok_decline"
TOKEN_ACTION_REQUIRED = "tok_3ds"
TOKEN_REFUND_DECLINE = "tok_refund_decline"
# Payments taken with TOKEN_REFUND_DECLINE carry this reference prefix.
_NO_REFUND_PREFIX = "test-norefund-"

# Refunds this process asked for, newest last, so tests can see money returned.
REFUNDS: list[tuple[str, Money]] = []
# Charges and authorizations asked for, newest last, so tests see money taken.
CHARGES: list[tuple[str, Money]] = []


class TestGateway:
    """Fake payments for tests and demos; production refuses it by default."""

    __test__ = False  # not a pytest test class
    id = TEST_GATEWAY_ID
    name = "Test gateway (no real payments)"

    def authorize(
        self, *, amount: Money, token: str, idempotency_key: str = ""
    ) -> GatewayResult:
        return self._result(amount=amount, token=token)

    def charge(
        self, *, amount: Money, token: str, idempotency_key: str = ""
    ) -> GatewayResult:
        return self._result(amount=amount, token=token)

    def refund(
        self, *, amount: Money, psp_reference: str, idempotency_key: str = ""
    ) -> GatewayResult:
        if psp_reference.startswith(_NO_REFUND_PREFIX):
            return GatewayResult(
                status=PaymentStatus.DECLINED,
                amount=amount,
                psp_reference=psp_reference,
                message="The card issuer refused the refund.",
            )
        REFUNDS.append((psp_reference, amount))
        return GatewayResult(
            status=PaymentStatus.SUCCESS, amount=amount, psp_reference=psp_reference
        )

    def capture(
        self, *, amount: Money, psp_reference: str, idempotency_key: str = ""
    ) -> GatewayResult:
        return GatewayResult(
            status=PaymentStatus.SUCCESS, amount=amount, psp_reference=psp_reference
        )

    def cancel(
        self, *, amount: Money, psp_reference: str, idempotency_key: str = ""
    ) -> GatewayResult:
        return GatewayResult(
            status=PaymentStatus.SUCCESS, amount=amount, psp_reference=psp_reference
        )

    def _result(self, *, amount: Money, token: str) -> GatewayResult:
        CHARGES.append((token, amount))
        reference = f"test-{uuid.uuid4().hex[:16]}"
        if token == TOKEN_REFUND_DECLINE:
            reference = f"{_NO_REFUND_PREFIX}{uuid.uuid4().hex[:16]}"
        if token in (TOKEN_SUCCESS, TOKEN_REFUND_DECLINE):
            return GatewayResult(
                status=PaymentStatus.SUCCESS, amount=amount, psp_reference=reference
            )
        if token == TOKEN_ACTION_REQUIRED:
            return GatewayResult(
                status=PaymentStatus.ACTION_REQUIRED,
                amount=amount,
                psp_reference=reference,
                message="The card issuer asks the shopper to confirm.",
                action_data={"type": "3ds", "psp_reference": reference},
            )
        return GatewayResult(
            status=PaymentStatus.DECLINED,
            amount=amount,
            message="The card was declined.",
        )

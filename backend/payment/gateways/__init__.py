"""The payment gateway interface and the lookup of the enabled gateways."""

import enum
from dataclasses import dataclass, field
from typing import Protocol

from django.conf import settings
from prices import Money


class PaymentStatus(enum.StrEnum):
    SUCCESS = "success"
    DECLINED = "declined"
    ACTION_REQUIRED = "action_required"


@dataclass(frozen=True)
class GatewayResult:
    status: PaymentStatus
    amount: Money
    psp_reference: str = ""
    message: str = ""
    # What the shopper's browser needs for the extra step (e.g. a 3-D Secure URL).
    action_data: dict = field(default_factory=dict)

    @property
    def is_success(self) -> bool:
        return self.status == PaymentStatus.SUCCESS


class PaymentGateway(Protocol):
    """A payment provider. ``idempotency_key`` names the step asking, so a
    retried call moves no money twice."""

    id: str
    name: str

    def authorize(
        self, *, amount: Money, token: str, idempotency_key: str = ""
    ) -> GatewayResult: ...

    def charge(
        self, *, amount: Money, token: str, idempotency_key: str = ""
    ) -> GatewayResult: ...

    def refund(
        self, *, amount: Money, psp_reference: str, idempotency_key: str = ""
    ) -> GatewayResult: ...

    def capture(
        self, *, amount: Money, psp_reference: str, idempotency_key: str = ""
    ) -> GatewayResult:
        """Charge money an earlier authorization holds."""
        ...

    def cancel(
        self, *, amount: Money, psp_reference: str, idempotency_key: str = ""
    ) -> GatewayResult:
        """Release money an earlier authorization holds."""
        ...


class GatewayNotAvailable(LookupError):
    """The gateway is unknown or switched off in this deployment."""


def payment_gateways_available() -> list[PaymentGateway]:
    """Return the gateways this deployment may use."""
    from .stripe import StripeGateway, stripe_configured
    from .test_gateway import TestGateway

    gateways: list[PaymentGateway] = []
    if settings.PAYMENT_TEST_GATEWAY_ENABLED:
        gateways.append(TestGateway())
    if stripe_configured():
        gateways.append(StripeGateway())
    return gateways


def payment_gateway_get(*, gateway_id: str) -> PaymentGateway:
    """Return the enabled gateway with this id or raise GatewayNotAvailable."""
    for gateway in payment_gateways_available():
        if gateway.id == gateway_id:
            return gateway
    raise GatewayNotAvailable(gateway_id)

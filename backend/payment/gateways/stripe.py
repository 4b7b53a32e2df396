"""Card payments through Stripe's PaymentIntents, with the official SDK.

The gateway speaks as Saleor's Stripe app (gateway id
``saleor.app.payment.stripe``): a session starts a PaymentIntent whose
client secret the browser's Stripe.js confirms, and Stripe's webhooks
(``payment/stripe_webhooks.py``) are the source of truth for its outcome.

The token names what to pay with: empty (the browser confirms the new
intent), a PaymentMethod or card id (confirm it now), or an existing
PaymentIntent id (read back its state: transactionProcess). Every call that
moves money carries an idempotency key; amounts are sent in the currency's
minor units.
"""

from decimal import ROUND_HALF_UP, Decimal

import stripe
from django.conf import settings
from prices import Money

from . import GatewayResult, PaymentStatus

STRIPE_GATEWAY_ID = "saleor.app.payment.stripe"

# Stripe's currencies without minor units, and with three (whose amounts
# Stripe wants divisible by ten); every other currency has two.
ZERO_DECIMAL_CURRENCIES = frozenset(
    "BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF".split()
)
THREE_DECIMAL_CURRENCIES = frozenset("BHD JOD KWD OMR TND".split())

CAPTURE_AUTOMATIC = "automatic"
CAPTURE_MANUAL = "manual"


def stripe_configured() -> bool:
    """Return whether this deployment has Stripe's keys."""
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_PUBLISHABLE_KEY)


def stripe_client() -> stripe.StripeClient:
    """Return an SDK client for the configured account and API server."""
    base = settings.STRIPE_API_BASE
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses={"api": base} if base else None,
        # Retries reuse the call's idempotency key, so none is taken twice.
        max_network_retries=2,
    )


def currency_exponent(currency: str) -> int:
    """Return how many minor-unit digits Stripe uses for the currency."""
    code = currency.upper()
    if code in ZERO_DECIMAL_CURRENCIES:
        return 0
    if code in THREE_DECIMAL_CURRENCIES:
        return 3
    return 2


def to_minor_units(amount: Decimal, currency: str) -> int:
    """Return the amount as Stripe's integer of minor units (¥500 → 500)."""
    scaled = Decimal(amount).scaleb(currency_exponent(currency))
    return int(scaled.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def from_minor_units(value: int, currency: str) -> Decimal:
    """Return Stripe's integer of minor units as a Decimal amount."""
    exponent = currency_exponent(currency)
    return Decimal(int(value)).scaleb(-exponent).quantize(Decimal(1).scaleb(-exponent))


def idempotency_key(*parts) -> str:
    """Join the parts naming one call (transaction, action, amount, ...)."""
    return "lumbar:" + ":".join(str(part) for part in parts if part != "")


def as_dict(stripe_object) -> dict:
    """Return an SDK object (or a webhook's JSON) as plain dicts and lists."""
    if hasattr(stripe_object, "to_dict"):
        return stripe_object.to_dict()
    return stripe_object


def intent_client_data(intent) -> dict:
    """Return what the storefront's Stripe.js needs for the intent.

    The shape is Saleor's Stripe app's: ``{paymentIntent:
    {stripeClientSecret}}``.
    """
    return {"paymentIntent": {"stripeClientSecret": intent["client_secret"]}}


def intent_result(intent, *, currency: str) -> GatewayResult:
    """Translate a PaymentIntent's state into the gateway's answer."""
    intent = as_dict(intent)
    amount = Money(from_minor_units(intent["amount"], currency), currency)
    status = intent["status"]
    error = intent.get("last_payment_error") or {}
    if status in ("succeeded", "requires_capture"):
        return GatewayResult(
            status=PaymentStatus.SUCCESS, amount=amount, psp_reference=intent["id"]
        )
    if status == "canceled" or (status == "requires_payment_method" and error):
        return GatewayResult(
            status=PaymentStatus.DECLINED,
            amount=amount,
            psp_reference=intent["id"],
            message=error.get("message") or "The payment was canceled.",
        )
    return GatewayResult(
        status=PaymentStatus.ACTION_REQUIRED,
        amount=amount,
        psp_reference=intent["id"],
        message="Waiting for the shopper to confirm the payment.",
        action_data=intent_client_data(intent),
    )


def _declined(
    error: stripe.StripeError, *, amount: Money, reference=""
) -> GatewayResult:
    body = (error.json_body or {}).get("error") or {}
    intent = body.get("payment_intent") or {}
    return GatewayResult(
        status=PaymentStatus.DECLINED,
        amount=amount,
        psp_reference=intent.get("id") or reference,
        message=body.get("message") or str(error) or "Declined.",
    )


class StripeGateway:
    """Stripe's PaymentIntents behind Lumbar's gateway interface."""

    id = STRIPE_GATEWAY_ID
    name = "Stripe"

    def charge(
        self, *, amount: Money, token: str, idempotency_key: str = ""
    ) -> GatewayResult:
        return self._start(
            amount=amount,
            token=token,
            capture_method=CAPTURE_AUTOMATIC,
            key=idempotency_key,
        )

    def authorize(
        self, *, amount: Money, token: str, idempotency_key: str = ""
    ) -> GatewayResult:
        return self._start(
            amount=amount,
            token=token,
            capture_method=CAPTURE_MANUAL,
            key=idempotency_key,
        )

    def capture(
        self, *, amount: Money, psp_reference: str, idempotency_key: str = ""
    ) -> GatewayResult:
        params = {"amount_to_capture": to_minor_units(amount.amount, amount.currency)}
        return self._call(
            lambda client, options: client.v1.payment_intents.capture(
                psp_reference, params, options
            ),
            amount=amount,
            psp_reference=psp_reference,
            key=idempotency_key
            or idempotency_key_for(psp_reference, "capture", amount),
            done=lambda intent: intent["status"] == "succeeded",
        )

    def cancel(
        self, *, amount: Money, psp_reference: str, idempotency_key: str = ""
    ) -> GatewayResult:
        return self._call(
            lambda client, options: client.v1.payment_intents.cancel(
                psp_reference, {}, options
            ),
            amount=amount,
            psp_reference=psp_reference,
            key=idempotency_key or idempotency_key_for(psp_reference, "cancel", amount),
            done=lambda intent: intent["status"] == "canceled",
        )

    def refund(
        self, *, amount: Money, psp_reference: str, idempotency_key: str = ""
    ) -> GatewayResult:
        params = {
            "payment_intent": psp_reference,
            "amount": to_minor_units(amount.amount, amount.currency),
        }
        return self._call(
            lambda client, options: client.v1.refunds.create(params, options),
            amount=amount,
            psp_reference=psp_reference,
            key=idempotency_key or idempotency_key_for(psp_reference, "refund", amount),
            done=lambda refund: refund["status"] in ("succeeded", "pending"),
        )

    def payment_intent_get(self, psp_reference: str):
        """Read a PaymentIntent as Stripe holds it now."""
        return stripe_client().v1.payment_intents.retrieve(psp_reference)

    def _start(
        self, *, amount: Money, token: str, capture_method: str, key: str
    ) -> GatewayResult:
        client = stripe_client()
        if token.startswith("pi_"):
            intent = client.v1.payment_intents.retrieve(token)
            return intent_result(intent, currency=amount.currency)
        params = {
            "amount": to_minor_units(amount.amount, amount.currency),
            "currency": amount.currency.lower(),
            "capture_method": capture_method,
            "payment_method_types": ["card"],
        }
        if token:
            params |= {"payment_method": token, "confirm": True}
        options = {"idempotency_key": key} if key else {}
        try:
            intent = client.v1.payment_intents.create(params, options)
        except stripe.CardError as error:
            return _declined(error, amount=amount)
        except stripe.InvalidRequestError as error:
            return _declined(error, amount=amount)
        return intent_result(intent, currency=amount.currency)

    def _call(self, call, *, amount, psp_reference, key, done) -> GatewayResult:
        try:
            answer = call(stripe_client(), {"idempotency_key": key})
        except (stripe.CardError, stripe.InvalidRequestError) as error:
            return _declined(error, amount=amount, reference=psp_reference)
        status = PaymentStatus.SUCCESS if done(answer) else PaymentStatus.DECLINED
        return GatewayResult(
            status=status,
            amount=amount,
            psp_reference=psp_reference,
            message="" if status == PaymentStatus.SUCCESS else answer["status"],
        )


def idempotency_key_for(psp_reference: str, action: str, amount: Money) -> str:
    """Key a call by what it does when the caller names no transaction step."""
    return idempotency_key(psp_reference, action, amount.amount)

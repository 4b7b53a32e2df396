"""Saleor's storefront's Stripe path, on localstripe, as far as it goes.

After the test-gateway journeys, `make e2e` starts localstripe (a fake of
Stripe's API with its own fake Stripe.js, as tests/fixtures/stripe.py does),
restarts Lumbar with Stripe's keys pointing at it (gunicorn-stripe.log,
celery-stripe.log: logscan reads them too) and buys on the storefront with
Stripe. The storefront loads Stripe.js from https://js.stripe.com; there is
no internet, so the driver answers that address with localstripe's own
Stripe.js and passes that script's API calls (which it sends to the host it
was loaded from) on to localstripe. Nothing in the storefront is edited.

localstripe's Stripe.js predates the Payment Element: its `elements()`
makes one card Element whatever the type asked for, and it has no
`elements.submit()` nor `stripe.confirmPayment()`. The journey asserts each
point it reaches and the exact point where it stops, twice:

1. localstripe's Stripe.js as it is: Lumbar's publishable key reaches
   Stripe(), the element shows, Lumbar stores the billing address, then
   the storefront's own error after Pay names elements.submit; no
   PaymentIntent exists.
2. With one adapter (SUBMIT_ADAPTER): elements.submit() becomes
   localstripe's own createToken(), a real call to its POST /v1/tokens
   that checks the card typed and answers an error for a bad one, so no
   outcome is made up here. Lumbar's transactionInitialize then creates
   the PaymentIntent in localstripe for the checkout's total and hands its
   client secret to the storefront, which gets to stripe.confirmPayment()
   and stops there, naming it.

No adapter stands in for confirmPayment: localstripe's server confirms a
PaymentIntent only with the secret key and takes neither a client secret
nor card data, so a confirmPayment here would have to act as Stripe's
server (fake it), not adapt to localstripe. The webhook, transactionProcess
and the order are therefore out of reach; tests/payment/stripe/ and
tests/browser/test_stripe_checkout.py cover them against localstripe.
"""

import base64
import json
import re
import sys
import time
import urllib.parse
import urllib.request
from decimal import Decimal
from pathlib import Path

import harness
import journeys
from harness import LOGS, log

SECRET_KEY = "sk_test_lumbar_e2e"
PUBLISHABLE_KEY = "pk_test_lumbar_e2e"
WEBHOOK_SECRET = "whsec_lumbar_e2e"
STRIPE_JS_ORIGIN = "https://js.stripe.com"
LOCALSTRIPE_JS_PATH = "/js.stripe.com/v3/"
STRIPE_GATEWAY = "saleor.app.payment.stripe"
GUEST_EMAIL = "stripe-e2e@example.com"
# localstripe's card inputs, by placeholder; 4242... is Stripe's plain success card.
CARD = {
    "number": "4242424242424242",
    "exp_month": "12",
    "exp_year": "34",
    "cvc": "123",
    "postal_code": "94043",
}
# "TypeError: e.submit is not a function" (names are minified in the build).
NOT_A_FUNCTION = re.compile(r"([\w$]+(?:\.[\w$]+)*)\.(\w+) is not a function")
SHOT_NUMBER = re.compile(r"^(\d+)-")
# Records what the page asks of Stripe.js (each key Stripe() is given, each
# elements() group with its Stripe instance); passes everything through.
RECORD_STRIPE = """
(() => {
  const seen = { keys: [], groups: [] };
  let factory;
  Object.defineProperty(window, "__lumbarStripe", { value: seen });
  Object.defineProperty(window, "Stripe", {
    configurable: true,
    get() { return factory; },
    set(value) {
      factory = typeof value !== "function" ? value : Object.assign((key, ...rest) => {
        seen.keys.push(key);
        const stripe = value(key, ...rest);
        const elements = stripe.elements;
        stripe.elements = (...options) => {
          const group = elements.apply(stripe, options);
          seen.groups.push({ stripe, elements: group });
          return group;
        };
        return stripe;
      }, value);
    },
  });
})();
"""
# elements.submit() as localstripe's createToken(): POST /v1/tokens checks
# the card the shopper typed; its error, if any, is the submit's error.
SUBMIT_ADAPTER = """
() => {
  for (const { stripe, elements } of window.__lumbarStripe.groups) {
    elements.submit = async () => {
      const { error } = await stripe.createToken(elements.getElement("payment"));
      return error ? { error } : { selectedPaymentMethod: "card" };
    };
  }
  return window.__lumbarStripe.groups.length;
}
"""


def split_steps(steps: str | None) -> tuple[str | None, bool]:
    """Split E2E_STEPS into the other journeys' names and whether Stripe runs.

    None (all journeys) keeps None and runs Stripe; "" means no other journey.
    """
    if steps is None:
        return None, True
    names = [name.strip() for name in steps.split(",") if name.strip()]
    others = [name for name in names if name != "stripe"]
    return ",".join(others), "stripe" in names


def next_shot_number(names) -> int:
    """Return the number after the highest NN- prefix among screenshot names."""
    numbers = [int(match.group(1)) for match in map(SHOT_NUMBER.match, names) if match]
    return max(numbers, default=0) + 1


def localstripe_address(url: str, localstripe: str) -> str:
    """Return where on localstripe a request for js.stripe.com is answered.

    The script itself (any path ending in .js or /v3) is localstripe's fake
    Stripe.js; anything else is an API call that script sent to the host it
    was loaded from, and goes to the same path on localstripe.
    """
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")
    if path.endswith(".js") or path.endswith("/v3") or path == "":
        return localstripe + LOCALSTRIPE_JS_PATH
    query = f"?{parts.query}" if parts.query else ""
    return localstripe + parts.path + query


def missing_function(messages) -> tuple[str, str] | None:
    """Return (object, function) of the first "X.f is not a function" message."""
    for message in messages:
        match = NOT_A_FUNCTION.search(message)
        if match:
            return match.group(1), match.group(2)
    return None


def storefront_env(env: dict) -> dict:
    """Build and serve the storefront with its Stripe option on.

    Express Checkout (wallet buttons) is the storefront's documented opt-out:
    headless Chromium has no wallet, and localstripe's elements() makes one
    Element only, which the express element would take from the card form.
    """
    return {
        **env,
        "NEXT_PUBLIC_ENABLE_STRIPE_PAYMENTS": "true",
        "NEXT_PUBLIC_ENABLE_STRIPE_EXPRESS_CHECKOUT": "false",
    }


def lumbar_env(env: dict, localstripe: str) -> dict:
    return {
        **env,
        "STRIPE_SECRET_KEY": SECRET_KEY,
        "STRIPE_PUBLISHABLE_KEY": PUBLISHABLE_KEY,
        "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "STRIPE_API_BASE": localstripe,
    }


def start_localstripe(stack: harness.Stack) -> str:
    port = harness.free_port()
    process = stack.start(
        "localstripe",
        [sys.executable, "-m", "localstripe", "--port", port, "--from-scratch"],
    )
    url = f"http://127.0.0.1:{port}"
    harness.wait_for_http(url + LOCALSTRIPE_JS_PATH, process=process, timeout=60)
    return url


def localstripe_call(localstripe: str, path: str, data: dict | None = None) -> dict:
    """Call localstripe's API with the secret key, as Lumbar does."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(
        localstripe + path, data=body, headers={"Authorization": f"Bearer {SECRET_KEY}"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read()
    return json.loads(text) if text.strip() else {}  # /_config/ answers nothing


def serve_lumbar_with_stripe(stack: harness.Stack, env: dict, api_port: int) -> str:
    """Start localstripe, then restart gunicorn and Celery with Stripe's keys."""
    localstripe = start_localstripe(stack)
    stripe_env = lumbar_env(env, localstripe)
    localstripe_call(
        localstripe,
        "/_config/webhooks/lumbar",
        {
            "url": f"{stripe_env['PUBLIC_URL']}/webhooks/stripe/",
            "secret": WEBHOOK_SECRET,
        },
    )
    for name in ("celery", "gunicorn"):
        stack.stop(name)
    harness.serve_lumbar(stack, stripe_env, api_port, suffix="-stripe")
    return localstripe


def route_stripe_js(page, localstripe: str) -> None:
    """Answer js.stripe.com from localstripe (the script and its API calls)."""

    def answer(route):
        target = localstripe_address(route.request.url, localstripe)
        response = route.fetch(url=target)
        log(
            f"stripe route: {route.request.method} {route.request.url} -> "
            f"{target} ({response.status})"
        )
        route.fulfill(response=response)

    page.route(STRIPE_JS_ORIGIN + "/**", answer)


def checkout_id(page) -> str:
    match = re.search(r"[?&]checkout=([^&]+)", page.url)
    if not match:
        raise journeys.StepFailed("no checkout id in the URL")
    return urllib.parse.unquote(match.group(1))


def pay_until_stopped(page, messages: list[str]) -> tuple[tuple[str, str] | None, str]:
    """Click Pay; return the missing function the page's error names, and it.

    Any other error the page shows (Lumbar's refusal, a declined card) is
    returned with None, and fails the step that expected a stop.
    """
    # The storefront's PaymentError: "Payment failed" over the message.
    failed = page.get_by_text("Payment failed", exact=True).first
    page.get_by_role("button", name=re.compile(r"^Pay ")).click()
    failed.wait_for(state="hidden")  # a new attempt clears the last error
    failed.wait_for(timeout=60_000)
    text = failed.locator("xpath=following-sibling::p[1]").inner_text()
    for message in messages:  # since the last attempt, typing included
        log("stripe page: " + message[:400])
    del messages[:]
    return missing_function([text]), text


def expect_stop(stop, text: str, function: str) -> None:
    if stop is None or stop[1] != function:
        raise journeys.StepFailed(f"expected the stop at {function}(): {text!r}")


def lumbar_transactions(checkout: str) -> list[tuple[str, str, str]]:
    """Return (gateway, psp reference, last event) of the checkout's transactions."""
    import psycopg

    token = base64.b64decode(checkout).decode().split(":", 1)[1]
    with psycopg.connect(f"{harness.PG_URL}/{harness.DATABASE}") as connection:
        return connection.execute(
            "SELECT t.gateway, t.psp_reference, (SELECT e.type FROM"
            " payment_transactionevent e WHERE e.transaction_id = t.id"
            " ORDER BY e.created_at DESC, e.id DESC LIMIT 1)"
            " FROM payment_transactionitem t WHERE t.checkout_id = %s",
            [token],
        ).fetchall()


def stripe_purchase(run: journeys.Run, page, *, localstripe: str) -> list[str]:
    """Pay with Stripe on the storefront; return where localstripe stops it."""
    messages: list[str] = []
    page.on(
        "console",
        lambda message: messages.append(f"console.{message.type}: {message.text}"),
    )
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    page.add_init_script(RECORD_STRIPE)
    route_stripe_js(page, localstripe)
    journeys.add_variant_to_bag(run, page)
    journeys.open_checkout_from_cart(run, page)
    journeys.checkout_to_payment(run, page, guest_email=GUEST_EMAIL)
    stops = []
    with run.step(page, "stripe-payment-element"):
        # localstripe's card Element: "localstripe: " and five inputs.
        page.get_by_text("localstripe:").wait_for()
        for field in CARD:
            page.get_by_placeholder(field, exact=True).wait_for()
        keys = page.evaluate("window.__lumbarStripe.keys")
        if not keys or set(keys) != {PUBLISHABLE_KEY}:
            raise journeys.StepFailed(
                f"Stripe() was given {keys}, not Lumbar's {PUBLISHABLE_KEY}"
            )
        log(
            f"stripe: Stripe({PUBLISHABLE_KEY}), the key Lumbar's "
            "paymentGatewayInitialize gave; the payment element is localstripe's "
            "card form"
        )
    checkout = checkout_id(page)
    with run.step(page, "stripe-pay-localstripe-js"):
        for field, value in CARD.items():
            journeys.fill(page.get_by_placeholder(field, exact=True), value)
        stop, text = pay_until_stopped(page, messages)
        stops.append(describe_stop(stop, text, adapted=False))
        log("stripe: " + stops[-1])
        expect_stop(stop, text, "submit")
        billing = journeys.api_query(
            run,
            "query($id: ID!) { checkout(id: $id) { billingAddress { city } } }",
            {"id": checkout},
        )["checkout"]["billingAddress"]
        # Lumbar normalises addresses as Saleor does (the city upper-cased).
        if (billing or {}).get("city", "").casefold() != "mountain view":
            raise journeys.StepFailed(f"Lumbar holds no billing address: {billing}")
        intents = localstripe_call(localstripe, "/v1/payment_intents")["data"]
        if intents or lumbar_transactions(checkout):
            raise journeys.StepFailed(f"a payment began before submit: {intents}")
    with run.step(page, "stripe-pay-submit-adapted"):
        if not page.evaluate(SUBMIT_ADAPTER):
            raise journeys.StepFailed("the page made no elements() group")
        stop, text = pay_until_stopped(page, messages)
        expect_stop(stop, text, "confirmPayment")
        total = journeys.api_query(
            run,
            "query($id: ID!) { checkout(id: $id) { totalPrice { gross"
            " { amount currency } } } }",
            {"id": checkout},
        )["checkout"]["totalPrice"]["gross"]
        intents = localstripe_call(localstripe, "/v1/payment_intents")["data"]
        if len(intents) != 1:
            raise journeys.StepFailed(f"localstripe holds {len(intents)} intents")
        intent = intents[0]
        cents = int(Decimal(str(total["amount"])) * 100)
        wanted = (cents, total["currency"].lower(), "requires_payment_method")
        if (intent["amount"], intent["currency"], intent["status"]) != wanted:
            raise journeys.StepFailed(f"the PaymentIntent is not {wanted}: {intent}")
        transactions = lumbar_transactions(checkout)
        # One Stripe session holding the intent, waiting for the browser.
        if [row[:2] for row in transactions] != [(STRIPE_GATEWAY, intent["id"])] or (
            not (transactions[0][2] or "").endswith("action_required")
        ):
            raise journeys.StepFailed(f"Lumbar's transactions: {transactions}")
        stops.append(
            describe_stop(
                stop,
                text,
                adapted=True,
                intent=f"{intent['id']} for {intent['amount']} {intent['currency']}"
                f" ({intent['status']}; Lumbar's transaction at "
                f"{transactions[0][2].upper()})",
            )
        )
        log("stripe: " + stops[-1])
    return stops


def describe_stop(
    stop: tuple[str, str] | None, shown: str, *, adapted: bool, intent: str = ""
) -> str:
    """Say in one line how far the storefront's Stripe path got."""
    if adapted:
        reached = (
            "with elements.submit as localstripe's createToken: the card passed "
            "localstripe's POST /v1/tokens, Lumbar's transactionInitialize created "
            f"PaymentIntent {intent} and gave the storefront its client secret"
        )
        after = "transactionProcess, the webhook and the order are not reached"
    else:
        reached = (
            "localstripe's Stripe.js as it is: Lumbar's paymentGatewayInitialize "
            "gave Stripe() its key, the payment element showed (localstripe's "
            "card form), checkoutBillingAddressUpdate stored the address"
        )
        after = "transactionInitialize is not reached"
    if stop is None:
        return f"{reached}; then the page showed {shown!r}"
    return (
        f"{reached}; stopped at {stop[0]}.{stop[1]}(): localstripe's Stripe.js "
        f"has no {stop[1]}() - the page shows {shown!r}; {after}"
    )


def drive(stack: harness.Stack, env: dict, api_port: int, base: str) -> list[str]:
    """Run the Stripe journey against a Lumbar restarted with Stripe's keys."""
    from playwright.sync_api import sync_playwright

    localstripe = serve_lumbar_with_stripe(stack, env, api_port)
    journeys.SHOTS.mkdir(parents=True, exist_ok=True)
    run = journeys.Run(base, f"http://127.0.0.1:{api_port}/graphql/")
    shots = (path.name for path in journeys.SHOTS.glob("*.png"))
    run.number = next_shot_number(shots) - 1
    started = time.monotonic()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=journeys.CHROMIUM,
            args=journeys.CHROMIUM_ARGS,
            headless=True,
        )
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.set_default_timeout(journeys.TIMEOUT_MS)
            page = context.new_page()
            log("-- journey stripe")
            try:
                stops = stripe_purchase(run, page, localstripe=localstripe)
                log("stripe furthest point: " + stops[-1])
            except journeys.StepFailed:
                pass
            finally:
                context.close()
        finally:
            browser.close()
    log(
        f"stripe steps passed: {len(run.passed)}, failed: {len(run.failures)} "
        f"in {time.monotonic() - started:.0f}s; localstripe's log "
        f"{Path(LOGS) / 'localstripe.log'}"
    )
    return run.failures

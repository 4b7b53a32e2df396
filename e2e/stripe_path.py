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
point it reaches (Lumbar's publishable key handed to Stripe(), the element
shown, the billing address stored) and then the exact point where it
stops: the storefront's own error after Pay, naming the missing function.
No shim stands in for a missing function: localstripe's server refuses to
confirm a PaymentIntent with a publishable key (its confirm endpoint takes
neither a client secret nor card data), so any confirmPayment here would
have to fake Stripe rather than adapt to localstripe.
"""

import json
import re
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import harness
import journeys
from harness import LOGS, log

SECRET_KEY = "sk_test_lumbar_e2e"
PUBLISHABLE_KEY = "pk_test_lumbar_e2e"
WEBHOOK_SECRET = "whsec_lumbar_e2e"
STRIPE_JS_ORIGIN = "https://js.stripe.com"
LOCALSTRIPE_JS_PATH = "/js.stripe.com/v3/"
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
# Records the key each Stripe() call is given; passes everything through.
RECORD_STRIPE_KEYS = """
(() => {
  const keys = [];
  let factory;
  Object.defineProperty(window, "__lumbarStripeKeys", { value: keys });
  Object.defineProperty(window, "Stripe", {
    configurable: true,
    get() { return factory; },
    set(value) {
      factory = typeof value !== "function" ? value : Object.assign(
        (key, ...rest) => { keys.push(key); return value(key, ...rest); }, value);
    },
  });
})();
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
        return json.loads(response.read())


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


def stripe_purchase(run: journeys.Run, page, *, localstripe: str) -> str:
    """Pay with Stripe on the storefront; return where localstripe stops it."""
    messages: list[str] = []
    page.on(
        "console",
        lambda message: messages.append(f"console.{message.type}: {message.text}"),
    )
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    page.add_init_script(RECORD_STRIPE_KEYS)
    route_stripe_js(page, localstripe)
    journeys.add_variant_to_bag(run, page)
    journeys.open_checkout_from_cart(run, page)
    journeys.checkout_to_payment(run, page, guest_email=GUEST_EMAIL)
    with run.step(page, "stripe-payment-element"):
        # localstripe's card Element: "localstripe: " and five inputs.
        page.get_by_text("localstripe:").wait_for()
        for field in CARD:
            page.get_by_placeholder(field, exact=True).wait_for()
        keys = page.evaluate("window.__lumbarStripeKeys")
        if not keys or set(keys) != {PUBLISHABLE_KEY}:
            raise journeys.StepFailed(
                f"Stripe() was given {keys}, not Lumbar's {PUBLISHABLE_KEY}"
            )
        log(
            f"stripe: Stripe({PUBLISHABLE_KEY}), the key Lumbar's "
            "paymentGatewayInitialize gave; the payment element is localstripe's "
            "card form"
        )
    with run.step(page, "stripe-pay"):
        for field, value in CARD.items():
            journeys.fill(page.get_by_placeholder(field, exact=True), value)
        pay = page.get_by_role("button", name=re.compile(r"^Pay "))
        pay.click()
        shown = page.get_by_text(NOT_A_FUNCTION).first
        shown.wait_for(timeout=60_000)
        stop = missing_function([shown.inner_text()])
        stop_point = describe_stop(stop, shown.inner_text())
        for message in messages:
            log("stripe page: " + message[:400])
        log("stripe: " + stop_point)
        if stop is None or stop[1] != "submit":
            raise journeys.StepFailed(
                "expected the stop at elements.submit: " + stop_point
            )
        checkout = journeys.api_query(
            run,
            "query($id: ID!) { checkout(id: $id) { billingAddress { city } } }",
            {"id": checkout_id(page)},
        )["checkout"]
        if (checkout["billingAddress"] or {}).get("city") != "Mountain View":
            raise journeys.StepFailed(f"Lumbar holds no billing address: {checkout}")
        intents = localstripe_call(localstripe, "/v1/payment_intents")["data"]
        if intents:
            raise journeys.StepFailed(
                f"a PaymentIntent exists before transactionInitialize: {intents}"
            )
    return stop_point


def describe_stop(stop: tuple[str, str] | None, shown: str) -> str:
    """Say in one line how far the storefront's Stripe path got."""
    reached = (
        "Lumbar's paymentGatewayInitialize gave Stripe() its key, "
        "the payment element showed (localstripe's card form), "
        "checkoutBillingAddressUpdate stored the address"
    )
    if stop is None:
        return f"{reached}; then the page showed {shown!r}"
    return (
        f"{reached}; stopped at {stop[0]}.{stop[1]}() (the storefront's "
        f"elements.submit): localstripe's Stripe.js has no {stop[1]}() "
        f"- the page shows {shown!r}; transactionInitialize, "
        "stripe.confirmPayment (also absent), the webhook and the order "
        "are not reached"
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
                stripe_purchase(run, page, localstripe=localstripe)
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

"""The shopper's journeys through Saleor's storefront, step by step.

Each step is named, timed and screenshotted (var/e2e/screenshots/NN-name.png,
also when it fails). A failed step ends its journey and is reported; the
next journey starts in a fresh browser context.
"""

import datetime
import email
import html
import json
import re
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager

from harness import LOGS, VAR, log

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SHOTS = VAR / "screenshots"
TIMEOUT_MS = 30_000  # a cold Next page on a loaded 2-core machine
CHANNEL = "/en/default-channel"
VARIANT_PRODUCT = "pulseease-tens-unit"
VARIANT_OPTION = "4 channels"
PROMO_CODE = "WELCOME10"
PASSWORD = "Lumbar-e2e-pass-1"
NEW_PASSWORD = "Lumbar-e2e-pass-2"
CHANGE_PASSWORD_SUBMIT = "Change password"


class StepFailed(Exception):
    pass


class Run:
    """Numbered steps with a screenshot each; failures collected."""

    def __init__(self, base: str, api: str | None = None):
        self.base = base
        self.api = api
        self.number = 0
        self.failures: list[str] = []
        self.passed: list[str] = []

    @contextmanager
    def step(self, page, name: str, *, soft: bool = False):
        """Run a step; a soft one's failure is recorded and the journey goes on."""
        self.number += 1
        label = f"{self.number:02d}-{name}"
        begun = time.monotonic()
        try:
            yield
        except Exception as error:
            self._shoot(page, label + "-FAILED")
            first_line = (
                str(error).strip().splitlines()[0] if str(error).strip() else ""
            )
            self.failures.append(
                f"step {label} at {page.url}: {type(error).__name__}: {first_line}"
            )
            log(
                f"step {label} FAILED after {time.monotonic() - begun:.1f}s: "
                f"{str(error)[:800]}"
            )
            if soft:
                return
            raise StepFailed(label) from error
        self._shoot(page, label)
        self.passed.append(label)
        log(f"step {label} ok ({time.monotonic() - begun:.1f}s)")

    @staticmethod
    def _shoot(page, label: str) -> None:
        try:
            page.screenshot(path=str(SHOTS / f"{label}.png"), full_page=True)
        except Exception as error:  # noqa: BLE001 - a screenshot never hides a result
            log(f"screenshot {label} failed: {error}")


def expect_text(page, text, *, timeout=TIMEOUT_MS) -> None:
    """Wait for visible text (a str or a compiled pattern) anywhere on the page."""
    page.get_by_text(text).first.wait_for(state="visible", timeout=timeout)


def settle(page, *, timeout=5_000) -> None:
    """Give a page's client code a moment to hydrate (forms reset early input)."""
    try:
        page.wait_for_load_state("networkidle", timeout=timeout)
    except Exception:  # noqa: BLE001 - a busy page is fine; fill() checks values
        pass


def fill(field, value: str, *, attempts: int = 10) -> None:
    """Fill a field until the value sticks (hydration may reset an early fill)."""
    for _ in range(attempts):
        field.fill(value)
        field.page.wait_for_timeout(200)
        if field.input_value() == value:
            return
    raise AssertionError(f"{field} keeps losing the value {value!r}")


def product_link(page, slug: str):
    return page.locator(f'main a[href*="/products/{slug}"]').first


# --- browse ----------------------------------------------------------------


def browse(run: Run, page) -> None:
    base = run.base
    with run.step(page, "home"):
        page.goto(base + "/")
        page.wait_for_url(re.compile(re.escape(CHANNEL) + r"/?$"))
        page.get_by_role("heading", name="Featured products").wait_for()
        page.locator('main a[href*="/products/"]').first.wait_for()
    with run.step(page, "category"):
        page.goto(base + CHANNEL + "/categories/tens-units")
        page.get_by_role("heading", level=1).first.wait_for()
        product_link(page, "pulseease-tens-unit").wait_for()
    with run.step(page, "collection"):
        page.goto(base + CHANNEL + "/collections/sciatica-essentials")
        page.get_by_role("heading", level=1).first.wait_for()
        page.locator('main a[href*="/products/"]').first.wait_for()
    with run.step(page, "search"):
        box = page.get_by_role("textbox", name="Search for products")
        fill(box, "foam roller")
        box.press("Enter")
        page.wait_for_url(re.compile(r"/search\?.*query=foam"))
        expect_text(page, re.compile(r'Results for "foam roller"'))
        product_link(page, "high-density-foam-roller").wait_for()


def add_variant_to_bag(run: Run, page, *, option=VARIANT_OPTION, expected_count=1):
    with run.step(page, "product-variant"):
        page.goto(run.base + CHANNEL + f"/products/{VARIANT_PRODUCT}")
        page.get_by_role("heading", level=1).first.wait_for()
        page.get_by_role("button", name=re.compile("^" + re.escape(option))).click()
        page.wait_for_url(re.compile(r"variant="))
    with run.step(page, "add-to-bag"):
        page.get_by_role("button", name="Add to bag").click()
        page.get_by_role(
            "button", name=re.compile(rf"\b{expected_count} items? in cart")
        ).wait_for()


# --- checkout --------------------------------------------------------------


def open_checkout_from_cart(run: Run, page) -> None:
    with run.step(page, "cart"):
        page.goto(run.base + CHANNEL + "/cart")
        page.get_by_role("heading", name="Shopping Cart").wait_for()
        page.get_by_role("link", name="Checkout").click()
        page.wait_for_url(re.compile(r"/checkout\?.*checkout="))


def fill_shipping_address(page) -> None:
    page.get_by_role("combobox", name="Country/Region").select_option(
        label="United States"
    )
    page.get_by_role("combobox", name=re.compile("^State")).wait_for()
    fill(page.get_by_role("textbox", name="First name"), "Ada")
    fill(page.get_by_role("textbox", name="Last name"), "Lovelace")
    fill(page.get_by_role("textbox", name="Street address"), "1600 Amphitheatre Pkwy")
    fill(page.get_by_role("textbox", name="City"), "Mountain View")
    fill(page.get_by_role("textbox", name=re.compile("Postal|ZIP", re.I)), "94043")
    page.get_by_role("combobox", name=re.compile("^State")).select_option(
        label="California"
    )


def checkout_to_payment(run: Run, page, *, guest_email: str | None) -> None:
    """Contact and address, then the shipping method, to the payment step."""
    with run.step(page, "checkout-information"):
        if guest_email:
            fill(page.get_by_role("textbox", name="Email address"), guest_email)
        else:
            expect_text(page, re.compile("Signed in|Contact"))
        address_form = page.get_by_role("textbox", name="Street address")
        if guest_email or address_form.count():
            fill_shipping_address(page)
        page.get_by_role("button", name="Continue to shipping").click()
        page.wait_for_url(re.compile(r"step=shipping"))
    with run.step(page, "checkout-shipping-method"):
        check_delivery_days(run, page)
        # The radio is visually hidden under its styled label: click the label.
        page.get_by_text("Express", exact=True).click()
        express = page.get_by_role("radio", name=re.compile("^Express"))
        page.wait_for_function("e => e.checked", arg=express.element_handle())
        page.get_by_role("button", name="Continue to payment").click()
        page.wait_for_url(re.compile(r"step=payment"))


def checkout_to_confirmation(
    run: Run, page, *, guest_email: str | None, soft_confirmation: bool = False
) -> None:
    """Contact and address, shipping method, dummy payment, confirmation."""
    checkout_to_payment(run, page, guest_email=guest_email)
    with run.step(page, "checkout-dummy-payment"):
        expect_text(page, "Dummy Payment App")
        page.get_by_role("button", name=re.compile(r"^Pay ")).click()
        page.wait_for_url(re.compile(r"/checkout/complete|order="), timeout=60_000)
    with run.step(page, "order-confirmation", soft=soft_confirmation):
        try:
            expect_text(page, "Thank you for your order!", timeout=30_000)
        except Exception:
            explain_missing_order(run, page)
            raise
        expect_text(page, re.compile(r"Order #\d+"))


def api_query(run: Run, query: str, variables: dict) -> dict:
    """Ask Lumbar's API directly, anonymously, as the storefront's server does."""
    request = urllib.request.Request(
        run.api,
        data=json.dumps({"query": query, "variables": variables}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = json.loads(response.read())
    if answer.get("errors"):
        raise StepFailed(f"the API refused {query}: {answer['errors']}")
    return answer["data"]


def weekdays_after(start: datetime.date, end: datetime.date) -> int:
    """Monday-to-Friday days after `start` up to `end`; holidays count too."""
    return sum(
        (start + datetime.timedelta(days=n)).weekday() < 5
        for n in range(1, (end - start).days + 1)
    )


def check_delivery_days(run: Run, page) -> None:
    """The "min-max business days" each option shows is Lumbar's promise.

    The storefront prints ShippingMethod.minimumDeliveryDays and
    maximumDeliveryDays; for a checkout they must count, in business days
    from today, to the dates Lumbar promises for its lines (the promise its
    own pages show), not the carrier's bare transit time.
    """
    match = re.search(r"[?&]checkout=([^&]+)", page.url)
    if not match or not run.api:
        raise StepFailed("no checkout id in the URL to compare delivery days with")
    checkout_id = urllib.parse.unquote(match.group(1))
    data = api_query(
        run,
        "query($id: ID!) { checkout(id: $id) { shippingMethods {"
        " name minimumDeliveryDays maximumDeliveryDays"
        " deliveryPromise { earliestDate latestDate } } } }",
        {"id": checkout_id},
    )
    methods = data["checkout"]["shippingMethods"]
    if not methods:
        raise StepFailed("the checkout offers no shipping method")
    # "Today" is the nearest warehouse's date, which may be UTC's yesterday
    # (an evening in the US): either may be the one the count starts from.
    utc_today = datetime.datetime.now(datetime.UTC).date()
    todays = (utc_today - datetime.timedelta(days=1), utc_today)
    for method in methods:
        promise = method["deliveryPromise"]
        if promise is None:
            raise StepFailed(f"{method['name']} promises no dates for this cart")
        shown = f"{method['minimumDeliveryDays']}-{method['maximumDeliveryDays']}"
        option = page.locator("label").filter(
            has=page.get_by_text(method["name"], exact=True)
        )
        option.get_by_text(f"{shown} business days", exact=True).wait_for()
        for label, days, promised in (
            ("earliest", method["minimumDeliveryDays"], promise["earliestDate"]),
            ("latest", method["maximumDeliveryDays"], promise["latestDate"]),
        ):
            day = datetime.date.fromisoformat(promised)
            # The carrier's calendar skips holidays, so the business days are
            # at most the weekdays to the date, and all of them in a plain week.
            if not any(
                0 < days <= weekdays_after(today, day) <= days + 2 for today in todays
            ):
                raise StepFailed(
                    f"{method['name']}: the storefront shows {shown} business days "
                    f"but Lumbar's {label} date is {promised}"
                )
        log(
            f"delivery days: {method['name']} shows {shown} business days, "
            f"Lumbar promises {promise['earliestDate']} to {promise['latestDate']}"
        )
    # The step's own screenshot comes after it moved on to payment.
    run._shoot(page, f"{run.number:02d}-delivery-days")


def explain_missing_order(run: Run, page) -> None:
    """Log what the API answers, anonymously, for the order the page shows."""
    match = re.search(r"[?&]order=([^&]+)", page.url)
    if not match or not run.api:
        return
    order_id = urllib.parse.unquote(match.group(1))
    query = '{ order(id: "' + order_id + '") { id number } }'
    request = urllib.request.Request(
        run.api,
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        answer = response.read().decode()
    log(
        f"the confirmation page's order, asked anonymously as the storefront "
        f"does (fetchOrderOnServer): {query} -> {answer}"
    )


def guest_purchase(run: Run, page) -> None:
    add_variant_to_bag(run, page)
    open_checkout_from_cart(run, page)
    checkout_to_confirmation(run, page, guest_email="guest-e2e@example.com")


def cart_edits(run: Run, page) -> None:
    """Promo code on and off, a quantity up, a line removed."""
    add_variant_to_bag(run, page, option="2 channels")
    add_variant_to_bag(run, page, option="4 channels", expected_count=2)
    open_checkout_from_cart(run, page)
    summary = page.get_by_role("article").filter(has_text="Order Summary")
    with run.step(page, "promo-code-added"):
        fill(summary.get_by_role("textbox", name="Discount code"), PROMO_CODE)
        summary.get_by_role("button", name="Apply").click()
        summary.get_by_text(PROMO_CODE).first.wait_for()
        summary.get_by_text("Discount").first.wait_for()
    with run.step(page, "promo-code-removed"):
        summary.get_by_role("button", name="Remove discount code").click()
        summary.get_by_text(PROMO_CODE).first.wait_for(state="hidden")
    with run.step(page, "cart-drawer"):
        page.goto(run.base + CHANNEL + f"/products/{VARIANT_PRODUCT}")
        page.get_by_role("button", name=re.compile(r"items? in cart")).click()
        page.get_by_role("dialog").wait_for()
    drawer = page.get_by_role("dialog")
    with run.step(page, "quantity-increased"):
        drawer.get_by_role("button", name="Increase quantity").first.click()
        # The header's count sits behind the open drawer: read the drawer's.
        drawer.get_by_text("(3 items)").wait_for()
        drawer.get_by_text("$79.98").first.wait_for()  # 2 × $39.99
    with run.step(page, "line-removed"):
        drawer.get_by_role("button", name=re.compile(r"^Remove ")).first.click()
        drawer.get_by_text("(1 item)").wait_for()


# --- account ---------------------------------------------------------------


def confirmation_link(address: str, *, storefront: str, timeout=60) -> str:
    """The account link in the newest email to address, from the worker's log."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name in ("celery.log", "gunicorn.log"):
            text = (LOGS / name).read_text(errors="replace")
            for chunk in reversed(text.split("-" * 79)):
                if f"To: {address}" not in chunk:
                    continue
                start = chunk.find("Content-Type")
                message = email.message_from_string(
                    chunk[max(0, start - 400) :].lstrip()
                )
                bodies = [
                    part.get_payload(decode=True) or b""
                    for part in message.walk()
                    if not part.is_multipart()
                ]
                body = html.unescape(
                    b"\n".join(bodies).decode("utf-8", "replace") or chunk
                )
                links = [
                    link
                    for link in re.findall(r"https?://[^\s\"'<>]+", body)
                    if link.startswith(storefront) and "token" in link
                ]
                if links:
                    return links[0]
        time.sleep(1)
    raise AssertionError(f"no email with a {storefront} token link to {address}")


def sign_in(page, base: str, email_address: str, password: str) -> None:
    page.goto(base + CHANNEL + "/login")
    settle(page)
    fill(page.get_by_label("Email").first, email_address)
    fill(page.get_by_label("Password", exact=True), password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(lambda url: "/login" not in url)
    page.goto(base + CHANNEL + "/account")
    expect_text(page, re.compile("Welcome back"))


def account(run: Run, page, *, email_address: str) -> None:
    base = run.base
    with run.step(page, "register"):
        page.goto(base + CHANNEL + "/signup")
        settle(page)
        fill(page.get_by_label("First name"), "Edsger")
        fill(page.get_by_label("Last name"), "Dijkstra")
        fill(page.get_by_label("Email").first, email_address)
        fill(page.get_by_label("Password", exact=True), PASSWORD)
        fill(page.get_by_label("Confirm password"), PASSWORD)
        page.get_by_role("button", name="Create Account").click()
        expect_text(page, "Account Created!")
    with run.step(page, "confirm-from-email"):
        link = confirmation_link(email_address, storefront=base)
        log(f"confirmation link: {link}")
        page.goto(link)
        expect_text(page, "Account confirmed")
    with run.step(page, "sign-in"):
        sign_in(page, base, email_address, PASSWORD)
    add_variant_to_bag(run, page)
    open_checkout_from_cart(run, page)
    # The order exists even if its confirmation page fails: go on to find it.
    checkout_to_confirmation(run, page, guest_email=None, soft_confirmation=True)
    with run.step(page, "order-in-account"):
        page.goto(base + CHANNEL + "/account/orders")
        page.get_by_role("heading", name="Orders").first.wait_for()
        expect_text(page, re.compile(r"1 order\b"))
        page.get_by_role("link", name=re.compile(r"ORD-\d+")).first.click()
        page.wait_for_url(re.compile(r"/account/orders/\d+"))
        expect_text(page, "PulseEase TENS Unit")
    with run.step(page, "address-added"):
        page.goto(base + CHANNEL + "/account/addresses")
        page.get_by_role("button", name=re.compile("Add (new )?address")).first.click()
        dialog = page.get_by_role("dialog")
        fill(dialog.get_by_label("First name"), "Grace")
        fill(dialog.get_by_label("Last name"), "Hopper")
        fill(dialog.get_by_label("Street address"), "10 Main St")
        fill(dialog.get_by_label("City"), "Portland")
        fill(dialog.get_by_label(re.compile("Postal|Zip", re.I)).first, "97201")
        fill(dialog.get_by_label("Country code"), "US")
        fill(dialog.get_by_label("State / Province"), "OR")
        dialog.get_by_role("button", name=re.compile("^(Save|Add address)")).click()
        expect_text(page, "10 Main St")
    with run.step(page, "address-edited"):
        page.get_by_role("button", name="Edit address").first.click()
        dialog = page.get_by_role("dialog")
        fill(dialog.get_by_label("Street address"), "12 Main St")
        dialog.get_by_role("button", name=re.compile("^(Save|Update address)")).click()
        expect_text(page, "12 Main St")
    with run.step(page, "address-deleted"):
        page.get_by_role("button", name="Delete address").first.click()
        # The card asks again inline: Delete / Cancel.
        page.get_by_role("button", name="Delete", exact=True).click()
        expect_text(page, "No saved addresses yet.")
    with run.step(page, "password-changed"):
        page.goto(base + CHANNEL + "/account/settings")
        password_row = page.get_by_text("Password", exact=True).first.locator(
            "xpath=ancestor::*[.//button[normalize-space()='Change']][1]"
        )
        password_row.get_by_role("button", name="Change").click()
        fill(page.get_by_label("Current password"), PASSWORD)
        fill(page.get_by_label("New password", exact=True), NEW_PASSWORD)
        fill(page.get_by_label("Confirm new password"), NEW_PASSWORD)
        page.get_by_role("button", name=CHANGE_PASSWORD_SUBMIT).click()
        expect_text(page, "Updated")
    with run.step(page, "sign-in-with-new-password"):
        page.context.clear_cookies()
        sign_in(page, base, email_address, NEW_PASSWORD)


JOURNEYS = {
    "browse": browse,
    "guest": guest_purchase,
    "cart": cart_edits,
    "account": lambda run, page: account(
        run, page, email_address=f"e2e-{int(time.time())}@example.com"
    ),
}


def drive(base: str, *, api: str | None = None, steps: str | None = None) -> list[str]:
    """Run the journeys (all, or the comma-separated names); return failures."""
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)  # emptied by storefront.py's main
    names = steps.split(",") if steps else list(JOURNEYS)
    run = Run(base, api)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            for name in names:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                context.set_default_timeout(TIMEOUT_MS)
                page = context.new_page()
                log(f"-- journey {name}")
                try:
                    JOURNEYS[name](run, page)
                except StepFailed:
                    pass
                finally:
                    context.close()
        finally:
            browser.close()
    log(
        f"steps passed: {len(run.passed)}, failed: {len(run.failures)}; "
        f"screenshots in {SHOTS}"
    )
    return run.failures

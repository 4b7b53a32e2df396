"""The staff's journeys through Saleor's dashboard, step by step.

Same rules as the storefront's (journeys.py): each step is named, timed and
screenshotted (var/e2e/screenshots/NN-dash-name.png). The dashboard's lists
draw on a canvas, so rows are read from the GraphQL traffic and from the
grid's accessibility table, never from the page's text. Every GraphQL answer
the dashboard gets is watched (page.on("response")): a top-level `errors` or
a mutation's non-empty `errors` list fails the step it came in, listed.

The refusals are asked of the API directly with the staff member's own token
(as the dashboard would send it); each one provoked is written to
var/e2e/logs/expected-refusals.txt so the log scan counts exactly those.
"""

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager

from harness import LOGS, log
from journeys import CHROMIUM, CHROMIUM_ARGS, SHOTS, TIMEOUT_MS, Run, StepFailed

MERCH = ("merch@example.com", "lumbar-merch-demo")
OPS = ("ops@example.com", "lumbar-ops-demo")
ARTICLE_SLUG = "physical-therapy-for-sciatica"
ARTICLE_TITLE = "Physical Therapy for Sciatica"
CHANNEL = "default-channel"
TRACKING = "1Z999AA10123456784"
NOTE = "Called the customer: leave the parcel with the neighbour."
REFUSALS = LOGS / "expected-refusals.txt"
ADMIN = ("admin@example.com", "lumbar-admin-demo")

# Steps known to fail, with why: each still runs; its failure is printed as
# "KNOWN FAILING: <step>: <reason>" and does not fail the run (its GraphQL
# errors are excused in the log scan one by one, as expected-refusals.txt
# lines); a known step that passes is printed as such. Everything else fails
# the run. Keep docs/e2e.md's list the same.
KNOWN_FAILING: dict[str, str] = {
    # "step-name": "why it fails, and what will fix it",
}

# What the last drive found of the known steps, for the run's summary.
KNOWN_RESULTS: list[str] = []

# The one refusal the dashboard asks for and expects: the product "doctor"
# (ProductDoctor/hooks/useProductAvailabilityDiagnostics.ts) reads
# shippingZones, which MANAGE_SHIPPING guards, and shows a permission state
# to a merchandiser. (operation, path, who) -> reason.
EXPECTED_IN_TRAFFIC = {
    ("ChannelDiagnostics", ("shippingZones",), "merch"): (
        "the product doctor reads shippingZones (MANAGE_SHIPPING) and shows "
        "a permission state to a merchandiser"
    ),
}
SHOPPER_ADDRESS = {
    "firstName": "Maria",
    "lastName": "Lopez",
    "streetAddress1": "200 Main Street",
    "city": "Reno",
    "postalCode": "89501",
    "country": "US",
    "countryArea": "NV",
    "phone": "+17755550100",
}


# --- the API, as a script --------------------------------------------------


def graphql(
    api: str, query: str, variables: dict | None = None, *, token: str | None = None
) -> dict:
    """One request to Lumbar's API; the whole answer (data and errors)."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization-Bearer"] = token
    request = urllib.request.Request(
        api,
        data=json.dumps({"query": query, "variables": variables or {}}).encode(),
        headers=headers,
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:  # GraphQL's 400s carry JSON errors
        body = error.read()
        try:
            return json.loads(body)
        except ValueError:
            raise StepFailed(f"HTTP {error.code} from the API: {body[:300]}") from None


def read(api: str, query: str, variables: dict | None = None, **kwargs) -> dict:
    """A query's data, or StepFailed with the errors the API answered."""
    answer = graphql(api, query, variables, **kwargs)
    if answer.get("errors"):
        raise StepFailed(f"the API answered {query[:80]!r} with {answer['errors']}")
    return answer["data"]


def ok(answer: dict, field: str) -> dict:
    """The mutation's payload, or StepFailed with the errors it carries."""
    if answer.get("errors"):
        raise StepFailed(f"{field}: {answer['errors']}")
    payload = answer["data"][field]
    if payload and payload.get("errors"):
        raise StepFailed(f"{field}: {payload['errors']}")
    return payload


def token_for(api: str, user: tuple[str, str]) -> str:
    payload = ok(
        graphql(
            api,
            "mutation($e: String!, $p: String!) { tokenCreate("
            "email: $e, password: $p) { token errors { field code "
            "message } } }",
            {"e": user[0], "p": user[1]},
        ),
        "tokenCreate",
    )
    return payload["token"]


def place_order(api: str, *, event: str, email: str) -> dict:
    """A shopper's order through the checkout API, paid by the dummy app.

    event is the dummy payment app's outcome: CHARGE_SUCCESS (paid) or
    AUTHORIZATION_SUCCESS (authorized, to capture from the dashboard).
    """
    products = graphql(
        api,
        "query($c: String!) { products(first: 20, channel: $c) "
        "{ edges { node { name variants { id quantityAvailable } } } } }",
        {"c": CHANNEL},
    )
    if products.get("errors"):
        raise StepFailed(f"products: {products['errors']}")
    variant = next(
        v
        for edge in products["data"]["products"]["edges"]
        for v in edge["node"]["variants"] or []
        if (v["quantityAvailable"] or 0) >= 5
    )
    created = ok(
        graphql(
            api,
            """mutation($input: CheckoutCreateInput!) {
        checkoutCreate(input: $input) { checkout { id shippingMethods { id name } }
        errors { field code message } } }""",
            {
                "input": {
                    "channel": CHANNEL,
                    "email": email,
                    "lines": [{"variantId": variant["id"], "quantity": 2}],
                    "shippingAddress": SHOPPER_ADDRESS,
                    "billingAddress": SHOPPER_ADDRESS,
                }
            },
        ),
        "checkoutCreate",
    )["checkout"]
    checkout_id = created["id"]
    ok(
        graphql(
            api,
            """mutation($id: ID!, $m: ID!) { checkoutDeliveryMethodUpdate(
        id: $id, deliveryMethodId: $m) { errors { field code message } } }""",
            {"id": checkout_id, "m": created["shippingMethods"][0]["id"]},
        ),
        "checkoutDeliveryMethodUpdate",
    )
    action = "CHARGE" if event.startswith("CHARGE") else "AUTHORIZATION"
    ok(
        graphql(
            api,
            """mutation($id: ID!, $action: TransactionFlowStrategyEnum,
        $gateway: PaymentGatewayToInitialize!) { transactionInitialize(id: $id,
        action: $action, paymentGateway: $gateway) { transactionEvent { type }
        errors { field code message } } }""",
            {
                "id": checkout_id,
                "action": action,
                "gateway": {
                    "id": "saleor.io.dummy-payment-app",
                    "data": {"event": {"type": event, "includePspReference": True}},
                },
            },
        ),
        "transactionInitialize",
    )
    order = ok(
        graphql(
            api,
            """mutation($id: ID!) { checkoutComplete(id: $id) {
        order { id number } errors { field code message } } }""",
            {"id": checkout_id},
        ),
        "checkoutComplete",
    )["order"]
    log(f"placed order #{order['number']} ({event}) for {email}")
    return order


def expect_refusal(
    api: str,
    token: str,
    query: str,
    variables: dict,
    *,
    field: str,
    code: str = "PermissionDenied",
) -> str:
    """Ask what must be refused; return the refusal's message; record it."""
    answer = graphql(api, query, variables, token=token)
    errors = answer.get("errors") or []
    codes = [
        (error.get("extensions") or {}).get("exception", {}).get("code")
        for error in errors
    ]
    if code not in codes:
        raise StepFailed(f"{field} was not refused with {code}: {answer}")
    if (answer.get("data") or {}).get(field):
        raise StepFailed(f"{field} was refused yet answered data: {answer['data']}")
    with open(REFUSALS, "a") as refusals:
        for error in errors:
            refusals.write(f"{code} at {error.get('path')!r}\n")
    return errors[0]["message"]


# --- the dashboard's traffic -------------------------------------------------


class Traffic:
    """Every GraphQL answer the dashboard got, and the errors among them."""

    def __init__(self, api: str):
        self.api = api
        self.answers: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        # How the server logs each error and failed answer ("<code> at
        # <path or locations>", "HTTP <status>"), to excuse a known step's.
        self.logged: list[str] = []
        self.who = ""

    def attach(self, page) -> None:
        page.on("response", self._on_response)

    def _on_response(self, response) -> None:
        request = response.request
        if request.method != "POST" or not response.url.startswith(self.api):
            return
        try:
            sent = json.loads(request.post_data or "{}")
        except ValueError:
            sent = {}  # a multipart upload
        sent = sent if isinstance(sent, list) else [sent]
        names = [(item.get("operationName") or "?") for item in sent]
        try:
            text = response.text()
        except Exception as error:  # noqa: BLE001 - told apart below
            # A navigation drops the answers still in flight: Chromium no
            # longer holds their bodies. Nothing was answered wrong.
            if "navigated away" in str(error):
                log(f"{','.join(names)}: body gone with a navigation")
            else:
                self.errors.append(f"{','.join(names)}: unreadable: {error}")
            return
        try:
            body = json.loads(text)
        except ValueError:
            self.errors.append(f"{','.join(names)}: HTTP {response.status}, no JSON")
            return
        bodies = body if isinstance(body, list) else [body]
        for name, answer in zip(names, bodies, strict=False):
            self.answers.append((name, answer))
            for error in answer.get("errors") or []:
                code = (error.get("extensions") or {}).get("exception", {}).get("code")
                path = error.get("path")
                expected = EXPECTED_IN_TRAFFIC.get((name, tuple(path or ()), self.who))
                if expected and code == "PermissionDenied":
                    log(f"expected refusal {name} at {path}: {expected}")
                    continue
                self.errors.append(f"{name}: {code} at {path}: {error.get('message')}")
                self.logged.append(f"{code} at {path or error.get('locations')!r}")
            for field, payload in (answer.get("data") or {}).items():
                if isinstance(payload, dict) and payload.get("errors"):
                    self.errors.append(f"{name}: {field}.errors {payload['errors']}")
        if response.status >= 400:
            self.logged.append(f"HTTP {response.status}")
            if not any(b.get("errors") for b in bodies):
                self.errors.append(f"{','.join(names)}: HTTP {response.status}")

    def wait_for(self, page, name: str, *, since: int = 0, timeout=TIMEOUT_MS) -> dict:
        """The first answer to operation `name` after index `since`."""
        deadline = time.monotonic() + timeout / 1000
        while time.monotonic() < deadline:
            for answer_name, answer in self.answers[since:]:
                if answer_name == name:
                    return answer
            page.wait_for_timeout(200)
        seen = sorted({n for n, _ in self.answers[since:]})
        raise StepFailed(
            f"the dashboard never got an answer to {name} "
            f"(answers seen: {', '.join(seen) or 'none'})"
        )


class DashboardRun(Run):
    """Steps that also fail on any GraphQL error the dashboard got meanwhile."""

    def __init__(self, base: str, api: str):
        super().__init__(base, api)
        self.traffic = Traffic(api)
        self.known: list[str] = []

    @contextmanager
    def step(self, page, name: str, *, soft: bool = True):
        reason = KNOWN_FAILING.get(name)
        failures_before = len(self.failures)
        errors_before = len(self.traffic.logged)
        try:
            with self._checked(page, "dash-" + name, soft=soft):
                yield
        finally:
            if reason is not None:
                self._known(name, reason, failures_before, errors_before)

    def _known(self, name, reason, failures_before, errors_before) -> None:
        """Move a known step's failure aside; excuse its logged refusals."""
        failed = self.failures[failures_before:]
        if not failed:
            log(f"KNOWN FAILING step passed unexpectedly: {name} ({reason})")
            self.known.append(f"PASSED UNEXPECTEDLY: {name}: {reason}")
            return
        del self.failures[failures_before:]
        for failure in failed:
            log(f"KNOWN FAILING: {name}: {reason} [{failure[:300]}]")
        self.known.append(f"KNOWN FAILING: {name}: {reason}")
        with open(REFUSALS, "a") as refusals:
            for line in self.traffic.logged[errors_before:]:
                refusals.write(line + "\n")

    def _checked(self, page, name, *, soft):
        parent = Run.step(self, page, name, soft=soft)
        traffic = self.traffic

        class Checked:
            def __enter__(self):
                self.errors_before = len(traffic.errors)
                return parent.__enter__()

            def __exit__(self, kind, error, tb):
                if kind is not None and not issubclass(kind, Exception):
                    return parent.__exit__(kind, error, tb)
                page.wait_for_timeout(300)  # answers still on their way
                new = traffic.errors[self.errors_before :]
                if not new:
                    return parent.__exit__(kind, error, tb)
                # The GraphQL errors lead: they are why a page did not come.
                listed = f"GraphQL errors ({len(new)}): " + " | ".join(new[:12])
                if error is not None:
                    first = str(error).strip().splitlines()[0] if str(error) else ""
                    listed += f" (then {type(error).__name__}: {first[:200]})"
                try:
                    raise StepFailed(listed) from error
                except StepFailed as failed:
                    return parent.__exit__(StepFailed, failed, failed.__traceback__)

        return Checked()


# --- helpers on the dashboard's pages ---------------------------------------


def url(run: DashboardRun, path: str) -> str:
    return run.base + path.lstrip("/")


def q(node_id: str) -> str:
    """A global ID as the dashboard puts it in a path."""
    return urllib.parse.quote(node_id, safe="")


def grid_rows(page, *, minimum: int = 1, index: int = 0) -> list[str]:
    """The rows' text of a Glide data grid, from its accessibility table."""
    rows = (
        page.locator('[data-testid="data-grid-canvas"]')
        .nth(index)
        .locator("table tbody tr")
    )
    rows.nth(minimum - 1).wait_for(state="attached")
    return [rows.nth(n).inner_text() for n in range(rows.count())]


def wait_saved(page) -> None:
    """The dashboard's success toast after a save."""
    page.locator('[data-test-type="success"]').first.wait_for(state="visible")


def save(page) -> None:
    page.get_by_test_id("button-bar-confirm").click()
    wait_saved(page)


# --- sign in and out ----------------------------------------------------------


def sign_in(run: DashboardRun, page, user: tuple[str, str], *, who: str) -> None:
    """Sign in; a step failed only by GraphQL errors lets the journey go on
    (to record what else works) as long as the dashboard is signed in."""
    with run.step(page, f"{who}-sign-in"):
        page.goto(run.base)
        page.get_by_test_id("email").wait_for()
        page.get_by_test_id("email").fill(user[0])
        page.get_by_test_id("password").fill(user[1])
        page.get_by_test_id("submit").click()
        refused = page.get_by_test_id("login-error-message")
        page.get_by_test_id("userMenu").or_(refused).first.wait_for()
        if refused.count():
            raise StepFailed(f"the sign-in page says: {refused.inner_text()}")
    if not page.get_by_test_id("userMenu").count():
        raise StepFailed(f"{who} is not signed in: the journey stops")
    with run.step(page, f"{who}-reload-stays-signed-in"):
        page.reload()
        page.get_by_test_id("userMenu").wait_for()
        if page.get_by_test_id("email").count():
            raise StepFailed("the reload asked to sign in again")
    if not page.get_by_test_id("userMenu").count():
        raise StepFailed(f"{who} is signed out by a reload: the journey stops")


# The dashboard saves its onboarding state to the user's metadata a second
# after it changes (lodash debounce in useOnboardingStorage.ts); a sign-out
# inside that second sends the save without the token, which Lumbar, like
# Saleor, refuses. A person pauses longer than this before signing out.
ONBOARDING_SAVE_DELAY_MS = 1_500


def sign_out(run: DashboardRun, page, *, who: str) -> None:
    with run.step(page, f"{who}-sign-out"):
        page.wait_for_timeout(ONBOARDING_SAVE_DELAY_MS)
        page.get_by_test_id("userMenu").click()
        page.get_by_test_id("log-out-button").click()
        page.get_by_test_id("email").wait_for()
        page.reload()
        page.get_by_test_id("email").wait_for()


# --- operations ---------------------------------------------------------------


def operations(run: DashboardRun, page) -> None:
    api = run.api
    paid = place_order(api, event="CHARGE_SUCCESS", email="paid-e2e@example.com")
    authorized = place_order(
        api, event="AUTHORIZATION_SUCCESS", email="authorized-e2e@example.com"
    )
    run.traffic.who = "ops"
    sign_in(run, page, OPS, who="ops")
    traffic = run.traffic
    with run.step(page, "ops-order-list"):
        since = len(traffic.answers)
        page.goto(url(run, "orders/"))
        answer = traffic.wait_for(page, "OrderList", since=since)
        numbers = [edge["node"]["number"] for edge in answer["data"]["orders"]["edges"]]
        if paid["number"] not in numbers:
            raise StepFailed(f"order #{paid['number']} not in the list: {numbers}")
        text = " ".join(grid_rows(page))
        if paid["number"] not in text:
            raise StepFailed(f"the grid does not show #{paid['number']}: {text[:300]}")
    with run.step(page, "ops-order-list-filter"):
        # The search box filters by what Saleor's order search reads: the
        # customer's email here, unique to the authorized order.
        since = len(traffic.answers)
        page.get_by_test_id("search-input").fill("authorized-e2e@example.com")
        answer = traffic.wait_for(page, "OrderList", since=since)
        numbers = [edge["node"]["number"] for edge in answer["data"]["orders"]["edges"]]
        if numbers != [authorized["number"]]:
            raise StepFailed(f"the search listed {numbers}, not {authorized}")
        for _ in range(50):  # the grid redraws after the answer
            rows = grid_rows(page)
            if len(rows) == 1:
                break
            page.wait_for_timeout(200)
        if len(rows) != 1:
            raise StepFailed(f"the grid shows {len(rows)} rows: {rows}")
    with run.step(page, "ops-order-open"):
        since = len(traffic.answers)
        page.goto(url(run, f"orders/{q(paid['id'])}"))
        answer = traffic.wait_for(page, "OrderDetails", since=since)
        if answer["data"]["order"]["number"] != paid["number"]:
            raise StepFailed(f"opened {answer['data']['order']}")
        page.get_by_test_id("order-items-fulfill-button").first.wait_for()
    with run.step(page, "ops-order-fulfil"):
        page.get_by_test_id("order-items-fulfill-button").first.click()
        page.wait_for_url(re.compile(r"/fulfill"))
        tracking = page.locator('input[name="trackingNumber"]')
        tracking.fill(TRACKING)
        since = len(traffic.answers)
        page.get_by_test_id("button-bar-confirm").click()
        answer = traffic.wait_for(page, "FulfillOrder", since=since)
        order = answer["data"]["orderFulfill"]["order"]
        tracking_numbers = [f["trackingNumber"] for f in order["fulfillments"]]
        if TRACKING not in tracking_numbers:
            raise StepFailed(f"orderFulfill answered {answer['data']}")
        page.get_by_test_id("status-info").filter(has_text="Fulfilled").wait_for()
    with run.step(page, "ops-order-refund"):
        refund_paid_order(run, page, paid)
    with run.step(page, "ops-order-note"):
        page.goto(url(run, f"orders/{q(paid['id'])}"))
        page.locator('textarea[name="message"]').fill(NOTE)
        since = len(traffic.answers)
        page.get_by_role("button", name="Add Comment").click()
        traffic.wait_for(page, "OrderNoteAdd", since=since)
        page.get_by_text(NOTE).first.wait_for()
    with run.step(page, "ops-order-history"):
        page.reload()
        page.get_by_text(NOTE).first.wait_for()
        page.get_by_text(re.compile("fulfilled", re.I)).first.wait_for()
    with run.step(page, "ops-order-capture"):
        page.goto(url(run, f"orders/{q(authorized['id'])}"))
        page.get_by_test_id("transaction-action-charge-button").first.click()
        dialog = page.get_by_role("dialog")
        since = len(traffic.answers)
        dialog.get_by_role("button", name=re.compile(r"^Capture ")).last.click()
        traffic.wait_for(page, "OrderTransactionRequestAction", since=since)
        state = order_state(run, authorized)
        if state["chargeStatus"] != "FULL":
            raise StepFailed(f"after the capture the order is {state}")
    with run.step(page, "ops-mark-as-paid"):
        page.goto(url(run, f"orders/{q(authorized['id'])}"))
        page.get_by_test_id("status-info").first.wait_for()
        if page.get_by_test_id("mark-as-paid-button").count():
            raise StepFailed("a captured order still offers Mark as paid")
        log(
            "mark as paid: no unpaid order exists (checkout needs a payment); "
            "the captured order rightly offers no Mark as paid"
        )
    cannot_edit_products(run, page)
    sign_out(run, page, who="ops")


def order_state(run: DashboardRun, order: dict) -> dict:
    """What the API says of an order's money now, asked as the ops user."""
    return read(
        run.api,
        "query($id: ID!) { order(id: $id) { chargeStatus isPaid "
        "transactions { chargedAmount { amount } refundedAmount { amount } } } }",
        {"id": order["id"]},
        token=token_for(run.api, OPS),
    )["order"]


def refund_paid_order(run: DashboardRun, page, order: dict) -> None:
    """A manual refund of part of the paid transaction, as the dashboard offers."""
    traffic = run.traffic
    page.goto(url(run, f"orders/{q(order['id'])}"))
    page.get_by_test_id("add-new-refund-button").click()
    page.get_by_test_id("order-refund-dialog").wait_for()
    page.get_by_test_id("manual-refund").click()
    page.get_by_test_id("proceed-button").click()
    page.wait_for_url(re.compile(r"/manual-refund"))
    page.get_by_test_id("transaction-card").first.click()
    page.get_by_test_id("refund-amount").fill("5")
    since = len(traffic.answers)
    page.get_by_test_id("button-bar-confirm").click()
    traffic.wait_for(page, "OrderTransactionRequestAction", since=since)
    state = order_state(run, order)
    refunded = sum(t["refundedAmount"]["amount"] for t in state["transactions"])
    if refunded != 5.0:
        raise StepFailed(f"after a $5 refund the order is {state}")


def configuration(run: DashboardRun, page) -> None:
    """Shipping zones, a rate, warehouses: the admin's, neither role's job."""
    run.traffic.who = "admin"
    sign_in(run, page, ADMIN, who="admin")
    shipping(run, page)
    with run.step(page, "admin-warehouses"):
        since = len(run.traffic.answers)
        page.goto(url(run, "warehouses/"))
        answer = run.traffic.wait_for(page, "WarehouseList", since=since)
        names = [edge["node"]["name"] for edge in answer["data"]["warehouses"]["edges"]]
        if not names:
            raise StepFailed("no warehouses listed")
        page.get_by_text(names[0]).first.wait_for()
    sign_out(run, page, who="admin")


def shipping(run: DashboardRun, page) -> None:
    """Shipping zones and a rate (MANAGE_SHIPPING)."""
    traffic = run.traffic
    with run.step(page, "admin-shipping-zones"):
        since = len(traffic.answers)
        page.goto(url(run, "shipping/"))
        answer = traffic.wait_for(page, "ShippingZones", since=since)
        zones = answer["data"]["shippingZones"]["edges"]
        if not zones:
            raise StepFailed("no shipping zone listed")
        zone = zones[0]["node"]
        rows = " ".join(grid_rows(page))
        if zone["name"] not in rows:
            raise StepFailed(f"the grid lacks {zone['name']}: {rows[:300]}")
    with run.step(page, "admin-shipping-zone-rate"):
        since = len(traffic.answers)
        page.goto(url(run, f"shipping/{q(zone['id'])}"))
        answer = traffic.wait_for(page, "ShippingZone", since=since)
        rates = answer["data"]["shippingZone"]["shippingMethods"]
        if not rates:
            raise StepFailed(f"{zone['name']} has no rate")
        rate = rates[0]
        page.goto(url(run, f"shipping/{q(zone['id'])}/{q(rate['id'])}"))
        name = page.get_by_test_id("shipping-rate-name-input").locator("input")
        name.wait_for()
        for _ in range(50):  # the form fills in once the rate has come
            if name.input_value():
                break
            page.wait_for_timeout(200)
        if name.input_value() != rate["name"]:
            raise StepFailed(
                f"rate name shows {name.input_value()!r}, not {rate['name']}"
            )
        days = page.get_by_test_id("max-delivery-time-input").locator("input")
        longest = int(days.input_value() or 0) + 1
        days.fill(str(longest))
        since = len(traffic.answers)
        save(page)
        traffic.wait_for(page, "UpdateShippingRate", since=since)
        saved = read(
            run.api,
            "query($id: ID!) { shippingZone(id: $id) { shippingMethods "
            "{ id maximumDeliveryDays } } }",
            {"id": zone["id"]},
            token=token_for(run.api, ADMIN),
        )["shippingZone"]["shippingMethods"]
        if {m["id"]: m["maximumDeliveryDays"] for m in saved}[rate["id"]] != longest:
            raise StepFailed(f"after the save the rates are {saved}")


def cannot_edit_products(run: DashboardRun, page) -> None:
    api = run.api
    with run.step(page, "ops-cannot-edit-products"):
        page.goto(run.base)
        page.get_by_test_id("userMenu").wait_for()
        # Orders shows (the menu is drawn), Products does not.
        page.get_by_test_id("menu-item-label-orders").first.wait_for()
        if page.get_by_test_id("menu-item-label-products").count():
            raise StepFailed("the dashboard offers Products to the operations user")
        product = read(
            api,
            "query($c: String!) { products(first: 1, channel: $c) "
            "{ edges { node { id name } } } }",
            {"c": CHANNEL},
        )
        node = product["products"]["edges"][0]["node"]
        message = expect_refusal(
            api,
            token_for(api, OPS),
            'mutation($id: ID!) { productUpdate(id: $id, input: {name: "Renamed"}) '
            "{ product { name } errors { field code message } } }",
            {"id": node["id"]},
            field="productUpdate",
        )
        log(f"productUpdate as ops refused: {message}")


# --- merchandising -----------------------------------------------------------


def merchandising(run: DashboardRun, page) -> None:
    run.traffic.who = "merch"
    sign_in(run, page, MERCH, who="merch")
    traffic = run.traffic
    with run.step(page, "merch-product-list"):
        since = len(traffic.answers)
        page.goto(url(run, "products/"))
        answer = traffic.wait_for(page, "ProductList", since=since)
        products = [edge["node"] for edge in answer["data"]["products"]["edges"]]
        if not products:
            raise StepFailed("no products listed")
        text = " ".join(grid_rows(page))
        if products[0]["name"] not in text:
            raise StepFailed(f"the grid lacks {products[0]['name']}: {text[:300]}")
    product = products[0]
    new_name = product["name"] + " (e2e)"
    with run.step(page, "merch-product-edit"):
        since = len(traffic.answers)
        page.goto(url(run, f"products/{q(product['id'])}"))
        traffic.wait_for(page, "ProductDetails", since=since)
        page.locator("[name='name']").fill(new_name)
        page.get_by_test_id("edit-seo").click()
        page.locator("[name='seoTitle']").fill(new_name + " | Lumbar")
        page.locator("[name='seoDescription']").fill("Edited in the dashboard by e2e.")
        since = len(traffic.answers)
        save(page)
        traffic.wait_for(page, "ProductUpdate", since=since)
        saved = read(
            run.api,
            "query($id: ID!) { product(id: $id) { name seoTitle seoDescription } }",
            {"id": product["id"]},
            token=token_for(run.api, MERCH),
        )["product"]
        if saved["name"] != new_name or saved["seoTitle"] != new_name + " | Lumbar":
            raise StepFailed(f"the product is now {saved}")
    with run.step(page, "merch-variant-stock"):
        variant = read(
            run.api,
            "query($id: ID!) { product(id: $id) { variants { id } } }",
            {"id": product["id"]},
            token=token_for(run.api, MERCH),
        )["product"]["variants"][0]
        since = len(traffic.answers)
        page.goto(url(run, f"products/variant/{q(variant['id'])}"))
        answer = traffic.wait_for(page, "ProductVariantDetails", since=since)
        stock = answer["data"]["productVariant"]["stocks"][0]
        row = page.get_by_test_id(stock["warehouse"]["name"])
        box = row.get_by_test_id("stock-input").locator("input").first
        if not box.count():
            box = row.get_by_test_id("stock-input")
        quantity = stock["quantity"] + 7
        box.fill(str(quantity))
        since = len(traffic.answers)
        save(page)
        traffic.wait_for(page, "VariantUpdate", since=since)
        check = read(
            run.api,
            "query($id: ID!) { productVariant(id: $id) "
            "{ stocks { warehouse { name } quantity } } }",
            {"id": variant["id"]},
            token=token_for(run.api, MERCH),
        )
        stocks = {
            s["warehouse"]["name"]: s["quantity"]
            for s in check["productVariant"]["stocks"]
        }
        if stocks.get(stock["warehouse"]["name"]) != quantity:
            raise StepFailed(f"stock now {stocks}, wanted {quantity}")
    article(run, page)
    with run.step(page, "merch-page-types"):
        since = len(traffic.answers)
        page.goto(url(run, "model-types/"))
        answer = traffic.wait_for(page, "PageTypeList", since=since)
        names = [edge["node"]["name"] for edge in answer["data"]["pageTypes"]["edges"]]
        if not names:
            raise StepFailed("no page types listed")
        page.get_by_text(names[0]).first.wait_for()
    cannot_reach_orders(run, page)
    sign_out(run, page, who="merch")


def article(run: DashboardRun, page) -> None:
    """The article's Featured products: add, remove, reorder, save, see it."""
    traffic = run.traffic
    with run.step(page, "merch-models-list"):
        since = len(traffic.answers)
        page.goto(url(run, "models/"))
        answer = traffic.wait_for(page, "PageList", since=since)
        pages = {
            edge["node"]["title"]: edge["node"]
            for edge in answer["data"]["pages"]["edges"]
        }
        if ARTICLE_TITLE not in pages:
            raise StepFailed(f"{ARTICLE_TITLE} not listed: {sorted(pages)[:10]}")
        rows = " ".join(grid_rows(page))
        if ARTICLE_TITLE not in rows:
            raise StepFailed(f"the grid lacks {ARTICLE_TITLE}: {rows[:300]}")
    article_id = pages[ARTICLE_TITLE]["id"]
    with run.step(page, "merch-article-open"):
        since = len(traffic.answers)
        page.goto(url(run, f"models/{q(article_id)}"))
        answer = traffic.wait_for(page, "PageDetails", since=since)
        attribute = next(
            a
            for a in answer["data"]["page"]["attributes"]
            if a["attribute"]["slug"] == "featured-products"
        )
        before = [value["reference"] for value in attribute["values"]]
        label = page.get_by_text("Featured products", exact=True).first
        label.wait_for()
    field = (
        page.locator("li")
        .filter(
            has=page.get_by_test_id("attribute-label").filter(
                has_text="Featured products"
            )
        )
        .get_by_test_id("attribute-value")
    )
    with run.step(page, "merch-article-remove-product"):
        chips = field.get_by_test_id("button-close")
        count = chips.count()
        if count < 2:
            raise StepFailed(f"the article features {count} products; need two")
        chips.first.click()
        page.wait_for_function(
            "([el, n]) => el.querySelectorAll('[data-test-id=button-close]').length"
            " === n",
            arg=[field.element_handle(), count - 1],
        )
    with run.step(page, "merch-article-add-product"):
        # The "+" button: no text, no test id (the chips' own have one).
        field.locator("button:not([data-test-id])").filter(
            has_not_text=re.compile(r"\w")
        ).last.click()
        dialog = page.get_by_role("dialog")
        dialog.get_by_test_id("assign-product-table-row").first.wait_for()
        candidate = (
            dialog.get_by_test_id("assign-product-table-row")
            .filter(has=page.get_by_role("checkbox", checked=False))
            .first
        )
        candidate.get_by_role("checkbox").check()
        dialog.get_by_test_id("submit").click()
        dialog.wait_for(state="hidden")
    with run.step(page, "merch-article-reorder"):
        handles = field.get_by_test_id("button-drag-handle")
        first, last = handles.first.bounding_box(), handles.last.bounding_box()
        page.mouse.move(last["x"] + 4, last["y"] + 4)
        page.mouse.down()
        for step in range(1, 11):
            page.mouse.move(
                last["x"] + (first["x"] - last["x"]) * step / 10 + 4,
                last["y"] + (first["y"] - last["y"]) * step / 10 + 4,
            )
            page.wait_for_timeout(50)
        page.mouse.up()
    after = None
    with run.step(page, "merch-article-save"):
        # No toast to wait for: this dashboard's PageDetails view sends
        # PageUpdate with disableErrorHandling and notifies nothing on
        # success (a toast seen here is an earlier save's), so the answer
        # itself is checked.
        since = len(traffic.answers)
        page.get_by_test_id("button-bar-confirm").click()
        answer = traffic.wait_for(page, "PageUpdate", since=since)
        if answer["data"]["pageUpdate"]["errors"]:
            raise StepFailed(f"pageUpdate answered {answer['data']['pageUpdate']}")
        saved = next(
            a
            for a in answer["data"]["pageUpdate"]["page"]["attributes"]
            if a["attribute"]["slug"] == "featured-products"
        )
        after = [value["reference"] for value in saved["values"]]
        if after == before:
            raise StepFailed(f"Featured products unchanged: {after}")
        log(f"Featured products: {before} -> {after}")
    with run.step(page, "merch-article-on-storefront"):
        if after is None:
            raise StepFailed("the article was not saved: nothing to see")
        shown = storefront_shop_block(run, page)
        names = featured_names(run, after)
        if shown != names:
            raise StepFailed(f"the shop block shows {shown}, the article has {names}")


def featured_names(run: DashboardRun, references: list[str]) -> list[str]:
    names = []
    for reference in references:
        answer = graphql(
            run.api,
            "query($id: ID!, $c: String!) { product(id: $id, channel: $c) { name } }",
            {"id": reference, "c": CHANNEL},
        )
        product = (answer.get("data") or {}).get("product")
        if product is None:
            raise StepFailed(f"featured product {reference} is not in {CHANNEL}")
        names.append(product["name"])
    return names


def storefront_shop_block(run: DashboardRun, page) -> list[str]:
    """The product names in the article's end shop block on Lumbar's own page."""
    site = run.api.rsplit("/graphql/", 1)[0]
    page.goto(f"{site}/articles/{ARTICLE_SLUG}/")
    block = page.locator("section.shop-block").last
    block.wait_for()
    return [name.strip() for name in block.locator(".shop-item-name").all_inner_texts()]


def cannot_reach_orders(run: DashboardRun, page) -> None:
    api = run.api
    with run.step(page, "merch-cannot-reach-orders"):
        page.goto(run.base)
        page.get_by_test_id("userMenu").wait_for()
        # Products shows (the menu is drawn), Orders does not.
        page.get_by_test_id("menu-item-label-products").first.wait_for()
        if page.get_by_test_id("menu-item-label-orders").count():
            raise StepFailed("the dashboard offers Orders to the merchandiser")
        order = place_order(
            api, event="CHARGE_SUCCESS", email="refusal-e2e@example.com"
        )
        message = expect_refusal(
            api,
            token_for(api, MERCH),
            "mutation($id: ID!) { orderMarkAsPaid(id: $id) { order { id } "
            "errors { field code message } } }",
            {"id": order["id"]},
            field="orderMarkAsPaid",
        )
        log(f"orderMarkAsPaid as merch refused: {message}")
        message = expect_refusal(
            api,
            token_for(api, MERCH),
            "mutation($id: ID!, $note: String!) { orderNoteAdd(order: $id, "
            "input: {message: $note}) { order { id } errors { field code message } } }",
            {"id": order["id"], "note": "merch was here"},
            field="orderNoteAdd",
        )
        log(f"orderNoteAdd as merch refused: {message}")


DISMISSED_PULSE = """
if (!localStorage.getItem("dashboard-ripples")) {
  localStorage.setItem("dashboard-ripples", JSON.stringify({
    "saleor-pulse": {manuallyHidden: true, firstSeenAt: Date.now()},
  }));
}
"""

JOURNEYS = {
    "operations": operations,
    "merchandising": merchandising,
    "configuration": configuration,
}


def drive(base: str, *, api: str, steps: str | None = None) -> list[str]:
    """Run the dashboard's journeys (all, or the comma-separated names)."""
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    REFUSALS.unlink(missing_ok=True)
    names = steps.split(",") if steps else list(JOURNEYS)
    run = DashboardRun(base, api)
    with sync_playwright() as playwright:
        playwright.selectors.set_test_id_attribute("data-test-id")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        try:
            for name in names:
                context = browser.new_context(viewport={"width": 1440, "height": 900})
                context.set_default_timeout(TIMEOUT_MS)
                # The "Saleor Pulse" announcement (src/home/components/
                # PulseVideoAnnouncement, a ripple) pops up over the
                # sidebar's foot, where the account menu and the save bar
                # are: each staff member here dismissed it before, as the
                # dashboard records it (localStorage "dashboard-ripples").
                context.add_init_script(DISMISSED_PULSE)
                page = context.new_page()
                run.traffic.attach(page)
                log(f"-- dashboard journey {name}")
                try:
                    JOURNEYS[name](run, page)
                except StepFailed:
                    pass
                except Exception as error:  # noqa: BLE001 - outside a step
                    run.failures.append(
                        f"dashboard {name}: {type(error).__name__}: "
                        f"{str(error).splitlines()[0][:300]}"
                    )
                    log(f"dashboard journey {name} stopped: {error}")
                finally:
                    context.close()
        finally:
            browser.close()
    log(
        f"dashboard steps passed: {len(run.passed)}, failed: {len(run.failures)}, "
        f"known failing: {sum(k.startswith('KNOWN') for k in run.known)}"
    )
    for line in run.known:
        log(line)
    KNOWN_RESULTS[:] = run.known
    return run.failures

"""make e2e's Stripe path: the pure parts of e2e/stripe_path.py."""

import importlib.util
from pathlib import Path

import pytest

E2E = Path(__file__).resolve().parents[2] / "e2e"
LOCALSTRIPE = "http://127.0.0.1:8420"


@pytest.fixture
def stripe_path(monkeypatch):
    monkeypatch.syspath_prepend(str(E2E))
    spec = importlib.util.spec_from_file_location(
        "e2e_stripe_path", E2E / "stripe_path.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_all_journeys_include_the_stripe_path(stripe_path):
    assert stripe_path.split_steps(None) == (None, True)


def test_stripe_alone_runs_no_other_journey(stripe_path):
    assert stripe_path.split_steps("stripe") == ("", True)


def test_named_journeys_without_stripe_leave_it_out(stripe_path):
    assert stripe_path.split_steps("browse, guest") == ("browse,guest", False)


def test_stripe_among_named_journeys_is_taken_out_of_their_list(stripe_path):
    assert stripe_path.split_steps("guest,stripe,cart") == ("guest,cart", True)


def test_the_stripe_steps_number_on_after_the_last_screenshot(stripe_path):
    names = ["01-home.png", "09-delivery-days.png", "12-line-removed-FAILED.png"]

    assert stripe_path.next_shot_number(names) == 13


def test_the_first_screenshot_is_number_one(stripe_path):
    assert stripe_path.next_shot_number(["notes.txt"]) == 1


def test_the_storefronts_stripe_js_is_localstripes_fake(stripe_path):
    url = "https://js.stripe.com/dahlia/stripe.js?advancedFraudSignals=false"

    assert (
        stripe_path.localstripe_address(url, LOCALSTRIPE)
        == f"{LOCALSTRIPE}/js.stripe.com/v3/"
    )


def test_the_old_v3_address_is_localstripes_fake_too(stripe_path):
    assert (
        stripe_path.localstripe_address("https://js.stripe.com/v3/", LOCALSTRIPE)
        == f"{LOCALSTRIPE}/js.stripe.com/v3/"
    )


def test_the_fake_scripts_api_calls_go_to_localstripe_unchanged(stripe_path):
    url = "https://js.stripe.com/v1/payment_intents/pi_1/_authenticate?success=true"

    assert (
        stripe_path.localstripe_address(url, LOCALSTRIPE)
        == f"{LOCALSTRIPE}/v1/payment_intents/pi_1/_authenticate?success=true"
    )


def test_a_minified_missing_function_is_named(stripe_path):
    assert stripe_path.missing_function(
        ["console.log: loaded", "TypeError: e.submit is not a function"]
    ) == ("e", "submit")


def test_a_missing_method_on_a_path_is_named(stripe_path):
    assert stripe_path.missing_function(
        ["r.current.confirmPayment is not a function"]
    ) == (
        "r.current",
        "confirmPayment",
    )


def test_messages_without_a_missing_function_name_none(stripe_path):
    assert stripe_path.missing_function(["Your card was declined."]) is None


def test_the_stop_point_names_the_missing_function(stripe_path):
    line = stripe_path.describe_stop(
        ("e", "submit"), "e.submit is not a function", adapted=False
    )

    assert "stopped at e.submit()" in line
    assert "transactionInitialize is not reached" in line


def test_the_adapted_stop_point_names_the_intent_lumbar_created(stripe_path):
    line = stripe_path.describe_stop(
        ("t", "confirmPayment"),
        "t.confirmPayment is not a function",
        adapted=True,
        intent="pi_1 for 4999 usd (requires_payment_method)",
    )

    assert "created PaymentIntent pi_1 for 4999 usd" in line
    assert "stopped at t.confirmPayment()" in line


def test_an_unexpected_message_is_quoted_as_the_stop(stripe_path):
    line = stripe_path.describe_stop(None, "Your card was declined.", adapted=True)

    assert line.endswith("then the page showed 'Your card was declined.'")


def test_lumbar_gets_stripes_keys_pointing_at_localstripe(stripe_path):
    env = stripe_path.lumbar_env({"DEBUG": "false"}, LOCALSTRIPE)

    assert env["STRIPE_API_BASE"] == LOCALSTRIPE
    assert env["STRIPE_PUBLISHABLE_KEY"].startswith("pk_test_")
    assert env["STRIPE_SECRET_KEY"].startswith("sk_test_")
    assert env["DEBUG"] == "false"


def test_the_storefront_is_built_with_stripe_and_without_wallet_buttons(stripe_path):
    env = stripe_path.storefront_env({})

    assert env["NEXT_PUBLIC_ENABLE_STRIPE_PAYMENTS"] == "true"
    assert env["NEXT_PUBLIC_ENABLE_STRIPE_EXPRESS_CHECKOUT"] == "false"

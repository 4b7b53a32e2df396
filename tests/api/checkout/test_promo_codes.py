"""checkoutAddPromoCode and checkoutRemovePromoCode through the API."""

from datetime import timedelta

from django.utils import timezone

from tests.fixtures.discount import make_voucher

from .conftest import checkout_id

ADD = """
mutation($id: ID!, $code: String!) {
  checkoutAddPromoCode(id: $id, promoCode: $code) {
    checkout { voucherCode discount { amount } totalPrice { gross { amount } } }
    errors { field code message }
  }
}
"""
REMOVE = """
mutation($id: ID!, $code: String) {
  checkoutRemovePromoCode(id: $id, promoCode: $code) {
    checkout { voucherCode discount { amount } totalPrice { gross { amount } } }
    errors { field code }
  }
}
"""


def test_a_promo_code_takes_its_discount_off_the_total(api, ready_checkout, welcome10):
    result = api(ADD, {"id": checkout_id(ready_checkout), "code": "WELCOME10"})

    payload = result["data"]["checkoutAddPromoCode"]
    assert payload["errors"] == []
    # 10% of the 39.98 subtotal, plus 5.00 shipping.
    assert payload["checkout"] == {
        "voucherCode": "WELCOME10",
        "discount": {"amount": 4.0},
        "totalPrice": {"gross": {"amount": 40.98}},
    }


def test_an_unknown_promo_code_is_refused_and_changes_nothing(api, ready_checkout):
    result = api(ADD, {"id": checkout_id(ready_checkout), "code": "NOPE"})

    errors = result["data"]["checkoutAddPromoCode"]["errors"]
    assert errors[0]["field"] == "promoCode"
    assert errors[0]["code"] == "INVALID"
    ready_checkout.refresh_from_db()
    assert ready_checkout.voucher_code is None


def test_an_expired_promo_code_is_refused(api, ready_checkout, channel):
    make_voucher(
        channel=channel,
        code="OLD5",
        start_date=timezone.now() - timedelta(days=10),
        end_date=timezone.now() - timedelta(days=1),
    )

    result = api(ADD, {"id": checkout_id(ready_checkout), "code": "OLD5"})

    assert result["data"]["checkoutAddPromoCode"]["errors"][0]["code"] == "INVALID"
    ready_checkout.refresh_from_db()
    assert ready_checkout.voucher_code is None


def test_a_used_up_promo_code_is_refused(api, ready_checkout, channel):
    make_voucher(channel=channel, code="ONCE", usage_limit=1, used=1)

    result = api(ADD, {"id": checkout_id(ready_checkout), "code": "ONCE"})

    errors = result["data"]["checkoutAddPromoCode"]["errors"]
    assert errors[0]["code"] == "VOUCHER_NOT_APPLICABLE"
    assert errors[0]["message"] == "This voucher has been used up."
    ready_checkout.refresh_from_db()
    assert ready_checkout.voucher_code is None


def test_a_code_below_its_minimum_spend_is_not_applicable(api, ready_checkout, channel):
    make_voucher(channel=channel, code="BIG", min_spent="100")

    result = api(ADD, {"id": checkout_id(ready_checkout), "code": "BIG"})

    errors = result["data"]["checkoutAddPromoCode"]["errors"]
    assert errors[0]["code"] == "VOUCHER_NOT_APPLICABLE"


def test_removing_the_promo_code_restores_the_total(api, ready_checkout, welcome10):
    api(ADD, {"id": checkout_id(ready_checkout), "code": "WELCOME10"})

    result = api(REMOVE, {"id": checkout_id(ready_checkout), "code": "WELCOME10"})

    assert result["data"]["checkoutRemovePromoCode"] == {
        "checkout": {
            "voucherCode": None,
            "discount": {"amount": 0.0},
            "totalPrice": {"gross": {"amount": 44.98}},
        },
        "errors": [],
    }


def test_removing_without_a_code_is_required(api, ready_checkout):
    result = api(REMOVE, {"id": checkout_id(ready_checkout)})

    assert result["data"]["checkoutRemovePromoCode"]["errors"] == [
        {"field": "promoCode", "code": "REQUIRED"}
    ]

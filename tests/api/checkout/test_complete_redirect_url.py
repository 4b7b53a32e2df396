"""checkoutComplete refuses a redirectUrl to a host it would not email."""

import pytest

from backend.checkout.models import Checkout
from backend.order.models import Order

from ..redirect_urls import HOSTILE_URLS
from .conftest import checkout_id
from .test_purchase import dummy

pytestmark = pytest.mark.django_db
COMPLETE = """mutation($id: ID!, $url: String) {
  checkoutComplete(id: $id, redirectUrl: $url) {
    order { id } errors { field code }
  }
}"""
PAY = """mutation($id: ID!, $gateway: PaymentGatewayToInitialize!) {
  transactionInitialize(id: $id, paymentGateway: $gateway) { errors { code } }
}"""


@pytest.fixture
def paid_checkout(api, ready_checkout, settings):
    settings.ALLOWED_CLIENT_HOSTS = ["localhost"]
    gid = checkout_id(ready_checkout)
    paid = api(PAY, {"id": gid, "gateway": dummy("CHARGE_SUCCESS")})
    assert paid["data"]["transactionInitialize"]["errors"] == []
    return gid


@pytest.mark.parametrize("url", HOSTILE_URLS.values(), ids=HOSTILE_URLS.keys())
def test_a_hostile_redirect_url_is_refused_and_places_no_order(api, paid_checkout, url):
    result = api(COMPLETE, {"id": paid_checkout, "url": url})["data"]

    assert result["checkoutComplete"] == {
        "order": None,
        "errors": [{"field": "redirectUrl", "code": "INVALID"}],
    }
    assert not Order.objects.exists()
    assert Checkout.objects.exists()


def test_an_allowed_redirect_url_places_the_order(api, paid_checkout):
    result = api(
        COMPLETE, {"id": paid_checkout, "url": "http://localhost:3000/order/"}
    )["data"]

    assert result["checkoutComplete"]["errors"] == []
    assert Order.objects.count() == 1

"""ShippingMethod.deliveryPromise: the dates each delivery option promises."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.fixtures.catalog import warm_delivery_rules

from .conftest import checkout_id

QUERY = """
query($id: ID!) {
  checkout(id: $id) {
    shippingMethods {
      name minimumDeliveryDays maximumDeliveryDays
      deliveryPromise { earliestDate latestDate orderBy shipBy isFast reasons text }
    }
  }
}
"""
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.usefixtures("published_long_ago")
@time_machine.travel(datetime.datetime(2026, 11, 17, 10, tzinfo=NEW_YORK), tick=False)
def test_each_delivery_option_carries_its_dates(api, ready_checkout):
    result = api(QUERY, {"id": checkout_id(ready_checkout)})

    (method,) = result["data"]["checkout"]["shippingMethods"]
    assert (method["minimumDeliveryDays"], method["maximumDeliveryDays"]) == (1, 2)
    assert method["deliveryPromise"] == {
        "earliestDate": "2026-11-18",
        "latestDate": "2026-11-19",
        "orderBy": "2026-11-17T14:00:00-05:00",
        "shipBy": "2026-11-17T14:00:00-05:00",
        "isFast": True,
        "reasons": [],
        "text": "Order within 4 h 0 min, get it by Thu 19 Nov",
    }


@pytest.mark.usefixtures("published_long_ago")
@time_machine.travel(datetime.datetime(2026, 11, 20, 15, tzinfo=NEW_YORK), tick=False)
def test_after_fridays_cutoff_the_option_says_why_it_is_later(api, ready_checkout):
    result = api(QUERY, {"id": checkout_id(ready_checkout)})

    promise = result["data"]["checkout"]["shippingMethods"][0]["deliveryPromise"]
    assert promise["latestDate"] == "2026-11-25"
    assert promise["isFast"] is False
    assert promise["reasons"] == ["AFTER_CUTOFF"]


@pytest.mark.usefixtures("published_long_ago")
@time_machine.travel(datetime.datetime(2026, 11, 20, 15, tzinfo=NEW_YORK), tick=False)
def test_business_days_shown_by_saleors_storefront_count_to_the_promised_dates(
    api, ready_checkout
):
    # Saleor's storefront prints "{minimumDeliveryDays}-{maximumDeliveryDays}
    # business days": after Friday's cut-off that is Tue 24 and Wed 25 Nov,
    # the 2nd and 3rd business days, not the method's 1-2 transit days.
    result = api(QUERY, {"id": checkout_id(ready_checkout)})

    (method,) = result["data"]["checkout"]["shippingMethods"]
    assert method["deliveryPromise"]["earliestDate"] == "2026-11-24"
    assert method["deliveryPromise"]["latestDate"] == "2026-11-25"
    assert (method["minimumDeliveryDays"], method["maximumDeliveryDays"]) == (2, 3)


def test_an_out_of_stock_checkout_shows_no_business_days(api, ready_checkout, variant):
    variant.stocks.update(quantity=0)

    result = api(QUERY, {"id": checkout_id(ready_checkout)})

    (method,) = result["data"]["checkout"]["shippingMethods"]
    assert method["minimumDeliveryDays"] is None
    assert method["maximumDeliveryDays"] is None


def test_an_out_of_stock_line_gives_no_promise(api, ready_checkout, variant):
    variant.stocks.update(quantity=0)

    result = api(QUERY, {"id": checkout_id(ready_checkout)})

    assert result["data"]["checkout"]["shippingMethods"][0]["deliveryPromise"] is None


def test_the_promise_costs_one_query_per_checkout(
    api, ready_checkout, django_assert_max_num_queries
):
    warm_delivery_rules()

    with django_assert_max_num_queries(8):
        result = api(QUERY, {"id": checkout_id(ready_checkout)})

    assert result["data"]["checkout"]["shippingMethods"][0]["deliveryPromise"]

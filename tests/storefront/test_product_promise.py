"""The product page says when an order placed now arrives, from the rules."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from backend.core.promise_version import promise_rules_changed
from backend.product.models import Product, ProductType, ProductVariant
from backend.shipping.models import ShippingMethod, ShippingMethodPostalCodeRule
from backend.shipping.services import shipping_method_exclude_products
from backend.warehouse.models import Stock, Warehouse
from tests.fixtures.catalog import warm_delivery_rules

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
STRAP = "/products/loop-stretch-strap/"


@pytest.fixture(autouse=True)
def _frozen_dates_ready(demo_store_in_2026):
    """Every test here freezes the clock at a fixed day of late 2026."""


def promise_text(client, url=STRAP) -> str:
    page = client.get(url).content.decode()
    found = re.search(r'data-testid="delivery-promise">([^<]*)<', page)
    return found.group(1) if found else ""


@time_machine.travel(datetime(2026, 11, 24, 13, 47, tzinfo=NEW_YORK), tick=False)
def test_order_counts_down_to_the_last_cutoff_and_skips_thanksgiving(
    demo_store, client
):
    # Tuesday 13:47 in New York: Reno collects until 13:00 Pacific (16:00
    # here); Standard takes 1-2 carrier days and Thursday is Thanksgiving.
    assert promise_text(client) == "Order within 2 h 13 min, get it by Fri 27 Nov"


@time_machine.travel(datetime(2026, 11, 24, 15, 30, tzinfo=NEW_YORK), tick=False)
def test_after_columbus_cutoff_reno_in_an_earlier_time_zone_still_ships_today(
    demo_store, client
):
    # 15:30 in Ohio is past Columbus's 14:00 cut-off but 12:30 in Nevada,
    # before Reno's 13:00.
    assert promise_text(client) == "Order within 30 min, get it by Fri 27 Nov"


@time_machine.travel(datetime(2026, 11, 27, 18, 0, tzinfo=NEW_YORK), tick=False)
def test_friday_evening_waits_for_saturday_morning_collection(demo_store, client):
    assert promise_text(client) == "Order within 17 h 0 min, get it by Tue 1 Dec"


@time_machine.travel(datetime(2026, 12, 24, 15, 0, tzinfo=NEW_YORK), tick=False)
def test_christmas_eve_afternoon_promises_after_christmas(demo_store, client):
    text = promise_text(client)

    assert text.endswith("get it by Tue 29 Dec")


@time_machine.travel(datetime(2026, 11, 24, 11, 47, tzinfo=NEW_YORK), tick=False)
def test_sold_out_variant_shows_no_promise(demo_store, client):
    strap = ProductVariant.objects.filter(product__slug="loop-stretch-strap")
    Stock.objects.filter(product_variant__in=strap).update(quantity=0)

    assert promise_text(client) == ""


@time_machine.travel(datetime(2026, 11, 24, 11, 47, tzinfo=NEW_YORK), tick=False)
def test_stock_only_in_columbus_counts_down_to_its_earlier_cutoff(demo_store, client):
    strap = ProductVariant.objects.filter(product__slug="loop-stretch-strap")
    reno = Warehouse.objects.get(slug="reno-nv")
    Stock.objects.filter(product_variant__in=strap, warehouse=reno).update(quantity=0)

    # 11:47 in Ohio: 2 h 13 min to Columbus's 14:00 cut-off.
    assert promise_text(client) == "Order within 2 h 13 min, get it by Fri 27 Nov"


def test_promise_adds_no_query_to_the_product_page(
    demo_store, client, django_assert_max_num_queries
):
    warm_delivery_rules()

    with django_assert_max_num_queries(12):
        client.get(STRAP)


def postal_code_shown(client, url) -> str:
    page = client.get(url).content.decode()
    found = re.search(r'id="postal-code" [^>]*value="([^"]*)"', page)
    return found.group(1) if found else ""


@time_machine.travel(datetime(2026, 11, 24, 11, 47, tzinfo=NEW_YORK), tick=False)
def test_a_postal_code_given_is_remembered_for_the_next_product(demo_store, client):
    client.get(STRAP + "?postal_code=10001")

    assert postal_code_shown(client, "/products/d-ring-stretch-strap/") == "10001"
    assert client.session["lumbar_postal_code"] == "10001"


@time_machine.travel(datetime(2026, 11, 24, 11, 47, tzinfo=NEW_YORK), tick=False)
def test_an_invalid_postal_code_is_refused_on_the_page(demo_store, client):
    page = client.get(STRAP + "?postal_code=ABCDE").content.decode()

    assert "Enter a 5-digit ZIP code, e.g. 95014." in page
    assert "lumbar_postal_code" not in client.session


@time_machine.travel(datetime(2026, 11, 24, 11, 47, tzinfo=NEW_YORK), tick=False)
def test_a_postal_code_every_method_excludes_gets_no_date(
    demo_store, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for method in ShippingMethod.objects.filter(
            shipping_zone__name="United States"
        ):
            ShippingMethodPostalCodeRule.objects.create(
                shipping_method=method, start="99500", end="99999"
            )
        promise_rules_changed()

    assert promise_text(client, STRAP + "?postal_code=99501") == (
        "We cannot deliver to this postal code with our usual method."
    )
    assert promise_text(client, STRAP + "?postal_code=10001").startswith("Order within")


@time_machine.travel(datetime(2026, 11, 24, 11, 47, tzinfo=NEW_YORK), tick=False)
def test_a_product_the_promised_method_excludes_gets_the_next_methods_date(
    demo_store, client, django_capture_on_commit_callbacks
):
    strap = Product.objects.get(slug="loop-stretch-strap")
    standard = ShippingMethod.objects.get(name="Standard")
    with django_capture_on_commit_callbacks(execute=True):
        shipping_method_exclude_products(method_id=standard.pk, product_ids=[strap.pk])

    # Express (1 day) instead of Standard (1-2 days, Thursday is Thanksgiving).
    assert promise_text(client) == "Order within 4 h 13 min, get it Wed 25 Nov"
    assert promise_text(client, "/products/d-ring-stretch-strap/") == (
        "Order within 4 h 13 min, get it by Fri 27 Nov"
    )


@time_machine.travel(datetime(2026, 11, 24, 11, 47, tzinfo=NEW_YORK), tick=False)
def test_a_bulky_product_type_ships_a_day_later_and_breaks_the_banner(
    demo_store, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ProductType.objects.filter(products__slug="loop-stretch-strap").update(
            is_bulky=True
        )
        promise_rules_changed()

    page = client.get(STRAP).content.decode()

    # Ships Wednesday instead of Tuesday; Thursday is Thanksgiving.
    assert promise_text(client) == "Order within 4 h 13 min, get it by Mon 30 Nov"
    assert "Fast Delivery: 1-2 Days on All Orders" not in page


@time_machine.travel(datetime(2026, 11, 24, 11, 47, tzinfo=NEW_YORK), tick=False)
def test_a_canadian_postal_code_is_accepted_for_canada(demo_store, client):
    page = client.get(STRAP + "?country=CA&postal_code=m5v+2t6").content.decode()

    assert 'id="postal-code-error"' not in page
    assert client.session["lumbar_postal_code"] == "M5V 2T6"
    assert client.session["lumbar_country"] == "CA"


@time_machine.travel(datetime(2026, 11, 24, 11, 47, tzinfo=NEW_YORK), tick=False)
def test_a_canadian_postal_code_given_with_the_us_chosen_is_taken_as_canadian(
    demo_store, client
):
    page = client.get(STRAP + "?country=US&postal_code=M5V+2T6").content.decode()

    assert re.search(r'<option value="CA" selected>Canada</option>', page)
    assert client.session["lumbar_country"] == "CA"


@time_machine.travel(datetime(2026, 11, 24, 11, 47, tzinfo=NEW_YORK), tick=False)
def test_a_canadian_shopper_is_promised_canadas_dates(demo_store, client):
    # International Tracked: 4-8 business days from Tuesday's collection.
    text = promise_text(client, STRAP + "?country=CA&postal_code=M5V+2T6")

    assert text.endswith("get it by Fri 4 Dec")


@time_machine.travel(datetime(2026, 11, 24, 11, 47, tzinfo=NEW_YORK), tick=False)
def test_an_incomplete_postal_code_for_canada_is_refused(demo_store, client):
    page = client.get(STRAP + "?country=CA&postal_code=K1A").content.decode()

    assert "Enter a postal code of Canada, e.g. H3Z 2Y7." in page
    assert "lumbar_country" not in client.session

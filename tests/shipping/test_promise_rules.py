"""Rules loaded from the database, cached, and moved on every edit."""

from datetime import date, time

import pytest
from django.core.cache import cache

from backend.core.promise_version import promise_rules_changed
from backend.product.models import Product, ProductType
from backend.shipping import promise_rules
from backend.shipping.models import ShippingMethod
from backend.shipping.promise_rules import channel_fast_claim, promise_rules_get
from backend.warehouse.models import Stock, Warehouse

pytestmark = pytest.mark.django_db


def test_demo_rules_carry_each_warehouses_cutoffs_and_holidays(demo_store):
    rules = promise_rules_get(channel_slug="default-channel")

    by_name = {w.name: w for w in rules.warehouses}
    columbus = by_name["Columbus Distribution Hub"]
    assert columbus.time_zone == "America/New_York"
    assert columbus.cutoffs[0] == time(14) and columbus.cutoffs[5] == time(11)
    assert 6 not in columbus.cutoffs
    assert date(2026, 11, 26) in columbus.holidays  # Thanksgiving
    assert by_name["Reno Fulfillment Center"].cutoffs[4] == time(13)


def test_demo_methods_for_the_us_are_the_three_us_methods(demo_store):
    rules = promise_rules_get(channel_slug="default-channel")

    names = [m.schedule.name for m in rules.methods_for(country="US")]

    assert sorted(names) == ["Express", "Free Standard", "Standard"]


def test_cached_rules_are_read_without_a_query(demo_store, django_assert_num_queries):
    promise_rules_get(channel_slug="default-channel")

    with django_assert_num_queries(0):
        promise_rules_get(channel_slug="default-channel")


def test_the_process_keeps_the_rules_it_read_without_unpickling_them_again(
    demo_store,
):
    first = promise_rules_get(channel_slug="default-channel")
    cache.delete_many(
        [key for key in promise_rules._local_rules if key.endswith(":default-channel")]
    )

    again = promise_rules_get(channel_slug="default-channel")

    # The same object, not a copy from Redis (which no longer holds it).
    assert again is first


def test_rules_kept_in_the_process_give_way_to_an_edit_on_its_commit(
    demo_store, django_capture_on_commit_callbacks
):
    promise_rules_get(channel_slug="default-channel")
    method = ShippingMethod.objects.get(name="Standard")

    with django_capture_on_commit_callbacks(execute=True):
        method.name = "Standard Ground"
        method.save(update_fields=["name"])
        promise_rules_changed()

    rules = promise_rules_get(channel_slug="default-channel")
    assert "Standard Ground" in {m.schedule.name for m in rules.methods}


def test_an_edit_shows_once_it_commits(demo_store, django_capture_on_commit_callbacks):
    promise_rules_get(channel_slug="default-channel")
    method = ShippingMethod.objects.get(name="Express")

    with django_capture_on_commit_callbacks(execute=True):
        method.maximum_delivery_days = 3
        method.save(update_fields=["maximum_delivery_days"])
        promise_rules_changed()

    rules = promise_rules_get(channel_slug="default-channel")
    express = next(m for m in rules.methods if m.schedule.name == "Express")
    assert express.schedule.maximum_days == 3


def test_unknown_channel_has_no_rules(db):
    assert promise_rules_get(channel_slug="nowhere") is None


def test_demo_store_keeps_the_fast_claim(demo_store):
    rules, check = channel_fast_claim(channel_slug="default-channel")

    assert rules.claim_text == "Fast Delivery: 1-2 Days on All Orders"
    assert check.holds is True


def test_raising_a_method_to_four_days_breaks_the_claim(
    demo_store, django_capture_on_commit_callbacks
):
    channel_fast_claim(channel_slug="default-channel")

    with django_capture_on_commit_callbacks(execute=True):
        ShippingMethod.objects.filter(name="Standard").update(maximum_delivery_days=4)
        promise_rules_changed()

    _, check = channel_fast_claim(channel_slug="default-channel")
    assert check.holds is False
    assert sorted(b.message for b in check.breaches) == [
        f"Standard from {name} takes up to 4 business days (0 handling + 4 transit);"
        " the claim allows 2."
        for name in ("Columbus Distribution Hub", "Reno Fulfillment Center")
    ]


def test_emptying_every_warehouse_breaks_the_claim(
    demo_store, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        Stock.objects.update(quantity=0, quantity_allocated=0)
        promise_rules_changed()

    _, check = channel_fast_claim(channel_slug="default-channel")

    assert check.holds is False
    assert [b.rule for b in check.breaches] == ["stock"]


def test_stock_left_only_where_handling_is_slow_breaks_the_claim(
    demo_store, django_capture_on_commit_callbacks
):
    reno = Warehouse.objects.get(slug="reno-nv")
    with django_capture_on_commit_callbacks(execute=True):
        Stock.objects.exclude(warehouse=reno).update(quantity=0, quantity_allocated=0)
        Warehouse.objects.filter(pk=reno.pk).update(handling_days=1)
        promise_rules_changed()

    _, check = channel_fast_claim(channel_slug="default-channel")

    assert check.holds is False
    assert check.maximum_days == 3


def test_a_cache_miss_reads_every_rule_a_method_carries_in_three_queries(
    demo_store, django_assert_num_queries
):
    express = ShippingMethod.objects.get(name="Express")
    express.postal_code_rules.create(start="99500", end="99999")
    express.postal_code_rules.create(start="96700", inclusion_type="include")
    product = Product.objects.order_by("pk").first()
    express.excluded_products.add(product)
    zone = express.shipping_zone
    zone.countries = ["US", "PR"]
    zone.save(update_fields=["countries"])
    ProductType.objects.filter(pk=product.product_type_id).update(is_bulky=True)
    cache.clear()

    with django_assert_num_queries(3):
        rules = promise_rules_get(channel_slug="default-channel")

    loaded = next(m for m in rules.methods if m.schedule.name == "Express")
    assert [
        (rule.start, rule.end, rule.include)
        for rule in loaded.schedule.postal_code_rules
    ] == [("99500", "99999", False), ("96700", None, True)]
    assert loaded.excluded_product_ids == {product.pk}
    assert loaded.countries == {"US", "PR"}
    assert rules.bulky_product_type_ids == {product.product_type_id}


def test_clearing_the_cache_empties_the_rules_the_process_kept(demo_store):
    first = promise_rules_get(channel_slug="default-channel")

    cache.clear()

    assert promise_rules._local_rules == {}
    assert promise_rules_get(channel_slug="default-channel") is not first

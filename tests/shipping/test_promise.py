"""Delivery dates from the rules: cut-offs, weekends, holidays, zones, stock."""

from datetime import date, timedelta

from backend.shipping.promise import PromiseReason, delivery_promise

from .promise_rules import (
    COLUMBUS,
    GROUND,
    LOS_ANGELES,
    NEW_YORK,
    NO_ALASKA,
    RENO,
    STANDARD,
    at,
    line,
)


def promise(now, *lines, method=STANDARD, postal_code="43215", warehouses=None):
    return delivery_promise(
        now=now,
        lines=lines or (line(),),
        postal_code=postal_code,
        method=method,
        warehouses=warehouses or (COLUMBUS,),
        claim_max_days=2,
    )


def test_order_before_cutoff_ships_today_and_arrives_in_one_to_two_days():
    result = promise(at(NEW_YORK, 2026, 11, 17, 10))  # Tuesday 10:00

    assert (result.earliest, result.latest) == (date(2026, 11, 18), date(2026, 11, 19))
    assert result.order_by == at(NEW_YORK, 2026, 11, 17, 14)
    assert result.ship_by == at(NEW_YORK, 2026, 11, 17, 14)
    assert result.fast is True
    assert result.reasons == ()


def test_order_after_cutoff_ships_next_business_day():
    result = promise(at(NEW_YORK, 2026, 11, 17, 15))  # Tuesday 15:00

    assert (result.earliest, result.latest) == (date(2026, 11, 19), date(2026, 11, 20))
    assert result.order_by == at(NEW_YORK, 2026, 11, 18, 14)
    assert PromiseReason.AFTER_CUTOFF in result.reasons
    assert result.fast is False


def test_friday_after_cutoff_ships_saturday_morning_and_arrives_after_the_weekend():
    result = promise(at(NEW_YORK, 2026, 11, 20, 16))  # Friday 16:00

    assert result.shipments[0].ship_date == date(2026, 11, 21)  # Saturday
    assert result.order_by == at(NEW_YORK, 2026, 11, 21, 11)
    assert (result.earliest, result.latest) == (date(2026, 11, 23), date(2026, 11, 24))


def test_saturday_after_the_morning_cutoff_waits_for_monday():
    result = promise(at(NEW_YORK, 2026, 11, 21, 12))  # Saturday noon

    assert result.shipments[0].ship_date == date(2026, 11, 23)
    assert (result.earliest, result.latest) == (date(2026, 11, 24), date(2026, 11, 25))


def test_warehouse_that_does_not_ship_saturdays_says_so():
    result = promise(at(NEW_YORK, 2026, 11, 21, 9), warehouses=(RENO,))

    assert result.shipments[0].ship_date == date(2026, 11, 23)
    assert PromiseReason.NON_SHIPPING_DAY in result.reasons


def test_thanksgiving_is_skipped_for_shipping_and_delivery():
    result = promise(at(NEW_YORK, 2026, 11, 25, 10))  # Wednesday before

    # Ships Wednesday; Thursday is a holiday for the carrier, so Friday, Monday.
    assert (result.earliest, result.latest) == (date(2026, 11, 27), date(2026, 11, 30))
    assert PromiseReason.HOLIDAY in result.reasons


def test_business_days_skip_the_weekend_after_a_friday_late_order():
    result = promise(at(NEW_YORK, 2026, 11, 20, 16))  # Friday, after cut-off

    # Monday 23 and Tuesday 24 are the 1st and 2nd business days from Friday.
    assert (result.earliest_in_days, result.latest_in_days) == (1, 2)


def test_business_days_skip_thanksgiving():
    result = promise(at(NEW_YORK, 2026, 11, 25, 10))  # Wednesday before

    # Thursday is the carrier's holiday: Friday 27 is day 1, Monday 30 day 2.
    assert (result.earliest_in_days, result.latest_in_days) == (1, 2)


def test_business_days_count_a_late_order_from_today():
    result = promise(at(NEW_YORK, 2026, 11, 17, 15))  # Tuesday after cut-off

    # Ships Wednesday: Thursday 19 and Friday 20 are days 2 and 3 from Tuesday.
    assert (result.earliest_in_days, result.latest_in_days) == (2, 3)


def test_order_on_thanksgiving_ships_the_day_after():
    result = promise(at(NEW_YORK, 2026, 11, 26, 9))

    assert result.shipments[0].ship_date == date(2026, 11, 27)
    assert result.order_by == at(NEW_YORK, 2026, 11, 27, 14)


def test_christmas_eve_order_arrives_after_christmas():
    result = promise(at(NEW_YORK, 2026, 12, 24, 10))  # Thursday

    assert (result.earliest, result.latest) == (date(2026, 12, 28), date(2026, 12, 29))
    assert PromiseReason.HOLIDAY in result.reasons


def test_cutoff_is_the_warehouses_local_time_not_the_shoppers():
    # 16:30 in New York is 13:30 in Reno: still before Reno's 14:00 cut-off.
    result = promise(at(NEW_YORK, 2026, 11, 17, 16, 30), warehouses=(RENO,))

    assert result.shipments[0].ship_date == date(2026, 11, 17)
    assert result.order_by == at(LOS_ANGELES, 2026, 11, 17, 14)


def test_cutoff_follows_daylight_saving_time():
    before = promise(at(NEW_YORK, 2026, 3, 6, 10))  # Friday, still EST
    after = promise(at(NEW_YORK, 2026, 3, 9, 10))  # Monday, EDT

    assert before.order_by.utcoffset() == timedelta(hours=-5)
    assert after.order_by.utcoffset() == timedelta(hours=-4)
    assert after.order_by.astimezone(NEW_YORK).hour == 14


def test_after_the_near_cutoff_the_far_warehouse_still_ships_today():
    # 15:00 in Columbus is past its cut-off; in Reno it is noon.
    result = promise(at(NEW_YORK, 2026, 11, 17, 15), warehouses=(COLUMBUS, RENO))

    assert [s.warehouse_id for s in result.shipments] == [RENO.warehouse_id]
    assert result.shipments[0].ship_date == date(2026, 11, 17)
    assert result.fast is True


def test_out_of_stock_near_ships_from_the_far_warehouse():
    result = promise(
        at(NEW_YORK, 2026, 11, 17, 10),
        line(columbus=0, reno=3),
        warehouses=(COLUMBUS, RENO),
    )

    assert [s.warehouse_id for s in result.shipments] == [RENO.warehouse_id]
    assert PromiseReason.FAR_WAREHOUSE in result.reasons


def test_out_of_stock_everywhere_has_no_dates():
    result = promise(
        at(NEW_YORK, 2026, 11, 17, 10),
        line(columbus=0, reno=0),
        warehouses=(COLUMBUS, RENO),
    )

    assert result.deliverable is False
    assert result.reasons == (PromiseReason.OUT_OF_STOCK,)


def test_quantity_above_one_warehouses_stock_is_not_split_across_two():
    result = promise(
        at(NEW_YORK, 2026, 11, 17, 10),
        line(quantity=4, columbus=3, reno=3),
        warehouses=(COLUMBUS, RENO),
    )

    assert result.deliverable is False


def test_method_that_excludes_the_postal_code_cannot_deliver():
    result = promise(
        at(NEW_YORK, 2026, 11, 17, 10), method=NO_ALASKA, postal_code="99 501"
    )

    assert result.deliverable is False
    assert result.reasons == (PromiseReason.POSTAL_CODE_EXCLUDED,)


def test_method_that_excludes_other_postal_codes_delivers_here():
    result = promise(
        at(NEW_YORK, 2026, 11, 17, 10), method=NO_ALASKA, postal_code="43215"
    )

    assert result.deliverable is True


def test_slow_zone_breaks_the_fast_claim():
    result = promise(at(NEW_YORK, 2026, 11, 17, 10), method=GROUND)

    assert (result.earliest, result.latest) == (date(2026, 11, 20), date(2026, 11, 24))
    assert result.fast is False
    assert PromiseReason.ZONE_TOO_FAR in result.reasons


def test_mixed_cart_from_two_warehouses_gets_the_later_date():
    now = at(NEW_YORK, 2026, 11, 20, 10)  # Friday: Columbus ships Saturday too
    near_only = line(variant_id=1, columbus=5, reno=0)
    far_only = line(variant_id=2, columbus=0, reno=5)

    result = promise(now, near_only, far_only, warehouses=(COLUMBUS, RENO))

    assert {s.warehouse_id: s.variant_ids for s in result.shipments} == {
        COLUMBUS.warehouse_id: (1,),
        RENO.warehouse_id: (2,),
    }
    assert result.latest == max(s.latest for s in result.shipments)


def test_mixed_cart_prefers_one_warehouse_that_holds_everything():
    result = promise(
        at(NEW_YORK, 2026, 11, 17, 10),
        line(variant_id=1, columbus=5, reno=5),
        line(variant_id=2, columbus=0, reno=5),
        warehouses=(COLUMBUS, RENO),
    )

    assert [s.warehouse_id for s in result.shipments] == [RENO.warehouse_id]


def test_bulky_item_needs_an_extra_handling_day():
    result = promise(at(NEW_YORK, 2026, 11, 17, 10), line(bulky=True))

    assert result.shipments[0].ship_date == date(2026, 11, 18)
    assert result.order_by == at(NEW_YORK, 2026, 11, 17, 14)
    assert PromiseReason.BULKY in result.reasons
    assert result.fast is False

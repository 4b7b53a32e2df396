"""The header's fast claim holds only while every rule behind it does."""

from dataclasses import replace

from backend.shipping.promise import fast_claim_check

from .promise_rules import COLUMBUS, GROUND, RENO, STANDARD


def check(methods=(STANDARD,), warehouses=(COLUMBUS, RENO), stocked=(1, 2)):
    return fast_claim_check(
        claim_max_days=2,
        methods=methods,
        warehouses=warehouses,
        stocked_warehouse_ids=stocked,
    )


def test_one_to_two_day_method_from_stocked_warehouses_keeps_the_claim():
    result = check()

    assert result.holds is True
    assert result.breaches == ()
    assert (result.minimum_days, result.maximum_days) == (1, 2)


def test_method_raised_to_four_days_breaks_the_claim_and_names_itself():
    slow = replace(STANDARD, maximum_days=4)

    result = check(methods=(slow,), warehouses=(COLUMBUS,), stocked=(1,))

    assert result.holds is False
    assert [b.message for b in result.breaches] == [
        "Standard from Columbus Distribution Hub takes up to 4 business days "
        "(0 handling + 4 transit); the claim allows 2."
    ]
    assert (result.minimum_days, result.maximum_days) == (1, 4)


def test_no_stock_in_any_warehouse_breaks_the_claim():
    result = check(stocked=())

    assert result.holds is False
    assert [b.rule for b in result.breaches] == ["stock"]


def test_stock_only_in_a_warehouse_with_handling_days_breaks_the_claim():
    slow_reno = replace(RENO, handling_days=1)

    result = check(warehouses=(COLUMBUS, slow_reno), stocked=(2,))

    assert result.holds is False
    assert result.maximum_days == 3


def test_any_slow_method_offered_breaks_the_claim():
    result = check(methods=(STANDARD, GROUND))

    assert result.holds is False
    assert {b.rule for b in result.breaches} == {
        "method:11/warehouse:1",
        "method:11/warehouse:2",
    }


def test_bulky_items_in_stock_break_the_claim():
    result = fast_claim_check(
        claim_max_days=2,
        methods=(STANDARD,),
        warehouses=(COLUMBUS,),
        stocked_warehouse_ids=(1,),
        bulky_in_stock=True,
    )

    assert [b.rule for b in result.breaches] == ["bulky"]

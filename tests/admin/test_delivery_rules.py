"""Operations staff edit delivery rules; bad rules are refused on the page."""

import pytest

from backend.shipping.models import ShippingMethod, ShippingMethodPostalCodeRule
from backend.warehouse.models import Warehouse
from tests import factories

from .conftest import inline_management
from .html_forms import untouched_form

pytestmark = pytest.mark.django_db

RULES_URL = "/admin/warehouse/warehousedeliveryrules/{}/change/"
METHOD_URL = "/admin/shipping/shippingmethod/{}/change/"


@pytest.fixture
def method(channel):
    zone = factories.ShippingZoneFactory(countries=["US"], channels=[channel])
    method = factories.ShippingMethodFactory(shipping_zone=zone, name="Standard")
    factories.ShippingMethodChannelListingFactory(
        shipping_method=method, channel=channel
    )
    return method


def _rules_form(client, warehouse, **changes) -> dict:
    data = untouched_form(client.get(RULES_URL.format(warehouse.pk)).content.decode())
    data.update({key: value for key, value in changes.items()})
    return data


def test_operations_user_changes_a_warehouse_cutoff(ops_client, warehouse):
    data = _rules_form(ops_client, warehouse, cutoff_time=["15:30"])

    response = ops_client.post(RULES_URL.format(warehouse.pk), data)

    assert response.status_code == 302
    warehouse.refresh_from_db()
    assert warehouse.cutoff_time.strftime("%H:%M") == "15:30"


def test_operations_user_adds_a_holiday(ops_client, warehouse):
    data = _rules_form(ops_client, warehouse)
    data.update(
        {"holidays-0-date": ["2026-12-24"], "holidays-0-name": ["Christmas Eve"]}
    )

    ops_client.post(RULES_URL.format(warehouse.pk), data)

    assert list(warehouse.holidays.values_list("name", flat=True)) == ["Christmas Eve"]


def test_merchandiser_cannot_open_delivery_rules(merch_client, warehouse):
    response = merch_client.get(RULES_URL.format(warehouse.pk))

    assert response.status_code == 403


def test_cutoff_outside_the_day_is_refused(ops_client, warehouse):
    data = _rules_form(ops_client, warehouse, cutoff_time=["25:00"])

    response = ops_client.post(RULES_URL.format(warehouse.pk), data)

    assert response.status_code == 200
    assert "Enter a valid time." in response.content.decode()
    warehouse.refresh_from_db()
    assert warehouse.cutoff_time.strftime("%H:%M") == "14:00"


def test_unknown_time_zone_is_refused(ops_client, warehouse):
    data = _rules_form(ops_client, warehouse, time_zone=["Mars/Olympus_Mons"])

    response = ops_client.post(RULES_URL.format(warehouse.pk), data)

    assert "is not a known time zone" in response.content.decode()
    assert Warehouse.objects.get(pk=warehouse.pk).time_zone == "America/New_York"


def test_a_warehouse_must_ship_on_some_day(ops_client, warehouse):
    data = _rules_form(ops_client, warehouse)
    data.pop("shipping_weekdays")

    response = ops_client.post(RULES_URL.format(warehouse.pk), data)

    assert response.status_code == 200
    assert Warehouse.objects.get(pk=warehouse.pk).shipping_weekdays == [0, 1, 2, 3, 4]


def _method_form(client, method, **changes) -> dict:
    data = untouched_form(client.get(METHOD_URL.format(method.pk)).content.decode())
    data.update(changes)
    return data


def test_minimum_above_maximum_delivery_days_is_refused(ops_client, method):
    data = _method_form(
        ops_client, method, minimum_delivery_days=["3"], maximum_delivery_days=["2"]
    )

    response = ops_client.post(METHOD_URL.format(method.pk), data)

    assert "Minimum delivery days (3) is above the maximum (2)." in (
        response.content.decode()
    )
    assert ShippingMethod.objects.get(pk=method.pk).minimum_delivery_days == 1


def test_negative_delivery_days_are_refused(ops_client, method):
    data = _method_form(ops_client, method, maximum_delivery_days=["-1"])

    response = ops_client.post(METHOD_URL.format(method.pk), data)

    assert response.status_code == 200
    assert ShippingMethod.objects.get(pk=method.pk).maximum_delivery_days == 2


def test_contradicting_postal_code_rules_are_refused(ops_client, method):
    data = _method_form(ops_client, method)
    data.update(
        inline_management("postal_code_rules", total=2)
        | {
            "postal_code_rules-0-inclusion_type": ["exclude"],
            "postal_code_rules-0-start": ["99500"],
            "postal_code_rules-0-end": ["99999"],
            "postal_code_rules-1-inclusion_type": ["include"],
            "postal_code_rules-1-start": ["99700"],
            "postal_code_rules-1-end": [""],
        }
    )

    response = ops_client.post(METHOD_URL.format(method.pk), data)

    assert (
        "Postal code rules contradict: exclude 99500-99999 overlaps include 99700."
        in response.content.decode()
    )
    assert not ShippingMethodPostalCodeRule.objects.exists()


def test_method_list_warns_when_the_claim_breaks(
    ops_client, method, warehouse, channel
):
    channel.is_active = True
    channel.save(update_fields=["is_active"])
    method.maximum_delivery_days = 4
    method.save(update_fields=["maximum_delivery_days"])
    factories.StockFactory(warehouse=warehouse, quantity=5)

    response = ops_client.get("/admin/shipping/shippingmethod/", follow=True)

    page = response.content.decode()
    assert "Fast Delivery: 1-2 Days on All Orders" in page
    assert "Standard from" in page and "takes up to 4 business days" in page

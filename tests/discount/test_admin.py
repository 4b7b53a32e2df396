"""Merchandisers create vouchers in the admin; others are refused."""

import pytest

from backend.discount.models import Voucher, VoucherChannelListing, VoucherCode
from tests.admin.conftest import inline_management

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/discount/voucher/add/"
LIST_URL = "/admin/discount/voucher/"


@pytest.fixture
def merch_client(client, merchandiser):
    client.force_login(merchandiser)
    return client


def _voucher_form(channel, *, value="10", value_type="percentage", **changes):
    data = {
        "name": "Welcome",
        "type": "entire_order",
        "discount_value_type": value_type,
        "start_date_0": "2026-01-01",
        "start_date_1": "00:00:00",
        "end_date_0": "",
        "end_date_1": "",
        "usage_limit": "100",
        **inline_management("codes", total=1),
        "codes-0-code": "WELCOME10",
        "codes-0-is_active": "on",
        **inline_management("channel_listings", total=1),
        "channel_listings-0-channel": str(channel.pk),
        "channel_listings-0-discount_value": value,
        "channel_listings-0-min_spent_amount": "20.00",
    }
    data.update(changes)
    return data


def test_a_merchandiser_creates_a_voucher_with_a_code_and_a_channel_value(
    merch_client, channel
):
    response = merch_client.post(ADD_URL, _voucher_form(channel))

    assert response.status_code == 302
    voucher = Voucher.objects.get()
    assert (voucher.name, voucher.usage_limit, voucher.used) == ("Welcome", 100, 0)
    assert list(voucher.codes.values_list("code", flat=True)) == ["WELCOME10"]
    listing = VoucherChannelListing.objects.get()
    assert (str(listing.discount_value), listing.currency) == ("10.000", "USD")
    assert str(listing.min_spent_amount) == "20.000"


def test_a_percentage_above_100_is_refused_on_the_page(merch_client, channel):
    response = merch_client.post(ADD_URL, _voucher_form(channel, value="150"))

    assert response.status_code == 200
    assert "A percentage discount is at most 100." in response.content.decode()
    assert not Voucher.objects.exists()
    assert not VoucherCode.objects.exists()


def test_an_end_before_the_start_is_refused_on_the_page(merch_client, channel):
    form = _voucher_form(channel, end_date_0="2025-12-31", end_date_1="00:00:00")

    response = merch_client.post(ADD_URL, form)

    assert response.status_code == 200
    assert "The end date must not be before the start." in response.content.decode()
    assert not Voucher.objects.exists()


def test_a_code_already_taken_is_refused_on_the_page(merch_client, channel, welcome10):
    response = merch_client.post(ADD_URL, _voucher_form(channel))

    assert response.status_code == 200
    assert Voucher.objects.count() == 1


def test_operations_staff_are_refused_vouchers(client, operations_user, channel):
    client.force_login(operations_user)

    responses = [client.get(LIST_URL), client.post(ADD_URL, _voucher_form(channel))]

    assert [response.status_code for response in responses] == [403, 403]
    assert not Voucher.objects.exists()


def test_customers_are_sent_to_the_admin_login(client, customer_user, channel):
    client.force_login(customer_user)

    response = client.post(ADD_URL, _voucher_form(channel))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert not Voucher.objects.exists()


def test_the_voucher_list_shows_the_uses(merch_client, welcome10):
    response = merch_client.get(LIST_URL)

    assert response.status_code == 200
    assert "WELCOME10 voucher" in response.content.decode()

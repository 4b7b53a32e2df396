"""Operations move a stock to another bin from its /ops/ page."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def stock(variant, warehouse):
    stock = variant.stocks.get(warehouse=warehouse)
    stock.bin_location = "A-01-1"
    stock.save(update_fields=["bin_location"])
    return stock


def test_operations_set_a_stocks_bin_and_the_page_shows_it(ops_client, stock):
    response = ops_client.post(
        f"/ops/stock/{stock.pk}/bin/", {"bin_location": " C-04-2 "}, follow=True
    )

    stock.refresh_from_db()
    assert stock.bin_location == "C-04-2"
    page = response.content.decode()
    assert "Bin saved." in page
    assert 'name="bin_location" value="C-04-2"' in page


def test_a_bin_longer_than_the_shelf_label_is_refused_and_changes_nothing(
    ops_client, stock
):
    response = ops_client.post(
        f"/ops/stock/{stock.pk}/bin/", {"bin_location": "X" * 33}, follow=True
    )

    stock.refresh_from_db()
    assert stock.bin_location == "A-01-1"
    assert "A bin can be at most 32 characters." in response.content.decode()

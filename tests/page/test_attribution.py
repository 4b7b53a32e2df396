"""Attribution: the click service, the sales report and its admin page."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from prices import Money

from backend.account.services import staff_groups_sync
from backend.order.models import Order, OrderStatus
from backend.page.selectors.attribution import article_sales_report
from backend.page.services.attribution import (
    ATTRIBUTION_METADATA_KEY,
    ATTRIBUTION_SESSION_KEY,
    shop_block_click_record,
)
from tests import factories
from tests.fixtures.content import make_article_page

REPORT_URL = "/admin/page/articlesalesreport/"
REPORT_QUERIES = 3
# The report (3), orders per day (1), the operations time zone (1), the
# session, the user and its permissions (its own and its groups', one query).
REPORT_PAGE_QUERIES = 8


def _article(slug):
    return make_article_page(slug=slug, conditions=())


def _click(page, product, block="1"):
    return shop_block_click_record(
        page=page, product=product, block=block, session=SessionStore()
    )


def _attribution(slug, block="1"):
    return {ATTRIBUTION_METADATA_KEY: {"article": slug, "block": block}}


def _order(
    channel, slug, total, status=OrderStatus.UNFULFILLED, currency="USD", **fields
):
    return Order.objects.create(
        channel=channel,
        currency=currency,
        status=status,
        total_amount=Decimal(total),
        metadata=_attribution(slug),
        **fields,
    )


def _staff_client(client, group):
    user = factories.UserFactory(email=f"{group.lower()}@lumbar.test", is_staff=True)
    user.groups.add(staff_groups_sync()[group])
    client.force_login(user)
    return client


def _rows():
    return {
        row.page.slug: (row.clicks, row.add_to_carts, row.orders, row.revenue)
        for row in article_sales_report()
    }


def test_recording_a_click_saves_a_session_that_had_no_key(db, published_product):
    session = SessionStore()

    shop_block_click_record(
        page=_article("heat"), product=published_product, block="0", session=session
    )

    assert session.session_key is not None
    assert session[ATTRIBUTION_SESSION_KEY] == {"article": "heat", "block": "0"}


def test_a_deleted_product_keeps_its_clicks(db, published_product):
    click = _click(_article("heat"), published_product)

    published_product.delete()

    click.refresh_from_db()
    assert click.product_id is None
    assert _rows()["heat"][0] == 1


def test_the_report_counts_clicks_per_article_exactly(db, published_product):
    heat, tens, _ = _article("heat"), _article("tens"), _article("stretching")
    for block in ("0", "1", "end"):
        _click(heat, published_product, block)
    _click(tens, published_product)

    rows = _rows()

    assert {slug: row[0] for slug, row in rows.items()} == {
        "heat": 3,
        "tens": 1,
        "stretching": 0,
    }


def test_the_report_counts_carts_from_checkout_metadata(db, channel):
    _article("heat")
    factories.CheckoutFactory(channel=channel, metadata=_attribution("heat"))
    factories.CheckoutFactory(channel=channel, metadata=_attribution("heat", "end"))
    factories.CheckoutFactory(channel=channel)

    assert _rows()["heat"][1] == 2


def test_the_report_counts_orders_and_revenue_from_order_metadata(db, channel):
    _article("heat")
    _article("tens")
    _order(channel, "heat", "19.99")
    _order(channel, "heat", "25.01")
    _order(channel, "tens", "9.50")

    rows = _rows()

    assert rows["heat"][2:] == (2, (Money(Decimal("45.00"), "USD"),))
    assert rows["tens"][2:] == (1, (Money(Decimal("9.50"), "USD"),))


def test_the_report_leaves_out_canceled_and_unconfirmed_orders(db, channel):
    _article("heat")
    _order(channel, "heat", "19.99", status=OrderStatus.CANCELED)
    _order(channel, "heat", "19.99", status=OrderStatus.UNCONFIRMED)

    assert _rows()["heat"][2:] == (0, ())


def test_the_report_keeps_each_currencys_revenue_apart(db, channel):
    _article("heat")
    _order(channel, "heat", "10.00")
    _order(channel, "heat", "8.00", currency="EUR")

    assert _rows()["heat"][3] == (
        Money(Decimal("8.00"), "EUR"),
        Money(Decimal("10.00"), "USD"),
    )


@pytest.mark.parametrize("articles", [5, 20])
def test_the_report_takes_three_queries_for_any_number_of_articles(
    db, channel, published_product, django_assert_num_queries, articles
):
    for index in range(articles):
        page = _article(f"article-{index}")
        _click(page, published_product)
        _order(channel, page.slug, "1.00")

    with django_assert_num_queries(REPORT_QUERIES):
        rows = article_sales_report()

    assert [row.clicks for row in rows] == [1] * articles


def test_operations_staff_are_refused_the_report(db, client):
    response = _staff_client(client, "Operations").get(REPORT_URL)

    assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_the_admin_login(db, client):
    response = client.get(REPORT_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_merchandisers_see_each_articles_clicks_orders_and_revenue(
    db, client, channel, published_product
):
    heat = _article("heat")
    _click(heat, published_product)
    _click(heat, published_product, "end")
    _order(channel, "heat", "19.99")

    response = _staff_client(client, "Merchandisers").get(REPORT_URL)

    html = response.content.decode()
    row = html.split('data-article="heat"', 1)[1].split("</tr>", 1)[0]
    assert response.status_code == 200
    assert '<td class="clicks">2</td>' in row
    # The order was a cart before it was placed.
    assert '<td class="add-to-carts">1</td>' in row
    assert '<td class="orders">1</td>' in row
    assert '<td class="revenue">$19.99</td>' in row


def test_the_report_has_no_change_page(db, client, published_product):
    heat = _article("heat")

    response = _staff_client(client, "Merchandisers").get(
        f"{REPORT_URL}{heat.pk}/change/"
    )

    assert response.status_code == 404


@pytest.mark.parametrize("articles", [5, 20])
def test_the_report_page_takes_the_same_queries_for_5_and_20_articles(
    db, client, channel, published_product, django_assert_num_queries, articles
):
    merch_client = _staff_client(client, "Merchandisers")
    for index in range(articles):
        page = _article(f"article-{index}")
        _click(page, published_product)
        _order(channel, page.slug, "1.00")

    with django_assert_num_queries(REPORT_PAGE_QUERIES):
        response = merch_client.get(REPORT_URL)

    assert response.content.decode().count('<td class="orders">1</td>') == articles


def _report_row(html, slug):
    return html.split(f'data-article="{slug}"', 1)[1].split("</tr>", 1)[0]


def test_the_report_shows_the_last_30_days_by_default(db, client, channel):
    _article("heat")
    _order(channel, "heat", "19.99")
    _order(channel, "heat", "50.00", created_at=timezone.now() - timedelta(days=40))

    html = _staff_client(client, "Merchandisers").get(REPORT_URL).content.decode()

    assert '<td class="revenue">$19.99</td>' in _report_row(html, "heat")


def test_the_last_90_days_take_in_an_older_order(db, client, channel):
    _article("heat")
    _order(channel, "heat", "19.99")
    _order(channel, "heat", "50.00", created_at=timezone.now() - timedelta(days=40))

    response = _staff_client(client, "Merchandisers").get(REPORT_URL, {"range": "90"})

    row = _report_row(response.content.decode(), "heat")
    assert '<td class="orders">2</td>' in row
    assert '<td class="revenue">$69.99</td>' in row


def test_a_custom_range_counts_only_its_days(db, client, channel):
    _article("heat")
    _order(channel, "heat", "10.00", created_at=datetime(2026, 3, 2, 15, tzinfo=UTC))
    _order(channel, "heat", "20.00", created_at=datetime(2026, 3, 9, 15, tzinfo=UTC))

    response = _staff_client(client, "Merchandisers").get(
        REPORT_URL, {"range": "custom", "start": "2026-03-01", "end": "2026-03-05"}
    )

    html = response.content.decode()
    assert '<td class="revenue">$10.00</td>' in _report_row(html, "heat")
    assert "From Sun 1 Mar 2026 to Thu 5 Mar 2026" in html


def test_a_range_that_ends_before_it_starts_is_explained(db, client):
    _article("heat")

    response = _staff_client(client, "Merchandisers").get(
        REPORT_URL, {"range": "custom", "start": "2026-03-05", "end": "2026-03-01"}
    )

    assert response.status_code == 200
    assert "The first date must come before the last." in response.content.decode()


def test_the_totals_row_adds_up_revenue_too(db, client, channel):
    _article("heat")
    _article("tens")
    _order(channel, "heat", "19.99")
    _order(channel, "tens", "10.01")

    html = _staff_client(client, "Merchandisers").get(REPORT_URL).content.decode()

    footer = html.split("<tfoot>", 1)[1]
    assert '<td class="orders">2</td>' in footer
    assert '<td class="revenue">$30.00</td>' in footer


def test_an_article_without_sales_shows_a_dash_not_zero(db, client):
    _article("heat")

    html = _staff_client(client, "Merchandisers").get(REPORT_URL).content.decode()

    assert '<td class="revenue">—</td>' in _report_row(html, "heat")


def test_each_article_charts_its_orders_per_day(db, client, channel):
    _article("heat")
    _order(channel, "heat", "19.99")
    _order(channel, "heat", "5.00")

    html = _staff_client(client, "Merchandisers").get(REPORT_URL, {"range": "7"})
    row = _report_row(html.content.decode(), "heat")

    assert row.count("<rect ") == 1
    assert ": 2 orders</title>" in row

"""The article sales report with orders placed through checkout_complete."""

from decimal import Decimal

from django.contrib.sessions.backends.db import SessionStore
from prices import Money

from backend.checkout.complete import checkout_complete
from backend.order.services import order_cancel
from backend.page.selectors.attribution import article_sales_report
from backend.page.services.attribution import (
    ATTRIBUTION_SESSION_KEY,
    shop_block_click_record,
)
from backend.page.services.checkout_attribution import checkout_attribution_set
from tests.fixtures.checkout import make_ready_checkout, paid_with
from tests.fixtures.content import make_article_page


def _row(slug):
    (row,) = [row for row in article_sales_report() if row.page.slug == slug]
    return row.clicks, row.add_to_carts, row.orders, row.revenue


def _cart_from_click(*, page, product, channel, shipping_method, quantity=1):
    """Click a shop block, add to cart with the session's attribution."""
    session = SessionStore()
    shop_block_click_record(page=page, product=product, block="0", session=session)
    checkout = make_ready_checkout(
        channel=channel,
        shipping_method=shipping_method,
        lines=[(product.default_variant, quantity)],
    )
    checkout_attribution_set(
        checkout_token=checkout.token, attribution=session[ATTRIBUTION_SESSION_KEY]
    )
    return checkout


def _buy(checkout):
    return checkout_complete(
        checkout_token=checkout.token, payment=paid_with("tok_success")
    ).order


def test_a_click_then_a_cart_counts_one_add_to_cart_and_no_order(
    db, channel, shipping_method, published_product
):
    heat = make_article_page(slug="heat", conditions=())

    _cart_from_click(
        page=heat,
        product=published_product,
        channel=channel,
        shipping_method=shipping_method,
    )

    assert _row("heat") == (1, 1, 0, ())


def test_a_placed_order_counts_its_cart_its_order_and_its_total(
    db, channel, shipping_method, published_product
):
    heat = make_article_page(slug="heat", conditions=())
    checkout = _cart_from_click(
        page=heat,
        product=published_product,
        channel=channel,
        shipping_method=shipping_method,
        quantity=2,
    )

    order = _buy(checkout)

    assert order.total == Money(Decimal("44.98"), "USD")
    assert _row("heat") == (1, 1, 1, (Money(Decimal("44.98"), "USD"),))


def test_orders_and_open_carts_add_up_per_article(
    db, channel, shipping_method, published_product
):
    heat = make_article_page(slug="heat", conditions=())
    tens = make_article_page(slug="tens", conditions=())
    carts = [
        _cart_from_click(
            page=page,
            product=published_product,
            channel=channel,
            shipping_method=shipping_method,
        )
        for page in (heat, heat, heat, tens)
    ]

    _buy(carts[0])
    _buy(carts[1])

    assert _row("heat") == (3, 3, 2, (Money(Decimal("49.98"), "USD"),))
    assert _row("tens") == (1, 1, 0, ())


def test_a_canceled_order_stays_a_cart_but_leaves_orders_and_revenue(
    db, channel, shipping_method, published_product
):
    heat = make_article_page(slug="heat", conditions=())
    order = _buy(
        _cart_from_click(
            page=heat,
            product=published_product,
            channel=channel,
            shipping_method=shipping_method,
        )
    )

    order_cancel(order_id=order.pk)

    assert _row("heat") == (1, 1, 0, ())


def test_an_unattributed_order_counts_for_no_article(
    db, channel, shipping_method, published_product
):
    make_article_page(slug="heat", conditions=())

    _buy(
        make_ready_checkout(
            channel=channel,
            shipping_method=shipping_method,
            lines=[(published_product.default_variant, 1)],
        )
    )

    assert _row("heat") == (0, 0, 0, ())

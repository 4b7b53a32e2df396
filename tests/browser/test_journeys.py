"""Three people, one story, in a real browser.

A merchandiser features a product on an article; a shopper reads the
article, buys that product from its shop block and is promised a delivery
date; operations ship the order and the shopper's status page tracks it.
The journeys share their data (the article, the product, the order), so
they run in order in one test; each is its own browser with its own
cookies, saves its screenshots under var/screenshots/ (journey-step.png)
and fails on any console error (``chromium_page``).
"""

import re
import shutil
import time
from decimal import Decimal

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from backend import celery_app
from backend.account.staff import staff_groups_sync
from backend.attribute.models import Attribute
from backend.order.models import Fulfillment, Order
from backend.page.models import Page
from backend.page.services import (
    CONDITIONS_SLUG,
    article_page_type_ensure,
    content_sync,
)
from backend.shipping.promise_text import day_label
from tests import factories
from tests.fixtures.catalog import make_published_product
from tests.fixtures.content import COMMITTED_ARTICLES, write_article

from .conftest import screenshot, walk_checkout_to_review

pytestmark = pytest.mark.browser

ARTICLE = "physical-therapy-for-sciatica"
FEATURED = "Moist Heat Pack"
MERCHANDISER = "merch@example.com"
OPERATIONS = "ops@example.com"
PASSWORD = "journeys-Pa55-word"
TRACKING = "1Z999AA10123456784"


ARTICLE_BODY = """\
Physical therapy is one of the best supported treatments for sciatica.

## Stretching

Your therapist may give you nerve glides and hamstring stretches.

::: shop products="loop-stretch-strap, d-ring-stretch-strap" title="Straps to stretch"

## When to see a doctor

::: red-flags
- Numbness or weakness in a leg that is getting worse
:::

## The bottom line

Keep moving, gently.
"""


@pytest.fixture
def store(transactional_db, empty_content_dir):
    """An article, a small tagged catalog and two staff, committed.

    The article's inline block lists the two straps; its end block shows
    what is tagged "sciatica" until a merchandiser features products.
    """
    channel = factories.ChannelFactory()
    warehouse = factories.WarehouseFactory(channels=[channel], name="Reno")
    article_page_type_ensure()
    sciatica = factories.AttributeValueFactory(
        attribute=Attribute.objects.get(slug=CONDITIONS_SLUG),
        slug="sciatica",
        name="Sciatica",
    )
    for slug, name in [
        ("loop-stretch-strap", "Loop Stretch Strap"),
        ("d-ring-stretch-strap", "D-Ring Stretch Strap"),
        ("moist-heat-pack", FEATURED),
    ]:
        product = make_published_product(
            channel=channel, warehouse=warehouse, name=name, quantity=5
        )
        product.slug = slug
        product.save(update_fields=["slug"])
        if slug != "moist-heat-pack":
            factories.AssignedProductAttributeValueFactory(
                product=product, value=sciatica
            )
    zone = factories.ShippingZoneFactory(countries=["US"], channels=[channel])
    method = factories.ShippingMethodFactory(
        shipping_zone=zone,
        name="Ground",
        minimum_delivery_days=2,
        maximum_delivery_days=4,
    )
    factories.ShippingMethodChannelListingFactory(
        shipping_method=method, channel=channel, price_amount=Decimal("5.00")
    )
    write_article(
        empty_content_dir,
        ARTICLE,
        title="Physical Therapy for Sciatica",
        body=ARTICLE_BODY,
    )
    # A real picture: the browser would log one that does not decode.
    shutil.copyfile(
        COMMITTED_ARTICLES / "images" / f"{ARTICLE}.png",
        empty_content_dir / "images" / "hero.png",
    )
    content_sync()
    groups = staff_groups_sync()
    for email, group in [(MERCHANDISER, "Merchandisers"), (OPERATIONS, "Operations")]:
        user = factories.UserFactory(email=email, is_staff=True)
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])
        user.groups.add(groups[group])
    return Page.objects.get(slug=ARTICLE)


def _log_in(page, email: str) -> None:
    page.wait_for_url(re.compile(r"/admin/login/"))
    page.fill("#id_username", email)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Log in").click()


def _end_block(page):
    return page.locator('section.shop-block[data-block="end"]')


def _merchandiser_features_the_product(page, base: str, article: Page) -> dict:
    """Journey 2: tag the product in the admin, see it in the article's block."""
    page.goto(f"{base}/articles/{ARTICLE}/")
    before = _end_block(page).locator(".shop-item-name").all_inner_texts()
    screenshot(page, "merchandiser-1-article-before")

    page.goto(f"{base}/admin/page/page/{article.pk}/change/")
    _log_in(page, MERCHANDISER)
    page.wait_for_url(re.compile(rf"/admin/page/page/{article.pk}/change/$"))
    row = page.locator("#attributevalues-0")
    row.locator(".select2-selection").click()
    page.locator(".select2-search__field").fill("Moist")
    page.get_by_role("option", name=FEATURED).click()
    row.locator("input.featured-position").fill("1")
    screenshot(page, "merchandiser-2-featured-chosen")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/page/page/$"))
    saved = page.locator(".messagelist").inner_text()
    screenshot(page, "merchandiser-3-saved")

    page.goto(f"{base}/articles/{ARTICLE}/")
    after = _end_block(page).locator(".shop-item-name").all_inner_texts()
    screenshot(page, "merchandiser-4-article-after")
    return {"before": before, "saved": saved, "after": after}


def _shopper_buys_from_the_article(page, base: str) -> dict:
    """Journey 1: read the article, buy from its block, see the promised date."""
    page.goto(f"{base}/articles/{ARTICLE}/")
    article_text = page.locator("main").inner_text()
    inline = page.locator(".article-body section.shop-block .shop-item-name")
    inline_names = inline.all_inner_texts()
    end_block = _end_block(page)
    end_names = end_block.locator(".shop-item-name").all_inner_texts()
    promise_badge = end_block.locator(".promise-badge").first.inner_text()
    screenshot(page, "shopper-1-article")
    end_block.get_by_role(
        "button", name=re.compile(f"^Add to cart.*{FEATURED}$")
    ).click()

    page.wait_for_url(re.compile(r"/cart/$"))
    cart_link = page.get_by_test_id("cart-link").inner_text()
    screenshot(page, "shopper-2-cart")
    page.get_by_role("link", name="Check out").click()

    walk_checkout_to_review(page, email="reader@example.com")
    page.get_by_label("Test card token").fill("tok_success")
    screenshot(page, "shopper-3-review")
    page.get_by_role("button", name="Place order").click()

    page.wait_for_url(re.compile(r"/checkout/confirmation/[0-9a-f-]+/$"))
    confirmation = page.locator("main").inner_text()
    status_href = page.get_by_role("link", name="order status").get_attribute("href")
    screenshot(page, "shopper-4-confirmation")
    return {
        "article_text": article_text,
        "inline": inline_names,
        "end": end_names,
        "badge": promise_badge,
        "cart_link": cart_link,
        "confirmation": confirmation,
        "status_href": status_href,
    }


def _operations_fulfil(page, base: str, number: int) -> dict:
    """Journey 3: fulfil the order from /ops/ with a carrier and tracking."""
    page.goto(f"{base}/ops/")
    _log_in(page, OPERATIONS)
    page.wait_for_url(re.compile(r"/ops/$"))
    screenshot(page, "operations-1-queue")
    page.get_by_role("link", name=f"#{number}").first.click()
    page.wait_for_url(re.compile(rf"/ops/orders/{number}/$"))
    page.get_by_label("Carrier").select_option("UPS")
    page.get_by_label("Tracking number").fill(TRACKING)
    screenshot(page, "operations-2-order")
    page.get_by_role("button", name="Fulfil").click()
    page.wait_for_url(re.compile(rf"/ops/orders/{number}/$"))
    flash = page.locator(".messages").inner_text()
    screenshot(page, "operations-3-fulfilled")
    return {"flash": flash}


def _shopper_follows_the_order(page, base: str, status_href: str) -> dict:
    """The end of journey 3: the secret link shows the parcel and its tracking."""
    page.goto(f"{base}{status_href}")
    parcel = page.get_by_test_id("parcel").inner_text()
    status = page.get_by_test_id("order-status").inner_text()
    tracking_href = page.get_by_role("link", name=TRACKING).get_attribute("href")
    screenshot(page, "operations-4-shopper-status")
    return {"parcel": parcel, "status": status, "tracking_href": tracking_href}


def _wait_for_mail(count: int) -> None:
    deadline = time.monotonic() + 10
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # and no more than that


def test_a_featured_product_is_bought_from_the_article_shipped_and_tracked(
    live_server, store, chromium_page
):
    base = live_server.url
    celery_app.control.purge()
    with start_worker(celery_app, perform_ping_check=False, shutdown_timeout=10):
        with chromium_page() as page:
            merchandiser = _merchandiser_features_the_product(page, base, store)
        with chromium_page() as page:
            shopper = _shopper_buys_from_the_article(page, base)
        order = Order.objects.get()
        with chromium_page() as page:
            operations = _operations_fulfil(page, base, order.number)
        with chromium_page() as page:
            follows = _shopper_follows_the_order(page, base, shopper["status_href"])
        _wait_for_mail(2)

    # The merchandiser's tag replaced the condition rule in the end block.
    assert sorted(merchandiser["before"]) == [
        "D-Ring Stretch Strap",
        "Loop Stretch Strap",
    ]
    assert "was changed successfully" in merchandiser["saved"]
    assert merchandiser["after"] == [FEATURED]
    # The shopper, anonymous, sees the same block (the cached page was dropped).
    assert not re.search(r"\{[#%{]", shopper["article_text"])  # no template leaks
    assert shopper["inline"] == ["Loop Stretch Strap", "D-Ring Stretch Strap"]
    assert shopper["end"] == [FEATURED]
    assert shopper["cart_link"] == "Cart (1)"
    # The confirmation states the dates the promise gave the order.
    order.refresh_from_db()
    assert order.promised_earliest and order.promised_latest
    assert order.promised_earliest < order.promised_latest
    promised = (
        f"Arrives between {day_label(order.promised_earliest)} and "
        f"{day_label(order.promised_latest)} with Ground."
    )
    assert promised in shopper["confirmation"]
    # ...and the article's block promised the same last day before the order.
    assert shopper["badge"] == f"Get it by {day_label(order.promised_latest)}"
    assert [line.product_name for line in order.lines.all()] == [FEATURED]
    assert shopper["status_href"] == f"/orders/{order.token}/"
    # Operations shipped it; the shopper's page names the carrier and tracks it.
    assert operations["flash"] == f"Order #{order.number} fulfilled."
    assert follows["parcel"] == (
        f"Parcel #{order.number}-1: 1 × {FEATURED} · sent with UPS"
        f" · tracking {TRACKING}"
    )
    assert follows["tracking_href"] == f"https://www.ups.com/track?tracknum={TRACKING}"
    assert follows["status"] == "Shipped"
    assert Fulfillment.objects.get().carrier == "UPS"
    assert sorted(m.subject for m in mail.outbox) == [
        f"Your Lumbar order #{order.number}",
        f"Your Lumbar order #{order.number} has shipped",
    ]

"""Pages issue 14 changed for merchandisers and sold-out shoppers, on a
desktop and a phone: they show what they should and fit.

Each page is saved as var/screenshots/merch14-<page>-<desktop|phone>.png.
"""

import re
from decimal import Decimal

import pytest

from backend.account.staff import staff_groups_sync
from backend.order.models import Order, OrderStatus
from backend.page.models import Article
from backend.page.services.attribution import ATTRIBUTION_METADATA_KEY
from tests import factories
from tests.fixtures.catalog import make_published_product
from tests.fixtures.content import make_article_page

from .conftest import screenshot

pytestmark = pytest.mark.browser

PASSWORD = "merch-browser-Pa55"
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.fixture
def store(transactional_db):
    """An article with a shop block, a sold-out product, an attributed order."""
    channel = factories.ChannelFactory()
    warehouse = factories.WarehouseFactory(channels=[channel])
    strap = make_published_product(
        channel=channel, warehouse=warehouse, name="Loop Stretch Strap"
    )
    sold_out = make_published_product(
        channel=channel, warehouse=warehouse, name="PulseEase TENS Unit", quantity=0
    )
    page = make_article_page(
        slug="exercises-for-sciatica",
        conditions=(),
        shop_blocks=[{"products": [strap.slug], "title": "Straps to stretch"}],
    )
    Article.objects.filter(page=page).update(
        body_html="<p>Nerve glides ease the sciatic nerve.</p>"
        '<div data-shop-block="0"></div><p>Hold each stretch 30 seconds.</p>'
    )
    Order.objects.create(
        channel=channel,
        currency="USD",
        status=OrderStatus.UNFULFILLED,
        total_amount=Decimal("24.99"),
        metadata={ATTRIBUTION_METADATA_KEY: {"article": page.slug, "block": "0"}},
    )
    user = factories.UserFactory(email="merch@example.com", is_staff=True)
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    user.groups.add(staff_groups_sync()["Merchandisers"])
    return page, sold_out


def _overflow(page) -> int:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_the_changed_pages_show_their_content_on_a_desktop_and_a_phone(
    live_server, store, chromium_page
):
    article, sold_out = store
    base = live_server.url
    texts = {}
    overflow = {}
    with chromium_page() as page:
        for device, (width, height) in VIEWPORTS.items():
            page.set_viewport_size({"width": width, "height": height})
            page.goto(f"{base}/products/{sold_out.slug}/")
            texts["sold-out"] = page.locator("main").inner_text()
            overflow[("sold-out", device)] = _overflow(page)
            screenshot(page, f"merch14-sold-out-product-{device}")
        page.goto(f"{base}/admin/login/")
        page.fill("#id_username", "merch@example.com")
        page.fill("#id_password", PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(re.compile(r"/admin/$"))
        for device, (width, height) in VIEWPORTS.items():
            page.set_viewport_size({"width": width, "height": height})
            page.goto(f"{base}/admin/page/page/{article.pk}/change/")
            texts["article"] = page.locator("#content").inner_text()
            screenshot(page, f"merch14-article-admin-{device}")
            page.goto(f"{base}/admin/page/articlesalesreport/?range=7")
            texts["report"] = page.locator("#content").inner_text()
            screenshot(page, f"merch14-sales-report-{device}")

    assert overflow == {("sold-out", "desktop"): 0, ("sold-out", "phone"): 0}
    assert "This product is out of stock." in texts["sold-out"]
    assert "Email me when it's back" in texts["sold-out"]
    assert "Nerve glides ease the sciatic nerve." in texts["article"]
    assert "Loop Stretch Strap" in texts["article"]
    assert '"blocks"' not in texts["article"]
    assert "$24.99" in texts["report"]

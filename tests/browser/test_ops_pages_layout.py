"""The pages issue 14 changed, on a desktop and a phone: what they show fits.

Each page is saved as var/screenshots/ops14-<page>-<desktop|phone>.png.
"""

import datetime
import re

import pytest

from backend.account.staff import staff_groups_sync
from backend.checkout.complete import checkout_complete
from backend.order.fulfillments import FulfilLine, order_fulfil
from tests import factories
from tests.fixtures.catalog import make_published_product
from tests.fixtures.checkout import make_ready_checkout, paid_with

from .conftest import screenshot

pytestmark = pytest.mark.browser

PASSWORD = "ops-browser-Pa55"
VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}


@pytest.fixture
def store(transactional_db, settings):
    """Two orders from Reno (Pacific time): one half sent with UPS, one open."""
    settings.OPERATIONS_TIME_ZONE = ""
    channel = factories.ChannelFactory()
    reno = factories.WarehouseFactory(
        channels=[channel],
        name="Reno Fulfillment Center",
        company_name="Lumbar Supply Co.",
        time_zone="America/Los_Angeles",
        address=factories.AddressFactory(
            first_name="", last_name="", street_address_1="4950 Longley Lane"
        ),
    )
    roll = make_published_product(
        channel=channel, warehouse=reno, name="Lumbar Roll", quantity=9
    )
    roll.default_variant.stocks.update(bin_location="C-04-2")
    zone = factories.ShippingZoneFactory(countries=["US"], channels=[channel])
    method = factories.ShippingMethodFactory(shipping_zone=zone, name="Ground")
    factories.ShippingMethodChannelListingFactory(
        shipping_method=method, channel=channel
    )
    orders = []
    for quantity in (2, 1):
        checkout = make_ready_checkout(
            channel=channel,
            shipping_method=method,
            lines=[(roll.default_variant, quantity)],
            email="shopper@example.com",
        )
        order = checkout_complete(
            checkout_token=checkout.token, payment=paid_with("tok_success")
        ).order
        order.ship_by = datetime.datetime(2026, 12, 8, 21, tzinfo=datetime.UTC)
        order.save(update_fields=["ship_by"])
        orders.append(order)
    order_fulfil(
        order_id=orders[0].pk,
        lines=[FulfilLine(orders[0].lines.get().pk, 1, reno.pk)],
        tracking_number="1Z999AA10123456784",
        notify_customer=False,
    )
    user = factories.UserFactory(email="ops@example.com", is_staff=True)
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    user.groups.add(staff_groups_sync()["Operations"])
    roll_stock = roll.default_variant.stocks.get()
    return orders, roll_stock


def _overflow(page) -> int:
    """Return how many pixels the page scrolls sideways (0: it fits)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_the_changed_pages_fit_a_desktop_and_a_phone(live_server, store, chromium_page):
    (sent, open_order), stock = store
    base = live_server.url
    pages = {
        "queue": "/ops/",
        "order": f"/ops/orders/{open_order.number}/",
        "packing-slip": f"/ops/orders/{open_order.number}/packing-slip/",
        "pick-list": f"/ops/pick-list/?order={open_order.number}",
        "stock": f"/ops/stock/{stock.pk}/",
        "bulk-fulfil": f"/ops/bulk-fulfil/?order={open_order.number}",
        "shopper-status": f"/orders/{sent.token}/",
    }
    overflow = {}
    texts = {}
    with chromium_page() as page:
        page.goto(f"{base}/ops/")
        page.wait_for_url(re.compile(r"/admin/login/"))
        page.fill("#id_username", "ops@example.com")
        page.fill("#id_password", PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(re.compile(r"/ops/$"))
        for device, (width, height) in VIEWPORTS.items():
            page.set_viewport_size({"width": width, "height": height})
            for name, path in pages.items():
                page.goto(f"{base}{path}")
                overflow[(name, device)] = _overflow(page)
                texts[name] = page.locator("main").inner_text()
                screenshot(page, f"ops14-{name}-{device}")

    assert {key: px for key, px in overflow.items() if px > 0} == {}
    assert "Tue 8 Dec, 1:00 PM PST" in texts["queue"]
    assert "4950 Longley Lane" in texts["packing-slip"]
    assert "Ground" in texts["packing-slip"] and "C-04-2" in texts["packing-slip"]
    assert "1 unit" in texts["pick-list"]
    assert "status Partly shipped" in texts["shopper-status"]

"""Operations, in a real browser: queue, pick list, fulfil; the shopper sees it."""

import re
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from backend import celery_app
from backend.account.staff import staff_groups_sync
from backend.checkout.complete import checkout_complete
from backend.order.models import Fulfillment
from tests import factories
from tests.fixtures.catalog import make_published_product
from tests.fixtures.checkout import make_ready_checkout, paid_with

pytestmark = pytest.mark.browser

PASSWORD = "ops-browser-Pa55"


@pytest.fixture
def placed(transactional_db):
    """An order for 2 Lumbar Rolls and an operations user, committed."""
    channel = factories.ChannelFactory()
    warehouse = factories.WarehouseFactory(channels=[channel], name="Reno")
    product = make_published_product(
        channel=channel, warehouse=warehouse, name="Lumbar Roll", quantity=5
    )
    product.default_variant.stocks.update(bin_location="C-04-2")
    zone = factories.ShippingZoneFactory(countries=["US"], channels=[channel])
    method = factories.ShippingMethodFactory(shipping_zone=zone, name="Ground")
    factories.ShippingMethodChannelListingFactory(
        shipping_method=method, channel=channel
    )
    checkout = make_ready_checkout(
        channel=channel,
        shipping_method=method,
        lines=[(product.default_variant, 2)],
        email="shopper@example.com",
    )
    order = checkout_complete(
        checkout_token=checkout.token, payment=paid_with("tok_success")
    ).order
    user = factories.UserFactory(email="ops@example.com", is_staff=True)
    user.set_password(PASSWORD)
    user.save(update_fields=["password"])
    user.groups.add(staff_groups_sync()["Operations"])
    return order, product


def test_operations_pick_fulfil_and_the_shopper_sees_the_tracking(
    live_server, placed, chromium_page
):
    order, product = placed
    celery_app.control.purge()
    with (
        start_worker(celery_app, perform_ping_check=False, shutdown_timeout=10),
        chromium_page() as page,
    ):
        page.goto(f"{live_server.url}/ops/")
        page.wait_for_url(re.compile(r"/admin/login/"))
        page.fill("#id_username", "ops@example.com")
        page.fill("#id_password", PASSWORD)
        page.get_by_role("button", name="Log in").click()

        page.wait_for_url(re.compile(r"/ops/$"))
        page.get_by_label(f"Select order #{order.number}").check()
        with page.context.expect_page() as pick_tab:
            page.get_by_role("button", name="Pick list for ticked orders").click()
        pick = pick_tab.value
        pick.wait_for_load_state()
        pick_row = pick.locator(".pick-sheet tbody tr").first.inner_text()
        pick.close()

        page.get_by_role("link", name=f"#{order.number}").first.click()
        page.wait_for_url(re.compile(rf"/ops/orders/{order.number}/$"))
        page.get_by_label("Carrier").select_option("UPS")
        page.get_by_label("Tracking number").fill("1Z999AA10123456784")
        page.get_by_role("button", name="Fulfil").click()
        page.wait_for_url(re.compile(rf"/ops/orders/{order.number}/$"))
        flash = page.locator(".messages").inner_text()

        page.goto(f"{live_server.url}/orders/{order.token}/")
        parcel = page.get_by_test_id("parcel").inner_text()
        tracking_href = page.get_by_role(
            "link", name="1Z999AA10123456784"
        ).get_attribute("href")
        for _ in range(100):  # the worker sends the shipped email
            if mail.outbox:
                break
            time.sleep(0.05)
        time.sleep(0.3)

    assert pick_row.split("\t")[:4] == [
        "C-04-2",
        product.default_variant.sku,
        f"Lumbar Roll ({product.default_variant.name})",
        "2",
    ]
    assert flash == f"Order #{order.number} fulfilled."
    assert "2 × Lumbar Roll" in parcel and "1Z999AA10123456784" in parcel
    assert tracking_href == "https://www.ups.com/track?tracknum=1Z999AA10123456784"
    assert Fulfillment.objects.get().carrier == "UPS"
    assert [m.subject for m in mail.outbox] == [
        f"Your Lumbar order #{order.number} has shipped"
    ]

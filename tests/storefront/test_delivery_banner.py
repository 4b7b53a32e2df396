"""The header's fast-delivery claim appears only while the rules keep it."""

import pytest

from backend.account.models import User
from backend.product.models import ProductVariant
from backend.shipping.models import ShippingMethod
from backend.warehouse.models import Warehouse
from backend.warehouse.services import StockInput, product_variant_stocks_update
from tests.admin.html_forms import untouched_form

pytestmark = pytest.mark.django_db

CLAIM = "Fast Delivery: 1-2 Days on All Orders"


def banner(client) -> str:
    page = client.get("/").content.decode()
    start = page.find('data-testid="delivery-banner">')
    if start < 0:
        return ""
    start = page.index(">", start) + 1
    return page[start : page.index("</p>", start)]


def test_demo_store_shows_the_fast_delivery_claim(demo_store, client):
    assert banner(client) == CLAIM


def test_operations_setting_a_method_to_four_days_changes_the_banner_at_once(
    demo_store, client, django_capture_on_commit_callbacks
):
    assert banner(client) == CLAIM
    client.force_login(User.objects.get(groups__name="Operations"))
    standard = ShippingMethod.objects.get(name="Standard")
    url = f"/admin/shipping/shippingmethod/{standard.pk}/change/"
    form = untouched_form(client.get(url).content.decode())
    form["maximum_delivery_days"] = ["4"]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, form)
    client.logout()

    assert banner(client) == "Delivery in 1-4 business days"


def test_emptying_the_warehouses_stock_takes_the_banner_down(
    demo_store, client, django_capture_on_commit_callbacks
):
    assert banner(client) == CLAIM
    warehouses = list(Warehouse.objects.all())

    with django_capture_on_commit_callbacks(execute=True):
        for variant in ProductVariant.objects.all():
            product_variant_stocks_update(
                variant=variant,
                stocks=[StockInput(warehouse=w, quantity=0) for w in warehouses],
            )

    assert banner(client) == ""

"""The header's fast-delivery claim appears only while the rules keep it,
and names the country it is true of when others wait longer."""

import pytest

from backend.account.models import User
from backend.core.promise_version import promise_rules_changed
from backend.product.models import ProductVariant
from backend.shipping.models import ShippingMethod, ShippingZone
from backend.shipping.promise_rules import delivery_banner_text
from backend.warehouse.models import Warehouse
from backend.warehouse.services import StockInput, product_variant_stocks_update
from tests.admin.html_forms import untouched_form

pytestmark = pytest.mark.django_db

# The demo ships to Canada in 4-8 days: the claim names the US.
CLAIM = "Fast Delivery to the US: 1-2 Days"


STRAP = "/products/loop-stretch-strap/"
IN_TORONTO = STRAP + "?country=CA&postal_code=M5V+2T6"


def banner(client, url="/") -> str:
    page = client.get(url).content.decode()
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

    assert banner(client) == "Delivery to the US: 1-4 business days"


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


def test_the_claim_is_shown_as_written_when_every_country_keeps_it(
    demo_store, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ShippingZone.objects.get(name="Canada").delete()
        promise_rules_changed()

    assert banner(client) == "Fast Delivery: 1-2 Days on All Orders"


def test_a_shopper_known_to_be_in_canada_is_told_canadas_days(demo_store):
    text = delivery_banner_text(channel_slug="default-channel", country="CA")

    assert text == "Delivery to Canada: 4-8 business days"


def test_a_shopper_known_to_be_in_the_us_is_told_the_us_claim(demo_store):
    text = delivery_banner_text(channel_slug="default-channel", country="US")

    assert text == CLAIM


def test_a_shopper_who_gave_a_canadian_postal_code_sees_canadas_days(
    demo_store, client
):
    client.get(IN_TORONTO)

    assert banner(client) == "Delivery to Canada: 4-8 business days"
    assert banner(client, STRAP) == "Delivery to Canada: 4-8 business days"


def test_a_canadians_visit_leaves_the_cached_page_banner_of_everyone_else(
    demo_store, client
):
    canadian = type(client)()
    canadian.get(IN_TORONTO)
    assert banner(canadian, STRAP) == "Delivery to Canada: 4-8 business days"

    assert banner(client, STRAP) == CLAIM


def test_a_shipping_address_in_canada_makes_the_banner_canadas(
    demo_store, client, settings
):
    strap = ProductVariant.objects.filter(product__slug="loop-stretch-strap").first()
    client.post("/cart/add/", {"variant": strap.pk, "quantity": 1})
    client.post("/checkout/contact/", {"email": "ada@example.com"})
    client.post(
        "/checkout/address/",
        {
            "first_name": "Ada",
            "last_name": "Lovelace",
            "street_address_1": "1 King St W",
            "city": "Toronto",
            "country_area": "ON",
            "postal_code": "M5V 2T6",
            "country": "CA",
        },
    )

    assert banner(client) == "Delivery to Canada: 4-8 business days"

"""Add to cart from an article's shop block, as the rendered form posts it."""

import re

from backend.page.models import ShopBlockClick
from backend.page.services.attribution import ATTRIBUTION_SESSION_KEY
from backend.storefront.cart import CART_SESSION_KEY

URL = "/articles/physical-therapy-for-sciatica/"


def _first_block_form(html: str) -> dict:
    block = html.split('data-block="0"', 1)[1].split("</section>", 1)[0]
    form = block.split('class="add-to-cart-form"', 1)[1].split("</form>", 1)[0]
    return dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form))


def test_block_form_carries_csrf_article_and_block(client, synced):
    fields = _first_block_form(client.get(URL).content.decode())

    assert set(fields) == {
        "csrfmiddlewaretoken",
        "product",
        "quantity",
        "article",
        "block",
    }
    assert fields["article"] == "physical-therapy-for-sciatica"
    assert fields["block"] == "0"


def test_block_add_of_a_product_with_options_goes_to_its_page_attributed(
    client, synced
):
    fields = _first_block_form(client.get(URL).content.decode())

    response = client.post("/cart/add/", fields)

    assert response["Location"] == "/products/loop-stretch-strap/"
    assert CART_SESSION_KEY not in client.session
    assert client.session[ATTRIBUTION_SESSION_KEY] == {
        "article": "physical-therapy-for-sciatica",
        "block": "0",
    }
    assert ShopBlockClick.objects.filter(block="0").count() == 1

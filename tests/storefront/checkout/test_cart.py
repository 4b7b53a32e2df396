"""The cart page and add-to-cart from the product page and shop blocks."""

from backend.checkout.models import Checkout
from backend.page.models import ShopBlockClick
from backend.page.services.attribution import (
    ATTRIBUTION_METADATA_KEY,
    ATTRIBUTION_SESSION_KEY,
)
from backend.storefront.cart import CART_SESSION_KEY
from tests.fixtures.catalog import make_published_product, warm_delivery_rules
from tests.fixtures.discount import make_voucher
from tests.storefront.helpers import texts_by_class

from ..conftest import add_image
from .conftest import add_to_cart, cart_quantities, session_checkout


def test_product_page_has_a_labelled_add_to_cart_form_with_csrf(client, strap):
    response = client.get(f"/products/{strap.slug}/")

    html = response.content.decode()
    assert 'action="/cart/add/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert '<label for="add-quantity">Quantity</label>' in html


def test_add_to_cart_creates_the_session_cart_and_shows_it(client, strap):
    response = add_to_cart(client, strap.default_variant, quantity=2)

    assert response.status_code == 302
    assert response["Location"] == "/cart/"
    assert cart_quantities(client) == {strap.default_variant.pk: 2}
    page = client.get("/cart/")
    assert texts_by_class(page, "cart-line") == [
        f"Stretch Strap {strap.default_variant.name} $19.99 Quantity of Stretch "
        "Strap Update $39.98 Remove Stretch Strap"
    ]
    assert "Added to your cart." in page.content.decode()


def test_adding_the_same_variant_again_raises_its_quantity(client, strap):
    add_to_cart(client, strap.default_variant, quantity=2)
    add_to_cart(client, strap.default_variant, quantity=3)

    assert cart_quantities(client) == {strap.default_variant.pk: 5}
    assert Checkout.objects.count() == 1


def test_header_cart_link_counts_the_items(client, strap):
    add_to_cart(client, strap.default_variant, quantity=3)

    response = client.get(f"/products/{strap.slug}/")

    assert texts_by_class(response, "cart-link") == ["Cart (3)"]
    assert 'aria-label="Cart, 3 items"' in response.content.decode()


def test_header_cart_link_shows_zero_without_a_cart(client, strap):
    response = client.get(f"/products/{strap.slug}/")

    assert texts_by_class(response, "cart-link") == ["Cart (0)"]


def test_quantity_zero_is_refused_and_no_cart_is_made(client, strap):
    response = add_to_cart(client, strap.default_variant, quantity=0)

    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Quantity: Ensure this value is greater than or equal to 1." in (
        page.content.decode()
    )
    assert CART_SESSION_KEY not in client.session
    assert Checkout.objects.count() == 0


def test_quantity_above_stock_is_refused_and_the_cart_is_unchanged(client, strap):
    add_to_cart(client, strap.default_variant, quantity=2)

    response = add_to_cart(client, strap.default_variant, quantity=9)

    page = client.get(response["Location"])
    assert "Only 10 remaining in stock." in page.content.decode()
    assert cart_quantities(client) == {strap.default_variant.pk: 2}


def test_first_add_above_stock_leaves_no_empty_cart(client, strap):
    add_to_cart(client, strap.default_variant, quantity=11)

    assert Checkout.objects.count() == 0
    assert CART_SESSION_KEY not in client.session


def test_unknown_variant_is_refused_without_a_500(client, strap):
    response = client.post("/cart/add/", {"variant": 999999, "quantity": 1})

    assert response.status_code == 302
    assert Checkout.objects.count() == 0


def test_add_to_cart_needs_a_csrf_token(strap):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)

    response = add_to_cart(client, strap.default_variant)

    assert response.status_code == 403
    assert Checkout.objects.count() == 0


def test_changing_a_line_quantity_updates_the_cart(client, strap):
    add_to_cart(client, strap.default_variant, quantity=1)
    line = session_checkout(client).lines.get()

    response = client.post(f"/cart/lines/{line.pk}/", {"quantity": 4})

    assert response.status_code == 302
    assert cart_quantities(client) == {strap.default_variant.pk: 4}


def test_line_quantity_zero_and_above_stock_are_refused_on_the_page(client, strap):
    add_to_cart(client, strap.default_variant, quantity=1)
    line = session_checkout(client).lines.get()

    zero = client.post(f"/cart/lines/{line.pk}/", {"quantity": 0})
    above = client.post(f"/cart/lines/{line.pk}/", {"quantity": 11})

    assert zero.status_code == 400
    assert texts_by_class(zero, "field-error") == [
        "Ensure this value is greater than or equal to 1."
    ]
    assert above.status_code == 400
    assert "Only 10 remaining in stock." in texts_by_class(above, "field-error")[0]
    assert cart_quantities(client) == {strap.default_variant.pk: 1}


def test_removing_a_line_empties_the_cart(client, strap):
    add_to_cart(client, strap.default_variant)
    line = session_checkout(client).lines.get()

    client.post(f"/cart/lines/{line.pk}/remove/")

    assert cart_quantities(client) == {}
    assert "Your cart is empty." in client.get("/cart/").content.decode()


def test_another_sessions_line_is_not_found(client, strap, channel, warehouse):
    other = make_published_product(channel=channel, warehouse=warehouse)
    add_to_cart(client, strap.default_variant)
    from django.test import Client

    stranger = Client()
    add_to_cart(stranger, other.default_variant)
    line = session_checkout(client).lines.get()

    response = stranger.post(f"/cart/lines/{line.pk}/remove/")

    assert response.status_code == 404
    assert cart_quantities(client) == {strap.default_variant.pk: 1}


def test_promo_code_gives_its_discount_on_the_cart(client, channel, strap):
    make_voucher(channel=channel, code="WELCOME10", value="10")
    add_to_cart(client, strap.default_variant, quantity=2)

    response = client.post("/cart/promo/", {"promo_code": "WELCOME10"})

    assert response.status_code == 302
    page = client.get("/cart/")
    assert texts_by_class(page, "totals") == [
        "Subtotal $39.98 Discount (WELCOME10 voucher) −$4.00"
    ]
    assert session_checkout(client).voucher_code == "WELCOME10"


def test_unknown_promo_code_is_refused_on_the_page(client, strap):
    add_to_cart(client, strap.default_variant)

    response = client.post("/cart/promo/", {"promo_code": "NOPE"})

    assert response.status_code == 400
    assert texts_by_class(response, "field-error") == ["Promo code is invalid"]
    assert session_checkout(client).voucher_code is None


def test_removing_the_promo_code_drops_the_discount(client, channel, strap):
    make_voucher(channel=channel, code="WELCOME10", value="10")
    add_to_cart(client, strap.default_variant)
    client.post("/cart/promo/", {"promo_code": "WELCOME10"})

    client.post("/cart/promo/remove/")

    assert session_checkout(client).voucher_code is None


def test_cart_page_shows_the_image_and_the_delivery_promise(client, strap, ships_to_us):
    add_image(strap, alt="Strap")
    add_to_cart(client, strap.default_variant)

    response = client.get("/cart/")

    html = response.content.decode()
    assert "/thumbnail/" in html
    assert texts_by_class(response, "promise-line")[0].count("get it") == 1


def test_cart_page_query_count_does_not_grow_with_lines(
    client, channel, warehouse, ships_to_us, django_assert_max_num_queries
):
    products = [
        make_published_product(channel=channel, warehouse=warehouse) for _ in range(6)
    ]
    for product in products:
        add_image(product)
    add_to_cart(client, products[0].default_variant)
    warm_delivery_rules()
    client.get("/cart/")

    # session (1), checkout (1), lines (1), prices (1), images (1), stock (1),
    # voucher: none set (0), menus (1).
    with django_assert_max_num_queries(7):
        client.get("/cart/")
    for product in products[1:]:
        add_to_cart(client, product.default_variant)
    with django_assert_max_num_queries(7):
        response = client.get("/cart/")
    assert len(texts_by_class(response, "cart-line")) == 6


def test_shop_block_add_records_the_click_and_attributes_the_cart(
    client, strap, article_page
):
    response = client.post(
        "/cart/add/",
        {
            "product": strap.pk,
            "quantity": 1,
            "article": article_page.slug,
            "block": "2",
        },
    )

    assert response["Location"] == "/cart/"
    assert cart_quantities(client) == {strap.default_variant.pk: 1}
    expected = {"article": article_page.slug, "block": "2"}
    assert client.session[ATTRIBUTION_SESSION_KEY] == expected
    assert session_checkout(client).metadata[ATTRIBUTION_METADATA_KEY] == expected
    assert ShopBlockClick.objects.filter(page=article_page, product=strap).count() == 1


def test_shop_block_add_of_a_multi_variant_product_goes_to_its_page(
    client, channel, warehouse
):
    product = make_published_product(channel=channel, warehouse=warehouse, variants=2)

    response = client.post("/cart/add/", {"product": product.pk, "quantity": 1})

    assert response["Location"] == f"/products/{product.slug}/"
    assert Checkout.objects.count() == 0
    page = client.get(response["Location"])
    assert "Choose an option to add it to your cart." in page.content.decode()

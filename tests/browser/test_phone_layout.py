"""The demo store on a phone (390 x 844) and a desktop, in a real browser.

A phone shopper must see a product's price and "Add to cart" without
scrolling and reach every cart line's Remove button. Each test saves its
pages as var/screenshots/phone-*.png and desktop-*.png.
"""

import re

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PRODUCT = "/products/loop-stretch-strap/"


@pytest.fixture
def demo(committed_demo, live_server, settings):
    """The demo store, committed, its images served by the live server."""
    settings.PUBLIC_URL = live_server.url
    return live_server.url


def inside_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return (
        box is not None
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= size["width"]
        and box["y"] + box["height"] <= size["height"]
    )


def add_strap_and_open_cart(page, url: str) -> None:
    page.goto(url + PRODUCT)
    page.get_by_role("button", name="Add to cart").click()
    page.wait_for_url(re.compile(r"/cart/$"))


def test_on_a_phone_the_price_and_add_to_cart_show_without_scrolling(
    demo, chromium_page
):
    with chromium_page() as page:
        page.set_viewport_size(PHONE)
        page.goto(demo + PRODUCT)
        price_shown = inside_viewport(page, page.locator(".product-price"))
        button_shown = inside_viewport(
            page, page.get_by_role("button", name="Add to cart")
        )
        header_height = page.locator("header.site-header").bounding_box()["height"]
        screenshot(page, "phone-product")

    assert price_shown
    assert button_shown
    assert header_height < 170


def test_on_a_phone_every_cart_lines_remove_button_is_on_screen(demo, chromium_page):
    with chromium_page() as page:
        page.set_viewport_size(PHONE)
        add_strap_and_open_cart(page, demo)
        remove_shown = inside_viewport(
            page, page.get_by_role("button", name=re.compile("^Remove"))
        )
        page_width = page.evaluate("document.documentElement.scrollWidth")
        screenshot(page, "phone-cart")

    assert remove_shown
    assert page_width == PHONE["width"]


def test_on_a_desktop_the_cart_stays_a_table_with_remove_on_screen(demo, chromium_page):
    with chromium_page() as page:
        page.set_viewport_size(DESKTOP)
        page.goto(demo + PRODUCT)
        screenshot(page, "desktop-product")
        page.get_by_role("button", name="Add to cart").click()
        page.wait_for_url(re.compile(r"/cart/$"))
        header_cells = page.locator(".cart-lines thead th").count()
        header_shown = page.locator(".cart-lines thead").is_visible()
        remove_shown = inside_viewport(
            page, page.get_by_role("button", name=re.compile("^Remove"))
        )
        screenshot(page, "desktop-cart")

    assert header_cells == 6 and header_shown
    assert remove_shown


@pytest.mark.parametrize(("name", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_checkout_address_and_review_fit_the_screen(
    demo, chromium_page, name, viewport
):
    # The refused address answers 400, as a form with errors does.
    with chromium_page(expected_errors=(r"status of 400",)) as page:
        page.set_viewport_size(viewport)
        add_strap_and_open_cart(page, demo)
        page.get_by_role("link", name="Check out").click()
        page.wait_for_url(re.compile(r"/checkout/contact/$"))
        page.get_by_label("Email").fill("ada@example.com")
        page.get_by_role("button", name="Continue to shipping").click()
        page.wait_for_url(re.compile(r"/checkout/address/$"))
        country = page.get_by_label("Country").input_value()
        page.get_by_label("State / province").fill("CA")
        page.get_by_label("Postal code").fill("10001")
        for label, value in (
            ("First name", "Ada"),
            ("Last name", "Lovelace"),
            ("Street address", "1600 Amphitheatre Pkwy"),
            ("City", "Mountain View"),
        ):
            page.get_by_label(label).fill(value)
        page.get_by_role("button", name="Continue to delivery").click()
        zip_error = page.get_by_test_id("error-postal_code").inner_text()
        address_width = page.evaluate("document.documentElement.scrollWidth")
        screenshot(page, f"{name}-checkout-address-error")
        page.get_by_label("Postal code").fill("94043")
        page.get_by_role("button", name="Continue to delivery").click()
        page.wait_for_url(re.compile(r"/checkout/delivery/$"))
        page.get_by_label(re.compile(r"Standard")).check()
        page.get_by_role("button", name="Continue to payment").click()
        page.wait_for_url(re.compile(r"/checkout/review/$"))
        shipped_to = page.get_by_test_id("review-address").inner_text()
        review_width = page.evaluate("document.documentElement.scrollWidth")
        screenshot(page, f"{name}-checkout-review")

    assert country == "US"
    assert zip_error == "ZIP 10001 is in New York, not California."
    assert "MOUNTAIN VIEW, CA 94043" in shipped_to
    assert address_width == review_width == viewport["width"]

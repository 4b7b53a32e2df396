"""A link built from its reversed shape is the link reverse() gives."""

import pytest
from django.urls import NoReverseMatch, reverse

from backend.storefront.links import url_of

SLUGS = ["heat-pack", "café-crème", "50%-off", "a b?c#d", "tilde~x", "é"]


@pytest.mark.parametrize("slug", SLUGS)
def test_a_product_link_is_what_reverse_gives(slug):
    assert url_of("storefront:product", slug) == reverse(
        "storefront:product", args=[slug]
    )


def test_a_link_of_two_arguments_puts_each_in_its_place():
    assert url_of("storefront:shop_block_click", "tens-guide", "pad ü") == reverse(
        "storefront:shop_block_click", args=["tens-guide", "pad ü"]
    )


def test_a_link_without_arguments_is_what_reverse_gives():
    assert url_of("storefront:cart-add") == reverse("storefront:cart-add")


@pytest.mark.parametrize("slug", ["", "a/b"])
def test_an_argument_no_route_takes_is_refused_as_reverse_refuses_it(slug):
    with pytest.raises(NoReverseMatch):
        url_of("storefront:product", slug)


def test_a_route_of_other_converters_is_left_to_reverse():
    line_id = "3f2b8a5e-2c1d-4e5f-8a9b-0c1d2e3f4a5b"

    assert url_of("storefront:cart-line-update", line_id) == reverse(
        "storefront:cart-line-update", args=[line_id]
    )
    with pytest.raises(NoReverseMatch):
        url_of("storefront:cart-line-update", "not-a-uuid")

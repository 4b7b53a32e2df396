"""checkout_merge_on_login: the guest's cart survives logging in."""

import pytest

from backend.checkout.merge import checkout_merge_on_login
from backend.checkout.models import Checkout
from backend.checkout.services import checkout_create
from backend.checkout.validation import MAX_CHECKOUT_LINE_QUANTITY
from tests import factories
from tests.fixtures.catalog import make_published_product


def quantities(checkout) -> dict[int, int]:
    return {line.variant_id: line.quantity for line in checkout.lines.all()}


@pytest.fixture
def other_customer_user(db):
    return factories.UserFactory(email="other@example.com")


@pytest.fixture
def second_variant(channel, warehouse):
    return make_published_product(
        channel=channel, warehouse=warehouse, name="Heat Pack", quantity=10
    ).default_variant


def test_a_guest_checkout_becomes_the_users_when_they_have_none(
    channel, variant, customer_user
):
    guest = checkout_create(channel=channel, lines=[(variant, 2)])

    merged = checkout_merge_on_login(checkout_token=guest.token, user=customer_user)

    assert merged.pk == guest.pk
    guest.refresh_from_db()
    assert guest.user == customer_user
    assert guest.email == customer_user.email
    assert quantities(guest) == {variant.pk: 2}


def test_guest_lines_move_into_the_users_open_checkout_and_quantities_add(
    channel, variant, second_variant, customer_user
):
    mine = checkout_create(channel=channel, lines=[(variant, 1)], user=customer_user)
    guest = checkout_create(channel=channel, lines=[(variant, 2), (second_variant, 3)])

    merged = checkout_merge_on_login(checkout_token=guest.token, user=customer_user)

    assert merged.pk == mine.pk
    assert quantities(mine) == {variant.pk: 3, second_variant.pk: 3}
    assert not Checkout.objects.filter(pk=guest.pk).exists()


def test_merged_quantities_are_capped_at_the_stock_left(
    channel, variant, customer_user
):
    mine = checkout_create(channel=channel, lines=[(variant, 6)], user=customer_user)
    guest = checkout_create(channel=channel, lines=[(variant, 7)])

    checkout_merge_on_login(checkout_token=guest.token, user=customer_user)

    assert quantities(mine) == {variant.pk: 10}
    assert not Checkout.objects.filter(pk=guest.pk).exists()


def test_merged_quantities_are_capped_at_the_per_customer_limit(
    channel, variant, customer_user
):
    variant.quantity_limit_per_customer = 4
    variant.save(update_fields=["quantity_limit_per_customer"])
    mine = checkout_create(channel=channel, lines=[(variant, 3)], user=customer_user)
    guest = checkout_create(channel=channel, lines=[(variant, 3)])

    checkout_merge_on_login(checkout_token=guest.token, user=customer_user)

    assert quantities(mine) == {variant.pk: 4}


def test_merged_quantities_are_capped_at_saleors_line_limit(
    channel, warehouse, customer_user
):
    plenty = make_published_product(
        channel=channel, warehouse=warehouse, quantity=500
    ).default_variant
    mine = checkout_create(channel=channel, lines=[(plenty, 40)], user=customer_user)
    guest = checkout_create(channel=channel, lines=[(plenty, 40)])

    checkout_merge_on_login(checkout_token=guest.token, user=customer_user)

    assert quantities(mine) == {plenty.pk: MAX_CHECKOUT_LINE_QUANTITY}


def test_a_guest_line_no_longer_sold_is_dropped(
    channel, variant, second_variant, customer_user
):
    mine = checkout_create(channel=channel, lines=[(variant, 1)], user=customer_user)
    guest = checkout_create(channel=channel, lines=[(second_variant, 2)])
    second_variant.product.channel_listings.update(is_published=False)

    checkout_merge_on_login(checkout_token=guest.token, user=customer_user)

    assert quantities(mine) == {variant.pk: 1}
    assert not Checkout.objects.filter(pk=guest.pk).exists()


def test_a_checkout_in_another_channel_is_left_alone(channel, variant, customer_user):
    other_channel = factories.ChannelFactory(slug="other", name="Other", is_active=True)
    elsewhere = checkout_create(channel=other_channel, user=customer_user)
    guest = checkout_create(channel=channel, lines=[(variant, 2)])

    merged = checkout_merge_on_login(checkout_token=guest.token, user=customer_user)

    assert merged.pk == guest.pk
    assert quantities(elsewhere) == {}


def test_another_customers_checkout_is_not_taken(
    channel, variant, customer_user, other_customer_user
):
    theirs = checkout_create(
        channel=channel, lines=[(variant, 2)], user=other_customer_user
    )

    merged = checkout_merge_on_login(checkout_token=theirs.token, user=customer_user)

    assert merged is None
    theirs.refresh_from_db()
    assert theirs.user == other_customer_user
    assert quantities(theirs) == {variant.pk: 2}


def test_an_unknown_or_malformed_token_merges_nothing(customer_user, db):
    assert (
        checkout_merge_on_login(checkout_token="not-a-uuid", user=customer_user) is None
    )
    assert checkout_merge_on_login(checkout_token=None, user=customer_user) is None


def test_guest_details_fill_what_the_users_checkout_lacks(
    channel, variant, customer_user
):
    mine = checkout_create(channel=channel, lines=[(variant, 1)], user=customer_user)
    address = factories.AddressFactory()
    guest = checkout_create(channel=channel, lines=[(variant, 1)])
    guest.shipping_address = address
    guest.metadata = {"lumbar.attribution": "article-1"}
    guest.save(update_fields=["shipping_address", "metadata"])

    checkout_merge_on_login(checkout_token=guest.token, user=customer_user)

    mine.refresh_from_db()
    assert mine.shipping_address == address
    assert mine.metadata == {"lumbar.attribution": "article-1"}

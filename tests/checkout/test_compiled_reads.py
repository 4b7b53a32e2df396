"""A checkout's reads compiled once per process give what the ORM gives."""

import uuid
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.test.utils import CaptureQueriesContext

from backend.checkout.models import Checkout
from backend.checkout.selectors import (
    checkout_by_token,
    checkout_channel_active,
    checkout_lines_info,
    checkout_shipping_price,
)
from backend.graphql.checkout.lookup import PAYLOAD_RELATIONS
from tests import factories

pytestmark = pytest.mark.django_db


def _fields(obj) -> dict:
    return {field.attname: getattr(obj, field.attname) for field in obj._meta.fields}


def test_checkout_by_token_reads_the_checkout_and_its_relations_as_the_orm():
    checkout = factories.CheckoutFactory(
        shipping_address=factories.AddressFactory(city="Reno"),
        user=factories.UserFactory(),
        metadata={"gift": "yes"},
    )
    expected = Checkout.objects.select_related(*PAYLOAD_RELATIONS).get(pk=checkout.pk)

    found = checkout_by_token(str(checkout.token), relations=PAYLOAD_RELATIONS)

    assert _fields(found) == _fields(expected)
    with CaptureQueriesContext(connection) as reads:
        relations = {name: getattr(found, name) for name in PAYLOAD_RELATIONS}
    assert len(reads.captured_queries) == 0
    assert _fields(relations["channel"]) == _fields(expected.channel)
    assert _fields(relations["shipping_address"]) == _fields(expected.shipping_address)
    assert _fields(relations["user"]) == _fields(expected.user)
    assert relations["billing_address"] is None
    assert relations["shipping_method"] is None


def test_checkout_by_token_answers_none_for_an_unknown_or_malformed_token():
    factories.CheckoutFactory()

    assert checkout_by_token(uuid.uuid4()) is None
    assert checkout_by_token("not-a-token") is None


def test_a_locked_checkout_read_locks_only_the_checkout_row():
    checkout = factories.CheckoutFactory()

    with transaction.atomic(), CaptureQueriesContext(connection) as reads:
        found = checkout_by_token(checkout.token, relations=("channel",), lock=True)

    assert found.pk == checkout.pk
    assert found.channel == checkout.channel
    assert reads.captured_queries[-1]["sql"].endswith(
        'FOR UPDATE OF "checkout_checkout"'
    )


@pytest.mark.django_db(transaction=True)
def test_a_locked_checkout_read_outside_a_transaction_is_refused():
    checkout = factories.CheckoutFactory()
    with transaction.atomic():
        checkout_by_token(checkout.token, lock=True)  # compiled inside one

    with pytest.raises(TransactionManagementError):
        checkout_by_token(checkout.token, lock=True)


def test_checkout_lines_info_prices_each_line_and_leaves_an_unpriced_one_without():
    checkout = factories.CheckoutFactory()
    priced = factories.ProductVariantFactory()
    factories.ProductVariantChannelListingFactory(
        variant=priced, channel=checkout.channel, price_amount=Decimal("12.50")
    )
    unpriced = factories.ProductVariantFactory()
    first = factories.CheckoutLineFactory(checkout=checkout, variant=priced, quantity=2)
    second = factories.CheckoutLineFactory(checkout=checkout, variant=unpriced)

    infos = checkout_lines_info(checkout=checkout)

    assert [info.line.pk for info in infos] == [first.pk, second.pk]
    assert infos[0].unit_price.amount == Decimal("12.50")
    assert infos[0].total_price.amount == Decimal("25.00")
    assert infos[1].unit_price is None
    with CaptureQueriesContext(connection) as reads:
        names = [info.line.variant.product.product_type.name for info in infos]
    assert len(reads.captured_queries) == 0
    assert names == [
        priced.product.product_type.name,
        unpriced.product.product_type.name,
    ]


def test_a_checkout_whose_variant_was_deleted_loses_the_line():
    checkout = factories.CheckoutFactory()
    line = factories.CheckoutLineFactory(checkout=checkout)
    factories.CheckoutLineFactory(checkout=checkout).variant.delete()

    infos = checkout_lines_info(checkout=checkout)

    assert [info.line.pk for info in infos] == [line.pk]


def test_checkout_shipping_price_is_the_method_price_in_the_checkout_channel():
    checkout = factories.CheckoutFactory()
    listing = factories.ShippingMethodChannelListingFactory(
        channel=checkout.channel, price_amount=Decimal("7.25")
    )
    factories.ShippingMethodChannelListingFactory(
        shipping_method=listing.shipping_method,
        channel=factories.ChannelFactory(slug="other-channel"),
        price_amount=Decimal("99.00"),
    )
    checkout.shipping_method = listing.shipping_method

    assert checkout_shipping_price(checkout=checkout).amount == Decimal("7.25")
    checkout.shipping_method = None
    assert checkout_shipping_price(checkout=checkout).amount == Decimal(0)


def test_checkout_channel_active_tells_an_inactive_channel_and_a_missing_checkout():
    active = factories.CheckoutFactory()
    inactive = factories.CheckoutFactory(
        channel=factories.ChannelFactory(slug="closed", is_active=False)
    )

    assert checkout_channel_active(active.token) is True
    assert checkout_channel_active(inactive.token) is False
    assert checkout_channel_active(uuid.uuid4()) is None
    assert checkout_channel_active("not-a-token") is None

"""checkoutCreate writes a checkout and its details in one transaction."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from backend.checkout.errors import CheckoutErrorCode
from backend.checkout.models import Checkout
from backend.checkout.services import checkout_create
from tests import factories

pytestmark = pytest.mark.django_db


def test_checkout_create_inside_a_callers_transaction_takes_no_savepoint():
    channel = factories.ChannelFactory()

    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        checkout = checkout_create(channel=channel, email="ada@example.com")

    assert Checkout.objects.get().pk == checkout.pk
    assert not [q for q in queries if q["sql"].startswith("SAVEPOINT")]


def test_a_refused_create_inside_a_callers_transaction_writes_nothing():
    channel = factories.ChannelFactory()
    variant = factories.ProductVariantFactory()

    with pytest.raises(ValidationError) as excinfo, transaction.atomic():
        checkout_create(channel=channel, lines=[(variant, 1)])

    assert excinfo.value.error_dict["variantId"][0].code == (
        CheckoutErrorCode.UNAVAILABLE_VARIANT_IN_CHANNEL.value
    )
    assert not Checkout.objects.exists()

"""A staff edit through the API moves the banner and the promise at once."""

import pytest
from graphql_relay import to_global_id

from backend.shipping.models import ShippingMethod
from backend.shipping.promise_rules import (
    channel_fast_claim,
    delivery_banner_text,
    promise_rules_get,
)
from tests import factories
from tests.api.mutations.conftest import grant

from .conftest import client_for
from .documents import PRICE_UPDATE

pytestmark = pytest.mark.django_db
# The demo also ships to Canada, in 4-8 days: the claim names the US.
CLAIM = "Fast Delivery to the US: 1-2 Days"


@pytest.fixture
def rules_api(demo_store, db):
    from backend.core.permissions import PermissionEnum

    user = factories.UserFactory(email="rules-editor@example.com", is_staff=True)
    return client_for(grant(user, PermissionEnum.MANAGE_SHIPPING))


def test_raising_a_methods_maximum_days_takes_down_the_banner_at_once(
    rules_api, django_capture_on_commit_callbacks
):
    assert delivery_banner_text(channel_slug="default-channel") == CLAIM
    standard = ShippingMethod.objects.get(name="Standard")

    with django_capture_on_commit_callbacks(execute=True):
        result = rules_api(
            PRICE_UPDATE,
            {
                "id": to_global_id("ShippingMethodType", standard.pk),
                "input": {"maximumDeliveryDays": 4},
            },
        )

    assert result["data"]["shippingPriceUpdate"]["errors"] == []
    # The cached rules moved on commit: no wait for their timeout.
    rules = promise_rules_get(channel_slug="default-channel")
    by_name = {m.schedule.name: m.schedule for m in rules.methods}
    assert by_name["Standard"].maximum_days == 4
    _, check = channel_fast_claim(channel_slug="default-channel")
    assert check.holds is False
    assert delivery_banner_text(channel_slug="default-channel") == (
        "Delivery to the US: 1-4 business days"
    )


def test_a_refused_edit_leaves_the_banner_as_it_was(
    rules_api, django_capture_on_commit_callbacks
):
    assert delivery_banner_text(channel_slug="default-channel") == CLAIM
    standard = ShippingMethod.objects.get(name="Standard")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        result = rules_api(
            PRICE_UPDATE,
            {
                "id": to_global_id("ShippingMethodType", standard.pk),
                "input": {"minimumDeliveryDays": 5, "maximumDeliveryDays": 4},
            },
        )

    assert [e["code"] for e in result["data"]["shippingPriceUpdate"]["errors"]] == [
        "INVALID"
    ]
    assert callbacks == []
    assert delivery_banner_text(channel_slug="default-channel") == CLAIM

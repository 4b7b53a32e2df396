"""A detail mutation reads its checkout once, locked, in its transaction.

The requestor is checked on the row the write uses: no plain read first.
"""

import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from graphql_relay import to_global_id

from backend.checkout.models import Checkout
from backend.payment.models import TransactionItem
from tests.api.client import payload_of

from .test_purchase import (
    ADDRESS,
    BILLING,
    DELIVERY,
    EMAIL,
    OPTIONS,
    PAY,
    SHIPPING,
    detailed_checkout,  # noqa: F401 (a fixture)
)
from .test_purchase import dummy as dummy_gateway

CHECKOUT_ROW = re.compile(r'\bFROM "checkout_checkout"(?=\s|$)')


def _checkout_reads(queries) -> list[tuple[int, str]]:
    return [
        (index, query["sql"])
        for index, query in enumerate(queries)
        if query["sql"].startswith("SELECT") and CHECKOUT_ROW.search(query["sql"])
    ]


def _delivery_variables(api, gid):
    options = payload_of(api(OPTIONS, {"id": gid}), "deliveryOptionsCalculate")
    return {"id": gid, "method": options["deliveries"][-1]["id"]}


STEPS = {
    "checkoutEmailUpdate": (EMAIL, lambda api, gid: {"id": gid, "email": "b@x.io"}),
    "checkoutShippingAddressUpdate": (
        SHIPPING,
        lambda api, gid: {"id": gid, "address": ADDRESS},
    ),
    "checkoutBillingAddressUpdate": (
        BILLING,
        lambda api, gid: {"id": gid, "address": ADDRESS},
    ),
    "checkoutDeliveryMethodUpdate": (DELIVERY, _delivery_variables),
    "transactionInitialize": (
        PAY,
        lambda api, gid: {"id": gid, "gateway": dummy_gateway("CHARGE_SUCCESS")},
    ),
}


@pytest.mark.parametrize("name", STEPS)
def test_a_detail_mutation_reads_the_checkout_row_once_locked(
    api,
    detailed_checkout,  # noqa: F811
    name,
):
    document, variables_of = STEPS[name]
    variables = variables_of(api, detailed_checkout)

    with CaptureQueriesContext(connection) as queries:
        payload_of(api(document, variables), name)

    reads = _checkout_reads(queries.captured_queries)
    assert len(reads) == 1, [sql[:120] for _, sql in reads]
    index, sql = reads[0]
    assert 'FOR UPDATE OF "checkout_checkout"' in sql
    # The read opens the mutation's transaction (a savepoint in a test).
    assert queries.captured_queries[index - 1]["sql"].startswith("SAVEPOINT")


def test_a_checkout_in_an_inactive_channel_is_refused_and_left_as_it_was(
    api,
    detailed_checkout,  # noqa: F811
):
    checkout = Checkout.objects.select_related("channel").get()
    checkout.channel.is_active = False
    checkout.channel.save(update_fields=["is_active"])

    for name, (document, variables_of) in STEPS.items():
        if name == "checkoutDeliveryMethodUpdate":
            variables = {
                "id": detailed_checkout,
                "method": to_global_id("ShippingMethod", checkout.shipping_method_id),
            }
        else:
            variables = variables_of(api, detailed_checkout)
        answer = api(document, variables)["data"][name]

        # TransactionInitializeErrorCode has no CHANNEL_INACTIVE: INVALID.
        code = "INVALID" if name == "transactionInitialize" else "CHANNEL_INACTIVE"
        assert [(e["field"], e["code"]) for e in answer["errors"]] == [
            ("channel", code)
        ], name
    after = Checkout.objects.get()
    assert (after.email, after.last_change) == (checkout.email, checkout.last_change)
    assert not TransactionItem.objects.exists()


@pytest.mark.parametrize("name", STEPS)
def test_a_missing_checkout_is_not_found(
    api,
    detailed_checkout,  # noqa: F811
    name,
):
    document, variables_of = STEPS[name]
    if name == "checkoutDeliveryMethodUpdate":
        variables = {"method": to_global_id("ShippingMethod", 1)}
    else:
        variables = variables_of(api, detailed_checkout)
    variables["id"] = to_global_id("Checkout", str(uuid.uuid4()))

    answer = api(document, variables)["data"][name]

    assert [(e["field"], e["code"]) for e in answer["errors"]] == [("id", "NOT_FOUND")]

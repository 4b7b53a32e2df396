"""What a checkout's transactions paid, as its answers show it.

Every checkout mutation's answer sums them in one query compiled once per
process.
"""

from decimal import Decimal
from types import SimpleNamespace

from django.db import connection

from backend.graphql.checkout.dataloaders import PaidAmountsLoader
from backend.payment.models import TransactionItem
from tests.fixtures.checkout import make_ready_checkout

from .conftest import checkout_id

QUERY = """
query($id: ID!) {
  checkout(id: $id) {
    totalPrice { gross { amount } }
    totalBalance { amount }
    chargeStatus authorizeStatus
  }
}
"""


def _transaction(checkout, *, charged="0", authorized="0"):
    return TransactionItem.objects.create(
        checkout=checkout,
        currency="USD",
        amount_charged_value=Decimal(charged),
        amount_authorized_value=Decimal(authorized),
    )


def test_a_checkout_shows_what_its_own_transactions_paid(
    api, ready_checkout, channel, shipping_method, variant
):
    other = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 1)]
    )
    _transaction(ready_checkout, charged="10")
    _transaction(ready_checkout, charged="5.50", authorized="3")
    _transaction(other, charged="40", authorized="40")

    answer = api(QUERY, {"id": checkout_id(ready_checkout)})["data"]["checkout"]

    assert answer == {
        "totalPrice": {"gross": {"amount": 44.98}},
        "totalBalance": {"amount": -29.48},
        "chargeStatus": "PARTIAL",
        "authorizeStatus": "PARTIAL",
    }


def test_a_checkout_without_transactions_paid_nothing(api, ready_checkout):
    answer = api(QUERY, {"id": checkout_id(ready_checkout)})["data"]["checkout"]

    assert answer["totalBalance"] == {"amount": -44.98}
    assert answer["chargeStatus"] == "NONE"
    assert answer["authorizeStatus"] == "NONE"


def test_the_sum_runs_as_a_prepared_statement(api, ready_checkout):
    _transaction(ready_checkout, charged="1")

    api(QUERY, {"id": checkout_id(ready_checkout)})

    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any(
        'SUM("payment_transactionitem"."amount_charged_value")' in sql
        and '"payment_transactionitem"."checkout_id" = $1' in sql
        for sql in prepared
    )


def test_many_checkouts_paid_amounts_load_in_one_query_as_one_does_alone(
    ready_checkout, channel, shipping_method, variant, django_assert_num_queries
):
    other = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 1)]
    )
    unpaid = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, 1)]
    )
    _transaction(ready_checkout, charged="10", authorized="2")
    _transaction(other, charged="40")

    with django_assert_num_queries(1):
        together = PaidAmountsLoader(SimpleNamespace()).load_many(
            [ready_checkout, other, unpaid]
        )
    alone = [
        PaidAmountsLoader(SimpleNamespace()).load(checkout)
        for checkout in (ready_checkout, other, unpaid)
    ]

    assert (
        together
        == alone
        == [
            (Decimal("10"), Decimal("2")),
            (Decimal("40"), Decimal("0")),
            (Decimal("0"), Decimal("0")),
        ]
    )

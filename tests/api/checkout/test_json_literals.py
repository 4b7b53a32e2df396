"""The JSON scalar takes inline literals, as Saleor's does (issue 13)."""

from backend.payment.models import TransactionItem

from .conftest import checkout_id

INLINE = """
mutation($id: ID!) {
  transactionInitialize(id: $id, paymentGateway: {
    id: "saleor.io.dummy-payment-app"
    data: {event: {type: CHARGE_SUCCESS, includePspReference: true}}
  }) {
    transaction { chargedAmount { amount } }
    transactionEvent { type }
    errors { field code }
  }
}
"""
WITH_VARIABLE = """
mutation($id: ID!, $type: String!) {
  transactionInitialize(id: $id, paymentGateway: {
    id: "saleor.io.dummy-payment-app"
    data: {event: {type: $type}}
  }) {
    transactionEvent { type }
    errors { field code }
  }
}
"""
LIST_AND_NUMBERS = """
mutation($id: ID!) {
  transactionInitialize(id: $id, paymentGateway: {
    id: "saleor.io.dummy-payment-app"
    data: {event: {type: "CHARGE_SUCCESS"}, notes: [1, 2.5, null, "x"]}
  }) {
    transactionEvent { type }
    errors { field code }
  }
}
"""


def test_an_inline_object_literal_with_an_enum_value_pays(api, ready_checkout):
    result = api(INLINE, {"id": checkout_id(ready_checkout)})

    assert "errors" not in result, result
    payload = result["data"]["transactionInitialize"]
    assert payload["errors"] == []
    assert payload["transactionEvent"] == {"type": "CHARGE_SUCCESS"}
    assert payload["transaction"]["chargedAmount"]["amount"] > 0
    assert TransactionItem.objects.count() == 1


def test_a_variable_inside_an_inline_literal_is_read(api, ready_checkout):
    result = api(
        WITH_VARIABLE, {"id": checkout_id(ready_checkout), "type": "CHARGE_FAILURE"}
    )

    assert "errors" not in result, result
    payload = result["data"]["transactionInitialize"]
    assert payload["transactionEvent"] == {"type": "CHARGE_FAILURE"}


def test_an_inline_list_with_numbers_and_null_is_accepted(api, ready_checkout):
    result = api(LIST_AND_NUMBERS, {"id": checkout_id(ready_checkout)})

    assert "errors" not in result, result
    assert result["data"]["transactionInitialize"]["errors"] == []

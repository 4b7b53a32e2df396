"""checkoutCreate and the line mutations, as a shopper calls them."""

from graphql_relay import to_global_id

from backend.checkout.models import Checkout, CheckoutLine
from tests import factories

from .conftest import checkout_id, line_id, variant_id

CHECKOUT_FIELDS = """
    id token email quantity
    lines { id quantity variant { id name } unitPrice { gross { amount currency } }
            totalPrice { gross { amount currency } } }
    subtotalPrice { gross { amount } }
    totalPrice { gross { amount currency } }
"""
CREATE = f"""
mutation($input: CheckoutCreateInput!) {{
  checkoutCreate(input: $input) {{
    checkout {{ {CHECKOUT_FIELDS} }}
    errors {{ field code message }}
  }}
}}
"""
LINES_ADD = f"""
mutation($id: ID!, $lines: [CheckoutLineInput!]!) {{
  checkoutLinesAdd(id: $id, lines: $lines) {{
    checkout {{ {CHECKOUT_FIELDS} }}
    errors {{ field code message }}
  }}
}}
"""
LINES_UPDATE = """
mutation($id: ID!, $lines: [CheckoutLineUpdateInput!]!) {
  checkoutLinesUpdate(id: $id, lines: $lines) {
    checkout { lines { quantity } totalPrice { gross { amount } } }
    errors { field code message }
  }
}
"""
LINES_DELETE = """
mutation($id: ID!, $lineIds: [ID!]!) {
  checkoutLinesDelete(id: $id, linesIds: $lineIds) {
    checkout { lines { id } }
    errors { field code message }
  }
}
"""


def _create(api, channel, lines=(), email=None):
    return api(
        CREATE,
        {
            "input": {
                "channel": channel.slug,
                "email": email,
                "lines": [
                    {"variantId": variant_id(v), "quantity": q} for v, q in lines
                ],
            }
        },
    )["data"]["checkoutCreate"]


def test_checkout_create_returns_lines_priced_in_the_channel(api, channel, variant):
    result = _create(api, channel, [(variant, 2)], email="Buyer@Example.com")

    assert result["errors"] == []
    checkout = result["checkout"]
    assert checkout["email"] == "Buyer@Example.com"
    assert checkout["quantity"] == 2
    assert checkout["lines"][0]["variant"]["id"] == variant_id(variant)
    assert checkout["lines"][0]["unitPrice"]["gross"] == {
        "amount": 19.99,
        "currency": "USD",
    }
    assert checkout["totalPrice"]["gross"] == {"amount": 39.98, "currency": "USD"}
    assert Checkout.objects.get(token=checkout["token"]).lines.count() == 1


def test_checkout_create_with_unknown_channel_is_refused(api, channel):
    result = api(CREATE, {"input": {"channel": "nowhere", "lines": []}})

    errors = result["data"]["checkoutCreate"]["errors"]
    assert errors[0]["field"] == "channel"
    assert errors[0]["code"] == "NOT_FOUND"
    assert not Checkout.objects.exists()


def test_checkout_create_above_stock_is_refused_and_creates_nothing(
    api, channel, variant
):
    result = _create(api, channel, [(variant, 11)])

    assert result["checkout"] is None
    assert result["errors"][0]["code"] == "INSUFFICIENT_STOCK"
    assert not Checkout.objects.exists()


def test_checkout_create_with_invalid_postal_code_creates_nothing(
    api, channel, variant
):
    result = api(
        CREATE,
        {
            "input": {
                "channel": channel.slug,
                "lines": [{"variantId": variant_id(variant), "quantity": 1}],
                "shippingAddress": {
                    "firstName": "Ann",
                    "lastName": "Lee",
                    "streetAddress1": "1 Main St",
                    "city": "Springfield",
                    "postalCode": "ABCDE",
                    "country": "US",
                    "countryArea": "IL",
                },
            }
        },
    )["data"]["checkoutCreate"]

    assert result["errors"][0]["field"] == "postalCode"
    assert result["errors"][0]["code"] == "INVALID"
    assert not Checkout.objects.exists()


def _checkout(channel, variant=None, quantity=1, **kwargs):
    checkout = factories.CheckoutFactory(channel=channel, **kwargs)
    if variant is not None:
        factories.CheckoutLineFactory(
            checkout=checkout, variant=variant, quantity=quantity
        )
    return checkout


def _add(api, checkout, variant, quantity):
    return api(
        LINES_ADD,
        {
            "id": checkout_id(checkout),
            "lines": [{"variantId": variant_id(variant), "quantity": quantity}],
        },
    )["data"]["checkoutLinesAdd"]


def test_lines_add_raises_the_quantity_of_a_variant_already_in_the_checkout(
    api, channel, variant
):
    checkout = _checkout(channel, variant, 1)

    result = _add(api, checkout, variant, 2)

    assert result["errors"] == []
    assert [line["quantity"] for line in result["checkout"]["lines"]] == [3]
    assert result["checkout"]["totalPrice"]["gross"]["amount"] == 59.97


def test_lines_add_with_zero_quantity_is_refused_and_changes_nothing(
    api, channel, variant
):
    checkout = _checkout(channel, variant, 1)

    result = _add(api, checkout, variant, 0)

    assert result["errors"] == [
        {
            "field": "quantity",
            "code": "ZERO_QUANTITY",
            "message": "The quantity should be higher than zero.",
        }
    ]
    assert list(checkout.lines.values_list("quantity", flat=True)) == [1]


def test_lines_add_with_negative_quantity_is_refused(api, channel, variant):
    checkout = _checkout(channel, variant, 1)

    result = _add(api, checkout, variant, -3)

    assert result["errors"][0]["code"] == "ZERO_QUANTITY"
    assert list(checkout.lines.values_list("quantity", flat=True)) == [1]


def test_lines_add_above_stock_is_refused_and_changes_nothing(api, channel, variant):
    checkout = _checkout(channel, variant, 1)

    result = _add(api, checkout, variant, 10)

    assert result["errors"][0]["code"] == "INSUFFICIENT_STOCK"
    assert result["errors"][0]["field"] == "quantity"
    assert list(checkout.lines.values_list("quantity", flat=True)) == [1]


def test_lines_add_above_the_per_customer_limit_is_refused(api, channel, variant):
    variant.quantity_limit_per_customer = 2
    variant.save(update_fields=["quantity_limit_per_customer"])
    checkout = _checkout(channel, variant, 1)

    result = _add(api, checkout, variant, 2)

    assert result["errors"][0]["code"] == "QUANTITY_GREATER_THAN_LIMIT"
    assert list(checkout.lines.values_list("quantity", flat=True)) == [1]


def test_lines_add_of_an_unknown_variant_is_not_found(api, channel):
    checkout = _checkout(channel)

    result = api(
        LINES_ADD,
        {
            "id": checkout_id(checkout),
            "lines": [
                {"variantId": to_global_id("ProductVariant", "999999"), "quantity": 1}
            ],
        },
    )["data"]["checkoutLinesAdd"]

    assert result["errors"][0]["code"] == "NOT_FOUND"
    assert result["errors"][0]["field"] == "variantId"
    assert not checkout.lines.exists()


def test_lines_add_of_a_variant_not_in_the_channel_is_refused(api, channel, variant):
    other = factories.ChannelFactory(slug="other", currency_code="USD")
    checkout = _checkout(other)

    result = _add(api, checkout, variant, 1)

    assert result["errors"][0]["code"] == "UNAVAILABLE_VARIANT_IN_CHANNEL"
    assert not checkout.lines.exists()


def test_lines_add_with_a_malformed_variant_id_is_a_field_error(api, channel):
    checkout = _checkout(channel)

    result = api(
        LINES_ADD,
        {
            "id": checkout_id(checkout),
            "lines": [{"variantId": "nonsense", "quantity": 1}],
        },
    )["data"]["checkoutLinesAdd"]

    assert result["errors"][0]["field"] == "variantId"
    assert result["errors"][0]["code"] == "GRAPHQL_ERROR"


def test_lines_add_to_an_unknown_checkout_is_not_found(api, channel, variant):
    missing = factories.CheckoutFactory.build(channel=channel)

    result = _add(api, missing, variant, 1)

    assert result["errors"][0] == {
        "field": "id",
        "code": "NOT_FOUND",
        "message": f"Couldn't resolve to a node: {missing.token}",
    }


def test_lines_update_sets_the_quantity_by_line_id(api, channel, variant):
    checkout = _checkout(channel, variant, 1)
    line = checkout.lines.get()

    result = api(
        LINES_UPDATE,
        {
            "id": checkout_id(checkout),
            "lines": [{"lineId": line_id(line), "quantity": 4}],
        },
    )["data"]["checkoutLinesUpdate"]

    assert result["errors"] == []
    assert result["checkout"]["lines"] == [{"quantity": 4}]
    assert result["checkout"]["totalPrice"]["gross"]["amount"] == 79.96


def test_lines_update_to_zero_removes_the_line(api, channel, variant):
    checkout = _checkout(channel, variant, 2)
    line = checkout.lines.get()

    result = api(
        LINES_UPDATE,
        {
            "id": checkout_id(checkout),
            "lines": [{"lineId": line_id(line), "quantity": 0}],
        },
    )["data"]["checkoutLinesUpdate"]

    assert result["errors"] == []
    assert result["checkout"]["lines"] == []
    assert not CheckoutLine.objects.exists()


def test_lines_delete_removes_the_named_lines(api, channel, variant):
    checkout = _checkout(channel, variant, 2)
    line = checkout.lines.get()

    result = api(
        LINES_DELETE, {"id": checkout_id(checkout), "lineIds": [line_id(line)]}
    )["data"]["checkoutLinesDelete"]

    assert result == {"checkout": {"lines": []}, "errors": []}


def test_lines_delete_of_a_line_of_another_checkout_changes_nothing(
    api, channel, variant
):
    checkout = _checkout(channel, variant, 2)
    stranger = _checkout(channel, variant, 1)

    result = api(
        LINES_DELETE,
        {"id": checkout_id(checkout), "lineIds": [line_id(stranger.lines.get())]},
    )["data"]["checkoutLinesDelete"]

    assert result["errors"][0]["code"] == "NOT_FOUND"
    assert checkout.lines.count() == 1 and stranger.lines.count() == 1


def test_lines_add_query_count_does_not_grow_with_the_lines_added(
    api, channel, warehouse, django_assert_max_num_queries
):
    from decimal import Decimal

    from tests.fixtures.catalog import make_published_product

    def variants(count):
        return [
            make_published_product(
                channel=channel, warehouse=warehouse, price=Decimal("2.00")
            ).default_variant
            for _ in range(count)
        ]

    few, many = variants(1), variants(6)
    checkout = _checkout(channel)

    for group in (few, many):
        with django_assert_max_num_queries(LINES_ADD_BUDGET):
            result = api(
                LINES_ADD,
                {
                    "id": checkout_id(checkout),
                    "lines": [
                        {"variantId": variant_id(v), "quantity": 1} for v in group
                    ],
                },
            )["data"]["checkoutLinesAdd"]
        assert result["errors"] == []
    assert checkout.lines.count() == 7


# Measured 15 whether 1 or 6 lines are added (lock, validation, write,
# then the payload's reads). The new variants are not cached yet, so the
# payload reads them apart from the lines (graphql/core/catalog_rows.py):
# one query more than joining them, none once they are cached.
LINES_ADD_BUDGET = 15


LINE_DELETE = """
mutation($id: ID!, $lineId: ID) {
  checkoutLineDelete(id: $id, lineId: $lineId) {
    checkout { lines { quantity } }
    errors { field code }
  }
}
"""


def test_the_deprecated_line_delete_removes_one_line(api, channel, variant):
    checkout = _checkout(channel, variant, 2)
    line = checkout.lines.get()

    result = api(LINE_DELETE, {"id": checkout_id(checkout), "lineId": line_id(line)})

    assert result["data"]["checkoutLineDelete"] == {
        "checkout": {"lines": []},
        "errors": [],
    }
    assert not checkout.lines.exists()


def test_the_deprecated_line_delete_refuses_a_line_of_another_checkout(
    api, channel, variant
):
    checkout = _checkout(channel, variant, 2)
    other_line = _checkout(channel, variant, 1).lines.get()

    result = api(
        LINE_DELETE, {"id": checkout_id(checkout), "lineId": line_id(other_line)}
    )

    assert result["data"]["checkoutLineDelete"]["errors"] == [
        {"field": "lineId", "code": "NOT_FOUND"}
    ]
    assert checkout.lines.get().quantity == 2
    assert CheckoutLine.objects.filter(pk=other_line.pk).exists()

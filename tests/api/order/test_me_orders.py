"""me.orders, me.checkouts, checkoutIds and checkoutTokens: a customer's own."""

import pytest
from graphql import print_ast, validate
from graphql_relay import to_global_id

from backend.checkout.services import checkout_create
from backend.graphql.api import schema as lumbar_schema
from tests.api.storefront_compat.checkout_documents import operation
from tests.api.storefront_compat.documents import document

from .conftest import place_order

ME_ORDERS = """
query($where: CustomerOrderWhereInput, $first: Int, $after: String) {
  me {
    orders(first: $first, after: $after, where: $where) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { number status total { gross { amount currency } } } }
    }
  }
}
"""
ME_CHECKOUTS = """
query($channel: String) {
  me {
    checkoutIds(channel: $channel)
    checkoutTokens(channel: $channel)
    checkouts(first: 10, channel: $channel) {
      totalCount edges { node { id lines { quantity } } }
    }
  }
}
"""


@pytest.fixture
def order_of(channel, shipping_method, variant):
    def place(user=None):
        return place_order(
            channel=channel,
            shipping_method=shipping_method,
            variant=variant,
            user=user,
            quantity=1,
        )

    return place


def numbers(result) -> list[str]:
    return [edge["node"]["number"] for edge in result["data"]["me"]["orders"]["edges"]]


def test_me_orders_lists_only_the_customers_own_orders_newest_first(
    customer_api, customer_user, other_customer, order_of
):
    first = order_of(customer_user)
    order_of(other_customer)
    order_of(None)
    second = order_of(customer_user)

    result = customer_api(ME_ORDERS, {"first": 10})

    assert "errors" not in result
    assert numbers(result) == [str(second.number), str(first.number)]
    assert result["data"]["me"]["orders"]["totalCount"] == 2


def test_me_orders_pages_with_cursors(customer_api, customer_user, order_of):
    placed = [order_of(customer_user) for _ in range(3)]

    page_one = customer_api(ME_ORDERS, {"first": 2})
    cursor = page_one["data"]["me"]["orders"]["pageInfo"]["endCursor"]
    page_two = customer_api(ME_ORDERS, {"first": 2, "after": cursor})

    assert numbers(page_one) == [str(placed[2].number), str(placed[1].number)]
    assert page_one["data"]["me"]["orders"]["pageInfo"]["hasNextPage"] is True
    assert numbers(page_two) == [str(placed[0].number)]
    assert page_two["data"]["me"]["orders"]["pageInfo"]["hasNextPage"] is False


def test_me_orders_where_number_finds_one_order(customer_api, customer_user, order_of):
    wanted = order_of(customer_user)
    order_of(customer_user)

    result = customer_api(
        ME_ORDERS, {"first": 10, "where": {"number": {"eq": wanted.number}}}
    )

    assert numbers(result) == [str(wanted.number)]


def test_me_orders_where_number_never_reaches_another_customers_order(
    customer_api, customer_user, other_customer, order_of
):
    theirs = order_of(other_customer)

    result = customer_api(
        ME_ORDERS, {"first": 10, "where": {"number": {"eq": theirs.number}}}
    )

    assert numbers(result) == []


def test_me_orders_where_status_and_ids_combine(customer_api, customer_user, order_of):
    one = order_of(customer_user)
    two = order_of(customer_user)
    where = {
        "status": {"oneOf": ["UNFULFILLED"]},
        "OR": [
            {"ids": [to_global_id("Order", str(one.token))]},
            {"number": {"range": {"gte": two.number + 1}}},
        ],
    }

    result = customer_api(ME_ORDERS, {"first": 10, "where": where})

    assert numbers(result) == [str(one.number)]


def test_me_orders_where_canceled_status_finds_nothing_unfulfilled(
    customer_api, customer_user, order_of
):
    order_of(customer_user)

    result = customer_api(
        ME_ORDERS, {"first": 10, "where": {"status": {"eq": "CANCELED"}}}
    )

    assert numbers(result) == []


def test_me_is_null_for_an_anonymous_caller(api, customer_user, order_of):
    order_of(customer_user)

    result = api(ME_ORDERS, {"first": 10})

    assert result["data"]["me"] is None


def test_me_orders_without_first_is_saleors_pagination_error(
    customer_api, customer_user
):
    result = customer_api("{ me { orders { totalCount } } }")

    assert result["data"]["me"]["orders"] is None
    assert (
        "You must provide a `first` or `last` value" in (result["errors"][0]["message"])
    )


@pytest.mark.parametrize("count", [1, 6])
def test_me_with_orders_takes_the_same_queries_for_any_number_of_orders(
    count, customer_api, customer_user, order_of, django_assert_max_num_queries
):
    for _ in range(count):
        order_of(customer_user)
    query = print_ast(document("CurrentUserOrdersPaginated"))

    with django_assert_max_num_queries(16):
        result = customer_api(query, {"first": 10, "languageCode": "EN"})

    assert "errors" not in result
    assert len(result["data"]["me"]["orders"]["edges"]) == count


@pytest.mark.parametrize(
    "name", ["CurrentUserOrderList", "CurrentUserOrdersPaginated", "OrderByNumber"]
)
def test_storefront_order_document_validates(name):
    assert validate(lumbar_schema.graphql_schema, document(name)) == []


def test_current_user_order_list_runs_for_the_customer(
    customer_api, customer_user, order_of, variant
):
    order = order_of(customer_user)

    result = customer_api(
        print_ast(document("CurrentUserOrderList")), {"languageCode": "EN"}
    )

    assert "errors" not in result
    (edge,) = result["data"]["me"]["orders"]["edges"]
    assert edge["node"]["number"] == str(order.number)
    assert edge["node"]["paymentStatus"] == "FULLY_CHARGED"
    assert edge["node"]["lines"][0]["variant"]["id"] == to_global_id(
        "ProductVariant", str(variant.pk)
    )


@pytest.mark.parametrize(
    "name",
    [
        "user",
        "userRegister",
        "requestPasswordReset",
        "userAddressDelete",
        "userAddressUpdate",
        "userAddressCreate",
        "userSetDefaultAddress",
    ],
)
def test_storefront_checkout_user_operation_validates(name):
    assert validate(lumbar_schema.graphql_schema, operation(name)) == []


def test_me_checkouts_lists_the_customers_open_checkouts(
    customer_api, customer_user, other_customer, channel, variant
):
    mine = checkout_create(channel=channel, lines=[(variant, 2)], user=customer_user)
    checkout_create(channel=channel, user=other_customer)
    checkout_create(channel=channel)
    expected_id = to_global_id("Checkout", str(mine.token))

    result = customer_api(ME_CHECKOUTS, {"channel": channel.slug})

    me = result["data"]["me"]
    assert me["checkoutIds"] == [expected_id]
    assert me["checkoutTokens"] == [str(mine.token)]
    assert me["checkouts"]["totalCount"] == 1
    assert me["checkouts"]["edges"][0]["node"] == {
        "id": expected_id,
        "lines": [{"quantity": 2}],
    }


def test_me_checkouts_of_another_channel_are_empty(
    customer_api, customer_user, channel
):
    checkout_create(channel=channel, user=customer_user)

    result = customer_api(ME_CHECKOUTS, {"channel": "no-such-channel"})

    me = result["data"]["me"]
    assert me["checkoutIds"] == []
    assert me["checkoutTokens"] == []
    assert me["checkouts"]["totalCount"] == 0


def test_staff_managing_checkouts_but_not_orders_cannot_list_a_customers_orders(
    api, staff_user, customer_user, channel, variant, order_of
):
    from backend.core.permissions import PermissionEnum
    from tests.api.checkout.conftest import grant

    order_of(customer_user)
    checkout = checkout_create(
        channel=channel, lines=[(variant, 1)], user=customer_user
    )
    # Reading the checkout's user takes MANAGE_USERS (Saleor's rule).
    grant(staff_user, PermissionEnum.MANAGE_USERS)
    staff = grant(staff_user, PermissionEnum.MANAGE_CHECKOUTS)
    query = """
    query($id: ID!) {
      checkout(id: $id) { user { email orders(first: 5) { totalCount } } }
    }
    """

    result = api.login(staff)(
        query, {"id": to_global_id("Checkout", str(checkout.token))}
    )

    assert result["data"]["checkout"]["user"]["email"] == customer_user.email
    assert result["data"]["checkout"]["user"]["orders"] is None
    assert result["errors"][0]["extensions"]["exception"]["permissions"] == [
        "OWNER",
        "MANAGE_ORDERS",
    ]

"""Who may use a checkout or read an order: the API and the store agree.

Both doors call checkout/access.checkout_may_use and
order/access.order_for_token_holder.
"""

from graphql_relay import to_global_id

from backend.checkout.complete import checkout_complete
from backend.storefront.cart import CART_SESSION_KEY
from tests.api.checkout.conftest import checkout_id
from tests.api.client import GraphQLClient
from tests.fixtures.checkout import paid_with

CHECKOUT_QUERY = "query($id: ID!) { checkout(id: $id) { quantity } }"
ORDER_QUERY = "query($id: ID!) { order(id: $id) { number } }"


def _hold_cart(client, checkout) -> None:
    session = client.session
    session[CART_SESSION_KEY] = str(checkout.token)
    session.save()


def test_a_checkout_of_an_inactive_channel_is_out_of_reach_at_both_doors(
    client, ready_checkout
):
    ready_checkout.channel.is_active = False
    ready_checkout.channel.save(update_fields=["is_active"])
    _hold_cart(client, ready_checkout)

    answer = GraphQLClient(client)(CHECKOUT_QUERY, {"id": checkout_id(ready_checkout)})
    page = client.get("/cart/").content.decode()

    assert answer["data"]["checkout"] is None
    assert "Your cart is empty." in page


def test_a_checkout_of_an_active_channel_is_its_token_holders_at_both_doors(
    client, ready_checkout
):
    _hold_cart(client, ready_checkout)

    answer = GraphQLClient(client)(CHECKOUT_QUERY, {"id": checkout_id(ready_checkout)})
    page = client.get("/cart/").content.decode()

    assert answer["data"]["checkout"] == {"quantity": 2}
    assert "Your cart is empty." not in page


def test_a_customers_order_is_read_by_whoever_holds_its_id_at_both_doors(
    client, ready_checkout, customer_user
):
    ready_checkout.user = customer_user
    ready_checkout.save(update_fields=["user"])
    order = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order

    answer = GraphQLClient(client)(
        ORDER_QUERY, {"id": to_global_id("Order", str(order.token))}
    )
    page = client.get(f"/orders/{order.token}/")

    assert answer["data"]["order"] == {"number": str(order.number)}
    assert f"Order #{order.number}" in page.content.decode()

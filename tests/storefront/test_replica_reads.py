"""Cached storefront pages and checkout read from the primary; replica_reads().

The "replica" alias is a second connection to the test database (its TEST
MIRROR is "default"), so each connection's queries can be told apart. The
tests commit their data (transaction=True) so the second connection sees it.
"""

import re

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext

from backend.core.db_router import replica_alias, replica_reads
from backend.order.models import Order
from backend.product.models import Product
from backend.shipping.promise_rules import promise_rules_get
from backend.storefront.menus import menu_links
from tests.fixtures.catalog import make_published_product

US_ADDRESS = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "street_address_1": "1 Main St",
    "city": "Reno",
    "country": "US",
    "country_area": "NV",
    "postal_code": "89501",
    "phone": "+17755550100",
}
replica_db = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


@pytest.fixture
def with_replica(settings):
    settings.DATABASE_CONNECTION_REPLICA_NAME = "replica"
    assert replica_alias() == "replica"


@pytest.fixture
def strap(channel, warehouse):
    return make_published_product(
        channel=channel, warehouse=warehouse, name="Stretch Strap"
    )


class Captured:
    """The queries each connection ran inside the block."""

    def __enter__(self):
        self.primary = CaptureQueriesContext(connections["default"])
        self.replica = CaptureQueriesContext(connections["replica"])
        self.primary.__enter__()
        self.replica.__enter__()
        return self

    def __exit__(self, *exc):
        self.replica.__exit__(*exc)
        self.primary.__exit__(*exc)

    def replica_tables(self) -> set[str]:
        return {
            table
            for query in self.replica.captured_queries
            for table in re.findall(r'(?:FROM|JOIN) "(\w+)"', query["sql"])
        }


@replica_db
@pytest.mark.parametrize(
    "path",
    ["/", "/search/?q=strap", "/search/?q=strpa", "/articles/", "/categories/{cat}/"],
)
def test_cached_catalog_pages_are_rendered_from_the_primary(
    client, with_replica, strap, path
):
    # Cached until the next catalog write, like the product page: rendered
    # from a lagging replica, old rows would be stored under the new version.
    with Captured() as captured:
        response = client.get(path.format(cat=strap.category.slug))

    assert response.status_code == 200
    assert captured.primary.captured_queries
    assert not captured.replica.captured_queries


@replica_db
def test_a_signed_in_shoppers_catalog_page_reads_the_session_from_the_primary(
    client, with_replica, strap, customer_user
):
    client.force_login(customer_user)

    with Captured() as captured:
        response = client.get("/search/?q=strap")

    assert response.status_code == 200
    primary_sql = " ".join(q["sql"] for q in captured.primary.captured_queries)
    assert "django_session" in primary_sql
    assert "account_user" in primary_sql
    assert not captured.replica.captured_queries


@replica_db
def test_the_cached_product_page_is_rendered_from_the_primary(
    client, with_replica, strap
):
    # A cached page lives until the next catalog write: rendered from a
    # lagging replica, old rows would be stored under the new version.
    with Captured() as captured:
        response = client.get(f"/products/{strap.slug}/")

    assert response.status_code == 200
    assert strap.name in response.content.decode()
    assert not captured.replica.captured_queries


@replica_db
def test_cart_and_checkout_never_read_from_the_replica(
    client, with_replica, strap, shipping_method
):
    with Captured() as captured:
        client.post("/cart/add/", {"variant": strap.default_variant.pk, "quantity": 1})
        client.get("/cart/")
        client.post("/checkout/contact/", {"email": "ada@example.com"})
        client.post("/checkout/address/", US_ADDRESS)
        client.post("/checkout/delivery/", {"shipping_method": shipping_method.pk})
        client.get("/checkout/review/")
        response = client.post("/checkout/review/", {"card_token": "tok_success"})

    assert response.status_code == 302, response.content[:500]
    assert Order.objects.count() == 1
    assert captured.primary.captured_queries
    assert captured.replica.captured_queries == []


@replica_db
def test_reads_inside_a_transaction_stay_on_the_primary(with_replica, strap):
    with Captured() as captured, replica_reads(), transaction.atomic():
        Product.objects.select_for_update().get(pk=strap.pk)
        assert Product.objects.filter(slug=strap.slug).exists()

    assert captured.replica.captured_queries == []


@replica_db
def test_writes_go_to_the_primary_even_for_rows_read_from_the_replica(
    with_replica, strap
):
    with replica_reads():
        product = Product.objects.get(pk=strap.pk)
    assert product._state.db == "replica"

    with Captured() as captured:
        product.name = "Stretch Strap II"
        product.save(update_fields=["name"])

    assert captured.replica.captured_queries == []
    assert Product.objects.get(pk=strap.pk).name == "Stretch Strap II"


@replica_db
def test_without_a_replica_every_read_stays_on_the_primary(client, strap):
    assert replica_alias() == "default"

    with Captured() as captured:
        response = client.get(f"/products/{strap.slug}/")

    assert response.status_code == 200
    assert captured.primary.captured_queries
    assert captured.replica.captured_queries == []


@replica_db
def test_menus_and_delivery_rules_compiled_once_still_read_where_routed(
    with_replica, strap
):
    # Their SQL is compiled on the first read; each read still goes where
    # the router sends it at that moment.
    menu_links(menu_slugs=("navbar",))
    with Captured() as on_replica, replica_reads():
        menu_links(menu_slugs=("navbar",))
        promise_rules_get(channel_slug=strap.channel_listings.get().channel.slug)
    with Captured() as on_primary:
        menu_links(menu_slugs=("navbar",))

    assert {"menu_menuitem", "warehouse_channelwarehouse"} <= (
        on_replica.replica_tables()
    )
    assert not on_replica.primary.captured_queries
    assert not on_primary.replica.captured_queries
    assert on_primary.primary.captured_queries

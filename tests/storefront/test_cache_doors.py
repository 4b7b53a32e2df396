"""A change through any door shows at the next request of a cached page.

Pages and GraphQL answers are cached under versions that the writers move
when their transaction commits (backend.core.cache_versions). Each test
reads a page so that it is cached, changes it through one door — a
service, an admin save, an admin action, a GraphQL mutation, a management
command, a Celery task, an ops page — with the commit's callbacks run, and
reads it again as a shopper would.
"""

import io
import json
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from graphql_relay import to_global_id

from backend.account.services import staff_groups_sync
from backend.channel.models import Channel
from backend.core.cache_versions import CATALOG, PROMISE_RULES, versions
from backend.page import tasks as page_tasks
from backend.page.models import Page, PageComment, PageCommentStatus
from backend.product.models import Product
from backend.product.services.channel_listings import (
    VariantListingInput,
    product_variant_channel_listing_update,
)
from tests import factories
from tests.admin.html_forms import untouched_form
from tests.api.bearer import bearer_headers
from tests.fixtures.catalog import warm_delivery_rules

from .helpers import texts_by_class

STRAP_SLUG = "loop-stretch-strap"
STRAP = f"/products/{STRAP_SLUG}/"
ARTICLE_SLUG = "physical-therapy-for-sciatica"
ARTICLE = f"/articles/{ARTICLE_SLUG}/"
PRODUCT_QUERY = """
query Product($slug: String!, $channel: String!) {
  product(slug: $slug, channel: $channel) {
    name
    pricing { priceRange { start { gross { amount } } } }
  }
}
"""
PRODUCT_UPDATE = """
mutation Update($id: ID!, $input: ProductInput!) {
  productUpdate(id: $id, input: $input) {
    product { name }
    errors { field code message }
  }
}
"""


@pytest.fixture
def synced(demo_articles, db, content_dir):
    warm_delivery_rules()
    return content_dir


@pytest.fixture
def shopper():
    return Client()


@pytest.fixture
def merchandiser(db):
    user = factories.UserFactory(email="merch@lumbar.test", is_staff=True)
    user.groups.add(staff_groups_sync()["Merchandisers"])
    return user


def _strap() -> Product:
    return Product.objects.get(slug=STRAP_SLUG)


def _heading(response) -> str:
    html = response.content.decode()
    return html.split("<h1>", 1)[1].split("</h1>", 1)[0]


def _ask_product(client) -> dict:
    response = client.post(
        "/graphql/",
        data=json.dumps(
            {
                "query": PRODUCT_QUERY,
                "variables": {
                    "slug": STRAP_SLUG,
                    "channel": settings.DEFAULT_CHANNEL_SLUG,
                },
            }
        ),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return response.json()["data"]["product"]


def _rename(client, user, name: str) -> dict:
    """Rename the strap by productUpdate, signed in as the user."""
    return client.post(
        "/graphql/",
        data=json.dumps(
            {
                "query": PRODUCT_UPDATE,
                "variables": {
                    "id": to_global_id("Product", _strap().pk),
                    "input": {"name": name},
                },
            }
        ),
        content_type="application/json",
        **bearer_headers(user),
    ).json()


def test_a_service_price_change_shows_on_the_cached_product_page(
    shopper, synced, django_capture_on_commit_callbacks
):
    shopper.get(STRAP)
    channel = Channel.objects.get(slug=settings.DEFAULT_CHANNEL_SLUG)

    with django_capture_on_commit_callbacks(execute=True):
        for variant in _strap().variants.all():
            product_variant_channel_listing_update(
                variant=variant,
                listings=[VariantListingInput(channel=channel, price=Decimal("31"))],
            )

    assert texts_by_class(shopper.get(STRAP), "product-price") == ["$31.00"]


def test_an_admin_rename_shows_on_the_cached_product_page(
    client, shopper, synced, merchandiser, django_capture_on_commit_callbacks
):
    shopper.get(STRAP)
    client.force_login(merchandiser)
    change_url = f"/admin/product/product/{_strap().pk}/change/"
    data = untouched_form(client.get(change_url).content.decode())
    data["name"] = ["Door Frame Stretch Strap"]

    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(change_url, data)

    assert saved.status_code == 302
    assert _heading(shopper.get(STRAP)) == "Door Frame Stretch Strap"


def test_a_comment_approved_by_an_admin_action_shows_on_the_cached_article(
    client, shopper, synced, merchandiser, django_capture_on_commit_callbacks
):
    comment = PageComment.objects.create(
        page=Page.objects.get(slug=ARTICLE_SLUG),
        name="Sam Reader",
        email="sam@example.com",
        body="The nerve glides helped.",
    )
    shopper.get(ARTICLE)
    client.force_login(merchandiser)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/page/pagecomment/",
            {"action": "approve", "_selected_action": [comment.pk]},
        )

    comment.refresh_from_db()
    assert comment.status == PageCommentStatus.APPROVED
    assert texts_by_class(shopper.get(ARTICLE), "comment-body") == [
        "The nerve glides helped."
    ]


def test_a_graphql_rename_shows_in_the_cached_graphql_answer(
    client, shopper, synced, merchandiser, django_capture_on_commit_callbacks
):
    assert _ask_product(shopper)["name"] == "12-Loop Stretch Strap"

    with django_capture_on_commit_callbacks(execute=True):
        answer = _rename(client, merchandiser, "Door Frame Stretch Strap")

    assert answer["data"]["productUpdate"]["errors"] == []
    assert _ask_product(shopper)["name"] == "Door Frame Stretch Strap"


def test_a_refused_graphql_rename_moves_no_version(
    client, shopper, synced, merchandiser, django_capture_on_commit_callbacks
):
    _ask_product(shopper)
    before = versions(CATALOG, PROMISE_RULES)

    with django_capture_on_commit_callbacks(execute=True):
        answer = _rename(client, merchandiser, "  ")

    assert answer["data"]["productUpdate"]["errors"]
    assert versions(CATALOG, PROMISE_RULES) == before
    assert _ask_product(shopper)["name"] == "12-Loop Stretch Strap"


def _edit_article(content_dir) -> None:
    path = content_dir / f"{ARTICLE_SLUG}.md"
    path.write_text(
        path.read_text().replace(
            "Range of motion and nerve mobility", "Range of motion, freshly edited"
        )
    )


def test_the_sync_content_command_shows_on_the_cached_article(
    shopper, synced, django_capture_on_commit_callbacks
):
    shopper.get(ARTICLE)
    _edit_article(synced)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("sync_content", stdout=io.StringIO())

    assert "Range of motion, freshly edited" in shopper.get(ARTICLE).content.decode()


def test_the_content_sync_task_shows_on_the_cached_article(
    shopper, synced, django_capture_on_commit_callbacks
):
    shopper.get(ARTICLE)
    _edit_article(synced)

    with django_capture_on_commit_callbacks(execute=True):
        page_tasks.content_sync.apply()

    assert "Range of motion, freshly edited" in shopper.get(ARTICLE).content.decode()


def test_an_ops_stock_count_of_zero_shows_on_the_cached_product_page(
    client, shopper, synced, django_capture_on_commit_callbacks
):
    shopper.get(STRAP)
    operator = factories.UserFactory(email="ops@lumbar.test", is_staff=True)
    operator.groups.add(staff_groups_sync()["Operations"])
    client.force_login(operator)

    with django_capture_on_commit_callbacks(execute=True):
        for variant in _strap().variants.all():
            for stock in variant.stocks.all():
                adjusted = client.post(
                    f"/ops/stock/{stock.pk}/",
                    {"quantity": "0", "reason": "count", "note": "Cycle count"},
                )
                assert adjusted.status_code == 302

    assert "Out of stock" in texts_by_class(shopper.get(STRAP), "stock")

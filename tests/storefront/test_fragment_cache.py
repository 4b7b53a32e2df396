"""Cached product and article pages show every change at the next request.

The whole page is kept in Redis (backend.storefront.page_cache) with the
versions it was read under, which every writer of the catalog or content
moves when its transaction commits (run here by the on-commit capture);
what belongs to one reader (header links, CSRF token) and what depends on the
minute (the countdown) never comes from the cache.
"""

import re
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.test import Client

from backend.account.services import staff_groups_sync
from backend.channel.models import Channel
from backend.core.cache_versions import CATALOG, versions
from backend.page.models import Page, PageComment, PageCommentStatus
from backend.page.services import comment_moderate, content_sync, page_tag_products
from backend.product.models import Product, ProductVariantChannelListing
from backend.product.services.channel_listings import (
    ProductListingInput,
    VariantListingInput,
    product_channel_listing_update,
    product_variant_channel_listing_update,
)
from backend.warehouse.services import StockInput, product_variant_stocks_update
from tests import factories
from tests.fixtures.catalog import warm_delivery_rules

from .helpers import texts_by_class

NEW_YORK = ZoneInfo("America/New_York")
STRAP = "/products/loop-stretch-strap/"
ARTICLE_SLUG = "physical-therapy-for-sciatica"
ARTICLE = f"/articles/{ARTICLE_SLUG}/"
# Tuesday before Thanksgiving, 13:47 in New York: Reno collects until 16:00.
TUESDAY_AFTERNOON = datetime(2026, 11, 24, 13, 47, tzinfo=NEW_YORK)


@pytest.fixture
def synced(demo_articles, db, content_dir):
    warm_delivery_rules()
    return content_dir


def _strap_listings():
    return ProductVariantChannelListing.objects.filter(
        variant__product__slug="loop-stretch-strap"
    )


def _strap_price_set(price: Decimal) -> None:
    """Reprice the strap through the service, as every door does."""
    channel = Channel.objects.get(slug=settings.DEFAULT_CHANNEL_SLUG)
    for variant in _strap().variants.all():
        product_variant_channel_listing_update(
            variant=variant,
            listings=[VariantListingInput(channel=channel, price=price)],
        )


def _end_block_names(response) -> list[str]:
    html = response.content.decode()
    block = html.split('data-block="end"', 1)[1].split("</section>", 1)[0]
    return texts_by_class(block, "shop-item-name")


def _promise(response) -> str:
    found = re.search(
        r'data-testid="delivery-promise">([^<]*)<', response.content.decode()
    )
    return found.group(1) if found else ""


def _csrf_tokens(response) -> set[str]:
    return set(
        re.findall(
            r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()
        )
    )


def test_a_price_change_shows_on_the_cached_product_page_at_once(
    client, synced, django_capture_on_commit_callbacks
):
    client.get(STRAP)

    with django_capture_on_commit_callbacks(execute=True):
        _strap_price_set(Decimal("24.50"))
    response = client.get(STRAP)

    assert texts_by_class(response, "product-price") == ["$24.50"]


def test_a_price_change_shows_in_the_cached_article_block_at_once(
    client, synced, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page_tag_products(
            page=Page.objects.get(slug=ARTICLE_SLUG), product_ids=[_strap().pk]
        )
    client.get(ARTICLE)

    with django_capture_on_commit_callbacks(execute=True):
        _strap_price_set(Decimal("24.50"))
    response = client.get(ARTICLE)

    html = response.content.decode()
    block = html.split('data-block="end"', 1)[1].split("</section>", 1)[0]
    assert texts_by_class(block, "shop-item-price") == ["$24.50"]


def test_stock_at_zero_shows_out_of_stock_at_once(
    client, synced, django_capture_on_commit_callbacks
):
    client.get(STRAP)

    with django_capture_on_commit_callbacks(execute=True):
        for variant in _strap().variants.all():
            product_variant_stocks_update(
                variant=variant,
                stocks=[
                    StockInput(warehouse=stock.warehouse, quantity=0)
                    for stock in variant.stocks.all()
                ],
            )
    response = client.get(STRAP)

    assert "Out of stock" in texts_by_class(response, "stock")
    assert _promise(response) == ""
    assert 'class="add-to-cart-form"' not in response.content.decode()


def test_an_article_body_re_synced_shows_at_once(
    client, synced, django_capture_on_commit_callbacks
):
    client.get(ARTICLE)
    path = synced / f"{ARTICLE_SLUG}.md"
    path.write_text(
        path.read_text().replace(
            "Range of motion and nerve mobility", "Range of motion, freshly edited"
        )
    )

    with django_capture_on_commit_callbacks(execute=True):
        content_sync()
    response = client.get(ARTICLE)

    assert "Range of motion, freshly edited" in response.content.decode()


def test_a_product_tagged_to_an_article_shows_in_its_block_at_once(
    client, synced, django_capture_on_commit_callbacks
):
    page = Page.objects.get(slug=ARTICLE_SLUG)
    heat_pack = Product.objects.get(slug="moist-heat-pack")
    with django_capture_on_commit_callbacks(execute=True):
        page_tag_products(page=page, product_ids=[heat_pack.pk])
    client.get(ARTICLE)

    with django_capture_on_commit_callbacks(execute=True):
        page_tag_products(page=page, product_ids=[heat_pack.pk, _strap().pk])
    tagged = client.get(ARTICLE)
    with django_capture_on_commit_callbacks(execute=True):
        page_tag_products(page=page, product_ids=[_strap().pk])
    untagged = client.get(ARTICLE)

    assert _end_block_names(tagged) == [
        "Moist Heat Therapy Pack",
        "12-Loop Stretch Strap",
    ]
    assert _end_block_names(untagged) == ["12-Loop Stretch Strap"]


def _strap():
    return Product.objects.get(slug="loop-stretch-strap")


def test_an_unpublished_product_is_gone_from_its_page_and_blocks_at_once(
    client, synced, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page_tag_products(
            page=Page.objects.get(slug=ARTICLE_SLUG),
            product_ids=[Product.objects.get(slug="moist-heat-pack").pk, _strap().pk],
        )
    client.get(STRAP)
    client.get(ARTICLE)

    with django_capture_on_commit_callbacks(execute=True):
        product_channel_listing_update(
            product=_strap(),
            update_channels=[
                ProductListingInput(
                    channel=Channel.objects.get(slug=settings.DEFAULT_CHANNEL_SLUG),
                    is_published=False,
                )
            ],
        )

    assert client.get(STRAP).status_code == 404
    assert _end_block_names(client.get(ARTICLE)) == ["Moist Heat Therapy Pack"]


def test_an_approved_comment_shows_at_once(
    client, synced, django_capture_on_commit_callbacks
):
    page = Page.objects.get(slug=ARTICLE_SLUG)
    comment = PageComment.objects.create(
        page=page,
        name="Sam Reader",
        email="sam@example.com",
        body="The nerve glides helped.",
    )
    client.get(ARTICLE)
    moderator = factories.UserFactory(email="mod@lumbar.test", is_staff=True)
    moderator.groups.add(staff_groups_sync()["Merchandisers"])

    with django_capture_on_commit_callbacks(execute=True):
        comment_moderate(
            comments=PageComment.objects.filter(pk=comment.pk),
            status=PageCommentStatus.APPROVED,
            moderator=moderator,
        )
    response = client.get(ARTICLE)

    assert texts_by_class(response, "comment-body") == ["The nerve glides helped."]


def test_a_read_moves_nothing(client, synced):
    client.get(STRAP)
    version = versions(CATALOG)

    client.get(STRAP)
    client.get(ARTICLE)

    assert versions(CATALOG) == version


def test_the_second_product_page_request_runs_fewer_queries(
    client, synced, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        client.get(STRAP)

    # The page comes from Redis; an anonymous reader has no session to load.
    with django_assert_max_num_queries(0):
        response = client.get(STRAP)

    assert texts_by_class(response, "product-price")


def test_the_second_article_request_runs_fewer_queries(
    client, synced, django_assert_max_num_queries
):
    with django_assert_max_num_queries(14):
        client.get(ARTICLE)

    with django_assert_max_num_queries(0):
        response = client.get(ARTICLE)

    assert _end_block_names(response)


@pytest.mark.usefixtures("demo_store_in_2026")
def test_the_countdown_is_computed_per_request_not_cached(client, synced):
    with time_machine.travel(TUESDAY_AFTERNOON, tick=False):
        first = _promise(client.get(STRAP))
    with time_machine.travel(TUESDAY_AFTERNOON + timedelta(minutes=20), tick=False):
        later = _promise(client.get(STRAP))

    assert first == "Order within 2 h 13 min, get it by Fri 27 Nov"
    assert later == "Order within 1 h 53 min, get it by Fri 27 Nov"


@pytest.mark.usefixtures("demo_store_in_2026")
def test_past_the_cutoff_the_cached_dates_are_not_served(client, synced):
    with time_machine.travel(TUESDAY_AFTERNOON, tick=False):
        before = _promise(client.get(STRAP))
    # 16:30 in New York: Reno (13:00 Pacific) has collected for the day.
    with time_machine.travel(
        datetime(2026, 11, 24, 16, 30, tzinfo=NEW_YORK), tick=False
    ):
        after = _promise(client.get(STRAP))

    assert before.endswith("get it by Fri 27 Nov")
    assert not after.endswith("get it by Fri 27 Nov")
    assert after.startswith("Order within")


def test_one_readers_cart_login_and_csrf_never_reach_another(synced):
    shopper = Client()
    shopper.force_login(factories.UserFactory(email="shopper@example.com"))
    shopper.post(
        "/cart/add/",
        {"variant": _strap().default_variant_id, "quantity": 2},
        follow=True,
    )
    reader = Client(enforce_csrf_checks=True)

    shopper_page = shopper.get(STRAP)  # rendered and cached
    reader_page = reader.get(STRAP)  # from the cache

    assert "Cart (2)" in shopper_page.content.decode()
    assert "Account" in texts_by_class(shopper_page, "account-link")
    assert "Cart (0)" in reader_page.content.decode()
    assert texts_by_class(reader_page, "account-link") == ["Log in"]
    reader_tokens = _csrf_tokens(reader_page)
    assert reader_tokens and not reader_tokens & _csrf_tokens(shopper_page)
    # The reader's own token is good for the reader's own post.
    added = reader.post(
        "/cart/add/",
        {
            "variant": _strap().default_variant_id,
            "quantity": 1,
            "csrfmiddlewaretoken": reader_tokens.pop(),
        },
    )
    assert added.status_code == 302


def test_an_article_with_a_flash_message_is_not_cached_for_others(client, synced):
    form = {"name": "Sam", "email": "sam@example.com", "website": "", "body": "Hi."}
    thanked = client.post(f"{ARTICLE}comments/", form, follow=True)

    other = Client().get(ARTICLE)

    assert "will appear once approved" in thanked.content.decode()
    assert "will appear once approved" not in other.content.decode()


def test_with_redis_down_pages_render_from_the_database(client, synced, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "backend.core.cache.FailOpenRedisCache",
            # Nothing listens on port 1.
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    _strap_listings().update(price_amount=Decimal("24.50"))

    product = client.get(STRAP)
    article = client.get(ARTICLE)

    assert product.status_code == 200
    assert texts_by_class(product, "product-price") == ["$24.50"]
    assert article.status_code == 200


def test_a_catalog_write_succeeds_while_redis_is_down(
    synced, settings, django_capture_on_commit_callbacks
):
    settings.CACHES = {
        "default": {
            # Django's own backend, which raises when Redis refuses.
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        _strap_price_set(Decimal("24.50"))

    assert callbacks
    assert set(_strap_listings().values_list("price_amount", flat=True)) == {
        Decimal("24.50")
    }


@pytest.mark.usefixtures("demo_store_in_2026")
def test_a_product_scheduled_to_publish_appears_when_its_time_comes(
    client, synced, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page_tag_products(
            page=Page.objects.get(slug=ARTICLE_SLUG),
            product_ids=[Product.objects.get(slug="moist-heat-pack").pk, _strap().pk],
        )
    _strap().channel_listings.update(
        published_at=TUESDAY_AFTERNOON + timedelta(hours=1)
    )
    with time_machine.travel(TUESDAY_AFTERNOON, tick=False):
        before = _end_block_names(client.get(ARTICLE))
    # No write happens: only the clock passes the publication moment.
    with time_machine.travel(TUESDAY_AFTERNOON + timedelta(minutes=61), tick=False):
        after = _end_block_names(client.get(ARTICLE))

    assert before == ["Moist Heat Therapy Pack"]
    assert after == ["Moist Heat Therapy Pack", "12-Loop Stretch Strap"]

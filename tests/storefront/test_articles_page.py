"""The article page: text, reviewer, contents, shop blocks, sources, safety."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from backend.account.services import staff_groups_sync
from backend.page.models import Article, Page, PageComment, PageCommentStatus
from backend.page.services import (
    comment_moderate,
    page_tag_products,
)
from backend.product.models import Product
from backend.warehouse.models import Stock
from tests import factories
from tests.fixtures.catalog import warm_delivery_rules

from .helpers import json_ld, texts_by_class

# Tuesday 17 November 2026, 10:00 in New York: before every cut-off.
TUESDAY_MORNING = datetime(2026, 11, 17, 10, tzinfo=ZoneInfo("America/New_York"))

URL = "/articles/physical-therapy-for-sciatica/"


def _page():
    return Page.objects.get(slug="physical-therapy-for-sciatica")


def _merchandiser():
    user = factories.UserFactory(email="moderator@lumbar.test", is_staff=True)
    user.groups.add(staff_groups_sync()["Merchandisers"])
    return user


def _tag(*slugs):
    ids = [Product.objects.get(slug=slug).pk for slug in slugs]
    page_tag_products(page=_page(), product_ids=ids)


def test_article_page_shows_title_summary_author_and_reviewer(client, synced):
    response = client.get(URL)

    assert response.status_code == 200
    assert texts_by_class(response, "article-reviewed") == [
        "Medically reviewed by Priya Raman, PT, DPT on October 15, 2026"
    ]
    assert texts_by_class(response, "article-byline") == [
        "By Jordan Ellis · Published October 1, 2026"
    ]
    assert texts_by_class(response, "article-summary")[0].startswith(
        "How a physical therapist helps with sciatica"
    )
    assert "<h1>Physical Therapy for Sciatica</h1>" in response.content.decode()


def test_article_page_lists_the_headings_as_a_table_of_contents(client, synced):
    response = client.get(URL)

    (toc,) = texts_by_class(response, "article-toc")
    assert toc.startswith(
        "In this article How physical therapy helps sciatica "
        "The goals of a physical therapy program"
    )
    assert toc.endswith("Red flags that need a doctor now The bottom line")
    html = response.content.decode()
    assert '<a href="#red-flags-that-need-a-doctor-now">' in html
    assert '<h2 id="red-flags-that-need-a-doctor-now">' in html


def test_article_page_lists_its_sources(client, synced):
    response = client.get(URL)

    sources = [text.replace(" .", ".") for text in texts_by_class(response, "source")]
    assert len(sources) == 6
    assert sources[0] == "Sciatica. NHS. Accessed October 1, 2026."
    assert 'href="https://www.nice.org.uk/guidance/ng59"' in response.content.decode()


def test_red_flags_show_at_the_top_and_in_place_without_a_dismiss(client, synced):
    response = client.get(URL)

    (notice,) = texts_by_class(response, "red-flags-notice")
    (callout,) = texts_by_class(response, "red-flags")
    first_flag = (
        "Numbness or weakness in one or both legs that is severe or getting worse"
    )
    assert notice.startswith(f"See a doctor now if you have any of these {first_flag}")
    assert callout.startswith(first_flag)
    assert "saddle numbness" in callout
    html = response.content.decode()
    assert html.index("red-flags-notice") < html.index('class="article-body"')
    assert '<aside class="red-flags" role="note" id="red-flags">' in html
    assert (
        "<button"
        not in html.split('class="red-flags-notice"', 1)[1].split("</aside>", 1)[0]
    )


@pytest.mark.usefixtures("demo_store_in_2026")
@time_machine.travel(TUESDAY_MORNING, tick=False)
def test_inline_shop_block_shows_products_with_price_stock_and_delivery(client, synced):
    response = client.get(URL)

    html = response.content.decode()
    block = html.split('data-block="0"', 1)[1].split("</section>", 1)[0]
    assert texts_by_class(block, "shop-block-items") == [
        "12-Loop Stretch Strap $19.99 – $22.99 In stock Get it by Thu 19 Nov "
        "Add to cart : 12-Loop Stretch Strap "
        "D-Ring Hamstring & Piriformis Strap $16.99 – $18.99 In stock "
        "Get it by Thu 19 Nov Add to cart : D-Ring Hamstring & Piriformis Strap"
    ]
    assert (
        'href="/articles/physical-therapy-for-sciatica/products/'
        'loop-stretch-strap/?block=0"' in block
    )
    # The block stands where its directive was: after the range-of-motion text.
    assert html.index("Range of motion and nerve mobility") < html.index(
        'data-block="0"'
    )
    assert 'data-shop-block="' not in html


def test_end_block_shows_the_featured_products_in_their_order(client, synced):
    _tag("moist-heat-pack", "loop-stretch-strap")

    response = client.get(URL)

    html = response.content.decode()
    block = html.split('data-block="end"', 1)[1].split("</section>", 1)[0]
    assert texts_by_class(block, "shop-block-title") == ["Shop sciatica products"]
    assert texts_by_class(block, "shop-item-name") == [
        "Moist Heat Therapy Pack",
        "12-Loop Stretch Strap",
    ]
    assert "/articles/physical-therapy-for-sciatica/products/" in block
    assert "?block=end" in block


def test_end_block_falls_back_to_the_rule_for_the_articles_conditions(client, synced):
    response = client.get(URL)

    html = response.content.decode()
    block = html.split('data-block="end"', 1)[1].split("</section>", 1)[0]
    assert texts_by_class(block, "shop-block-title") == ["Shop sciatica products"]
    stocks = texts_by_class(block, "stock")
    assert len(stocks) == 4
    assert "Out of stock" not in stocks


@pytest.mark.usefixtures("demo_store_in_2026")
@time_machine.travel(TUESDAY_MORNING, tick=False)
def test_an_out_of_stock_curated_product_is_marked_not_dropped(client, synced):
    Stock.objects.filter(product_variant__product__slug="d-ring-stretch-strap").update(
        quantity=0
    )

    response = client.get(URL)

    html = response.content.decode()
    block = html.split('data-block="0"', 1)[1].split("</section>", 1)[0]
    assert texts_by_class(block, "shop-item-name") == [
        "12-Loop Stretch Strap",
        "D-Ring Hamstring & Piriformis Strap",
    ]
    assert texts_by_class(block, "stock") == ["In stock", "Out of stock"]
    assert texts_by_class(block, "promise-badge") == ["Get it by Thu 19 Nov"]


def test_the_series_links_the_next_article(client, synced):
    response = client.get(URL)

    assert texts_by_class(response, "pager-next") == [
        "Next in the series Exercises for Sciatica"
    ]
    assert texts_by_class(response, "pager-previous") == []
    series = texts_by_class(response, "article-series")[0]
    assert series.startswith(
        "Articles in this series Physical Therapy for Sciatica (you are here) "
        "Exercises for Sciatica"
    )


def test_the_page_describes_itself_as_an_article_for_search_engines(client, synced):
    response = client.get(URL)

    (data,) = json_ld(response)
    assert data["@type"] == "Article"
    assert data["headline"] == "Physical Therapy for Sciatica"
    assert data["datePublished"].startswith("2026-10-01")
    assert data["dateModified"] == "2026-10-15"
    assert data["author"] == {"@type": "Person", "name": "Jordan Ellis"}
    assert data["publisher"]["name"] == "Lumbar"
    assert data["image"] == [
        "https://shop.example.com/articles/physical-therapy-for-sciatica/hero.png"
    ]
    html = response.content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert (
        '<link rel="canonical" '
        'href="https://shop.example.com/articles/physical-therapy-for-sciatica/">'
    ) in html


def test_unknown_and_unpublished_articles_are_not_found(client, synced):
    Page.objects.filter(slug="tens-for-sciatica").update(is_published=False)

    unknown = client.get("/articles/no-such-article/")
    unpublished = client.get("/articles/tens-for-sciatica/")

    assert (unknown.status_code, unpublished.status_code) == (404, 404)
    assert "Page not found" in unknown.content.decode()


# Page and article (1), sources (1), shop blocks (8, one for where each
# product is stocked, for its delivery date), series (1), approved
# comments (1), menus (1), the next scheduled publication, which bounds how
# long the page is cached (1).
ARTICLE_PAGE_QUERIES = 14


@pytest.mark.parametrize("count", [2, 12])
def test_article_page_runs_the_same_queries_for_any_number_of_products(
    count, client, synced, django_assert_num_queries, django_capture_on_commit_callbacks
):
    products = list(Product.objects.order_by("slug")[:count])
    with django_capture_on_commit_callbacks(execute=True):
        page_tag_products(
            page=_page(), product_ids=[product.pk for product in products]
        )

    warm_delivery_rules()

    with django_assert_num_queries(ARTICLE_PAGE_QUERIES):
        response = client.get(URL)

    html = response.content.decode()
    block = html.split('data-block="end"', 1)[1].split("</section>", 1)[0]
    assert len(texts_by_class(block, "shop-item-name")) == count


def test_markup_written_into_a_stored_body_is_neutralised(client, synced):
    Article.objects.filter(page__slug="tens-for-sciatica").update(
        body_html=(
            '<p>Safe text</p><script>alert("x")</script>'
            '<img src="x" onerror="alert(1)"><a href="javascript:alert(1)">link</a>'
            '<aside class="red-flags" role="note"><ul><li>Go now</li></ul></aside>'
        )
    )

    response = client.get("/articles/tens-for-sciatica/")

    html = response.content.decode()
    assert "<p>Safe text</p>" in html
    assert "alert" not in html
    assert "onerror" not in html
    assert texts_by_class(response, "red-flags") == ["Go now"]


def test_a_posted_comment_shows_on_the_article_only_once_approved(client, synced):
    form = {"name": "Sam Reader", "email": "sam@example.com", "website": ""}
    form["body"] = "The nerve glides in week two helped me a lot."
    posted = client.post(f"{URL}comments/", form, follow=True)
    pending = texts_by_class(posted, "comment-body")

    comment_moderate(
        comments=PageComment.objects.filter(page__slug="physical-therapy-for-sciatica"),
        status=PageCommentStatus.APPROVED,
        moderator=_merchandiser(),
    )
    approved = client.get(URL)

    assert "Thanks — your comment will appear once approved." in (
        posted.content.decode()
    )
    assert pending == []
    assert texts_by_class(approved, "comment-body") == [
        "The nerve glides in week two helped me a lot."
    ]
    assert "sam@example.com" not in approved.content.decode()

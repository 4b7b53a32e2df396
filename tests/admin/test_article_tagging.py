"""Merchandisers tag products to an article in the admin; the article sells them."""

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

from backend.account.services import staff_groups_sync
from backend.attribute.models import AssignedPageAttributeValue
from backend.channel.models import Channel
from backend.page.models import Page
from backend.page.services import page_tag_products
from backend.product.models import Product, ProductChannelListing
from backend.product.services.products import product_delete
from backend.warehouse.models import Stock, Warehouse
from tests import factories
from tests.fixtures.catalog import make_published_product
from tests.storefront.helpers import texts_by_class

from .html_forms import untouched_form

SLUG = "physical-therapy-for-sciatica"
# The article change page with its featured products and their warnings
# (including the check for remembered products that were deleted since),
# and the preview's shop blocks (article_shop_blocks, cached rules).
QUERIES_CHANGE_PAGE = 25
PREFIX = "attributevalues"


def _staff_client(client, group: str, email: str):
    user = factories.UserFactory(email=email, is_staff=True)
    user.groups.add(staff_groups_sync()[group])
    client.force_login(user)
    return client


@pytest.fixture
def merch_client(synced, client):
    return _staff_client(client, "Merchandisers", "tagger@lumbar.test")


@pytest.fixture
def ops_client(synced):
    return _staff_client(Client(), "Operations", "operator@lumbar.test")


def _page() -> Page:
    return Page.objects.get(slug=SLUG)


def _url() -> str:
    return f"/admin/page/page/{_page().pk}/change/"


def _product(slug: str) -> Product:
    return Product.objects.get(slug=slug)


def _tag(*slugs: str) -> None:
    page_tag_products(page=_page(), product_ids=[_product(s).pk for s in slugs])


def _featured() -> list[str]:
    return list(
        AssignedPageAttributeValue.objects.filter(
            page=_page(), value__attribute__slug="featured-products"
        )
        .order_by("sort_order")
        .values_list("value__reference_product__slug", flat=True)
    )


def _post_featured(client, rows: list[tuple[str, int | None]], delete=()):
    """Post the change page untouched but for the featured rows given.

    Existing rows keep their ids; ``rows`` fills them, then new rows.
    """
    data = untouched_form(client.get(_url()).content.decode())
    initial = int(data[f"{PREFIX}-INITIAL_FORMS"][0])
    total = max(initial, len(rows))
    data[f"{PREFIX}-TOTAL_FORMS"] = [str(total)]
    for index in range(total):
        for name in ("product", "position", "DELETE"):
            data.pop(f"{PREFIX}-{index}-{name}", None)
        if index < len(rows):
            slug, position = rows[index]
            data[f"{PREFIX}-{index}-product"] = [str(_product(slug).pk)]
            data[f"{PREFIX}-{index}-position"] = [str(position or "")]
        if index in delete:
            data[f"{PREFIX}-{index}-DELETE"] = ["on"]
    return client.post(_url(), data)


def test_editor_shows_the_featured_products_in_order(merch_client, synced):
    _tag("moist-heat-pack", "loop-stretch-strap")

    html = merch_client.get(_url()).content.decode()
    data = untouched_form(html)

    assert data[f"{PREFIX}-0-product"] == [str(_product("moist-heat-pack").pk)]
    assert data[f"{PREFIX}-0-position"] == ["1"]
    assert data[f"{PREFIX}-1-product"] == [str(_product("loop-stretch-strap").pk)]
    assert data[f"{PREFIX}-1-position"] == ["2"]
    assert "admin-autocomplete" in html


def test_editor_loads_the_drag_to_reorder_script(merch_client):
    html = merch_client.get(_url()).content.decode()

    assert 'src="/static/page/admin/featured_order.js"' in html
    assert finders.find("page/admin/featured_order.js") is not None


def test_saving_tags_by_position_and_the_article_end_block_shows_them(
    merch_client, synced
):
    response = _post_featured(
        merch_client,
        [("loop-stretch-strap", 2), ("moist-heat-pack", 1), ("pulseease-tens-unit", 3)],
    )

    assert response.status_code == 302
    assert _featured() == [
        "moist-heat-pack",
        "loop-stretch-strap",
        "pulseease-tens-unit",
    ]
    html = Client().get(f"/articles/{SLUG}/").content.decode()
    block = html.split('data-block="end"', 1)[1].split("</section>", 1)[0]
    assert texts_by_class(block, "shop-item-name") == [
        "Moist Heat Therapy Pack",
        "12-Loop Stretch Strap",
        "PulseEase TENS Unit",
    ]
    assert texts_by_class(block, "shop-item-price") == [
        "$22.99 – $39.99",
        "$19.99 – $22.99",
        "$39.99 – $54.99",
    ]


def test_saving_the_page_untouched_keeps_the_featured_products(merch_client):
    _tag("moist-heat-pack", "loop-stretch-strap")
    data = untouched_form(merch_client.get(_url()).content.decode())

    response = merch_client.post(_url(), data)

    assert response.status_code == 302
    assert _featured() == ["moist-heat-pack", "loop-stretch-strap"]


def test_a_removed_row_is_no_longer_featured(merch_client, synced):
    _tag("moist-heat-pack", "loop-stretch-strap")

    response = _post_featured(
        merch_client, [("moist-heat-pack", 1), ("loop-stretch-strap", 2)], delete={0}
    )

    assert response.status_code == 302
    assert _featured() == ["loop-stretch-strap"]


def test_a_product_featured_twice_is_a_form_error_and_changes_nothing(
    merch_client, synced
):
    _tag("moist-heat-pack")

    response = _post_featured(
        merch_client, [("loop-stretch-strap", 1), ("loop-stretch-strap", 2)]
    )

    assert response.status_code == 200
    assert "Each product can be featured once." in response.content.decode()
    assert _featured() == ["moist-heat-pack"]


def _warnings(client) -> list[str]:
    response = client.get(_url())
    return [
        str(message)
        for message in response.context["messages"]
        if message.level_tag == "warning"
    ]


def test_an_unpublished_featured_product_is_warned_about(merch_client, synced):
    _tag("moist-heat-pack", "loop-stretch-strap")
    ProductChannelListing.objects.filter(
        product=_product("moist-heat-pack"), channel__slug=settings.DEFAULT_CHANNEL_SLUG
    ).update(is_published=False)

    assert _warnings(merch_client) == [
        "Featured product “Moist Heat Therapy Pack” is not published in the "
        f"{settings.DEFAULT_CHANNEL_SLUG} channel; shoppers cannot see it."
    ]


def test_an_out_of_stock_featured_product_is_warned_about(merch_client, synced):
    _tag("moist-heat-pack", "loop-stretch-strap")
    Stock.objects.filter(
        product_variant__product=_product("loop-stretch-strap")
    ).update(quantity=0)

    assert _warnings(merch_client) == [
        "Featured product “12-Loop Stretch Strap” is out of stock; "
        "the article marks it so."
    ]


def test_a_featured_product_deleted_after_saving_is_warned_about(merch_client, synced):
    _post_featured(merch_client, [("moist-heat-pack", 1), ("loop-stretch-strap", 2)])
    product_delete(product=_product("moist-heat-pack"))

    assert _warnings(merch_client) == [
        "Featured product “Moist Heat Therapy Pack” was deleted; "
        "the article no longer shows it."
    ]
    assert _featured() == ["loop-stretch-strap"]


def test_healthy_featured_products_raise_no_warning(merch_client, synced):
    _tag("moist-heat-pack", "loop-stretch-strap")

    assert _warnings(merch_client) == []


def test_operations_is_refused_the_editor_and_changes_nothing(
    ops_client, merch_client, synced
):
    _tag("moist-heat-pack")
    data = untouched_form(merch_client.get(_url()).content.decode())
    data[f"{PREFIX}-0-product"] = [str(_product("loop-stretch-strap").pk)]

    assert ops_client.get(_url()).status_code == 403
    assert ops_client.post(_url(), data).status_code == 403
    assert _featured() == ["moist-heat-pack"]


def test_product_autocomplete_finds_products_for_merchandisers(merch_client, synced):
    response = merch_client.get(
        "/admin/autocomplete/",
        {
            "term": "foam roller",
            "app_label": "attribute",
            "model_name": "attributevalue",
            "field_name": "reference_product",
        },
    )

    assert response.status_code == 200
    assert sorted(row["text"] for row in response.json()["results"]) == sorted(
        Product.objects.filter(name__icontains="foam roller").values_list(
            "name", flat=True
        )
    )


def test_product_page_lists_the_articles_featuring_it(merch_client, synced):
    _tag("moist-heat-pack")
    heat = Page.objects.get(slug="heat-or-ice-for-sciatica")
    page_tag_products(page=heat, product_ids=[_product("moist-heat-pack").pk])

    response = merch_client.get(
        f"/admin/product/product/{_product('moist-heat-pack').pk}/change/"
    )

    html = response.content.decode()
    listing = html.split('<ul class="featured-in-articles">', 1)[1].split("</ul>")[0]
    assert f'<a href="/admin/page/page/{heat.pk}/change/">{heat.title}</a>' in listing
    assert f'<a href="/articles/{SLUG}/">live article</a>' in listing
    assert listing.count("<li>") == 2


def test_product_page_says_when_no_article_features_it(merch_client, synced):
    response = merch_client.get(
        f"/admin/product/product/{_product('spiky-massage-ball').pk}/change/"
    )

    assert "No published article features this product." in response.content.decode()


def _feature_many(count: int) -> None:
    channel = Channel.objects.get(slug=settings.DEFAULT_CHANNEL_SLUG)
    warehouse = Warehouse.objects.get(slug="reno-nv")
    products = [
        make_published_product(
            channel=channel, warehouse=warehouse, name=f"Strap {index}"
        )
        for index in range(count)
    ]
    page_tag_products(page=_page(), product_ids=[product.pk for product in products])


@pytest.mark.parametrize("count", [2, 12])
def test_change_page_queries_do_not_grow_with_featured_products(
    merch_client, django_assert_num_queries, count
):
    _feature_many(count)
    merch_client.get(_url())

    with django_assert_num_queries(QUERIES_CHANGE_PAGE):
        response = merch_client.get(_url())

    data = untouched_form(response.content.decode())
    assert data[f"{PREFIX}-INITIAL_FORMS"] == [str(count)]
    assert data[f"{PREFIX}-{count - 1}-position"] == [str(count)]
    assert f"Strap {count - 1}</option>" in response.content.decode()


def test_pages_without_featured_products_have_no_editor(merch_client):
    plain = factories.PageFactory(title="About us")

    html = merch_client.get(f"/admin/page/page/{plain.pk}/change/").content.decode()

    assert "attributevalues-TOTAL_FORMS" not in html


def test_featured_rows_are_headed_by_the_product_not_an_object_number(merch_client):
    _tag("loop-stretch-strap")

    html = merch_client.get(_url()).content.decode()

    assert "AssignedPageAttributeValue object" not in html
    assert _product("loop-stretch-strap").name in html


def test_the_article_page_shows_the_text_shoppers_read_not_editorjs_json(
    merch_client,
):
    html = merch_client.get(_url()).content.decode()

    assert '"blocks":' not in html
    assert "The article as shoppers read it" in html
    assert "Physical therapy" in html


def test_the_preview_says_the_text_is_the_files_with_its_path_and_sync(merch_client):
    page = _page()

    html = merch_client.get(_url()).content.decode()

    assert f"This text comes from <code>{page.article.source_path}</code>" in html
    assert "last synced" in html
    assert "Read only." in html


def test_each_shop_block_lists_what_it_shows_and_where_that_comes_from(merch_client):
    _tag("loop-stretch-strap")
    strap = _product("loop-stretch-strap")

    html = merch_client.get(_url()).content.decode()

    blocks = html.split('class="article-preview-blocks"', 1)[1].split("</table>", 1)[0]
    assert "From the article&#x27;s file" in blocks
    assert "The merchandiser&#x27;s featured products" in blocks
    assert strap.name in blocks
    body = html.split('class="article-preview-body"', 1)[1]
    strap_row = body.split(f"<td>{strap.name}</td>", 1)[1].split("</tr>", 1)[0]
    assert "$" in strap_row
    assert "stock" in strap_row.lower()

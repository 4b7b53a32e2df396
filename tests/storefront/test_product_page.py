"""The product page: price, stock, variants, gallery, attributes, JSON-LD."""

from decimal import Decimal

from tests import factories
from tests.fixtures.catalog import make_published_product

from .conftest import add_image
from .helpers import json_ld, tag, texts_by_class


def _strap(channel, warehouse, **kwargs):
    parent = factories.CategoryFactory(name="Stretching", slug="stretching")
    category = factories.CategoryFactory(
        name="Stretch Straps", slug="stretch-straps", parent=parent
    )
    options = {"name": "Stretch Strap", "price": Decimal("14.95"), "category": category}
    options.update(kwargs)
    product = make_published_product(channel=channel, warehouse=warehouse, **options)
    product.slug = "stretch-strap"
    product.save(update_fields=["slug"])
    return product


def test_product_page_shows_name_price_and_stock(client, channel, warehouse):
    _strap(channel, warehouse)

    response = client.get("/products/stretch-strap/")

    assert response.status_code == 200
    assert texts_by_class(response, "buy-box")[0].startswith(
        "Stretch Strap $14.95 In stock"
    )


def test_low_and_empty_stock_are_worded_for_the_shopper(client, channel, warehouse):
    low = make_published_product(channel=channel, warehouse=warehouse, quantity=2)
    empty = make_published_product(channel=channel, warehouse=warehouse, quantity=0)

    low_page = client.get(f"/products/{low.slug}/")
    empty_page = client.get(f"/products/{empty.slug}/")

    assert texts_by_class(low_page, "stock") == ["Only 2 left"]
    assert texts_by_class(empty_page, "stock") == ["Out of stock"]


def test_variant_links_choose_the_shown_variant(client, channel, warehouse):
    product = _strap(channel, warehouse, variants=2)
    first, second = product.variants.order_by("sku")
    first.name, second.name = "1.8 m", "3 m"
    first.save(update_fields=["name"])
    second.save(update_fields=["name"])

    default = client.get("/products/stretch-strap/")
    chosen = client.get(f"/products/stretch-strap/?variant={second.pk}")
    bogus = client.get("/products/stretch-strap/?variant=not-an-id")

    assert texts_by_class(default, "variant-choice") == [
        "Options 1.8 m $14.95 In stock 3 m $15.95 In stock"
    ]
    assert texts_by_class(default, "product-price") == ["$14.95"]
    assert texts_by_class(chosen, "product-price") == ["$15.95"]
    assert texts_by_class(chosen, "sku") == [f"SKU: {second.sku}"]
    assert f'href="?variant={second.pk}" aria-current="true"' in chosen.content.decode()
    assert texts_by_class(bogus, "product-price") == ["$14.95"]


def test_sale_price_shows_the_old_price_struck_through(client, channel, warehouse):
    product = _strap(channel, warehouse)
    product.variants.get().channel_listings.update(prior_price_amount=Decimal("19.95"))

    response = client.get("/products/stretch-strap/")

    assert texts_by_class(response, "product-price") == ["$14.95 Was $19.95"]


def test_breadcrumbs_follow_the_category_tree(client, channel, warehouse):
    _strap(channel, warehouse)

    response = client.get("/products/stretch-strap/")

    assert texts_by_class(response, "breadcrumbs") == [
        "Home Stretching Stretch Straps Stretch Strap"
    ]


def test_attributes_table_lists_product_attribute_values(client, channel, warehouse):
    product = _strap(channel, warehouse)
    tag(product, attribute_slug="conditions", value_slug="sciatica")
    tag(product, attribute_slug="conditions", value_slug="piriformis")
    tag(product, attribute_slug="therapy", value_slug="stretching")

    response = client.get("/products/stretch-strap/")

    assert texts_by_class(response, "product-attributes") == [
        "Details Conditions Sciatica, Piriformis Therapy Stretching"
    ]


def test_gallery_shows_every_image_with_thumbnails(client, channel, warehouse):
    product = _strap(channel, warehouse)
    first = add_image(product, alt="Strap looped around a foot")
    add_image(product, alt="")

    html = client.get("/products/stretch-strap/").content.decode()

    assert 'alt="Strap looped around a foot"' in html
    assert 'alt="Stretch Strap (view larger)"' in html
    assert html.count('src="https://shop.example.com/thumbnail/') == 3
    assert f"/thumbnail/{_media_id(first)}/1024/webp/" in html


def test_json_ld_product_has_the_price_and_availability(client, channel, warehouse):
    product = _strap(channel, warehouse)
    add_image(product, alt="Strap")

    (data,) = json_ld(client.get("/products/stretch-strap/"))

    assert data["@type"] == "Product"
    assert data["name"] == "Stretch Strap"
    assert data["sku"] == product.variants.get().sku
    assert data["image"][0].startswith("https://shop.example.com/thumbnail/")
    assert data["offers"] == {
        "@type": "Offer",
        "url": "https://shop.example.com/products/stretch-strap/",
        "sku": product.variants.get().sku,
        "price": "14.95",
        "priceCurrency": "USD",
        "availability": "https://schema.org/InStock",
    }


def test_page_has_canonical_and_open_graph_tags(client, channel, warehouse):
    _strap(channel, warehouse)

    html = client.get("/products/stretch-strap/?variant=1").content.decode()

    url = "https://shop.example.com/products/stretch-strap/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:type" content="product">' in html
    assert '<meta property="og:title" content="Stretch Strap | Lumbar">' in html


def test_unpublished_product_is_the_404_page(client, channel, warehouse):
    product = _strap(channel, warehouse)
    product.channel_listings.update(is_published=False)

    response = client.get("/products/stretch-strap/")

    assert response.status_code == 404
    assert texts_by_class(response, "skip-link") == ["Skip to content"]
    assert "Page not found" in response.content.decode()


def test_product_of_another_channel_is_not_found(client, channel, warehouse):
    other = factories.ChannelFactory(slug="eu", name="EU", currency_code="EUR")
    make_published_product(channel=other, warehouse=warehouse, name="EU only")

    response = client.get("/products/" + _slug_of("EU only") + "/")

    assert response.status_code == 404


def test_unlisted_product_still_has_its_page(client, channel, warehouse):
    product = _strap(channel, warehouse)
    product.channel_listings.update(visible_in_listings=False)

    assert client.get("/products/stretch-strap/").status_code == 200


def _media_id(media):
    from backend.product.thumbnails import encode_instance_id

    return encode_instance_id("ProductMedia", media.pk)


def _slug_of(name):
    from backend.product.models import Product

    return Product.objects.get(name=name).slug

"""Product fields a storefront shows: prices, images, translations, variants."""

from decimal import Decimal

from backend.product.models import ProductMedia, ProductTranslation
from tests import factories
from tests.api.queries.conftest import global_id, png_upload

PRICING = """
query ($slug: String!) {
  product(slug: $slug, channel: "default-channel") {
    pricing {
      onSale
      discount { gross { amount } }
      priceRange {
        start { gross { amount currency } net { amount } }
        stop { gross { amount currency } }
      }
      priceRangeUndiscounted { start { gross { amount } } stop { gross { amount } } }
    }
  }
}
"""


def test_price_range_spans_the_variant_prices_in_the_channel_currency(
    api, make_product
):
    product = make_product(name="TENS Unit", price=Decimal("39.50"), variants=3)

    result = api(PRICING, {"slug": product.slug})

    assert result["data"]["product"]["pricing"] == {
        "onSale": False,
        "discount": None,
        "priceRange": {
            "start": {
                "gross": {"amount": 39.5, "currency": "USD"},
                "net": {"amount": 39.5},
            },
            "stop": {"gross": {"amount": 41.5, "currency": "USD"}},
        },
        "priceRangeUndiscounted": {
            "start": {"gross": {"amount": 39.5}},
            "stop": {"gross": {"amount": 41.5}},
        },
    }


def test_a_higher_prior_price_puts_the_product_on_sale(api, make_product):
    product = make_product(name="Gel Pack", price=Decimal("12.00"))
    product.variants.first().channel_listings.update(prior_price_amount=Decimal("15"))

    result = api(PRICING, {"slug": product.slug})

    pricing = result["data"]["product"]["pricing"]
    assert pricing["onSale"] is True
    assert pricing["priceRange"]["start"]["gross"]["amount"] == 12.0
    assert pricing["priceRangeUndiscounted"]["start"]["gross"]["amount"] == 15.0


def test_variant_pricing_is_the_channel_price(api, make_product):
    product = make_product(name="Foam Roller", price=Decimal("24.99"))

    result = api(
        """query ($slug: String!) { product(slug: $slug, channel: "default-channel") {
          variants { sku pricing { price { gross { amount currency } } } } } }""",
        {"slug": product.slug},
    )

    variant = product.variants.get()
    assert result["data"]["product"]["variants"] == [
        {
            "sku": variant.sku,
            "pricing": {"price": {"gross": {"amount": 24.99, "currency": "USD"}}},
        }
    ]


def test_thumbnail_url_is_absolute_at_the_standard_size(api, make_product, media_root):
    product = make_product(name="Lumbar Cushion")
    media = ProductMedia.objects.create(
        product=product, image=png_upload(), alt="Cushion from the side"
    )

    result = api(
        """query ($slug: String!) { product(slug: $slug, channel: "default-channel") {
          thumbnail(size: 300, format: WEBP) { url alt }
          media { url alt type } } }""",
        {"slug": product.slug},
    )

    instance_id = global_id(media)
    assert result["data"]["product"]["thumbnail"] == {
        "url": f"https://shop.example.com/thumbnail/{instance_id}/512/webp/",
        "alt": "Cushion from the side",
    }
    assert result["data"]["product"]["media"] == [
        {
            "url": f"https://shop.example.com/thumbnail/{instance_id}/4096/original/",
            "alt": "Cushion from the side",
            "type": "IMAGE",
        }
    ]


def test_product_without_media_has_no_thumbnail(api, make_product):
    product = make_product(name="Strap")

    result = api(
        """query ($slug: String!) { product(slug: $slug, channel: "default-channel") {
          thumbnail { url } } }""",
        {"slug": product.slug},
    )

    assert result["data"]["product"]["thumbnail"] is None


def test_translation_in_the_asked_language(api, make_product):
    product = make_product(name="Heat Pack")
    ProductTranslation.objects.create(
        product=product, language_code="pl", name="Okład rozgrzewający", slug="oklad"
    )

    result = api(
        """query ($slug: String!) { product(slug: $slug, channel: "default-channel") {
          pl: translation(languageCode: PL) { name slug language { code } }
          de: translation(languageCode: DE) { name } } }""",
        {"slug": product.slug},
    )

    assert result["data"]["product"] == {
        "pl": {
            "name": "Okład rozgrzewający",
            "slug": "oklad",
            "language": {"code": "PL"},
        },
        "de": None,
    }


def test_product_is_found_by_its_translated_slug(api, make_product):
    product = make_product(name="Heat Pack")
    ProductTranslation.objects.create(
        product=product, language_code="pl", name="Okład", slug="oklad"
    )

    result = api(
        """{ product(slug: "oklad", slugLanguageCode: PL, channel: "default-channel")
          { name } }"""
    )

    assert result["data"]["product"] == {"name": "Heat Pack"}


def test_category_collections_and_product_type_of_a_product(api, channel, make_product):
    category = factories.CategoryFactory(name="Heat Therapy", slug="heat-therapy")
    product = make_product(name="Heat Pack", category=category)
    collection = factories.CollectionFactory(name="Featured", slug="featured")
    factories.CollectionChannelListingFactory(collection=collection, channel=channel)
    factories.CollectionProductFactory(collection=collection, product=product)
    hidden = factories.CollectionFactory(name="Drafts", slug="drafts")
    factories.CollectionProductFactory(collection=hidden, product=product)

    result = api(
        """query ($slug: String!) { product(slug: $slug, channel: "default-channel") {
          category { name slug } collections { name } productType { name } } }""",
        {"slug": product.slug},
    )

    assert result["data"]["product"] == {
        "category": {"name": "Heat Therapy", "slug": "heat-therapy"},
        "collections": [{"name": "Featured"}],
        "productType": {"name": product.product_type.name},
    }


def test_availability_follows_stock_and_purchase_date(api, make_product):
    in_stock = make_product(name="Roller")
    sold_out = make_product(name="Ball", quantity=0)

    query = """query ($slug: String!) {
      product(slug: $slug, channel: "default-channel") {
      isAvailable isAvailableForPurchase variants { quantityAvailable } } }"""

    assert api(query, {"slug": in_stock.slug})["data"]["product"] == {
        "isAvailable": True,
        "isAvailableForPurchase": True,
        "variants": [{"quantityAvailable": 10}],
    }
    assert api(query, {"slug": sold_out.slug})["data"]["product"] == {
        "isAvailable": False,
        "isAvailableForPurchase": True,
        "variants": [{"quantityAvailable": 0}],
    }


def test_product_variants_connection_pages_the_variants(api, make_product):
    product = make_product(name="Strap", variants=3)
    skus = list(
        product.variants.order_by("sort_order", "sku").values_list("sku", flat=True)
    )

    result = api(
        """query ($slug: String!) { product(slug: $slug, channel: "default-channel") {
          productVariants(first: 2) { totalCount pageInfo { hasNextPage }
            edges { node { sku } } } } }""",
        {"slug": product.slug},
    )

    assert result["data"]["product"]["productVariants"] == {
        "totalCount": 3,
        "pageInfo": {"hasNextPage": True},
        "edges": [{"node": {"sku": skus[0]}}, {"node": {"sku": skus[1]}}],
    }


def test_channel_listings_need_manage_products(api, make_product):
    product = make_product(name="Strap")

    result = api(
        """query ($slug: String!) { product(slug: $slug, channel: "default-channel") {
          channelListings { isPublished } } }""",
        {"slug": product.slug},
    )

    assert result["data"]["product"]["channelListings"] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


def test_product_variant_by_sku(api, make_product):
    product = make_product(name="Strap", price=Decimal("9.99"))
    variant = product.variants.get()

    result = api(
        """query ($sku: String) {
          productVariant(sku: $sku, channel: "default-channel") {
          id product { name } pricing { price { gross { amount } } } } }""",
        {"sku": variant.sku},
    )

    assert result["data"]["productVariant"] == {
        "id": global_id(variant),
        "product": {"name": "Strap"},
        "pricing": {"price": {"gross": {"amount": 9.99}}},
    }


def test_quantity_available_is_capped_at_one_checkouts_limit(api, make_product):
    product = make_product(name="Pads", quantity=500)

    result = api(
        """query ($slug: String!) { product(slug: $slug, channel: "default-channel") {
          variants { quantityAvailable(address: {country: US}) } } }""",
        {"slug": product.slug},
    )

    assert result["data"]["product"]["variants"] == [{"quantityAvailable": 50}]


def test_staff_see_cost_and_margin_of_a_listing(staff_api, make_product):
    # Prices 20.00 and 21.00; costs 5.00 (set here) and 7.50 (the factory's).
    product = make_product(name="Roller", price=Decimal("20.00"), variants=2)
    for listing in product.variants.first().channel_listings.all():
        listing.cost_price_amount = Decimal("5.00")
        listing.save()

    result = staff_api(
        """query ($slug: String!) { product(slug: $slug, channel: "default-channel") {
          channelListings { channel { slug } margin { start stop }
            purchaseCost { start { amount } stop { amount } } }
          variants { margin } } }""",
        {"slug": product.slug},
    )

    assert result["data"]["product"] == {
        "channelListings": [
            {
                "channel": {"slug": "default-channel"},
                "margin": {"start": 64, "stop": 75},
                "purchaseCost": {"start": {"amount": 5.0}, "stop": {"amount": 7.5}},
            }
        ],
        "variants": [{"margin": 75}, {"margin": 64}],
    }


def test_mutation_payload_returns_the_real_product_type(staff_api, make_product):
    category = factories.CategoryFactory(name="Heat Therapy")
    product = make_product(name="Heat Pack", category=category)

    result = staff_api(
        """mutation ($id: ID!) {
          productUpdate(id: $id, input: {name: "Moist Heat Pack"}) {
            errors { field message }
            product { name channel pricing { onSale } category { name }
                      variants { sku } } } }""",
        {"id": global_id(product)},
    )

    assert result["data"]["productUpdate"] == {
        "errors": [],
        "product": {
            "name": "Moist Heat Pack",
            "channel": None,
            "pricing": None,
            "category": {"name": "Heat Therapy"},
            "variants": [{"sku": product.variants.get().sku}],
        },
    }

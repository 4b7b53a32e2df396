"""A merchandiser lists, adds and edits products in the admin."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from backend.product.models import (
    Product,
    ProductChannelListing,
    ProductMedia,
    ProductVariant,
)
from backend.product.thumbnails import encode_instance_id
from backend.staff.product.forms import text_of_description
from tests import factories
from tests.fixtures.catalog import make_published_product

from .conftest import inline_management, png_upload

pytestmark = pytest.mark.django_db

INLINES = (
    "channel_listings",
    "variants",
    "media",
    "collectionproduct",
    "translations",
)


def product_post(product_type, category, **extra) -> dict:
    """Return the add-product form data with every inline empty."""
    data = {
        "product_type": product_type.pk,
        "name": "Sciatica Stretch Strap",
        "slug": "",
        "category": category.pk,
        "description_text": "Ten loops.\n\nMade of cotton.",
        "_save": "Save",
    }
    for prefix in INLINES:
        data.update(inline_management(prefix, total=0))
    data.update(extra)
    return data


def change_post(product, **extra) -> dict:
    """Return the change-product form data as the page renders it."""
    data = {
        "name": product.name,
        "slug": product.slug,
        "category": product.category_id,
        "description_text": text_of_description(product.description),
        "_save": "Save",
    }
    for prefix in INLINES:
        data.update(inline_management(prefix, total=0))
    data.update(extra)
    return data


def test_changelist_shows_price_with_currency_stock_and_published(
    merch_client, published_product
):
    response = merch_client.get("/admin/product/product/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Stretch Strap" in html
    assert '<td class="field-price">19.99 USD</td>' in html
    assert '<td class="field-stock_total">10</td>' in html
    assert 'field-published"><img src="/static/admin/img/icon-yes.svg"' in html


RICH_DESCRIPTION = {
    "blocks": [
        {"type": "header", "data": {"text": "Why it helps", "level": 2}},
        {"type": "list", "data": {"style": "unordered", "items": ["Heat", "Rest"]}},
    ],
}


def test_change_form_shows_variants_listings_and_description(
    merch_client, published_product
):
    published_product.description = RICH_DESCRIPTION
    published_product.save(update_fields=["description"])
    variant = published_product.variants.get()

    response = merch_client.get(
        f"/admin/product/product/{published_product.pk}/change/"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{variant.sku}"' in html
    assert 'name="channel_listings-0-is_published"' in html
    assert "Why it helps\n\nHeat\nRest</textarea>" in html


def test_saving_untouched_description_keeps_its_formatting(
    merch_client, published_product
):
    published_product.description = RICH_DESCRIPTION
    published_product.save(update_fields=["description"])
    data = change_post(
        published_product,
        name="Stretch Strap XL",
        description_text="Why it helps\r\n\r\nHeat\r\nRest",
    )

    response = merch_client.post(
        f"/admin/product/product/{published_product.pk}/change/", data
    )

    assert response.status_code == 302
    published_product.refresh_from_db()
    assert published_product.name == "Stretch Strap XL"
    assert published_product.description == RICH_DESCRIPTION


def test_merchandiser_adds_product_with_variant_listed_in_channel(
    merch_client, channel
):
    product_type = factories.ProductTypeFactory()
    category = factories.CategoryFactory()
    data = product_post(
        product_type,
        category,
        **inline_management("channel_listings", total=1),
        **{"channel_listings-0-channel": channel.pk},
        **{"channel_listings-0-is_published": "on"},
        **{"channel_listings-0-visible_in_listings": "on"},
        **inline_management("variants", total=1),
        **{"variants-0-sku": " STRAP-10 ", "variants-0-name": "10 loops"},
        **{"variants-0-track_inventory": "on", "variants-0-weight_grams": "180"},
    )

    response = merch_client.post("/admin/product/product/add/", data)

    assert response.status_code == 302
    product = Product.objects.get(name="Sciatica Stretch Strap")
    variant = product.variants.get()
    listing = ProductChannelListing.objects.get(product=product)
    assert product.slug == "sciatica-stretch-strap"
    assert product.description_plaintext == "Ten loops.\nMade of cotton."
    assert product.default_variant_id == variant.pk
    assert "sciatica stretch strap" in product.search_document
    assert (variant.sku, variant.weight_grams) == ("STRAP-10", 180)
    assert (listing.is_published, listing.visible_in_listings) == (True, True)
    assert listing.published_at is not None


def test_merchandiser_prices_and_stocks_a_variant(merch_client, channel, warehouse):
    product = factories.ProductFactory(name="Foam Roller")
    factories.ProductChannelListingFactory(product=product, channel=channel)
    variant = factories.ProductVariantFactory(product=product, sku="ROLL-1")
    data = {
        "sku": "ROLL-1",
        "name": "",
        "track_inventory": "on",
        "_save": "Save",
        **inline_management("channel_listings", total=1),
        "channel_listings-0-channel": channel.pk,
        "channel_listings-0-price_amount": "24.50",
        "channel_listings-0-cost_price_amount": "9.00",
        **inline_management("stocks", total=1),
        "stocks-0-warehouse": warehouse.pk,
        "stocks-0-quantity": "7",
    }

    response = merch_client.post(
        f"/admin/product/productvariant/{variant.pk}/change/", data
    )

    assert response.status_code == 302
    listing = variant.channel_listings.get()
    assert listing.price.amount == Decimal("24.50")
    assert listing.price.currency == "USD"
    assert listing.cost_price_amount == Decimal("9.00")
    assert variant.stocks.get().quantity == 7
    product_listing = ProductChannelListing.objects.get(product=product)
    assert product_listing.discounted_price_amount == Decimal("24.50")


def test_negative_price_is_a_form_error_and_saves_nothing(
    merch_client, published_product, channel
):
    variant = published_product.variants.get()
    listing = variant.channel_listings.get()
    data = {
        "sku": variant.sku,
        "track_inventory": "on",
        "_save": "Save",
        **inline_management("channel_listings", total=1, initial=1),
        "channel_listings-0-id": listing.pk,
        "channel_listings-0-variant": variant.pk,
        "channel_listings-0-channel": channel.pk,
        "channel_listings-0-price_amount": "-1.00",
        **inline_management("stocks", total=0),
        "name": "Renamed",
    }

    response = merch_client.post(
        f"/admin/product/productvariant/{variant.pk}/change/", data
    )

    assert response.status_code == 200
    assert "Product price cannot be lower than 0." in response.content.decode()
    listing.refresh_from_db()
    variant.refresh_from_db()
    assert listing.price_amount == Decimal("19.99")
    assert variant.name != "Renamed"


def test_negative_stock_is_a_form_error_and_saves_nothing(
    merch_client, published_product, warehouse
):
    variant = published_product.variants.get()
    stock = variant.stocks.get()
    data = {
        "sku": variant.sku,
        "track_inventory": "on",
        "_save": "Save",
        **inline_management("channel_listings", total=0),
        **inline_management("stocks", total=1, initial=1),
        "stocks-0-id": stock.pk,
        "stocks-0-product_variant": variant.pk,
        "stocks-0-warehouse": warehouse.pk,
        "stocks-0-quantity": "-3",
    }

    response = merch_client.post(
        f"/admin/product/productvariant/{variant.pk}/change/", data
    )

    assert response.status_code == 200
    assert "Quantity cannot be negative." in response.content.decode()
    stock.refresh_from_db()
    assert stock.quantity == 10


def test_price_in_unlisted_channel_is_a_form_error(merch_client, channel):
    variant = factories.ProductVariantFactory()
    data = {
        "sku": variant.sku,
        "track_inventory": "on",
        "_save": "Save",
        **inline_management("channel_listings", total=1),
        "channel_listings-0-channel": channel.pk,
        "channel_listings-0-price_amount": "5.00",
        **inline_management("stocks", total=0),
    }

    response = merch_client.post(
        f"/admin/product/productvariant/{variant.pk}/change/", data
    )

    assert response.status_code == 200
    assert "Product is not available in channel default-channel" in (
        response.content.decode()
    )
    assert not variant.channel_listings.exists()


def test_uploaded_image_is_stored_and_previewed(merch_client, published_product):
    data = change_post(
        published_product,
        **inline_management("media", total=1),
        **{"media-0-image": png_upload(), "media-0-alt": "Strap on a mat"},
    )

    response = merch_client.post(
        f"/admin/product/product/{published_product.pk}/change/", data
    )
    page = merch_client.get(f"/admin/product/product/{published_product.pk}/change/")

    assert response.status_code == 302
    media = ProductMedia.objects.get(product=published_product)
    assert media.alt == "Strap on a mat"
    assert media.image.name.startswith("products/")
    preview_path = f"/thumbnail/{_thumbnail_id(media)}/128/original/"
    assert f'<img src="http://127.0.0.1:8000{preview_path}"' in page.content.decode()
    thumbnail = merch_client.get(preview_path)
    assert thumbnail.status_code == 200
    assert thumbnail["Content-Type"] == "image/png"


def _thumbnail_id(media) -> str:
    return encode_instance_id("ProductMedia", media.pk)


def test_file_that_is_not_an_image_is_a_form_error(merch_client, published_product):
    data = change_post(
        published_product,
        **inline_management("media", total=1),
        **{"media-0-image": SimpleUploadedFile("notes.png", b"not a picture")},
    )

    response = merch_client.post(
        f"/admin/product/product/{published_product.pk}/change/", data
    )

    assert response.status_code == 200
    assert "Upload a valid image." in response.content.decode()
    assert not ProductMedia.objects.exists()


def test_duplicate_sku_is_a_form_error(merch_client, published_product):
    taken = published_product.variants.get().sku
    product_type = factories.ProductTypeFactory()
    data = product_post(
        product_type,
        factories.CategoryFactory(),
        **inline_management("variants", total=1),
        **{"variants-0-sku": taken, "variants-0-track_inventory": "on"},
    )

    response = merch_client.post("/admin/product/product/add/", data)

    assert response.status_code == 200
    assert "Product variant with this Sku already exists." in (
        response.content.decode()
    )
    assert not Product.objects.filter(name="Sciatica Stretch Strap").exists()


def test_search_finds_product_by_variant_sku(merch_client, channel, warehouse):
    strap = make_published_product(channel=channel, warehouse=warehouse, name="Strap")
    make_published_product(channel=channel, warehouse=warehouse, name="Roller")
    sku = strap.variants.get().sku

    response = merch_client.get("/admin/product/product/", {"q": sku})

    assert [p.name for p in response.context["cl"].result_list] == ["Strap"]


def test_in_stock_filter_splits_stocked_from_sold_out(merch_client, channel, warehouse):
    make_published_product(channel=channel, warehouse=warehouse, name="Stocked")
    make_published_product(
        channel=channel, warehouse=warehouse, name="Sold out", quantity=0
    )

    in_stock = merch_client.get("/admin/product/product/", {"in_stock": "yes"})
    out = merch_client.get("/admin/product/product/", {"in_stock": "no"})

    assert [p.name for p in in_stock.context["cl"].result_list] == ["Stocked"]
    assert [p.name for p in out.context["cl"].result_list] == ["Sold out"]


def test_published_filter_finds_products_by_channel(merch_client, channel, warehouse):
    make_published_product(channel=channel, warehouse=warehouse, name="Listed")
    factories.ProductFactory(name="Draft")

    listed = merch_client.get("/admin/product/product/", {"published_in": channel.slug})
    nowhere = merch_client.get("/admin/product/product/", {"published_in": "-"})

    assert [p.name for p in listed.context["cl"].result_list] == ["Listed"]
    assert [p.name for p in nowhere.context["cl"].result_list] == ["Draft"]


def test_category_filter_keeps_the_categorys_products(merch_client, channel, warehouse):
    heat = factories.CategoryFactory(name="Heat packs")
    make_published_product(
        channel=channel, warehouse=warehouse, name="Gel pack", category=heat
    )
    make_published_product(channel=channel, warehouse=warehouse, name="Roller")

    response = merch_client.get(
        "/admin/product/product/", {"category__id__exact": heat.pk}
    )

    assert [p.name for p in response.context["cl"].result_list] == ["Gel pack"]


def test_deleting_a_variant_from_the_product_page_picks_a_new_default(
    merch_client, channel, warehouse
):
    product = make_published_product(
        channel=channel, warehouse=warehouse, name="Pads", variants=2
    )
    first, second = product.variants.order_by("pk")
    data = change_post(
        product,
        **inline_management("variants", total=2, initial=2),
        **{
            "variants-0-id": first.pk,
            "variants-0-product": product.pk,
            "variants-0-sku": first.sku,
            "variants-0-track_inventory": "on",
            "variants-0-DELETE": "on",
            "variants-1-id": second.pk,
            "variants-1-product": product.pk,
            "variants-1-sku": second.sku,
            "variants-1-track_inventory": "on",
        },
    )

    response = merch_client.post(f"/admin/product/product/{product.pk}/change/", data)

    assert response.status_code == 302
    product.refresh_from_db()
    assert list(product.variants.all()) == [second]
    assert product.default_variant_id == second.pk
    assert not ProductVariant.objects.filter(pk=first.pk).exists()


def test_merchandiser_translates_a_product_on_its_page(merch_client, published_product):
    data = change_post(
        published_product,
        **inline_management("translations", total=1),
        **{
            "translations-0-language_code": "pl",
            "translations-0-name": "Pasek do rozciagania",
            "translations-0-slug": "pasek",
        },
    )

    response = merch_client.post(
        f"/admin/product/product/{published_product.pk}/change/", data
    )

    assert response.status_code == 302
    translation = published_product.translations.get()
    assert (translation.language_code, translation.name, translation.slug) == (
        "pl",
        "Pasek do rozciagania",
        "pasek",
    )


def test_translations_are_hidden_without_manage_translations(client, published_product):
    user = factories.UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="core", codename="manage_products"
        )
    )
    client.force_login(user)

    response = client.get(f"/admin/product/product/{published_product.pk}/change/")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="variants-TOTAL_FORMS"' in html
    assert 'name="translations-TOTAL_FORMS"' not in html


def test_merchandiser_adds_a_product_then_prices_its_variant(
    merch_client, channel, warehouse
):
    data = product_post(
        factories.ProductTypeFactory(),
        factories.CategoryFactory(),
        **inline_management("channel_listings", total=1),
        **{"channel_listings-0-channel": channel.pk},
        **{"channel_listings-0-is_published": "on"},
        **inline_management("variants", total=1),
        **{"variants-0-sku": "STRAP-10", "variants-0-track_inventory": "on"},
    )
    merch_client.post("/admin/product/product/add/", data)
    variant = ProductVariant.objects.get(sku="STRAP-10")

    response = merch_client.post(
        f"/admin/product/productvariant/{variant.pk}/change/",
        {
            "sku": "STRAP-10",
            "track_inventory": "on",
            "_save": "Save",
            **inline_management("channel_listings", total=1),
            "channel_listings-0-channel": channel.pk,
            "channel_listings-0-price_amount": "24.50",
            **inline_management("stocks", total=1),
            "stocks-0-warehouse": warehouse.pk,
            "stocks-0-quantity": "12",
        },
    )
    changelist = merch_client.get("/admin/product/product/", {"q": "STRAP-10"})

    assert response.status_code == 302
    html = changelist.content.decode()
    assert "Sciatica Stretch Strap" in html
    assert '<td class="field-price">24.50 USD</td>' in html
    assert '<td class="field-stock_total">12</td>' in html


def test_second_variant_of_a_single_variant_type_is_a_form_error(merch_client):
    product_type = factories.ProductTypeFactory(has_variants=False)
    product = factories.ProductFactory(product_type=product_type)
    only = factories.ProductVariantFactory(product=product)
    data = change_post(
        product,
        **inline_management("variants", total=2, initial=1),
        **{
            "variants-0-id": only.pk,
            "variants-0-product": product.pk,
            "variants-0-sku": only.sku,
            "variants-0-track_inventory": "on",
            "variants-1-sku": "SECOND",
            "variants-1-track_inventory": "on",
        },
    )

    response = merch_client.post(f"/admin/product/product/{product.pk}/change/", data)

    assert response.status_code == 200
    assert "This product type has no variants beyond the first." in (
        response.content.decode()
    )
    assert list(product.variants.all()) == [only]

"""Media, category, collection and translation services."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from backend.product.models import (
    Category,
    CollectionChannelListing,
    CollectionProduct,
    ProductTranslation,
)
from backend.product.services import (
    category_create,
    category_delete,
    category_translate,
    category_update,
    collection_add_products,
    collection_channel_listing_update,
    collection_create,
    collection_remove_products,
    product_media_create,
    product_translate,
    product_variant_translate,
)
from backend.product.services.collections import CollectionListingInput
from tests import factories

pytestmark = pytest.mark.django_db


def png_upload(name="photo.png", size=(8, 6)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_product_media_create_stores_a_real_image(media_root):
    product = factories.ProductFactory()

    media = product_media_create(product=product, image=png_upload(), alt="Strap")

    assert media.alt == "Strap"
    with Image.open(media.image.path) as stored:
        assert stored.size == (8, 6)


def test_product_media_create_refuses_a_file_that_is_not_an_image(media_root):
    product = factories.ProductFactory()
    fake = SimpleUploadedFile("x.png", b"not an image", content_type="image/png")

    with pytest.raises(ValidationError) as excinfo:
        product_media_create(product=product, image=fake)

    assert excinfo.value.error_dict["image"][0].code == "INVALID_FILE_TYPE"
    assert not product.media.exists()


def test_product_media_create_refuses_too_many_pixels(media_root, monkeypatch):
    monkeypatch.setattr("backend.product.services.media.MAX_IMAGE_PIXELS", 40)
    product = factories.ProductFactory()

    with pytest.raises(ValidationError) as excinfo:
        product_media_create(product=product, image=png_upload(size=(10, 10)))

    assert excinfo.value.error_dict["image"][0].code == "FILE_SIZE_LIMIT_EXCEEDED"


def test_category_create_nests_under_a_parent():
    parent = category_create(name="Heat")

    child = category_create(name="Microwavable", parent=parent)

    assert child.parent == parent
    parent.refresh_from_db()
    assert list(parent.get_descendants()) == [child]


def test_category_update_refuses_a_taken_slug():
    category_create(name="Heat")
    cold = category_create(name="Cold")

    with pytest.raises(ValidationError) as excinfo:
        category_update(category=cold, slug="heat")

    assert excinfo.value.error_dict["slug"][0].code == "UNIQUE"


def test_category_delete_removes_the_subtree_and_keeps_products():
    parent = category_create(name="Heat")
    child = category_create(name="Gel", parent=parent)
    product = factories.ProductFactory(category=child)

    category_delete(category=parent)

    assert not Category.objects.exists()
    product.refresh_from_db()
    assert product.category is None


def test_collection_add_products_appends_in_order():
    collection = collection_create(name="Sciatica kit")
    first, second = factories.ProductFactory(), factories.ProductFactory()

    collection_add_products(collection=collection, products=[first, second])

    assert list(
        CollectionProduct.objects.filter(collection=collection)
        .order_by("sort_order")
        .values_list("product_id", flat=True)
    ) == [first.pk, second.pk]


def test_collection_add_products_refuses_a_product_already_in_it():
    product = factories.ProductFactory()
    collection = collection_create(name="Kit", products=[product])

    with pytest.raises(ValidationError):
        collection_add_products(collection=collection, products=[product])

    assert collection.products.count() == 1


def test_collection_remove_products_takes_them_out():
    product = factories.ProductFactory()
    collection = collection_create(name="Kit", products=[product])

    collection_remove_products(collection=collection, products=[product])

    assert not collection.products.exists()


def test_collection_channel_listing_update_publishes(channel):
    collection = collection_create(name="Kit")

    collection_channel_listing_update(
        collection=collection,
        add_channels=[CollectionListingInput(channel=channel, is_published=True)],
    )

    listing = CollectionChannelListing.objects.get(collection=collection)
    assert listing.is_published and listing.published_at is not None


def test_product_translate_creates_then_updates_one_row():
    product = factories.ProductFactory()

    product_translate(product=product, language_code="de", name="Gurt")
    product_translate(product=product, language_code="de", name="Dehngurt", slug="gurt")

    translation = ProductTranslation.objects.get(product=product)
    assert (translation.name, translation.slug) == ("Dehngurt", "gurt")


def test_product_translate_refuses_an_unknown_language():
    product = factories.ProductFactory()

    with pytest.raises(ValidationError) as excinfo:
        product_translate(product=product, language_code="xx-yy", name="?")

    assert excinfo.value.error_dict["languageCode"][0].code == "INVALID"
    assert not ProductTranslation.objects.exists()


def test_variant_and_category_translate_store_names():
    variant = factories.ProductVariantFactory()
    category = factories.CategoryFactory()

    product_variant_translate(variant=variant, language_code="pl", name="Długi")
    category_translate(category=category, language_code="pl", name="Ciepło")

    assert variant.translations.get().name == "Długi"
    assert category.translations.get().name == "Ciepło"


def test_product_media_create_refuses_an_external_url(media_root):
    product = factories.ProductFactory()

    with pytest.raises(ValidationError) as excinfo:
        product_media_create(product=product, media_url="https://example.com/a.jpg")

    assert excinfo.value.error_dict["mediaUrl"][0].code == "UNSUPPORTED_MEDIA_PROVIDER"
    assert not product.media.exists()

"""The /thumbnail/ route serves the resized image that thumbnail_url names."""

import io

from django.urls import resolve
from PIL import Image

from backend.product.models import Thumbnail
from backend.product.thumbnails import encode_instance_id, thumbnail_url

from .conftest import add_image


def test_thumbnail_url_resolves_to_a_webp_of_the_asked_size(client, published_product):
    media = add_image(published_product, alt="Strap")
    url = thumbnail_url(media=media, size=256, format="WEBP")
    path = url.removeprefix("https://shop.example.com")

    response = client.get(path)

    assert resolve(path).url_name == "thumbnail"
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as picture:
        assert picture.format == "WEBP"
        assert picture.size == (256, 192)


def test_original_format_thumbnail_keeps_png(client, published_product):
    media = add_image(published_product)
    instance_id = encode_instance_id("ProductMedia", media.pk)

    response = client.get(f"/thumbnail/{instance_id}/128/original/")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"


def test_second_request_reuses_the_stored_thumbnail(client, published_product):
    media = add_image(published_product)
    path = f"/thumbnail/{encode_instance_id('ProductMedia', media.pk)}/64/webp/"

    client.get(path)
    response = client.get(path)

    assert response.status_code == 200
    assert Thumbnail.objects.filter(product_media=media).count() == 1


def test_invalid_instance_id_is_not_found(client, db):
    response = client.get("/thumbnail/not-base64!/256/webp/")

    assert response.status_code == 404
    assert Thumbnail.objects.count() == 0


def test_size_outside_the_standard_sizes_is_not_found(client, published_product):
    media = add_image(published_product)
    instance_id = encode_instance_id("ProductMedia", media.pk)

    response = client.get(f"/thumbnail/{instance_id}/300/webp/")

    assert response.status_code == 404


def test_media_without_image_is_not_found(client, db):
    instance_id = encode_instance_id("ProductMedia", 999999)

    response = client.get(f"/thumbnail/{instance_id}/256/webp/")

    assert response.status_code == 404

"""productMediaCreate as a multipart upload, per the GraphQL multipart spec."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from backend.product.models import ProductMedia
from tests import factories

from .conftest import global_id

pytestmark = pytest.mark.django_db

MEDIA_CREATE = """
mutation Media($product: ID!, $image: Upload, $alt: String) {
  productMediaCreate(input: {product: $product, image: $image, alt: $alt}) {
    product { id }
    media { id }
    errors { field code message }
  }
}
"""


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(api, product, file):
    variables = {"product": global_id(product), "image": None, "alt": "Strap on a door"}
    return api.upload(MEDIA_CREATE, variables, {"variables.image": file})


def png_file():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(buffer, format="PNG")
    return SimpleUploadedFile("strap.png", buffer.getvalue(), content_type="image/png")


def test_media_create_stores_an_uploaded_image(staff_api):
    product = factories.ProductFactory()

    result = upload(staff_api, product, png_file())

    payload = result["data"]["productMediaCreate"]
    assert payload["errors"] == []
    media = ProductMedia.objects.get(product=product)
    assert payload["media"]["id"] == global_id(media)
    assert media.alt == "Strap on a door"
    with Image.open(media.image.path) as stored:
        assert stored.size == (40, 30)


def test_media_create_refuses_a_file_that_is_not_an_image(staff_api):
    product = factories.ProductFactory()
    text = SimpleUploadedFile("strap.png", b"%PDF-1.4 not an image", "image/png")

    result = upload(staff_api, product, text)

    assert result["data"]["productMediaCreate"]["errors"] == [
        {
            "field": "image",
            "code": "INVALID_FILE_TYPE",
            "message": "Invalid file type.",
        }
    ]
    assert not ProductMedia.objects.exists()


def test_media_create_is_refused_to_staff_without_permission(api, staff_user):
    product = factories.ProductFactory()
    api.login(staff_user)

    result = upload(api, product, png_file())

    assert result["data"]["productMediaCreate"] is None
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert not ProductMedia.objects.exists()


def test_a_malformed_multipart_request_is_a_bad_request(staff_api):
    response = staff_api.client.post(
        "/graphql/",
        data={
            "operations": "{not json",
            "map": "{}",
        },
    )

    assert response.status_code == 400

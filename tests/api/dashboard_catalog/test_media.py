"""The dashboard's product media: real uploads, alt text, order, deletes."""

import pytest

from backend.product.models import ProductMedia
from tests.api.dashboard_documents import dashboard_document
from tests.api.queries.conftest import png_upload

from .conftest import global_id

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_first(media_root):
    # Before any token: media_root sets PUBLIC_URL, a token's issuer.
    return media_root


@pytest.fixture
def gallery(merchandiser_api, published_product):
    """Two images uploaded through the dashboard's own ProductMediaCreate."""
    for name in ("front.png", "back.png"):
        result = merchandiser_api.upload(
            dashboard_document("ProductMediaCreate"),
            {"product": global_id(published_product), "image": None, "alt": name},
            {"variables.image": png_upload(name)},
        )
        assert result["data"]["productMediaCreate"]["errors"] == []
    return list(ProductMedia.objects.filter(product=published_product))


def test_upload_stores_the_image_and_lists_it_on_the_product(gallery, media_root):
    assert [media.alt for media in gallery] == ["front.png", "back.png"]
    assert all((media_root / media.image.name).exists() for media in gallery)


def test_media_update_changes_the_alt_text(merchandiser_api, gallery):
    result = merchandiser_api(
        dashboard_document("ProductMediaUpdate"),
        {"id": global_id(gallery[0]), "alt": "Strap, front view"},
    )

    assert result["data"]["productMediaUpdate"]["errors"] == []
    assert ProductMedia.objects.get(pk=gallery[0].pk).alt == "Strap, front view"


def test_media_reorder_puts_the_gallery_in_the_given_order(
    merchandiser_api, gallery, published_product
):
    front, back = gallery

    result = merchandiser_api(
        dashboard_document("ProductMediaReorder"),
        {
            "productId": global_id(published_product),
            "mediaIds": [global_id(back), global_id(front)],
        },
    )

    assert result["data"]["productMediaReorder"]["errors"] == []
    assert [m.alt for m in published_product.media.order_by("sort_order")] == [
        "back.png",
        "front.png",
    ]


def test_media_reorder_with_a_foreign_media_is_refused(
    merchandiser_api, gallery, published_product, channel, warehouse
):
    from tests.fixtures.catalog import make_published_product

    other = make_published_product(channel=channel, warehouse=warehouse, name="Other")

    result = merchandiser_api(
        dashboard_document("ProductMediaReorder"),
        {"productId": global_id(other), "mediaIds": [global_id(gallery[0])]},
    )

    errors = result["data"]["productMediaReorder"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [
        ("mediaIds", "NOT_PRODUCTS_IMAGE")
    ]
    assert (
        gallery[0].sort_order == ProductMedia.objects.get(pk=gallery[0].pk).sort_order
    )


def test_media_delete_removes_the_row_and_then_the_file(
    merchandiser_api, gallery, media_root, django_capture_on_commit_callbacks
):
    front, back = gallery
    path = media_root / front.image.name

    with django_capture_on_commit_callbacks(execute=True):
        result = merchandiser_api(
            dashboard_document("ProductMediaDelete"), {"id": global_id(front)}
        )

    assert result["data"]["productMediaDelete"]["errors"] == []
    assert list(ProductMedia.objects.values_list("alt", "sort_order")) == [
        ("back.png", 0)
    ]
    assert not path.exists()


def test_media_bulk_delete_empties_the_gallery(merchandiser_api, gallery):
    result = merchandiser_api(
        dashboard_document("ProductMediaBulkDelete"),
        {"ids": [global_id(media) for media in gallery]},
    )

    assert result["data"]["productMediaBulkDelete"]["errors"] == []
    assert not ProductMedia.objects.exists()


def test_variant_media_assign_and_unassign(
    merchandiser_api, gallery, published_product
):
    variant = published_product.variants.get()
    ids = {"variantId": global_id(variant), "mediaId": global_id(gallery[1])}

    assigned = merchandiser_api(dashboard_document("VariantMediaAssign"), ids)
    again = merchandiser_api(dashboard_document("VariantMediaAssign"), ids)

    payload = assigned["data"]["variantMediaAssign"]
    assert payload["errors"] == []
    assert [m["alt"] for m in payload["productVariant"]["media"]] == ["back.png"]
    assert [e["code"] for e in again["data"]["variantMediaAssign"]["errors"]] == [
        "MEDIA_ALREADY_ASSIGNED"
    ]
    unassigned = merchandiser_api(dashboard_document("VariantMediaUnassign"), ids)
    assert unassigned["data"]["variantMediaUnassign"]["productVariant"]["media"] == []

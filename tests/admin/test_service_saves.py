"""Product types and warehouses saved in the admin go through their services."""

import pytest

from backend.attribute.models import AttributeProduct, AttributeVariant
from backend.product.models import ProductType
from backend.shipping.promise_rules import promise_rules_get
from backend.warehouse.models import Warehouse
from tests import factories

from .conftest import inline_management

pytestmark = pytest.mark.django_db


def _product_type_form(product_type=None, **fields) -> dict:
    return {
        "name": "Chairs",
        "slug": "chairs",
        "kind": "normal",
        "has_variants": "on",
        "is_shipping_required": "on",
        "weight_grams": "",
        "_save": "Save",
        **inline_management("attributeproduct", total=0),
        **inline_management("attributevariant", total=0),
        **fields,
    }


def test_product_type_with_an_attribute_both_on_product_and_variant_is_a_form_error(
    merch_client,
):
    colour = factories.AttributeFactory(name="Colour")
    data = _product_type_form(
        **inline_management("attributeproduct", total=1),
        **{"attributeproduct-0-attribute": colour.pk},
        **inline_management("attributevariant", total=1),
        **{"attributevariant-0-attribute": colour.pk},
    )

    response = merch_client.post("/admin/product/producttype/add/", data)

    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "variantAttributes: An attribute cannot be both a product and a variant "
        "attribute." in page
    )
    assert 'value="Chairs"' in page
    assert not ProductType.objects.filter(slug="chairs").exists()
    assert not AttributeProduct.objects.exists()


def test_product_type_saved_bulky_is_seen_by_the_delivery_promise(
    merch_client, channel, django_capture_on_commit_callbacks
):
    product_type = factories.ProductTypeFactory(name="Sofas", slug="sofas")
    size = factories.AttributeFactory(name="Size")
    assert not promise_rules_get(channel_slug=channel.slug).is_bulky(product_type.pk)
    data = _product_type_form(
        name="Sofas",
        slug="sofas",
        is_bulky="on",
        **inline_management("attributevariant", total=1),
        **{
            "attributevariant-0-attribute": size.pk,
            "attributevariant-0-variant_selection": "on",
        },
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = merch_client.post(
            f"/admin/product/producttype/{product_type.pk}/change/", data
        )

    assert response.status_code == 302
    assert promise_rules_get(channel_slug=channel.slug).is_bulky(product_type.pk)
    link = AttributeVariant.objects.get(product_type=product_type)
    assert (link.attribute, link.variant_selection) == (size, True)


def _warehouse_form(warehouse, **fields) -> dict:
    address = warehouse.address
    return {
        "name": warehouse.name,
        "slug": warehouse.slug,
        "company_name": warehouse.company_name,
        "email": warehouse.email,
        "click_and_collect_option": warehouse.click_and_collect_option,
        "street_address_1": address.street_address_1,
        "street_address_2": address.street_address_2,
        "city": address.city,
        "postal_code": address.postal_code,
        "country": str(address.country),
        "country_area": address.country_area,
        "phone": "",
        "_save": "Save",
        **inline_management("channelwarehouse", total=0),
        **inline_management("stock", total=0),
        **fields,
    }


def test_warehouse_postal_code_outside_its_state_is_a_form_error(
    merch_client, warehouse
):
    data = _warehouse_form(warehouse, name="Reno North", postal_code="10001")

    response = merch_client.post(
        f"/admin/warehouse/warehouse/{warehouse.pk}/change/", data
    )

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["postal_code"] == ["This value is invalid."]
    warehouse.refresh_from_db()
    assert warehouse.name != "Reno North"
    assert warehouse.address.postal_code == "89501"


def test_warehouse_saved_in_the_admin_gets_its_address_normalised(
    merch_client, warehouse
):
    data = _warehouse_form(warehouse, name="Reno North", city="reno")

    response = merch_client.post(
        f"/admin/warehouse/warehouse/{warehouse.pk}/change/", data
    )

    assert response.status_code == 302
    warehouse = Warehouse.objects.select_related("address").get(pk=warehouse.pk)
    assert (warehouse.name, warehouse.address.city) == ("Reno North", "RENO")

"""Categories, collections, attributes, menus and warehouses in the admin."""

import pytest
from django.contrib.auth.models import Permission

from backend.attribute.models import Attribute, AttributeValue
from backend.menu.models import Menu
from backend.product.models import Category, CollectionChannelListing
from backend.warehouse.models import Warehouse
from tests import factories

from .conftest import inline_management

pytestmark = pytest.mark.django_db


def test_category_is_created_under_a_parent_in_the_tree(merch_client):
    root = factories.CategoryFactory(name="Heat")

    response = merch_client.post(
        "/admin/product/category/add/",
        {
            "name": "Gel packs",
            "slug": "",
            "parent": root.pk,
            "_save": "Save",
            **inline_management("translations", total=0),
        },
    )

    assert response.status_code == 302
    child = Category.objects.get(name="Gel packs")
    assert child.slug == "gel-packs"
    assert child.parent == root
    root.refresh_from_db()
    assert list(root.get_descendants()) == [child]


def test_category_changelist_indents_children(merch_client):
    root = factories.CategoryFactory(name="Heat")
    factories.CategoryFactory(name="Gel packs", parent=root)

    response = merch_client.get("/admin/product/category/")

    html = response.content.decode()
    assert response.status_code == 200
    assert 'style="padding-left:8px"><a href="/admin/product/category/' in html
    assert 'style="padding-left:28px"><a href="/admin/product/category/' in html
    assert html.index(">Heat</a>") < html.index(">Gel packs</a>")


def test_collection_gets_products_through_the_service(merch_client, channel):
    collection = factories.CollectionFactory(name="Sciatica relief")
    strap, roller = factories.ProductFactory(), factories.ProductFactory()
    data = {
        "name": collection.name,
        "slug": collection.slug,
        "_save": "Save",
        **inline_management("channel_listings", total=1),
        "channel_listings-0-channel": channel.pk,
        "channel_listings-0-is_published": "on",
        **inline_management("collectionproduct", total=2),
        "collectionproduct-0-product": strap.pk,
        "collectionproduct-1-product": roller.pk,
        **inline_management("translations", total=0),
    }

    response = merch_client.post(
        f"/admin/product/collection/{collection.pk}/change/", data
    )

    assert response.status_code == 302
    rows = collection.collectionproduct.order_by("sort_order")
    assert [(row.product, row.sort_order) for row in rows] == [(strap, 0), (roller, 1)]
    listing = CollectionChannelListing.objects.get(collection=collection)
    assert listing.is_published and listing.published_at is not None


def test_product_autocomplete_finds_products_for_the_collection_form(merch_client):
    factories.ProductFactory(name="Lumbar cushion")
    factories.ProductFactory(name="Foam roller")

    response = merch_client.get(
        "/admin/autocomplete/",
        {
            "term": "lumbar",
            "app_label": "product",
            "model_name": "collectionproduct",
            "field_name": "product",
        },
    )

    assert response.status_code == 200
    assert [item["text"] for item in response.json()["results"]] == ["Lumbar cushion"]


def test_autocomplete_is_refused_without_the_code(ops_client):
    factories.ProductFactory(name="Lumbar cushion")

    response = ops_client.get(
        "/admin/autocomplete/",
        {
            "term": "lumbar",
            "app_label": "product",
            "model_name": "collectionproduct",
            "field_name": "product",
        },
    )

    assert response.status_code == 403


def test_attribute_is_created_with_values(merch_client):
    data = {
        "name": "Therapy",
        "slug": "therapy",
        "type": "product-type",
        "input_type": "dropdown",
        "storefront_search_position": "0",
        "visible_in_storefront": "on",
        "_save": "Save",
        **inline_management("values", total=2),
        "values-0-name": "Heat",
        "values-1-name": "Cold",
    }

    response = merch_client.post("/admin/attribute/attribute/add/", data)

    assert response.status_code == 302
    attribute = Attribute.objects.get(slug="therapy")
    values = AttributeValue.objects.filter(attribute=attribute).order_by("sort_order")
    assert [(v.name, v.slug, v.sort_order) for v in values] == [
        ("Heat", "heat", 0),
        ("Cold", "cold", 1),
    ]


def test_page_attribute_cannot_be_changed_with_product_type_code(client):
    user = factories.UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="core",
            codename="manage_product_types_and_attributes",
        )
    )
    client.force_login(user)
    attribute = factories.AttributeFactory(type="page-type", name="Topic")

    response = client.post(
        f"/admin/attribute/attribute/{attribute.pk}/change/", {"name": "Changed"}
    )

    assert response.status_code == 403
    attribute.refresh_from_db()
    assert attribute.name == "Topic"


def test_menu_is_created_with_items_linking_one_thing_each(merch_client):
    category = factories.CategoryFactory(name="Heat")
    data = {
        "name": "Footer",
        "slug": "footer",
        "_save": "Save",
        **inline_management("items", total=2),
        "items-0-name": "Heat packs",
        "items-0-category": category.pk,
        "items-1-name": "Blog",
        "items-1-url": "https://example.com/blog",
    }

    response = merch_client.post("/admin/menu/menu/add/", data)

    assert response.status_code == 302
    menu = Menu.objects.get(slug="footer")
    assert [(i.name, i.category, i.url, i.sort_order) for i in menu.items.all()] == [
        ("Heat packs", category, None, 0),
        ("Blog", None, "https://example.com/blog", 1),
    ]


def test_menu_item_with_two_links_is_a_form_error(merch_client):
    category = factories.CategoryFactory()
    data = {
        "name": "Footer",
        "slug": "footer",
        "_save": "Save",
        **inline_management("items", total=1),
        "items-0-name": "Both",
        "items-0-category": category.pk,
        "items-0-url": "https://example.com/",
    }

    response = merch_client.post("/admin/menu/menu/add/", data)

    assert response.status_code == 200
    assert "More than one item provided" in response.content.decode()
    assert not Menu.objects.filter(slug="footer").exists()


def test_warehouse_is_created_with_its_address(merch_client, channel):
    data = {
        "name": "Reno NV",
        "slug": "reno-nv",
        "company_name": "Lumbar",
        "email": "",
        "is_private": "on",
        "click_and_collect_option": "disabled",
        "street_address_1": "1 Sierra St",
        "city": "Reno",
        "postal_code": "89501",
        "country": "US",
        "country_area": "NV",
        "_save": "Save",
        **inline_management("channelwarehouse", total=1),
        "channelwarehouse-0-channel": channel.pk,
        "channelwarehouse-0-sort_order": "0",
        **inline_management("stock", total=0),
    }

    response = merch_client.post("/admin/warehouse/warehouse/add/", data)

    assert response.status_code == 302
    warehouse = Warehouse.objects.get(slug="reno-nv")
    # Saved through warehouse_create: the address is normalised for its country.
    assert (warehouse.address.city, warehouse.address.postal_code) == (
        "RENO",
        "89501",
    )
    assert list(warehouse.channels.all()) == [channel]


def test_service_refusal_after_form_checks_shows_message_and_saves_nothing(
    merch_client,
):
    data = {
        "name": "Therapy",
        "slug": "therapy",
        "type": "product-type",
        "input_type": "dropdown",
        "storefront_search_position": "0",
        "_save": "Save",
        **inline_management("values", total=2),
        "values-0-name": "Heat",
        "values-1-name": "heat",
    }

    response = merch_client.post("/admin/attribute/attribute/add/", data, follow=True)

    messages = [str(message) for message in response.context["messages"]]
    assert response.status_code == 200
    assert messages == ["name: Attribute value with this name already exists."]
    assert not Attribute.objects.filter(slug="therapy").exists()
    assert not AttributeValue.objects.filter(slug="heat").exists()


def test_variant_changelist_filters_by_warehouse(merch_client, channel, warehouse):
    reno = factories.WarehouseFactory(name="Reno NV", channels=[channel])
    in_reno = factories.StockFactory(warehouse=reno).product_variant
    factories.StockFactory(warehouse=warehouse)

    response = merch_client.get(
        "/admin/product/productvariant/", {"stocks__warehouse__id__exact": reno.pk}
    )

    assert list(response.context["cl"].result_list) == [in_reno]

"""factory_boy factories for the catalog; no fixed ids anywhere."""

from decimal import Decimal

import factory
from django.utils import timezone

from backend.account.models import Address, User
from backend.attribute.models import (
    AssignedProductAttributeValue,
    AssignedVariantAttributeValue,
    Attribute,
    AttributeInputType,
    AttributeProduct,
    AttributeType,
    AttributeValue,
    AttributeVariant,
)
from backend.channel.models import Channel
from backend.menu.models import Menu, MenuItem
from backend.page.models import Page, PageType
from backend.page.services.search import page_search_vector_update
from backend.product.models import (
    Category,
    Collection,
    CollectionChannelListing,
    CollectionProduct,
    Product,
    ProductChannelListing,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
)
from backend.product.services.search import product_search_vector_update
from backend.warehouse.models import ChannelWarehouse, Stock, Warehouse


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Channel
        django_get_or_create = ("slug",)

    name = "Default channel"
    slug = "default-channel"
    currency_code = "USD"
    default_country = "US"
    is_active = True


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    password = factory.PostGenerationMethodCall("set_password", "Secret-pass-123")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class AddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Address

    first_name = "Ada"
    last_name = "Lovelace"
    street_address_1 = "1 Main St"
    city = "RENO"
    postal_code = "89501"
    country = "US"
    country_area = "NV"


class WarehouseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Warehouse
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Warehouse {n}")
    slug = factory.Sequence(lambda n: f"warehouse-{n}")
    address = factory.SubFactory(AddressFactory)

    @factory.post_generation
    def channels(obj, create, extracted, **kwargs):
        if create:
            for channel in extracted or []:
                ChannelWarehouse.objects.get_or_create(channel=channel, warehouse=obj)


class ProductTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductType

    name = factory.Sequence(lambda n: f"Type {n}")
    slug = factory.Sequence(lambda n: f"type-{n}")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product
        skip_postgeneration_save = True

    product_type = factory.SubFactory(ProductTypeFactory)
    category = factory.SubFactory(CategoryFactory)
    name = factory.Sequence(lambda n: f"Product {n}")
    slug = factory.Sequence(lambda n: f"product-{n}")
    description_plaintext = "A product."

    # Searchable as soon as it exists, as the product services make it.
    @factory.post_generation
    def index_for_search(obj, create, extracted, **kwargs):
        if create:
            product_search_vector_update(product_ids=[obj.pk])


class ProductChannelListingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductChannelListing

    product = factory.SubFactory(ProductFactory)
    channel = factory.SubFactory(ChannelFactory)
    currency = "USD"
    is_published = True
    published_at = factory.LazyFunction(timezone.now)
    visible_in_listings = True
    available_for_purchase_at = factory.LazyFunction(timezone.now)


class ProductVariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductVariant
        skip_postgeneration_save = True

    product = factory.SubFactory(ProductFactory)
    sku = factory.Sequence(lambda n: f"SKU-{n:05d}")
    name = factory.Sequence(lambda n: f"Variant {n}")

    @factory.post_generation
    def index_for_search(obj, create, extracted, **kwargs):
        if create:
            product_search_vector_update(product_ids=[obj.product_id])


class ProductVariantChannelListingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductVariantChannelListing

    variant = factory.SubFactory(ProductVariantFactory)
    channel = factory.SubFactory(ChannelFactory)
    currency = "USD"
    price_amount = Decimal("19.99")
    cost_price_amount = Decimal("7.50")


class StockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stock

    product_variant = factory.SubFactory(ProductVariantFactory)
    warehouse = factory.SubFactory(WarehouseFactory)
    quantity = 10


class CollectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collection

    name = factory.Sequence(lambda n: f"Collection {n}")
    slug = factory.Sequence(lambda n: f"collection-{n}")


class CollectionChannelListingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CollectionChannelListing

    collection = factory.SubFactory(CollectionFactory)
    channel = factory.SubFactory(ChannelFactory)
    is_published = True


class CollectionProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CollectionProduct

    collection = factory.SubFactory(CollectionFactory)
    product = factory.SubFactory(ProductFactory)


class AttributeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attribute

    name = factory.Sequence(lambda n: f"Attribute {n}")
    slug = factory.Sequence(lambda n: f"attribute-{n}")
    type = AttributeType.PRODUCT_TYPE
    input_type = AttributeInputType.DROPDOWN


class AttributeValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttributeValue

    attribute = factory.SubFactory(AttributeFactory)
    name = factory.Sequence(lambda n: f"Value {n}")
    slug = factory.Sequence(lambda n: f"value-{n}")


class AttributeProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttributeProduct

    attribute = factory.SubFactory(AttributeFactory)
    product_type = factory.SubFactory(ProductTypeFactory)


class AttributeVariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttributeVariant

    attribute = factory.SubFactory(AttributeFactory)
    product_type = factory.SubFactory(ProductTypeFactory)
    variant_selection = True


class AssignedProductAttributeValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssignedProductAttributeValue
        skip_postgeneration_save = True

    value = factory.SubFactory(AttributeValueFactory)
    product = factory.SubFactory(ProductFactory)

    @factory.post_generation
    def index_for_search(obj, create, extracted, **kwargs):
        if create:
            product_search_vector_update(product_ids=[obj.product_id])


class AssignedVariantAttributeValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssignedVariantAttributeValue
        skip_postgeneration_save = True

    value = factory.SubFactory(AttributeValueFactory)
    variant = factory.SubFactory(ProductVariantFactory)

    @factory.post_generation
    def index_for_search(obj, create, extracted, **kwargs):
        if create:
            product_search_vector_update(product_ids=[obj.variant.product_id])


class PageTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PageType

    name = factory.Sequence(lambda n: f"Page type {n}")
    slug = factory.Sequence(lambda n: f"page-type-{n}")


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page
        skip_postgeneration_save = True

    page_type = factory.SubFactory(PageTypeFactory)
    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    is_published = True

    @factory.post_generation
    def index_for_search(obj, create, extracted, **kwargs):
        if create:
            page_search_vector_update(page_ids=[obj.pk])


class MenuFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Menu

    name = factory.Sequence(lambda n: f"Menu {n}")
    slug = factory.Sequence(lambda n: f"menu-{n}")


class MenuItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MenuItem

    menu = factory.SubFactory(MenuFactory)
    name = factory.Sequence(lambda n: f"Item {n}")


# Checkout, shipping and orders.

from backend.checkout.models import Checkout, CheckoutLine  # noqa: E402
from backend.shipping.models import (  # noqa: E402
    ShippingMethod,
    ShippingMethodChannelListing,
    ShippingZone,
)


class ShippingZoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShippingZone
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Zone {n}")
    countries = ["US"]

    @factory.post_generation
    def channels(obj, create, extracted, **kwargs):
        if create:
            obj.channels.add(*(extracted or []))


class ShippingMethodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShippingMethod

    name = factory.Sequence(lambda n: f"Ground {n}")
    shipping_zone = factory.SubFactory(ShippingZoneFactory)
    minimum_delivery_days = 1
    maximum_delivery_days = 2


class ShippingMethodChannelListingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShippingMethodChannelListing

    shipping_method = factory.SubFactory(ShippingMethodFactory)
    channel = factory.SubFactory(ChannelFactory)
    currency = "USD"
    price_amount = Decimal("5.00")


class CheckoutFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Checkout

    channel = factory.SubFactory(ChannelFactory)
    currency = "USD"
    email = factory.Sequence(lambda n: f"buyer{n}@example.com")


class CheckoutLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckoutLine

    checkout = factory.SubFactory(CheckoutFactory)
    variant = factory.SubFactory(ProductVariantFactory)
    quantity = 1

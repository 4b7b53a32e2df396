"""The Mutation root, combined from every domain's mutations."""

import graphene

from .account.schema import AccountMutations
from .attribute.mutations.attributes import (
    AttributeCreate,
    AttributeUpdate,
    AttributeValueCreate,
)
from .attribute.mutations.translations import (
    AttributeTranslate,
    AttributeValueTranslate,
)
from .checkout.schema import CheckoutMutations
from .menu.mutations.menus import MenuCreate, MenuItemCreate, MenuItemUpdate
from .meta.mutations.metadata import UpdateMetadata, UpdatePrivateMetadata
from .order.schema import OrderMutations
from .page.schema import PageMutations
from .payment.schema import PaymentMutations
from .product.mutation_fields import ProductMutations
from .product.mutations.categories import CategoryCreate, CategoryDelete, CategoryUpdate
from .product.mutations.channel_listings import (
    ProductChannelListingUpdate,
    ProductVariantChannelListingUpdate,
)
from .product.mutations.collections import (
    CollectionAddProducts,
    CollectionChannelListingUpdate,
    CollectionCreate,
    CollectionRemoveProducts,
    CollectionUpdate,
)
from .product.mutations.media import ProductMediaCreate
from .product.mutations.products import ProductCreate, ProductDelete, ProductUpdate
from .product.mutations.translations import (
    CategoryTranslate,
    CollectionTranslate,
    ProductTranslate,
    ProductVariantTranslate,
)
from .product.mutations.variants import (
    ProductVariantCreate,
    ProductVariantDelete,
    ProductVariantUpdate,
)
from .shipping.schema import ShippingMutations
from .warehouse.mutations.stocks import ProductVariantStocksUpdate
from .warehouse.mutations.warehouses import (
    WarehouseCreate,
    WarehouseDelete,
    WarehouseUpdate,
)


class CatalogMutations(graphene.ObjectType):
    product_create = ProductCreate.Field()
    product_update = ProductUpdate.Field()
    product_delete = ProductDelete.Field()
    product_variant_create = ProductVariantCreate.Field()
    product_variant_update = ProductVariantUpdate.Field()
    product_variant_delete = ProductVariantDelete.Field()
    product_channel_listing_update = ProductChannelListingUpdate.Field()
    product_variant_channel_listing_update = ProductVariantChannelListingUpdate.Field()
    product_variant_stocks_update = ProductVariantStocksUpdate.Field()
    create_warehouse = WarehouseCreate.Field()
    update_warehouse = WarehouseUpdate.Field()
    delete_warehouse = WarehouseDelete.Field()
    product_media_create = ProductMediaCreate.Field()
    category_create = CategoryCreate.Field()
    category_update = CategoryUpdate.Field()
    category_delete = CategoryDelete.Field()
    collection_create = CollectionCreate.Field()
    collection_update = CollectionUpdate.Field()
    collection_add_products = CollectionAddProducts.Field()
    collection_remove_products = CollectionRemoveProducts.Field()
    collection_channel_listing_update = CollectionChannelListingUpdate.Field()
    attribute_create = AttributeCreate.Field()
    attribute_update = AttributeUpdate.Field()
    attribute_value_create = AttributeValueCreate.Field()
    menu_create = MenuCreate.Field()
    menu_item_create = MenuItemCreate.Field()
    menu_item_update = MenuItemUpdate.Field()
    product_translate = ProductTranslate.Field()
    product_variant_translate = ProductVariantTranslate.Field()
    category_translate = CategoryTranslate.Field()
    collection_translate = CollectionTranslate.Field()
    attribute_translate = AttributeTranslate.Field()
    attribute_value_translate = AttributeValueTranslate.Field()
    update_metadata = UpdateMetadata.Field()
    update_private_metadata = UpdatePrivateMetadata.Field()


class Mutation(
    CatalogMutations,
    ProductMutations,
    PageMutations,
    CheckoutMutations,
    PaymentMutations,
    OrderMutations,
    ShippingMutations,
    AccountMutations,
    graphene.ObjectType,
):
    """Every mutation of the API; other domains add their mixins here."""

"""The product domain's object types (Saleor's names)."""

from .categories import (
    Category,
    CategoryCountableConnection,
    Collection,
    CollectionChannelListing,
    CollectionCountableConnection,
    ProductType,
)
from .channel_listings import ProductChannelListing
from .media import ProductImage, ProductMedia
from .pricing import ProductPricingInfo, VariantPricingInfo
from .products import Product, ProductCountableConnection
from .translations import (
    CategoryTranslation,
    CollectionTranslation,
    ProductTranslation,
    ProductVariantTranslation,
)
from .variants import (
    ProductVariant,
    ProductVariantChannelListing,
    ProductVariantCountableConnection,
)

__all__ = [
    "Category",
    "CategoryCountableConnection",
    "CategoryTranslation",
    "Collection",
    "CollectionChannelListing",
    "CollectionCountableConnection",
    "CollectionTranslation",
    "Product",
    "ProductChannelListing",
    "ProductCountableConnection",
    "ProductImage",
    "ProductMedia",
    "ProductPricingInfo",
    "ProductTranslation",
    "ProductType",
    "ProductVariant",
    "ProductVariantChannelListing",
    "ProductVariantCountableConnection",
    "ProductVariantTranslation",
    "VariantPricingInfo",
]

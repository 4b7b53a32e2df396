"""Catalog writes, one module per entity; import the verbs from here."""

from .categories import category_create, category_delete, category_update
from .channel_listings import (
    product_channel_listing_update,
    product_discounted_prices_update,
    product_variant_channel_listing_update,
)
from .collections import (
    collection_add_products,
    collection_channel_listing_update,
    collection_create,
    collection_remove_products,
    collection_update,
)
from .media import (
    product_media_bulk_delete,
    product_media_create,
    product_media_delete,
    product_media_reorder,
    product_media_update,
    variant_media_assign,
    variant_media_unassign,
)
from .products import (
    product_create,
    product_delete,
    product_update,
    products_bulk_delete,
)
from .search import product_search_vector_update, products_search_vector_rebuild
from .translations import (
    category_translate,
    collection_translate,
    product_translate,
    product_variant_translate,
)
from .variants import (
    product_variant_create,
    product_variant_delete,
    product_variant_reorder,
    product_variant_set_default,
    product_variant_update,
    product_variants_bulk_delete,
)

__all__ = [
    "category_create",
    "category_delete",
    "category_translate",
    "category_update",
    "collection_add_products",
    "collection_channel_listing_update",
    "collection_create",
    "collection_remove_products",
    "collection_translate",
    "collection_update",
    "product_channel_listing_update",
    "product_create",
    "product_delete",
    "product_discounted_prices_update",
    "product_media_bulk_delete",
    "product_media_create",
    "product_media_delete",
    "product_media_reorder",
    "product_media_update",
    "product_search_vector_update",
    "product_translate",
    "product_update",
    "product_variant_reorder",
    "product_variant_set_default",
    "product_variants_bulk_delete",
    "products_bulk_delete",
    "product_variant_channel_listing_update",
    "product_variant_create",
    "product_variant_delete",
    "products_search_vector_rebuild",
    "variant_media_assign",
    "variant_media_unassign",
    "product_variant_translate",
    "product_variant_update",
]

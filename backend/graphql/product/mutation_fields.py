"""The catalog mutations the staff dashboard's product screens send."""

import graphene

from ..warehouse.mutations.stocks import (
    ProductVariantStocksCreate,
    ProductVariantStocksDelete,
)
from .mutations.media import (
    ProductMediaBulkDelete,
    ProductMediaDelete,
    ProductMediaReorder,
    ProductMediaUpdate,
    VariantMediaAssign,
    VariantMediaUnassign,
)
from .mutations.product_types import (
    ProductTypeBulkDelete,
    ProductTypeCreate,
    ProductTypeDelete,
    ProductTypeUpdate,
)
from .mutations.products import ProductBulkDelete
from .mutations.variant_bulk_create import ProductVariantBulkCreate
from .mutations.variant_bulk_update import ProductVariantBulkUpdate
from .mutations.variants import (
    ProductVariantBulkDelete,
    ProductVariantReorder,
    ProductVariantSetDefault,
)


class ProductMutations(graphene.ObjectType):
    product_bulk_delete = ProductBulkDelete.Field()
    product_media_update = ProductMediaUpdate.Field()
    product_media_delete = ProductMediaDelete.Field()
    product_media_bulk_delete = ProductMediaBulkDelete.Field()
    product_media_reorder = ProductMediaReorder.Field()
    product_variant_bulk_delete = ProductVariantBulkDelete.Field()
    product_variant_bulk_create = ProductVariantBulkCreate.Field()
    product_variant_bulk_update = ProductVariantBulkUpdate.Field()
    product_variant_reorder = ProductVariantReorder.Field()
    product_variant_set_default = ProductVariantSetDefault.Field()
    product_variant_stocks_create = ProductVariantStocksCreate.Field()
    product_variant_stocks_delete = ProductVariantStocksDelete.Field()
    variant_media_assign = VariantMediaAssign.Field()
    variant_media_unassign = VariantMediaUnassign.Field()
    product_type_create = ProductTypeCreate.Field()
    product_type_update = ProductTypeUpdate.Field()
    product_type_delete = ProductTypeDelete.Field()
    product_type_bulk_delete = ProductTypeBulkDelete.Field()

"""Saleor's ReferenceType: the product or page types a reference narrows to."""

import graphene

from ..page.types import PageType
from ..product.types.categories import ProductType


class ReferenceType(graphene.Union):
    class Meta:
        types = (ProductType, PageType)
        description = (
            "The reference types (product or page type) that are used to narrow "
            "down the choices of reference objects.\nProductType applicable for "
            "reference attribute with `PRODUCT` or `PRODUCT_VARIANT` entity type."
            "\nPageType applicable for reference attribute with `PAGE` entity type."
        )

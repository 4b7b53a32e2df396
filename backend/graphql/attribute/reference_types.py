"""ReferenceType: the types a reference attribute may be limited to."""

import graphene

from ..page.types import PageType
from ..product.types.categories import ProductType


class ReferenceType(graphene.Union):
    class Meta:
        description = (
            "The reference types (product or page type) that are used to narrow "
            "down the choices of reference objects."
        )
        types = (ProductType, PageType)

"""Attribute enums; values are the forms the models store.

``core.shared_enums.shared_enum`` finds these by name, so queries and
mutations use the same enum objects.
"""

import graphene

from backend.attribute.models import AttributeEntityType, AttributeInputType

from ..core.shared_enums import FALLBACK_MEMBERS

AttributeInputTypeEnum = graphene.Enum(
    "AttributeInputTypeEnum",
    [(choice.name, choice.value) for choice in AttributeInputType],
)
AttributeEntityTypeEnum = graphene.Enum(
    "AttributeEntityTypeEnum",
    [(choice.name, choice.value) for choice in AttributeEntityType],
)
AttributeTypeEnum = graphene.Enum(
    "AttributeTypeEnum",
    [
        ("PRODUCT_TYPE", "product-type"),
        ("PAGE_TYPE", "page-type"),
        ("CUSTOMER_TYPE", "customer-type"),
    ],
)
MeasurementUnitsEnum = graphene.Enum(
    "MeasurementUnitsEnum",
    [(name, name.lower()) for name in FALLBACK_MEMBERS["MeasurementUnitsEnum"]],
)


class VariantAttributeScope(graphene.Enum):
    ALL = "all"
    VARIANT_SELECTION = "variant_selection"
    NOT_VARIANT_SELECTION = "not_variant_selection"


class AttributeSortField(graphene.Enum):
    NAME = ["name", "slug"]
    SLUG = ["slug"]
    VALUE_REQUIRED = ["value_required", "name", "slug"]
    IS_VARIANT_ONLY = ["is_variant_only", "name", "slug"]
    VISIBLE_IN_STOREFRONT = ["visible_in_storefront", "name", "slug"]
    FILTERABLE_IN_STOREFRONT = ["filterable_in_storefront", "name", "slug"]
    FILTERABLE_IN_DASHBOARD = ["filterable_in_dashboard", "name", "slug"]
    STOREFRONT_SEARCH_POSITION = ["storefront_search_position", "name", "pk"]
    AVAILABLE_IN_GRID = ["available_in_grid", "name", "pk"]

    @property
    def description(self):
        return f"Sort attributes by {self.name.lower().replace('_', ' ')}."


class AttributeChoicesSortField(graphene.Enum):
    NAME = ["name", "slug"]
    SLUG = ["slug"]

    @property
    def description(self):
        return f"Sort attribute choice by {self.name.lower()}."

"""Attribute enums; values are the forms the models store.

Queries and mutations import these same objects: a schema holds one type
per name.
"""

import graphene

from backend.attribute.models import AttributeEntityType, AttributeInputType

MEASUREMENT_UNITS = (
    "MM CM DM M KM FT YD INCH SQ_MM SQ_CM SQ_DM SQ_M SQ_KM SQ_FT SQ_YD SQ_INCH "
    "CUBIC_MILLIMETER CUBIC_CENTIMETER CUBIC_DECIMETER CUBIC_METER LITER "
    "CUBIC_FOOT CUBIC_INCH CUBIC_YARD QT PINT FL_OZ ACRE_IN ACRE_FT G LB OZ KG "
    "TONNE"
).split()

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
    [(name, name.lower()) for name in MEASUREMENT_UNITS],
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

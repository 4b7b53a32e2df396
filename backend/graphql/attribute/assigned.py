"""The attributes an object carries: SelectedAttribute, ObjectWithAttributes.

Product, ProductVariant and Page types resolve their ``attributes``,
``attribute(slug)``, ``assignedAttribute(slug)`` and ``assignedAttributes``
with the functions at the end of this module; each loads through the
batch loaders of ``dataloaders.py``.
"""

import graphene
from graphql import GraphQLError

from backend.attribute.models import AttributeInputType
from backend.page.models import Page as PageModel
from backend.product.models import Product as ProductModel
from backend.product.models import ProductVariant as ProductVariantModel

from ..core.channel import ChannelContext, is_staff_reader
from ..core.inputs import PositiveInt
from .assigned_types import (
    ALL_ASSIGNED_TYPES,
    DEFAULT_LIMIT,
    AssignedAttribute,
    assigned_type_for,
)
from .dataloaders import (
    AttributeAssignment,
    PageAttributesByPageLoader,
    ProductAttributesByProductLoader,
    VariantAttributesByVariantIdLoader,
)
from .enums import VariantAttributeScope
from .types import Attribute, AttributeValue

__all__ = ["ALL_ASSIGNED_TYPES", "AssignedAttribute", "ObjectWithAttributes"]
LIMIT = {"limit": PositiveInt(default_value=DEFAULT_LIMIT)}
# Saleor lets a variant be chosen by these input types only.
VARIANT_SELECTION_INPUT_TYPES = {
    AttributeInputType.DROPDOWN,
    AttributeInputType.BOOLEAN,
    AttributeInputType.SWATCH,
    AttributeInputType.NUMERIC,
}


class SelectedAttribute(graphene.ObjectType):
    attribute = graphene.Field(
        Attribute,
        required=True,
        description="Name of an attribute displayed in the interface.",
    )
    values = graphene.List(
        graphene.NonNull(AttributeValue),
        required=True,
        description="Values of an attribute.",
    )

    class Meta:
        description = "Represents a custom attribute."


class ObjectWithAttributes(graphene.Interface):
    assigned_attribute = graphene.Field(
        AssignedAttribute,
        slug=graphene.String(required=True, description="Slug of the attribute"),
        description="Get a single attribute attached to the object by attribute slug.",
    )
    assigned_attributes = graphene.List(
        graphene.NonNull(AssignedAttribute),
        required=True,
        description="List of attributes assigned to the object.",
        **LIMIT,
    )

    @staticmethod
    def resolve_assigned_attribute(root, info, slug):
        return assigned_attribute(info, root, slug=slug)

    @staticmethod
    def resolve_assigned_attributes(root, info, limit=DEFAULT_LIMIT):
        return assigned_attributes(info, root, limit=limit)


def _node_and_channel(root):
    if isinstance(root, ChannelContext):
        return root.node, root.channel_slug
    return root, None


def _visible(info, assignments):
    if is_staff_reader(info):
        return assignments
    return [a for a in assignments if a.attribute.visible_in_storefront]


def attribute_assignments(info, root) -> list[AttributeAssignment]:
    """Return the attributes of a product, variant or page a reader may see."""
    node, channel_slug = _node_and_channel(root)
    if isinstance(node, ProductModel):
        loaded = ProductAttributesByProductLoader(info).load_for(
            root,
            lambda r: (
                _node_and_channel(r)[0].pk,
                _node_and_channel(r)[0].product_type_id,
            ),
        )
    elif isinstance(node, ProductVariantModel):
        loaded = VariantAttributesByVariantIdLoader(info).load_for(
            root, lambda r: _node_and_channel(r)[0].pk
        )
    elif isinstance(node, PageModel):
        loaded = PageAttributesByPageLoader(info).load_for(
            root,
            lambda r: (
                _node_and_channel(r)[0].pk,
                _node_and_channel(r)[0].page_type_id,
            ),
        )
    else:
        raise GraphQLError(f"{type(node).__name__} has no attributes.")
    return [
        AttributeAssignment(
            attribute=a.attribute,
            values=a.values,
            variant_selection=a.variant_selection,
            channel_slug=channel_slug,
        )
        for a in _visible(info, loaded)
    ]


def selected_attributes(info, root, *, variant_selection=None) -> list:
    """Resolve ``attributes`` (SelectedAttribute) of a product, variant or page.

    ``variant_selection`` is a VariantAttributeScope for variants.
    """
    assignments = attribute_assignments(info, root)
    scope = getattr(variant_selection, "value", variant_selection)
    if scope == VariantAttributeScope.VARIANT_SELECTION.value:
        assignments = [a for a in assignments if _selects_variant(a)]
    elif scope == VariantAttributeScope.NOT_VARIANT_SELECTION.value:
        assignments = [a for a in assignments if not _selects_variant(a)]
    return assignments


def _selects_variant(assignment) -> bool:
    return (
        assignment.variant_selection
        and assignment.attribute.input_type in VARIANT_SELECTION_INPUT_TYPES
    )


def selected_attribute(info, root, *, slug: str):
    """Resolve the deprecated ``attribute(slug)`` (SelectedAttribute)."""
    for assignment in attribute_assignments(info, root):
        if assignment.attribute.slug == slug:
            return assignment
    return None


def _typed_assignments(info, root) -> list:
    return [
        a for a in attribute_assignments(info, root) if assigned_type_for(a.attribute)
    ]


def assigned_attributes(info, root, *, limit=DEFAULT_LIMIT) -> list:
    """Resolve ``assignedAttributes(limit)``."""
    return _typed_assignments(info, root)[
        : limit if limit is not None else DEFAULT_LIMIT
    ]


def assigned_attribute(info, root, *, slug: str):
    """Resolve ``assignedAttribute(slug)``."""
    for assignment in _typed_assignments(info, root):
        if assignment.attribute.slug == slug:
            return assignment
    return None

"""Filter, where and sorting inputs of the attributes query."""

import graphene
from django.db.models import Exists, OuterRef, Q

from backend.attribute import models
from backend.attribute.models import CHOICE_INPUT_TYPES
from backend.product.models import CollectionProduct, Product

from ..core.enums import OrderDirection
from ..core.filter_inputs import MetadataFilter, StringFilterInput, filter_by_metadata
from ..core.ids import from_global_id_or_error, pks_from_global_ids
from ..core.inputs import sort_direction, string_filter_q
from .enums import (
    AttributeChoicesSortField,
    AttributeEntityTypeEnum,
    AttributeInputTypeEnum,
    AttributeSortField,
    AttributeTypeEnum,
    MeasurementUnitsEnum,
)


def _enum_filter_input(name, enum):
    return type(
        name,
        (graphene.InputObjectType,),
        {
            "eq": graphene.Field(enum, required=False),
            "one_of": graphene.List(graphene.NonNull(enum), required=False),
        },
    )


AttributeInputTypeEnumFilterInput = _enum_filter_input(
    "AttributeInputTypeEnumFilterInput", AttributeInputTypeEnum
)
AttributeEntityTypeEnumFilterInput = _enum_filter_input(
    "AttributeEntityTypeEnumFilterInput", AttributeEntityTypeEnum
)
AttributeTypeEnumFilterInput = _enum_filter_input(
    "AttributeTypeEnumFilterInput", AttributeTypeEnum
)
MeasurementUnitsEnumFilterInput = _enum_filter_input(
    "MeasurementUnitsEnumFilterInput", MeasurementUnitsEnum
)


class AttributeFilterInput(graphene.InputObjectType):
    value_required = graphene.Boolean()
    is_variant_only = graphene.Boolean()
    visible_in_storefront = graphene.Boolean()
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    search = graphene.String()
    ids = graphene.List(graphene.NonNull(graphene.ID))
    type = graphene.Field(AttributeTypeEnum)
    in_collection = graphene.ID()
    in_category = graphene.ID()
    slugs = graphene.List(graphene.NonNull(graphene.String))


class AttributeWhereInput(graphene.InputObjectType):
    metadata = graphene.List(graphene.NonNull(MetadataFilter))
    ids = graphene.List(graphene.NonNull(graphene.ID))
    name = StringFilterInput()
    slug = StringFilterInput()
    with_choices = graphene.Boolean()
    input_type = AttributeInputTypeEnumFilterInput()
    entity_type = AttributeEntityTypeEnumFilterInput()
    type = AttributeTypeEnumFilterInput()
    unit = MeasurementUnitsEnumFilterInput()
    in_collection = graphene.ID()
    in_category = graphene.ID()
    value_required = graphene.Boolean()
    visible_in_storefront = graphene.Boolean()
    AND = graphene.List(graphene.NonNull(lambda: AttributeWhereInput))
    OR = graphene.List(graphene.NonNull(lambda: AttributeWhereInput))


class AttributeSortingInput(graphene.InputObjectType):
    direction = graphene.Argument(
        OrderDirection,
        required=True,
        description="Specifies the direction in which to sort attributes.",
    )
    field = graphene.Argument(
        AttributeSortField,
        required=True,
        description="Sort attributes by the selected field.",
    )


def _value(member):
    return getattr(member, "value", member)


def _enum_q(field, value) -> Q:
    if not value:
        return Q()
    if value.get("eq") is not None:
        return Q(**{field: _value(value["eq"])})
    if value.get("one_of") is not None:
        return Q(**{f"{field}__in": [_value(member) for member in value["one_of"]]})
    return Q()


def _in_products_q(products) -> Q:
    """Attributes assigned to the types of these products (or their variants)."""
    type_ids = products.values("product_type_id")
    return Q(
        Exists(
            models.AttributeProduct.objects.filter(
                attribute_id=OuterRef("pk"), product_type_id__in=type_ids
            )
        )
    ) | Q(
        Exists(
            models.AttributeVariant.objects.filter(
                attribute_id=OuterRef("pk"), product_type_id__in=type_ids
            )
        )
    )


def _in_category_q(global_id) -> Q:
    pk = from_global_id_or_error(global_id, "Category")
    return _in_products_q(Product.objects.filter(category_id=pk))


def _in_collection_q(global_id) -> Q:
    pk = from_global_id_or_error(global_id, "Collection")
    product_ids = CollectionProduct.objects.filter(collection_id=pk).values(
        "product_id"
    )
    return _in_products_q(Product.objects.filter(pk__in=product_ids))


def _flag_q(data, *names) -> Q:
    q = Q()
    for name in names:
        if data.get(name) is not None:
            q &= Q(**{name: data[name]})
    return q


def filter_attributes(queryset, data):
    """Return attributes matching an AttributeFilterInput."""
    if not data:
        return queryset
    q = _flag_q(data, "value_required", "is_variant_only", "visible_in_storefront")
    if data.get("search"):
        q &= Q(name__icontains=data["search"]) | Q(slug__icontains=data["search"])
    if data.get("ids") is not None:
        q &= Q(pk__in=pks_from_global_ids(data["ids"], "Attribute"))
    if data.get("slugs") is not None:
        q &= Q(slug__in=data["slugs"])
    if data.get("type") is not None:
        q &= Q(type=_value(data["type"]))
    if data.get("in_category"):
        q &= _in_category_q(data["in_category"])
    if data.get("in_collection"):
        q &= _in_collection_q(data["in_collection"])
    return filter_by_metadata(queryset.filter(q), data.get("metadata"))


def where_q(data) -> Q:
    """Return the Q of an AttributeWhereInput (AND/OR nest)."""
    if not data:
        return Q()
    q = _flag_q(data, "value_required", "visible_in_storefront")
    if data.get("ids") is not None:
        q &= Q(pk__in=pks_from_global_ids(data["ids"], "Attribute"))
    q &= string_filter_q("name", data.get("name"))
    q &= string_filter_q("slug", data.get("slug"))
    q &= _enum_q("input_type", data.get("input_type"))
    q &= _enum_q("entity_type", data.get("entity_type"))
    q &= _enum_q("type", data.get("type"))
    q &= _enum_q("unit", data.get("unit"))
    if data.get("with_choices") is not None:
        choices = Q(input_type__in=CHOICE_INPUT_TYPES)
        q &= choices if data["with_choices"] else ~choices
    if data.get("in_category"):
        q &= _in_category_q(data["in_category"])
    if data.get("in_collection"):
        q &= _in_collection_q(data["in_collection"])
    for item in data.get("metadata") or []:
        if item.get("value") is None:
            q &= Q(metadata__has_key=item["key"])
        else:
            q &= Q(metadata__contains={item["key"]: item["value"]})
    for nested in data.get("AND") or []:
        q &= where_q(nested)
    if data.get("OR"):
        any_of = Q()
        for nested in data["OR"]:
            any_of |= where_q(nested)
        q &= any_of
    return q


def sort_attributes(queryset, sort_by):
    """Order attributes by an AttributeSortingInput (slug by default)."""
    if not sort_by:
        return queryset.order_by("storefront_search_position", "slug", "pk")
    prefix = sort_direction(sort_by)
    fields = _value(sort_by["field"])
    return queryset.order_by(*[prefix + name for name in fields], prefix + "pk")


class AttributeChoicesSortingInput(graphene.InputObjectType):
    direction = graphene.Argument(
        OrderDirection,
        required=True,
        description="Specifies the direction in which to sort choices.",
    )
    field = graphene.Argument(
        AttributeChoicesSortField,
        required=True,
        description="Sort choices by the selected field.",
    )


class AttributeValueFilterInput(graphene.InputObjectType):
    search = graphene.String()
    ids = graphene.List(graphene.NonNull(graphene.ID))
    slugs = graphene.List(graphene.NonNull(graphene.String))


class AttributeValueWhereInput(graphene.InputObjectType):
    ids = graphene.List(graphene.NonNull(graphene.ID))
    name = StringFilterInput()
    slug = StringFilterInput()
    AND = graphene.List(graphene.NonNull(lambda: AttributeValueWhereInput))
    OR = graphene.List(graphene.NonNull(lambda: AttributeValueWhereInput))


def choices_q(*, filter=None, where=None, search=None) -> Q:
    """Return the Q of the choices arguments (filter, where, search)."""
    q = Q()
    text = search or (filter or {}).get("search")
    if text:
        q &= Q(name__icontains=text) | Q(slug__icontains=text)
    for data in (filter, where):
        if data and data.get("ids") is not None:
            q &= Q(pk__in=pks_from_global_ids(data["ids"], "AttributeValue"))
    if filter and filter.get("slugs") is not None:
        q &= Q(slug__in=filter["slugs"])
    return q & _value_where_q(where)


def _value_where_q(data) -> Q:
    if not data:
        return Q()
    q = string_filter_q("name", data.get("name")) & string_filter_q(
        "slug", data.get("slug")
    )
    for nested in data.get("AND") or []:
        q &= choices_q(where=nested)
    if data.get("OR"):
        any_of = Q()
        for nested in data["OR"]:
            any_of |= choices_q(where=nested)
        q &= any_of
    return q


def sort_choices(queryset, sort_by):
    """Order an attribute's values by AttributeChoicesSortingInput."""
    if not sort_by:
        return queryset.order_by("sort_order", "pk")
    prefix = sort_direction(sort_by)
    fields = _value(sort_by["field"])
    return queryset.order_by(*[prefix + name for name in fields], prefix + "pk")

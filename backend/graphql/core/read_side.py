"""The read side's object types, as mutation payloads return them.

Payloads return the types the read side defines in
``backend/graphql/<domain>/types.py``. Until one exists, a minimal stand-in
from here is used (id, name and metadata only), so the mutations work and
the schema never holds two types of one name: a stand-in is built only when
the read side has no type of that name.

The product types (Product, ProductVariant, Collection) take a bare model
object or a ``ChannelContext``: a payload's bare object reads as Saleor's
``ChannelContext(node, channel_slug=None)`` does (no channel, so no
pricing); ``in_channel`` wraps one explicitly.
"""

import importlib
from functools import cache

import graphene
from graphene import relay
from graphene_django import DjangoObjectType

from backend.attribute import models as attribute_models
from backend.menu import models as menu_models
from backend.product import models as product_models

READ_SIDE = {
    "Product": "backend.graphql.product.types",
    "ProductVariant": "backend.graphql.product.types",
    "ProductMedia": "backend.graphql.product.types",
    "Category": "backend.graphql.product.types",
    "Collection": "backend.graphql.product.types",
    "Attribute": "backend.graphql.attribute.types",
    "AttributeValue": "backend.graphql.attribute.types",
    "Menu": "backend.graphql.menu.types",
    "MenuItem": "backend.graphql.menu.types",
    "ObjectWithMetadata": "backend.graphql.meta.types",
}
STAND_IN_MODELS = {
    "Product": (product_models.Product, ("id", "name", "slug")),
    "ProductVariant": (product_models.ProductVariant, ("id", "name", "sku")),
    "ProductMedia": (product_models.ProductMedia, ("id", "alt")),
    "Category": (product_models.Category, ("id", "name", "slug")),
    "Collection": (product_models.Collection, ("id", "name", "slug")),
    "Attribute": (attribute_models.Attribute, ("id", "name", "slug")),
    "AttributeValue": (attribute_models.AttributeValue, ("id", "name", "slug")),
    "Menu": (menu_models.Menu, ("id", "name", "slug")),
    "MenuItem": (menu_models.MenuItem, ("id", "name")),
}


class MetadataItem(graphene.ObjectType):
    key = graphene.String(required=True)
    value = graphene.String(required=True)


def _metadata_items(data):
    return [MetadataItem(key=key, value=value) for key, value in (data or {}).items()]


def _read_side(name: str):
    module_name = READ_SIDE[name]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        # Only a module not written yet falls back; a broken one must fail.
        if not module_name.startswith(error.name or "?"):
            raise
        return None
    return getattr(module, name, None)


@cache
def _stand_in_interface():
    class ObjectWithMetadata(graphene.Interface):
        metadata = graphene.List(graphene.NonNull(MetadataItem), required=True)
        private_metadata = graphene.List(graphene.NonNull(MetadataItem), required=True)

        def resolve_metadata(root, info):
            return _metadata_items(root.metadata)

        def resolve_private_metadata(root, info):
            return _metadata_items(root.private_metadata)

    return ObjectWithMetadata


@cache
def read_side_type(name: str):
    """Return the read side's type of this name, or a minimal stand-in."""
    found = _read_side(name)
    if found is not None:
        return found
    if name == "ObjectWithMetadata":
        return _stand_in_interface()
    model, fields = STAND_IN_MODELS[name]
    interfaces = [relay.Node]
    if hasattr(model, "private_metadata"):
        interfaces.append(read_side_type("ObjectWithMetadata"))
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "fields": fields,
            "interfaces": tuple(interfaces),
            "name": name,
        },
    )
    return type(f"{name}StandIn", (DjangoObjectType,), {"Meta": meta})


def payload_type(name: str):
    """Return a thunk graphene resolves to the payload type when it builds."""
    return lambda: read_side_type(name)


def in_channel(instance, channel_slug: str | None = None):
    """Return a payload object as the channel-aware read types expect it."""
    from .channel import ChannelContext

    if instance is None or isinstance(instance, ChannelContext):
        return instance
    return ChannelContext(node=instance, channel_slug=channel_slug)

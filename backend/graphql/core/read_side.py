"""The read side's object types, as mutation payloads return them.

Payloads return the types the read side defines in
``backend/graphql/<domain>/types.py``; they are looked up when graphene
builds the schema, because the read side imports the mutation modules'
neighbours and a direct import would be circular.

The product types (Product, ProductVariant, Collection) take a bare model
object or a ``ChannelContext``: a payload's bare object reads as Saleor's
``ChannelContext(node, channel_slug=None)`` does (no channel, so no
pricing); ``in_channel`` wraps one explicitly.
"""

import importlib

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


def read_side_type(name: str):
    """Return the read side's type of this name."""
    return getattr(importlib.import_module(READ_SIDE[name]), name)


def payload_type(name: str):
    """Return a thunk graphene resolves to the payload type when it builds."""
    return lambda: read_side_type(name)


def in_channel(instance, channel_slug: str | None = None):
    """Return a payload object as the channel-aware read types expect it."""
    from .channel import ChannelContext

    if instance is None or isinstance(instance, ChannelContext):
        return instance
    return ChannelContext(node=instance, channel_slug=channel_slug)

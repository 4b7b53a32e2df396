"""What the product types share: model-backed type checks and lookups of
types other packages define."""

import importlib
import importlib.util

import graphene
from graphene import relay

from backend.core.languages import language_code_from_enum
from backend.core.permissions import PermissionEnum

from ...core.channel import is_staff_reader, node_attr_resolver, node_of
from ...core.mutations import PermissionDenied
from ...core.shared_enums import member_name
from ...meta.types import ObjectWithMetadata


def _module_exists(module_name: str) -> bool:
    try:
        return importlib.util.find_spec(module_name) is not None
    except ModuleNotFoundError:
        return False


def other_type(module_name: str, name: str, fallback=None):
    """Return a thunk of a type another package defines.

    ``fallback`` (a callable building a type) serves while that package has
    no such type yet; the schema never holds two types of one name.
    """

    def thunk():
        found = None
        if _module_exists(module_name):
            found = getattr(importlib.import_module(module_name), name, None)
        if found is None and fallback is not None:
            found = fallback()
        if found is None:
            from ...core.read_side import read_side_type

            found = read_side_type(name)
        return found

    return thunk


def has_module(module_name: str) -> bool:
    """Return whether another package has written this module yet."""
    return _module_exists(module_name)


class ModelObjectType(graphene.ObjectType):
    """An object type whose roots are model objects, bare or in a channel."""

    class Meta:
        abstract = True

    model = None

    @classmethod
    def __init_subclass_with_meta__(cls, default_resolver=None, **options):
        # Plain fields read the model object, whether or not it is wrapped.
        super().__init_subclass_with_meta__(
            default_resolver=default_resolver or node_attr_resolver, **options
        )

    @classmethod
    def is_type_of(cls, root, info):
        return isinstance(node_of(root), cls.model)


NODE_INTERFACES = (relay.Node, ObjectWithMetadata)

ATTRIBUTE_TYPES = "backend.graphql.attribute.types"
SHOP_TYPES = "backend.graphql.shop.types"
CHANNEL_TYPES = "backend.graphql.channel.types"
WAREHOUSE_TYPES = "backend.graphql.warehouse.types"


def translation_language(language_code) -> str:
    """Return the stored language code of a LanguageCodeEnum argument."""
    return language_code_from_enum(member_name(language_code))


def thumbnail_size(size: int | None) -> int | None:
    """Return the size thumbnail_url takes: 4096 by default, None for 0."""
    if size is None:
        return 4096
    return size or None


MANAGE_PRODUCTS = (PermissionEnum.MANAGE_PRODUCTS,)


def require_manage_products(info) -> None:
    """Refuse a staff-only field unless the reader manages products."""
    if not is_staff_reader(info, MANAGE_PRODUCTS):
        raise PermissionDenied(MANAGE_PRODUCTS)

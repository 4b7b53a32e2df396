"""What the product types share: model-backed type checks and field helpers."""

import graphene
from graphene import relay

from backend.core.languages import language_code_from_enum
from backend.core.permissions import PermissionEnum

from ...core.channel import is_staff_reader, node_attr_resolver, node_of
from ...core.mutations import PermissionDenied
from ...core.shared_enums import member_name
from ...meta.types import ObjectWithMetadata


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

"""What every shipping mutation shares: id lookups and ShippingError payloads."""

from django.core.exceptions import ValidationError

from backend.channel.models import Channel
from backend.warehouse.models import Warehouse

from ...core.channel import ChannelContext
from ...core.errors import error_params
from ...core.ids import global_id
from ...core.mutations import BaseMutation, decode_global_id
from ..errors import ShippingError

# Saleor's dashboard sends ShippingMethodType ids; checkouts show the same
# methods as ShippingMethod.
METHOD_TYPE_NAMES = ("ShippingMethodType", "ShippingMethod")


def zone_pk(value: str, *, field: str = "id") -> int:
    return decode_global_id(value, type_names=("ShippingZone",), field_name=field)


def method_pk(value: str, *, field: str = "id") -> int:
    return decode_global_id(value, type_names=METHOD_TYPE_NAMES, field_name=field)


def pks(values, *, type_name: str, field: str) -> tuple[int, ...]:
    """Return the primary keys of a list of global ids of one type."""
    return tuple(
        decode_global_id(value, type_names=(type_name,), field_name=field)
        for value in values or ()
    )


def in_no_channel(instance):
    """Return a payload object as Saleor does: read outside any channel."""
    if instance is None:
        return None
    return ChannelContext(node=instance, channel_slug=None)


class ShippingMutation(BaseMutation):
    """A mutation answering with Saleor's ShippingError (and shippingErrors)."""

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(cls, **options):
        options.setdefault("error_type_class", ShippingError)
        options.setdefault("error_type_field", "shipping_errors")
        super().__init_subclass_with_meta__(**options)

    @classmethod
    def error_payload(cls, error: ValidationError):
        payload = super().error_payload(error)
        # The domain names channels and warehouses by pk; the API by global id.
        params = error_params(error)
        for item, extra in zip(payload.errors, params, strict=True):
            for name, model in (("channels", Channel), ("warehouses", Warehouse)):
                values = extra.get(name)
                setattr(
                    item,
                    name,
                    [global_id(model.__name__, pk) for pk in values]
                    if values
                    else None,
                )
        return payload

"""Staff writes to shipping zones, methods and their channel listings.

Every write runs in one transaction, locks what it changes and moves the
delivery-promise rule cache on commit, so the banner and every promise use
the new rules at once.
"""

from .channel_listings import (
    MethodListingInput,
    shipping_method_channel_listing_update,
)
from .excluded_products import (
    shipping_method_exclude_products,
    shipping_method_include_products,
)
from .methods import (
    PostalCodeRange,
    ShippingMethodChanges,
    shipping_method_create,
    shipping_method_delete,
    shipping_method_update,
)
from .zones import (
    ShippingZoneChanges,
    shipping_zone_create,
    shipping_zone_delete,
    shipping_zone_update,
    shipping_zones_delete,
)

__all__ = [
    "MethodListingInput",
    "PostalCodeRange",
    "ShippingMethodChanges",
    "ShippingZoneChanges",
    "shipping_method_channel_listing_update",
    "shipping_method_create",
    "shipping_method_delete",
    "shipping_method_exclude_products",
    "shipping_method_include_products",
    "shipping_method_update",
    "shipping_zone_create",
    "shipping_zone_delete",
    "shipping_zone_update",
    "shipping_zones_delete",
]

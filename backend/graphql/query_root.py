"""The Query root, combined from every domain's query classes."""

import graphene

from .account.schema import AccountQueries
from .account.staff_schema import StaffQueries
from .app.schema import AppQueries
from .attribute.assigned import ALL_ASSIGNED_TYPES
from .attribute.schema import AttributeQueries
from .channel.schema import ChannelQueries
from .checkout.schema import CheckoutQueries
from .menu.schema import MenuQueries
from .order.homepage import HomepageQueries
from .order.schema import OrderQueries
from .page.schema import PageQueries
from .payment.types import (
    CardPaymentMethodDetails,
    GiftCardPaymentMethodDetails,
    OtherPaymentMethodDetails,
)
from .product.product_types import ProductTypeQueries
from .product.schema import ProductQueries
from .shipping.schema import ShippingQueries
from .shop.schema import ShopQueries
from .tax.schema import TaxQueries
from .warehouse.schema import WarehouseQueries


class Query(
    ShopQueries,
    ProductQueries,
    ProductTypeQueries,
    TaxQueries,
    ChannelQueries,
    AttributeQueries,
    MenuQueries,
    PageQueries,
    WarehouseQueries,
    ShippingQueries,
    CheckoutQueries,
    OrderQueries,
    HomepageQueries,
    AccountQueries,
    StaffQueries,
    AppQueries,
    graphene.ObjectType,
):
    """Every query of the API; each domain adds its query class above."""


# Types reached only through an interface (AssignedAttribute's members).
EXTRA_TYPES = [
    *ALL_ASSIGNED_TYPES,
    # Implementations of PaymentMethodDetails, named by the dashboard's
    # fragments though no Lumbar transaction records one yet.
    CardPaymentMethodDetails,
    GiftCardPaymentMethodDetails,
    OtherPaymentMethodDetails,
]

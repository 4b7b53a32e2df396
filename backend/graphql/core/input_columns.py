"""Which model column each mutation input is stored in, and the check of it.

Before a mutation's ``clean_input`` runs, every string and number it was
given is checked against the column that will hold it: a CharField's
max_length, a DecimalField's digits and places, an integer type's range.
An input that does not fit gets a Saleor field error (INVALID) and the
mutation does nothing, so no gateway is asked and no statement fails.

An input object's fields are found on its model under their snake_case
name (``INPUT_MODELS``); other fields are named in ``COLUMNS``, first as
``Mutation.Type.field`` then ``Type.field``; fields kept in no bounded
column are listed in ``UNBOUNDED`` with the reason. Top-level arguments use
the mutation's payload name as their type. tests/api/test_input_columns.py
fails for any input of a checked scalar none of these name.
"""

from functools import cache

import graphene
from django.core.exceptions import ValidationError
from django.db import models
from graphene.types.structures import Structure
from graphene.types.unmountedtype import UnmountedType
from graphene.utils.str_converters import to_camel_case

from backend.account.models import Address, User
from backend.attribute.models import (
    Attribute,
    AttributeTranslation,
    AttributeValue,
    AttributeValueTranslation,
)
from backend.channel.models import Channel
from backend.checkout.models import Checkout, CheckoutLine
from backend.core.columns import column_value_refusal
from backend.discount.models import VoucherCode
from backend.menu.models import Menu, MenuItem
from backend.order.models import Fulfillment, FulfillmentLine, Order
from backend.page.models import Page, PageTranslation
from backend.payment.models import (
    OrderGrantedRefund,
    OrderGrantedRefundLine,
    TransactionItem,
)
from backend.product.models import (
    Category,
    CategoryTranslation,
    Collection,
    CollectionTranslation,
    Product,
    ProductMedia,
    ProductTranslation,
    ProductType,
    ProductVariant,
    ProductVariantChannelListing,
    ProductVariantTranslation,
)
from backend.shipping.models import (
    ShippingMethod,
    ShippingMethodChannelListing,
    ShippingMethodPostalCodeRule,
    ShippingZone,
)
from backend.warehouse.models import Stock, Warehouse

# The GraphQL scalars whose values reach a column that can refuse them.
CHECKED_SCALARS = {
    "String",
    "Decimal",
    "PositiveDecimal",
    "Int",
    "Float",
    "WeightScalar",
}

INPUT_MODELS: dict[str, type[models.Model]] = {
    "AccountInput": User,
    "AccountRegisterInput": User,
    "AddressInput": Address,
    "AttributeCreateInput": Attribute,
    "AttributeUpdateInput": Attribute,
    "AttributeUpdate": Attribute,
    "AttributeValueCreateInput": AttributeValue,
    "AttributeValueUpdateInput": AttributeValue,
    "AttributeValueInput": AttributeValue,
    "AttributeValueSelectableTypeInput": AttributeValue,
    "AttributeValueTranslationInput": AttributeValueTranslation,
    "CategoryInput": Category,
    "CheckoutCreateInput": Checkout,
    "CheckoutEmailUpdate": Checkout,
    "CollectionInput": Collection,
    "CollectionCreateInput": Collection,
    "FulfillmentUpdateTrackingInput": Fulfillment,
    "OrderFulfillInput": Fulfillment,
    "MenuCreateInput": Menu,
    "MenuItemInput": MenuItem,
    "MenuItemCreateInput": MenuItem,
    "OrderGrantRefundCreateInput": OrderGrantedRefund,
    "OrderGrantRefundUpdateInput": OrderGrantedRefund,
    "OrderUpdateInput": Order,
    "TransactionCreateInput": TransactionItem,
    "PageInput": Page,
    "PageCreateInput": Page,
    "PageTranslationInput": PageTranslation,
    "ProductInput": Product,
    "ProductCreateInput": Product,
    "ProductUpdate": Product,
    "ProductDelete": Product,
    "ProductMediaCreateInput": ProductMedia,
    "ProductVariantInput": ProductVariant,
    "ProductVariantCreateInput": ProductVariant,
    "ProductVariantUpdate": ProductVariant,
    "ProductVariantDelete": ProductVariant,
    "ProductVariantStocksUpdate": ProductVariant,
    "ProductVariantChannelListingUpdate": ProductVariant,
    "ProductVariantChannelListingAddInput": ProductVariantChannelListing,
    "ShippingPriceInput": ShippingMethod,
    "ShippingMethodChannelListingAddInput": ShippingMethodChannelListing,
    "ShippingPostalCodeRulesCreateInputRange": ShippingMethodPostalCodeRule,
    "ShippingZoneCreateInput": ShippingZone,
    "ShippingZoneUpdateInput": ShippingZone,
    "StockInput": Stock,
    "ProductMediaUpdateInput": ProductMedia,
    "ProductTypeInput": ProductType,
    "BulkAttributeValueInput": AttributeValue,
    "ProductVariantBulkUpdateInput": ProductVariant,
    "ProductVariantBulkCreateInput": ProductVariant,
    "ProductVariantBulkDelete": ProductVariant,
    "ProductVariantStocksDelete": ProductVariant,
    "StockUpdateInput": Stock,
    "WarehouseCreateInput": Warehouse,
    "WarehouseUpdateInput": Warehouse,
    "WarehouseUpdate": Warehouse,
}


def _column(model: type[models.Model], name: str) -> models.Field:
    field = model._meta.get_field(name)
    # A django-prices MoneyField stores its amount in another field.
    amount_field = getattr(field, "amount_field", None)
    return model._meta.get_field(amount_field) if amount_field else field


_AMOUNT = (TransactionItem, "amount_charged_value")
_WEIGHT = (Product, "weight_grams")
_NAME_AND_SLUG = {
    "name": "name",
    "slug": "slug",
    "seoTitle": "seo_title",
    "seoDescription": "seo_description",
}

COLUMNS: dict[str, tuple[type[models.Model], str]] = {
    "SeoInput.title": (Product, "seo_title"),
    "SeoInput.description": (Product, "seo_description"),
    "AccountRegisterInput.channel": (Channel, "slug"),
    "CheckoutCreateInput.channel": (Channel, "slug"),
    "AccountRequestDeletion.channel": (Channel, "slug"),
    "RequestPasswordReset.channel": (Channel, "slug"),
    "RequestPasswordReset.email": (User, "email"),
    "ConfirmAccount.email": (User, "email"),
    "SetPassword.email": (User, "email"),
    "CreateToken.email": (User, "email"),
    "AttributeValueCreateInput.fileUrl": (AttributeValue, "file_url"),
    "AttributeValueUpdateInput.fileUrl": (AttributeValue, "file_url"),
    "AttributeValueInput.values": (AttributeValue, "name"),
    "AttributeValueInput.file": (AttributeValue, "file_url"),
    "CheckoutLineInput.quantity": (CheckoutLine, "quantity"),
    "CheckoutLineUpdateInput.quantity": (CheckoutLine, "quantity"),
    "CheckoutLineInput.price": (ProductVariantChannelListing, "price_amount"),
    "CheckoutLineUpdateInput.price": (ProductVariantChannelListing, "price_amount"),
    "CheckoutAddPromoCode.promoCode": (VoucherCode, "code"),
    "CheckoutRemovePromoCode.promoCode": (VoucherCode, "code"),
    "MenuItemInput.url": (MenuItem, "url"),
    "OrderFulfillStockInput.quantity": (FulfillmentLine, "quantity"),
    "OrderGrantRefundCreateLineInput.quantity": (OrderGrantedRefundLine, "quantity"),
    "OrderGrantRefundUpdateLineAddInput.quantity": (
        OrderGrantedRefundLine,
        "quantity",
    ),
    "OrderCapture.amount": _AMOUNT,
    "OrderRefund.amount": _AMOUNT,
    "MoneyInput.amount": _AMOUNT,
    "MoneyInput.currency": (TransactionItem, "currency"),
    "TransactionEventInput.pspReference": (TransactionItem, "psp_reference"),
    "TransactionEventInput.message": (TransactionItem, "message"),
    "OrderMarkAsPaid.transactionReference": (TransactionItem, "psp_reference"),
    "PaymentGatewayToInitialize.id": (TransactionItem, "gateway"),
    "PaymentGatewayInitialize.amount": _AMOUNT,
    "TransactionInitialize.amount": _AMOUNT,
    "TransactionRequestAction.amount": _AMOUNT,
    "ProductInput.weight": _WEIGHT,
    "ProductCreateInput.weight": _WEIGHT,
    "ProductMediaCreateInput.mediaUrl": (ProductMedia, "external_url"),
    "ProductVariantInput.weight": _WEIGHT,
    "ProductVariantCreateInput.weight": _WEIGHT,
    "ProductVariantBulkUpdateInput.weight": _WEIGHT,
    "ProductVariantBulkCreateInput.weight": _WEIGHT,
    "ProductTypeInput.weight": (ProductType, "weight_grams"),
    "ProductVariantBulkDelete.skus": (ProductVariant, "sku"),
    "BulkAttributeValueInput.values": (AttributeValue, "name"),
    "BulkAttributeValueInput.file": (AttributeValue, "file_url"),
    "ChannelListingUpdateInput.price": (ProductVariantChannelListing, "price_amount"),
    "ChannelListingUpdateInput.costPrice": (
        ProductVariantChannelListing,
        "cost_price_amount",
    ),
    "ChannelListingUpdateInput.priorPrice": (
        ProductVariantChannelListing,
        "prior_price_amount",
    ),
    "ProductVariantChannelListingAddInput.costPrice": (
        ProductVariantChannelListing,
        "cost_price_amount",
    ),
    "ProductVariantChannelListingAddInput.priorPrice": (
        ProductVariantChannelListing,
        "prior_price_amount",
    ),
    "ShippingMethodChannelListingAddInput.price": (
        ShippingMethodChannelListing,
        "price_amount",
    ),
    "ShippingPriceInput.maximumOrderWeight": _WEIGHT,
    "ShippingPriceInput.minimumOrderWeight": _WEIGHT,
    "TransactionRequestAction.refundReason": (TransactionItem, "message"),
    **{
        f"{mutation}.TranslationInput.{name}": (model, column)
        for mutation, model in (
            ("ProductTranslate", ProductTranslation),
            ("CategoryTranslate", CategoryTranslation),
            ("CollectionTranslate", CollectionTranslation),
        )
        for name, column in _NAME_AND_SLUG.items()
    },
    "AttributeTranslate.NameTranslationInput.name": (AttributeTranslation, "name"),
    "ProductVariantTranslate.NameTranslationInput.name": (
        ProductVariantTranslation,
        "name",
    ),
}

# Error field names where Saleor names the column rather than the input.
ERROR_FIELDS = {"SeoInput.title": "seoTitle", "SeoInput.description": "seoDescription"}

UNBOUNDED: dict[str, str] = {
    "MetadataInput.key": "kept in a JSON column",
    "MetadataInput.value": "kept in a JSON column",
    "AccountRegisterInput.password": "kept only as a fixed-length hash",
    "AccountRegisterInput.redirectUrl": "used in an email, never stored",
    "AccountRequestDeletion.redirectUrl": "used in an email, never stored",
    "RequestPasswordReset.redirectUrl": "used in an email, never stored",
    "CheckoutComplete.redirectUrl": "used by a gateway, never stored",
    "AccountDelete.token": "compared with a signed token, never stored",
    "ConfirmAccount.token": "compared with a signed token, never stored",
    "SetPassword.token": "compared with a signed token, never stored",
    "ConfirmAccount.password": "kept only as a fixed-length hash",
    "SetPassword.password": "kept only as a fixed-length hash",
    "PasswordChange.newPassword": "kept only as a fixed-length hash",
    "PasswordChange.oldPassword": "checked against a hash, never stored",
    "CreateToken.password": "checked against a hash, never stored",
    "CreateToken.audience": "written into a signed token, never stored",
    "RefreshToken.csrfToken": "compared, never stored",
    "RefreshToken.refreshToken": "compared with a signed token, never stored",
    "VerifyToken.token": "compared with a signed token, never stored",
    "TransactionInitialize.customerIpAddress": "not kept",
    "TransactionInitialize.idempotencyKey": "not kept",
    "TransactionProcess.customerIpAddress": "not kept",
    "CheckoutLineInput.priceOverrideReason": "not kept",
    "CheckoutLineUpdateInput.priceOverrideReason": "not kept",
    "OrderGrantRefundCreateLineInput.reason": "kept in a text column",
    "OrderGrantRefundUpdateLineAddInput.reason": "kept in a text column",
    "TransactionCreateInput.externalUrl": "not kept; refused when given",
    "OrderUpdateInput.externalReference": "not kept; refused when given",
    "OrderUpdate.externalReference": "not kept; refused when given",
    "PageInput.publicationDate": "parsed as a date",
    "PageCreateInput.publicationDate": "parsed as a date",
    "ShippingZoneCreateInput.countries": "checked against the country codes",
    "ShippingZoneUpdateInput.countries": "checked against the country codes",
    "OrderNoteInput.message": "kept in a JSON column; the service bounds it",
    "PreorderSettingsInput.globalThreshold": "not kept",
    "ProductVariantChannelListingAddInput.preorderThreshold": "not kept",
    "ProductInput.taxCode": "not kept",
    "ProductCreateInput.taxCode": "not kept",
    "ProductTypeInput.taxCode": "not kept",
    "ChannelListingUpdateInput.preorderThreshold": "not kept",
    "ReorderInput.sortOrder": "a relative move, bounded by the list's length",
    "ProductInput.rating": "kept in a double precision column",
    "ProductCreateInput.rating": "kept in a double precision column",
}


class ColumnUnknown(LookupError):
    """No table names the column an input is stored in."""


@cache
def input_column(mutation: str, owner: str, name: str) -> models.Field | None:
    """Return the model field an input is stored in, None if it is unbounded."""
    for key in (f"{mutation}.{owner}.{name}", f"{owner}.{name}"):
        if key in COLUMNS:
            return _column(*COLUMNS[key])
        if key in UNBOUNDED:
            return None
    model = INPUT_MODELS.get(owner)
    if model is not None:
        snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in name)
        for candidate in (snake, snake.replace("address1", "address_1")):
            try:
                return _column(model, candidate.replace("address2", "address_2"))
            except Exception:  # noqa: BLE001 - FieldDoesNotExist: try the next
                continue
    raise ColumnUnknown(f"{mutation}: {owner}.{name}")


def _named(type_):
    type_ = type_() if callable(type_) and not isinstance(type_, type) else type_
    while isinstance(type_, Structure):
        type_ = type_.of_type
    return type_


def _check(*, mutation, owner, attname, field, value, errors) -> None:
    if value is None:
        return
    # An argument declared as graphene.String() is still unmounted.
    type_ = field.get_type() if isinstance(field, UnmountedType) else field.type
    while isinstance(type_, Structure) and not isinstance(type_, graphene.List):
        type_ = type_.of_type
    if isinstance(type_, graphene.List):
        for item in value if isinstance(value, list | tuple) else []:
            _check_value(mutation, owner, attname, field, _named(type_), item, errors)
        return
    _check_value(mutation, owner, attname, field, _named(type_), value, errors)


def _check_value(mutation, owner, attname, field, type_, value, errors) -> None:
    if value is None:
        return
    if isinstance(type_, type) and issubclass(type_, graphene.InputObjectType):
        if not isinstance(value, dict):
            return
        for name, inner in type_._meta.fields.items():
            _check(
                mutation=mutation,
                owner=type_._meta.name,
                attname=name,
                field=inner,
                value=value.get(name),
                errors=errors,
            )
        return
    scalar = getattr(getattr(type_, "_meta", None), "name", None)
    if scalar not in CHECKED_SCALARS:
        return
    name = getattr(field, "name", None) or to_camel_case(attname)
    try:
        column = input_column(mutation, owner, name)
    except ColumnUnknown:
        return  # tests/api/test_input_columns.py names it
    refusal = column_value_refusal(column, value) if column is not None else None
    if refusal is not None:
        error_field = ERROR_FIELDS.get(f"{owner}.{name}", name)
        errors.setdefault(error_field, ValidationError(refusal, code="INVALID"))


def input_columns_refusal(mutation_class, data: dict) -> ValidationError | None:
    """Return the error for inputs too long or too big for their columns."""
    mutation = mutation_class._meta.name
    errors: dict[str, ValidationError] = {}
    for attname, argument in mutation_class._meta.arguments.items():
        _check(
            mutation=mutation,
            owner=mutation,
            attname=attname,
            field=argument,
            value=data.get(attname),
            errors=errors,
        )
    return ValidationError(errors) if errors else None

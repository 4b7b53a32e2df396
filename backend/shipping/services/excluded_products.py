"""The products a shipping method refuses to carry (Saleor's exclusions)."""

from django.db import transaction

from backend.core.promise_version import promise_rules_changed
from backend.product.models import Product

from ..errors import ShippingErrorCode, shipping_error
from ..models import ShippingMethod


def _method_for_update(method_id: int) -> ShippingMethod:
    method = ShippingMethod.objects.select_for_update().filter(pk=method_id).first()
    if method is None:
        raise shipping_error(
            "id", "Shipping method not found.", ShippingErrorCode.NOT_FOUND
        )
    return method


def _products(product_ids: list[int]) -> list[int]:
    if not product_ids:
        raise shipping_error(
            "products", "This field is required.", ShippingErrorCode.REQUIRED
        )
    found = set(Product.objects.filter(pk__in=product_ids).values_list("pk", flat=True))
    missing = [pk for pk in product_ids if pk not in found]
    if missing:
        raise shipping_error(
            "products",
            f"Product not found: {missing[0]}.",
            ShippingErrorCode.NOT_FOUND,
        )
    return list(dict.fromkeys(product_ids))


@transaction.atomic
def shipping_method_exclude_products(
    *, method_id: int, product_ids: list[int]
) -> ShippingMethod:
    """Stop the method from shipping checkouts that hold these products."""
    method = _method_for_update(method_id)
    method.excluded_products.add(*_products(product_ids))
    promise_rules_changed()
    return method


@transaction.atomic
def shipping_method_include_products(
    *, method_id: int, product_ids: list[int]
) -> ShippingMethod:
    """Let the method ship these products again."""
    method = _method_for_update(method_id)
    method.excluded_products.remove(*_products(product_ids))
    promise_rules_changed()
    return method

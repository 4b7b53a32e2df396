"""The product page."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from backend.page.selectors import pages_featuring_products
from backend.product.selectors import ProductDetail, VariantOption, product_detail
from backend.warehouse.selectors import StockState, variant_quantities_available

from ..seo import PageMeta, absolute_url, product_structured_data


def product(request, slug):
    channel_slug = settings.DEFAULT_CHANNEL_SLUG
    detail = product_detail(slug=slug, channel_slug=channel_slug)
    if detail is None:
        raise Http404("No such product in this store.")
    selected = _selected_variant(detail, request.GET.get("variant"))
    quantities = variant_quantities_available(
        variant_ids=[variant.id for variant in detail.variants],
        channel_slug=channel_slug,
    )
    stock = {
        variant_id: StockState(quantity=quantity)
        for variant_id, quantity in quantities.items()
    }
    url = absolute_url(reverse("storefront:product", args=[detail.product.slug]))
    main_image = detail.gallery[0].url if detail.gallery else None
    featuring = pages_featuring_products(product_ids=[detail.product.id])
    return render(
        request,
        "catalog/product.html",
        {
            "detail": detail,
            "product": detail.product,
            "selected": selected,
            "selected_stock": stock[selected.id],
            "variants": [(variant, stock[variant.id]) for variant in detail.variants],
            "learn_more": featuring[detail.product.id],
            "structured_data": product_structured_data(
                detail=detail, variant=selected, stock=stock[selected.id], url=url
            ),
            "meta": PageMeta(
                title=detail.product.seo_title or f"{detail.product.name} | Lumbar",
                description=(
                    detail.product.seo_description
                    or detail.product.description_plaintext[:300]
                ),
                canonical_url=url,
                image_url=main_image,
                og_type="product",
            ),
        },
    )


def _selected_variant(detail: ProductDetail, requested: str | None) -> VariantOption:
    """Return the variant asked for, else the default, else the first one."""
    by_id = {str(variant.id): variant for variant in detail.variants}
    if requested in by_id:
        return by_id[requested]
    default_id = str(detail.product.default_variant_id)
    return by_id.get(default_id, detail.variants[0])

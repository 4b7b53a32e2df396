"""Page metadata: titles, canonical URLs, OpenGraph and JSON-LD."""

from dataclasses import dataclass

from django.conf import settings

from backend.product.selectors import ProductDetail, VariantOption
from backend.warehouse.selectors import StockState

DEFAULT_DESCRIPTION = (
    "Stretch straps, TENS units, foam rollers and heat packs for sciatica and "
    "low back pain, chosen with physiotherapists."
)


@dataclass(frozen=True)
class PageMeta:
    title: str
    description: str = DEFAULT_DESCRIPTION
    canonical_url: str = ""
    image_url: str | None = None
    og_type: str = "website"
    # Result pages (search) are for shoppers, not for search engines.
    noindex: bool = False

    def __post_init__(self):
        if not self.description:
            object.__setattr__(self, "description", DEFAULT_DESCRIPTION)


def absolute_url(path: str) -> str:
    """Return the public address of a site path."""
    return f"{settings.PUBLIC_URL}{path}"


def listing_canonical_url(path: str, page_number: int) -> str:
    """Return a listing's canonical URL: filters dropped, page kept."""
    suffix = f"?page={page_number}" if page_number > 1 else ""
    return absolute_url(f"{path}{suffix}")


def product_structured_data(
    *,
    detail: ProductDetail,
    variant: VariantOption,
    stock: StockState,
    url: str,
) -> dict:
    """Return the schema.org Product of the page, offering the chosen variant."""
    product = detail.product
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.name,
        "sku": variant.sku,
        "url": url,
        "description": product.seo_description or product.description_plaintext,
        "image": [image.url for image in detail.gallery],
        "offers": {
            "@type": "Offer",
            "url": url,
            "sku": variant.sku,
            "price": f"{variant.price.amount:.2f}",
            "priceCurrency": variant.price.currency,
            "availability": stock.schema_availability,
        },
    }
    if product.category is not None:
        data["category"] = product.category.name
    return data

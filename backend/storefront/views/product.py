"""The product page."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django_countries import countries

from backend.core import cache_versions
from backend.page.selectors import pages_featuring_products
from backend.product.selectors import ProductDetail, VariantOption, product_detail
from backend.shipping.promise import DeliveryPromise
from backend.shipping.promise_rules import (
    promise_rules_get,
    shipping_countries,
    variant_promise,
)
from backend.shipping.promise_text import promise_line
from backend.shipping.rules import destination_postal_code_clean
from backend.warehouse.selectors import StockState, variant_stock_levels

from ..address_errors import postal_code_hint
from ..page_cache import (
    COUNTRY_KEY,
    DELIVERY_SLOT,
    CachedPage,
    cache_marked,
    page_lookup,
    page_render,
    page_store,
    reader_fill,
    reader_messages_pending,
    shared_context,
)
from ..seo import PageMeta, absolute_url, product_structured_data

# The shopper's postal code, remembered for every product page (the
# country with it under COUNTRY_KEY).
POSTAL_CODE_KEY = "lumbar_postal_code"


def product_page_parts(request, slug, destination=None) -> tuple[str, ...] | None:
    """Return the page's cache key parts.

    Without a destination: those of a reader who told no postal code or
    country (the store's default country; the rules' version is in the
    key), or None when this request tells one.
    """
    requested = request.GET.get("variant", "")[:20]
    parts = (settings.DEFAULT_CHANNEL_SLUG, slug, requested)
    if destination is None:
        if "postal_code" in request.GET:
            return None
        return (*parts, "", "", "")
    return (*parts, destination.country, destination.postal_code, destination.error)


def product(request, slug):
    channel_slug = settings.DEFAULT_CHANNEL_SLUG
    destination = _destination(request)
    requested = request.GET.get("variant", "")[:20]
    messages_pending = reader_messages_pending(request)
    told = "postal_code" in request.GET or any(
        request.session.get(key) for key in (COUNTRY_KEY, POSTAL_CODE_KEY)
    )
    lookup = page_lookup(
        "product",
        *product_page_parts(request, slug, destination if told else None),
        cached=not messages_pending,
    )
    page = lookup.page
    if page is None:
        page, names = page_render(
            lambda: _product_page(
                request,
                channel_slug,
                slug,
                requested=requested,
                destination=destination,
            )
        )
        if not messages_pending:
            page_store(lookup, page, channel_slug=channel_slug, names=names)
    line = delivery_line_html(page.extra["promise"], now=timezone.now())
    response = HttpResponse(
        reader_fill(page.html.replace(DELIVERY_SLOT, line), request)
    )
    return cache_marked(response, lookup)


def _product_page(
    request, channel_slug: str, slug: str, *, requested: str, destination
) -> CachedPage:
    """Render the page as every reader sees it; 404 if it is not for sale."""
    detail = product_detail(slug=slug, channel_slug=channel_slug)
    if detail is None:
        raise Http404("No such product in this store.")
    # It shows the exact stock of each variant (a sale of it moves this).
    cache_versions.depends_on(
        cache_versions.stock(detail.product.id),
        cache_versions.product_text(detail.product.id),
    )
    selected = _selected_variant(detail, requested)
    levels = variant_stock_levels(
        variant_ids=[variant.id for variant in detail.variants],
        channel_slug=channel_slug,
    )
    stock = {
        variant_id: StockState(quantity=level.total)
        for variant_id, level in levels.items()
    }
    url = absolute_url(reverse("storefront:product", args=[detail.product.slug]))
    main_image = detail.gallery[0].url if detail.gallery else None
    featuring = pages_featuring_products(product_ids=[detail.product.id])
    promise = _delivery_promise(
        channel_slug,
        selected,
        levels[selected.id],
        destination,
        product_id=detail.product.id,
        product_type_id=detail.product.product_type_id,
    )
    context = {
        "detail": detail,
        "product": detail.product,
        "selected": selected,
        "selected_stock": stock[selected.id],
        "delivery_line_slot": DELIVERY_SLOT if promise else "",
        "destination": destination,
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
        **shared_context(),
    }
    return CachedPage.rendered(
        html=render_to_string("catalog/product.html", context, request=request),
        extra={"promise": promise},
        # The dates hold until the order-by moment; the countdown is per request.
        valid_until=promise.order_by if promise else None,
    )


def delivery_line_html(promise: DeliveryPromise | None, *, now) -> str:
    """Return the page's "Order within 2 h 13 min, get it by Thu 26 Nov" line."""
    line = promise_line(promise, now=now) if promise else ""
    if not line:
        return ""
    return format_html(
        '<p class="promise-line" data-testid="delivery-promise">{}</p>', line
    )


def _selected_variant(detail: ProductDetail, requested: str | None) -> VariantOption:
    """Return the variant asked for, else the default, else the first one."""
    by_id = {str(variant.id): variant for variant in detail.variants}
    if requested in by_id:
        return by_id[requested]
    default_id = str(detail.product.default_variant_id)
    return by_id.get(default_id, detail.variants[0])


@dataclass(frozen=True)
class Destination:
    """Where the shopper said they are, for the delivery line."""

    country: str
    postal_code: str = ""
    error: str = ""
    # The countries the store ships to, (code, name), for the form.
    country_choices: tuple[tuple[str, str], ...] = ()


def _destination(request) -> Destination:
    """Take a postal code from the form, else the one remembered in the session.

    The country comes with it; a code that fits none of the chosen
    country's formats but exactly one other shipping country's is taken
    as that country's (M5V 2T6 is Canadian whatever the list said).
    """
    rules = promise_rules_get(channel_slug=settings.DEFAULT_CHANNEL_SLUG)
    default_country = rules.default_country if rules else "US"
    shipped = shipping_countries(rules) if rules else [default_country]
    choices = tuple((code, countries.name(code)) for code in shipped)
    remembered = Destination(
        country=_known_country(request.session.get(COUNTRY_KEY), shipped)
        or default_country,
        postal_code=request.session.get(POSTAL_CODE_KEY, ""),
        country_choices=choices,
    )
    asked = request.GET.get("postal_code")
    if asked is None:
        return remembered
    country = _known_country(request.GET.get("country"), shipped) or (
        remembered.country
    )
    try:
        country, code = _postal_code_clean(country, asked, shipped)
    except ValidationError as error:
        refusal = error.error_dict["postal_code"][0]
        return Destination(
            country=remembered.country,
            postal_code=remembered.postal_code,
            # Say what the country's codes look like, not just "invalid".
            error=postal_code_hint(country)
            if refusal.code == "invalid"
            else refusal.message,
            country_choices=choices,
        )
    request.session[POSTAL_CODE_KEY] = code
    request.session[COUNTRY_KEY] = country
    return Destination(country=country, postal_code=code, country_choices=choices)


def _known_country(value, shipped: list[str]) -> str | None:
    code = (value or "").upper()[:2]
    return code if code in shipped else None


def _postal_code_clean(country: str, postal_code: str, shipped: list[str]):
    """Return (country, code), the country corrected when the code says so."""
    try:
        return country, destination_postal_code_clean(
            country=country, postal_code=postal_code
        )
    except ValidationError as error:
        fitting = []
        for other in shipped:
            if other == country:
                continue
            try:
                code = destination_postal_code_clean(
                    country=other, postal_code=postal_code
                )
            except ValidationError:
                continue
            fitting.append((other, code))
        if len(fitting) == 1:
            return fitting[0]
        raise error from None


def _delivery_promise(
    channel_slug: str,
    variant: VariantOption,
    level,
    destination: Destination,
    *,
    product_id: int,
    product_type_id: int,
) -> DeliveryPromise | None:
    """Return the promise for one unit ordered now, if the variant can ship."""
    rules = promise_rules_get(channel_slug=channel_slug)
    if rules is None or level.total <= 0:
        return None
    return variant_promise(
        rules=rules,
        now=timezone.now(),
        variant_id=variant.id,
        available_by_warehouse=level.by_warehouse,
        untracked=level.untracked,
        bulky=rules.is_bulky(product_type_id),
        unit_price=variant.price,
        country=destination.country,
        postal_code=destination.postal_code,
        product_id=product_id,
    )

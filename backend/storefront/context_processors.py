from django.conf import settings
from django.utils.functional import SimpleLazyObject

from backend.shipping.promise_rules import delivery_banner_text

from .cart import cart_quantity
from .menus import FOOTER_MENU, NAVBAR_MENU, menu_links
from .page_cache import shopper_country


def storefront(request):
    """Give every page the menus (read only when a template uses them)."""
    return {
        "site_name": "Lumbar",
        "public_url": settings.PUBLIC_URL,
        "menus": SimpleLazyObject(
            lambda: menu_links(menu_slugs=(NAVBAR_MENU, FOOTER_MENU))
        ),
        # The header's cart link; no query without a cart in the session.
        "cart_count": SimpleLazyObject(lambda: cart_quantity(request)),
        # Cached with the delivery rules; computed only where a page shows it,
        # for the shopper's own country once known.
        "delivery_banner": SimpleLazyObject(
            lambda: delivery_banner_text(
                channel_slug=settings.DEFAULT_CHANNEL_SLUG,
                country=shopper_country(request),
            )
        ),
    }

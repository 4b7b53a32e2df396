"""The guides and the search, seen in chromium on a desktop and a phone.

Loads the demo store and the committed articles, then opens the home page
and three searches at 1280 and 390 pixels wide, saving each under
var/screenshots/search-<page>-<width>.png and failing on a console error.
"""

import pytest

from backend.page.services import content_sync

from .conftest import screenshot

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": (1280, 900), "phone": (390, 844)}
PAGES = [
    ("home", "/", "Guides from our physiotherapists"),
    ("physical-therapy", "/search/?q=physical+therapy", "Guides"),
    ("tens", "/search/?q=tens", "PulseEase TENS Unit"),
    ("did-you-mean", "/search/?q=sciatca+strap", "Did you mean"),
]


@pytest.fixture
def demo_with_guides(committed_demo):
    content_sync()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_guides_and_search_pages_show_what_they_found(
    viewport, live_server, demo_with_guides, chromium_page, settings
):
    # Thumbnails are absolute URLs built from PUBLIC_URL.
    settings.PUBLIC_URL = live_server.url
    width, height = VIEWPORTS[viewport]
    seen = {}
    with chromium_page() as page:
        page.set_viewport_size({"width": width, "height": height})
        for name, path, text in PAGES:
            page.goto(f"{live_server.url}{path}")
            page.wait_for_load_state("networkidle")
            seen[name] = page.get_by_text(text).first.is_visible()
            screenshot(page, f"search-{name}-{viewport}")

    assert seen == {name: True for name, _, _ in PAGES}

"""Playwright against Debian's chromium; skipped, saying why, without it."""

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--headless",
]
# Generous for a loaded 2-core machine; a passing run takes a fraction.
TIMEOUT_MS = 15_000


@pytest.fixture
def chromium_page():
    """Return a context manager giving a fresh page in a headless chromium.

    Playwright runs an event loop in this thread while it is open, and
    Django refuses database calls under a running loop: tests do their
    database work before the block and assert on it after.
    """
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is not installed: `make test` installs it as root "
            "(apt-get install chromium)"
        )
    sync_api = pytest.importorskip("playwright.sync_api")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

    @contextmanager
    def open_page():
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            try:
                page = browser.new_page()
                page.set_default_timeout(TIMEOUT_MS)
                yield page
            finally:
                browser.close()

    return open_page

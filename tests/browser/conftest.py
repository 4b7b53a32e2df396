"""Playwright against Debian's chromium; skipped, saying why, without it."""

import asyncio
import os
import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings

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


def walk_checkout_to_review(page, *, email: str) -> None:
    """From the contact step, give a US address and Ground, stopping at review."""
    page.wait_for_url(re.compile(r"/checkout/contact/$"))
    page.get_by_label("Email").fill(email)
    page.get_by_role("button", name="Continue to shipping").click()

    page.wait_for_url(re.compile(r"/checkout/address/$"))
    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Last name").fill("Lovelace")
    page.get_by_label("Street address").fill("1600 Amphitheatre Pkwy")
    page.get_by_label("City").fill("Mountain View")
    page.get_by_label("State / province").fill("CA")
    page.get_by_label("Postal code").fill("94043")
    page.get_by_label("Country").select_option("US")
    page.get_by_role("button", name="Continue to delivery").click()

    page.wait_for_url(re.compile(r"/checkout/delivery/$"))
    page.get_by_label(re.compile(r"Ground")).check()
    page.get_by_role("button", name="Continue to payment").click()
    page.wait_for_url(re.compile(r"/checkout/review/$"))


def screenshot(page, name: str) -> Path:
    """Save the whole page as var/screenshots/<name>.png (journey-step)."""
    folder = Path(settings.VAR_DIR) / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def _console_error(message) -> str:
    location = message.location or {}
    where = location.get("url", "")
    return f"console error at {where}: {message.text}"


def require_chromium():
    """Return Playwright's sync API, or skip where Debian's chromium is missing.

    `make test` installs chromium when run as root (so CI never skips);
    elsewhere the browser tests are skipped with this one message.
    """
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is not installed: `make test` installs it as root "
            "(apt-get install chromium)"
        )
    sync_api = pytest.importorskip("playwright.sync_api")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    return sync_api


@contextmanager
def _playwright_loop_running(loop):
    """Mark Playwright's event loop as running in this thread for a block.

    The sync API runs its loop in a greenlet of this thread and marks it
    running between calls (so that Django refuses database calls and
    asyncio.run() refuses to start). Between blocks nothing calls it and
    the loop cannot run: unmarked, this thread is a plain one again for the
    tests in between, as if Playwright had been stopped.
    """
    asyncio._set_running_loop(loop)
    try:
        yield
    finally:
        asyncio._set_running_loop(None)


class _Chromium:
    """One Playwright driver and chromium for this process, started on demand.

    Starting them costs about a CPU-second and a half (the driver, then the
    browser); a browser context costs a fraction of that and is as separate
    as a new browser: its own cookies, storage and cache.
    """

    def __init__(self, sync_api):
        self._sync_api = sync_api
        self._playwright = None
        self._loop = None
        self._browser = None

    @contextmanager
    def running(self):
        """Within this block, Playwright's calls work; yield the browser."""
        if self._playwright is None:
            try:
                self._playwright = self._sync_api.sync_playwright().start()
                # Playwright's loop, which the start left marked running.
                self._loop = asyncio.get_running_loop()
            finally:
                asyncio._set_running_loop(None)
        with _playwright_loop_running(self._loop):
            # Started on first use, and again after a crash in an earlier test.
            if self._browser is None or not self._browser.is_connected():
                self._browser = self._playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
                )
            yield self._browser

    def stop(self):
        if self._playwright is None:
            return
        with _playwright_loop_running(self._loop):
            if self._browser is not None and self._browser.is_connected():
                self._browser.close()
            self._playwright.stop()


@pytest.fixture(scope="session")
def _chromium():
    """Return this process's chromium (see _Chromium), stopped at the end."""
    chromium = _Chromium(require_chromium())
    yield chromium
    chromium.stop()


@pytest.fixture
def chromium_page(_chromium):
    """Return a context manager giving a fresh page in a headless chromium.

    Each block is a new browser context with its own cookies, storage and
    cache: one person's visit. The block fails, listing them, if any page it
    opened logged a console error or threw (a Content-Security-Policy
    violation is one).

    Playwright's event loop counts as running in this thread within a
    block, and Django refuses database calls under a running loop: tests do
    their database work before the block and assert on it after.
    """

    @contextmanager
    def open_page(*, expected_errors: tuple[str, ...] = ()):
        """``expected_errors``: patterns (re.search) of errors the test means."""
        errors: list[str] = []

        def on_console(message):
            if message.type == "error":
                errors.append(_console_error(message))

        def on_page_error(web_error):
            errors.append(f"page error: {web_error.error}")

        with _chromium.running() as browser:
            context = browser.new_context()
            try:
                # On the context, so a tab the page opens is watched too.
                context.on("console", on_console)
                context.on("weberror", on_page_error)
                page = context.new_page()
                page.set_default_timeout(TIMEOUT_MS)
                yield page
                page.wait_for_load_state()
            finally:
                context.close()
        errors = [
            error
            for error in errors
            if not any(re.search(pattern, error) for pattern in expected_errors)
        ]
        if errors:
            pytest.fail(
                "The pages logged console errors:\n" + "\n".join(errors),
                pytrace=False,
            )

    return open_page

"""Playwright against Debian's chromium; skipped, saying why, without it."""

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


@pytest.fixture
def chromium_page():
    """Return a context manager giving a fresh page in a headless chromium.

    Each block is a new browser with its own cookies: one person's visit.
    The block fails, listing them, if any page it opened logged a console
    error or threw (a Content-Security-Policy violation is one).

    Playwright runs an event loop in this thread while it is open, and
    Django refuses database calls under a running loop: tests do their
    database work before the block and assert on it after.
    """
    sync_api = require_chromium()

    @contextmanager
    def open_page(*, expected_errors: tuple[str, ...] = ()):
        """``expected_errors``: patterns (re.search) of errors the test means."""
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
            errors: list[str] = []

            def on_console(message):
                if message.type == "error":
                    errors.append(_console_error(message))

            def on_page_error(web_error):
                errors.append(f"page error: {web_error.error}")

            try:
                context = browser.new_context()
                # On the context, so a tab the page opens is watched too.
                context.on("console", on_console)
                context.on("weberror", on_page_error)
                page = context.new_page()
                page.set_default_timeout(TIMEOUT_MS)
                yield page
                page.wait_for_load_state()
            finally:
                browser.close()
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

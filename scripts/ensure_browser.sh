#!/usr/bin/env bash
# Make sure Debian's chromium is there for the Playwright browser test.
# Playwright drives /usr/bin/chromium; it never downloads a browser itself.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  echo "ensure_browser: installing chromium (Debian package)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "ensure_browser: $CHROMIUM is missing and this user is not root;" \
  "the browser test will be skipped (apt-get install chromium to run it)" >&2

"""Read an admin page's form the way a browser would submit it untouched."""

from html import unescape
from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def _add(self, name: str, value: str) -> None:
        if "__prefix__" not in name:
            self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "file", "button", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self._add(name, attrs.get("value", "on" if kind == "checkbox" else ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self._add(self._select, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            # Browsers drop the newline right after <textarea> and send CRLF.
            text = "".join(self._text).removeprefix("\n")
            self._add(self._textarea, text.replace("\n", "\r\n"))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)


def untouched_form(html: str) -> dict[str, list[str]]:
    """Return the fields a browser posts when the user just presses Save."""
    reader = _FormReader()
    reader.feed(html)
    data = reader.data
    data.pop("csrfmiddlewaretoken", None)
    data["_save"] = ["Save"]
    return {
        name: [unescape(value) for value in values] for name, values in data.items()
    }

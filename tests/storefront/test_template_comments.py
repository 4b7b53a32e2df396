"""Django's {# #} comment ends on its own line; one that does not is printed."""

from pathlib import Path

from django.conf import settings

TEMPLATE_DIRS = [
    Path(settings.BASE_DIR) / "storefront_templates",
    *sorted((Path(settings.BASE_DIR) / "backend").glob("*/templates")),
]


def test_no_template_has_a_comment_spanning_lines():
    unclosed = [
        f"{path.relative_to(settings.BASE_DIR)}:{number}"
        for folder in TEMPLATE_DIRS
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in {".html", ".txt", ".xml"}
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "{#" in line and "#}" not in line.split("{#", 1)[1]
    ]

    assert unclosed == [], "use {% comment %} for these"

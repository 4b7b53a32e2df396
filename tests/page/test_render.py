"""Article files: front matter checks, the body dialect and sanitising."""

from html.parser import HTMLParser

import pytest

from backend.page.content import (
    ContentCatalog,
    ContentError,
    articles_read,
    body_html_parts,
    html_sanitize,
)
from tests.fixtures.content import COMMITTED_ARTICLES, write_article

CATALOG = ContentCatalog(
    product_slugs=frozenset({"loop-stretch-strap", "d-ring-stretch-strap"}),
    condition_slugs=frozenset({"sciatica", "low-back-pain"}),
    therapy_slugs=frozenset({"heat", "stretching"}),
)
INTRO = "First paragraph.\n\nSecond paragraph.\n\n"
RED_FLAGS = "\n::: red-flags\n- Numbness that gets worse\n:::\n"
# The body of an article written by write_article starts on this file line.
BODY_LINE = 26


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements_of(html):
    """Return the (tag, attributes) of every element the HTML really holds."""
    parser = _Elements()
    parser.feed(html)
    return parser.found


def read(directory):
    return articles_read(articles_dir=directory, catalog=CATALOG)


def read_one(tmp_path, body, **kwargs):
    write_article(tmp_path, "only", body=body, **kwargs)
    (article,) = read(tmp_path)
    return article


def error_of(tmp_path, body, **kwargs):
    write_article(tmp_path, "only", body=body, **kwargs)
    with pytest.raises(ContentError) as caught:
        read(tmp_path)
    return str(caught.value)


def test_every_committed_article_renders_with_a_red_flags_callout():
    catalog = ContentCatalog(
        product_slugs=frozenset(
            {
                "loop-stretch-strap",
                "d-ring-stretch-strap",
                "cotton-yoga-strap",
                "high-density-foam-roller",
                "textured-grid-foam-roller",
                "moist-heat-pack",
                "electric-heating-pad",
                "microwavable-flaxseed-wrap",
                "lacrosse-massage-ball-set",
                "peanut-massage-ball",
                "pulseease-tens-unit",
                "lumbar-butterfly-electrode-pads",
                "self-adhesive-electrode-pads",
            }
        ),
        condition_slugs=frozenset(
            {
                "sciatica",
                "low-back-pain",
                "herniated-disc",
                "tight-hamstrings",
                "piriformis-syndrome",
                "hip-tightness",
                "muscle-tension",
            }
        ),
        therapy_slugs=frozenset(
            {"stretching", "massage", "cold", "electrotherapy", "heat"}
        ),
    )

    articles = articles_read(articles_dir=COMMITTED_ARTICLES, catalog=catalog)

    assert len(articles) == 7
    for article in articles:
        assert article.body_html.count('<aside class="red-flags" role="note">') == 1


def test_the_first_line_of_the_body_is_the_line_after_the_front_matter(tmp_path):
    message = error_of(tmp_path, "::: nonsense\n")

    assert message == (
        f"{tmp_path}/only.md:{BODY_LINE}: unknown directive '::: nonsense' "
        "(use '::: shop' or '::: red-flags')"
    )


def test_shop_directive_becomes_a_placeholder_and_a_stored_spec(tmp_path):
    body = INTRO + (
        '::: shop products="d-ring-stretch-strap, loop-stretch-strap" '
        'title="Straps" limit=2\n' + RED_FLAGS
    )

    article = read_one(tmp_path, body)

    assert '<div data-shop-block="0"></div>' in article.body_html
    assert article.shop_blocks == [
        {
            "index": 0,
            "line": BODY_LINE + 4,
            "title": "Straps",
            "products": ["d-ring-stretch-strap", "loop-stretch-strap"],
            "condition": None,
            "therapy": None,
            "in_stock": False,
            "fast_shipping": False,
            "limit": 2,
        }
    ]


def test_rule_directive_keeps_its_flags(tmp_path):
    body = INTRO + (
        '::: shop condition="sciatica" therapy="heat" in-stock fast-shipping '
        "limit=3\n" + RED_FLAGS
    )

    (spec,) = read_one(tmp_path, body).shop_blocks

    assert (spec["condition"], spec["therapy"], spec["in_stock"]) == (
        "sciatica",
        "heat",
        True,
    )
    assert (spec["fast_shipping"], spec["limit"], spec["products"]) == (True, 3, [])


@pytest.mark.parametrize(
    ("directive", "problem"),
    [
        ('::: shop products="no-such-strap"', 'product "no-such-strap" does not exist'),
        ('::: shop condition="gout"', 'condition "gout" is not a value of conditions'),
        ('::: shop therapy="magic"', 'therapy "magic" is not a value of therapy'),
        ("::: shop limit=3", 'a shop block needs products="..." or a rule'),
        ('::: shop condition="sciatica" limit=0', "limit must be between 1 and 12"),
        (
            '::: shop condition="sciatica" colour="red"',
            'unknown shop argument "colour"',
        ),
        ("::: shop condition=sciatica", "condition needs a value in double quotes"),
        (
            '::: shop products="loop-stretch-strap" condition="sciatica"',
            "lists products or gives a rule",
        ),
    ],
)
def test_a_bad_shop_directive_names_its_file_line(tmp_path, directive, problem):
    message = error_of(
        tmp_path, INTRO + "More text.\n\n" + directive + "\n" + RED_FLAGS
    )

    assert message.startswith(f"{tmp_path}/only.md:{BODY_LINE + 6}: shop block: ")
    assert problem in message


def test_a_shop_block_in_the_first_two_paragraphs_is_refused(tmp_path):
    body = 'Only one paragraph.\n\n::: shop condition="sciatica"\n' + RED_FLAGS

    message = error_of(tmp_path, body)

    assert message == (
        f"{tmp_path}/only.md:{BODY_LINE + 2}: a shop block must come after "
        "the first 2 paragraphs"
    )


def test_an_unclosed_red_flags_callout_names_its_opening_line(tmp_path):
    message = error_of(tmp_path, INTRO + "::: red-flags\n- Worse numbness\n")

    assert message == (
        f"{tmp_path}/only.md:{BODY_LINE + 4}: the red-flags callout is never "
        "closed with ':::'"
    )


def test_an_article_without_red_flags_is_refused(tmp_path):
    message = error_of(tmp_path, INTRO)

    assert message == (
        f"{tmp_path}/only.md:{BODY_LINE}: the body has no '::: red-flags' "
        "callout; every article needs one"
    )


def test_a_second_red_flags_callout_is_refused(tmp_path):
    message = error_of(tmp_path, INTRO + RED_FLAGS + "\nMore.\n" + RED_FLAGS)

    assert message == (
        f"{tmp_path}/only.md:{BODY_LINE + 11}: a second red-flags callout; "
        "an article has exactly one"
    )


def test_red_flags_become_a_note_that_holds_the_list(tmp_path):
    article = read_one(tmp_path, INTRO + RED_FLAGS)

    assert (
        '<aside class="red-flags" role="note">\n<ul>\n'
        "<li>Numbness that gets worse</li>\n</ul>\n</aside>"
    ) in article.body_html


def test_a_link_to_a_missing_article_names_file_and_line(tmp_path):
    body = INTRO + "See [[exercises-for-sciatica]] for more.\n" + RED_FLAGS

    message = error_of(tmp_path, body)

    assert message == (
        f"{tmp_path}/only.md:{BODY_LINE + 4}: [[exercises-for-sciatica]] links "
        'to no article "exercises-for-sciatica"'
    )


def test_a_link_on_a_later_line_of_a_paragraph_names_that_line(tmp_path):
    body = INTRO + "A paragraph\nthat wraps\nand links [[nowhere]].\n" + RED_FLAGS

    message = error_of(tmp_path, body)

    assert message.startswith(f"{tmp_path}/only.md:{BODY_LINE + 6}: [[nowhere]]")


def test_links_take_the_target_title_or_their_own_text(tmp_path):
    write_article(tmp_path, "heat-or-ice", title="Heat or Ice", order=2)
    body = INTRO + "Read [[heat-or-ice]] or [[heat-or-ice|this guide]].\n" + RED_FLAGS
    write_article(tmp_path, "only", body=body)

    article = next(item for item in read(tmp_path) if item.front.slug == "only")

    assert (
        '<a href="/articles/heat-or-ice/" rel="noopener noreferrer">Heat or Ice</a>'
        ' or <a href="/articles/heat-or-ice/" rel="noopener noreferrer">'
        "this guide</a>"
    ) in article.body_html


def test_headings_get_ids_and_build_the_table_of_contents(tmp_path):
    body = INTRO + "## Heat first\n\n### How long?\n\n## Heat first\n" + RED_FLAGS

    article = read_one(tmp_path, body)

    assert article.headings == [
        {"level": 2, "id": "heat-first", "text": "Heat first"},
        {"level": 3, "id": "how-long", "text": "How long?"},
        {"level": 2, "id": "heat-first-2", "text": "Heat first"},
    ]
    assert '<h3 id="how-long">How long?</h3>' in article.body_html


def test_a_level_one_heading_in_the_body_is_refused(tmp_path):
    message = error_of(tmp_path, INTRO + "# Another title\n" + RED_FLAGS)

    assert message == (
        f"{tmp_path}/only.md:{BODY_LINE + 4}: use ## and ### for headings; "
        "the title is the page's only #"
    )


def test_front_matter_errors_name_the_key_and_its_line(tmp_path):
    path = write_article(tmp_path, "only")
    text = path.read_text().replace(
        '  title: "Only | Lumbar"', "  title: " + '"' + "x" * 71 + '"'
    )
    path.write_text(text)

    with pytest.raises(ContentError) as caught:
        read(tmp_path)

    assert str(caught.value) == (
        f'{tmp_path}/only.md:20: front matter "seo.title": is 71 characters; at most 70'
    )


def test_a_slug_unlike_the_file_name_is_refused(tmp_path):
    path = write_article(tmp_path, "only")
    path.rename(tmp_path / "other.md")

    with pytest.raises(ContentError) as caught:
        read(tmp_path)

    assert str(caught.value) == (
        f'{tmp_path}/other.md:3: front matter "slug": "only" must equal the '
        'file name "other"'
    )


def test_an_unknown_condition_is_refused(tmp_path):
    message = error_of(tmp_path, INTRO + RED_FLAGS, conditions="sciatica, gout")

    assert message == (
        f'{tmp_path}/only.md:10: front matter "conditions": "gout" is not a '
        "value of the conditions attribute"
    )


def test_a_source_without_https_names_the_source(tmp_path):
    path = write_article(tmp_path, "only")
    path.write_text(
        path.read_text().replace(
            "https://www.nhs.uk/conditions/sciatica/", "http://example.com/x"
        )
    )

    with pytest.raises(ContentError) as caught:
        read(tmp_path)

    assert str(caught.value) == (
        f'{tmp_path}/only.md:17: front matter "sources[1].url": '
        "'http://example.com/x' is not an https:// address"
    )


XSS_BODY = (
    INTRO
    + """\
<script>alert("body")</script>

<img src="x" onerror="alert('img')">

[click me](javascript:alert('link'))

[[only|<script>alert("wiki")</script>]]

<a href="javascript:alert(1)" onclick="alert(2)">raw link</a>
"""
    + RED_FLAGS
)


def test_scripts_in_an_article_body_are_shown_as_text_never_run(tmp_path):
    article = read_one(tmp_path, XSS_BODY)

    assert "<script" not in article.body_html
    assert '<p>&lt;script&gt;alert("body")&lt;/script&gt;</p>' in article.body_html


def test_event_handlers_and_javascript_urls_are_removed(tmp_path):
    article = read_one(tmp_path, XSS_BODY)

    raw_blocks = "".join(
        block["data"].get("html", "") + block["data"].get("text", "")
        for block in article.content["blocks"]
    )
    for html in (article.body_html, raw_blocks):
        elements = elements_of(html)
        assert {tag for tag, _ in elements} <= {"p", "a", "aside", "ul", "li"}
        assert [attrs for tag, attrs in elements if tag == "a"] == [
            {"href": "/articles/only/", "rel": "noopener noreferrer"}
        ]
        assert not any(name.startswith("on") for _, a in elements for name in a)
    assert "<p>[click me](javascript:alert('link'))</p>" in article.body_html


def test_the_sanitiser_removes_what_the_renderer_might_let_through():
    html = (
        '<p onclick="alert(1)">Hi<script>alert(2)</script></p>'
        '<a href="javascript:alert(3)">x</a><iframe src="https://e.com"></iframe>'
        '<aside class="red-flags" role="note" onmouseover="alert(4)">y</aside>'
    )

    assert html_sanitize(html) == (
        '<p>Hi</p><a rel="noopener noreferrer">x</a>'
        '<aside class="red-flags" role="note">y</aside>'
    )


def test_editorjs_content_holds_the_same_sanitised_body(tmp_path):
    article = read_one(tmp_path, INTRO + "## Part\n" + RED_FLAGS)

    assert [block["type"] for block in article.content["blocks"]] == [
        "paragraph",
        "paragraph",
        "header",
        "raw",
    ]
    assert article.content["blocks"][2]["data"] == {"text": "Part", "level": 2}


def test_body_parts_split_html_around_shop_blocks():
    html = '<p>a</p>\n<div data-shop-block="0"></div>\n<p>b</p>\n'

    assert body_html_parts(html) == ["<p>a</p>\n", 0, "<p>b</p>\n"]


def test_the_content_hash_changes_when_a_linked_title_changes(tmp_path):
    write_article(tmp_path, "target", title="Old title", order=2)
    write_article(tmp_path, "only", body=INTRO + "See [[target]].\n" + RED_FLAGS)
    before = {item.front.slug: item.content_hash for item in read(tmp_path)}
    write_article(tmp_path, "target", title="New title", order=2)

    after = {item.front.slug: item.content_hash for item in read(tmp_path)}

    assert after["only"] != before["only"]

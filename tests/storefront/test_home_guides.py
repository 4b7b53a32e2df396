"""The guides are reachable from the store: home page, navbar and footer."""

from .helpers import texts_by_class
from .test_search_page import make_guide


def test_home_page_shows_the_latest_guides(client, db):
    make_guide(title="Exercises for Sciatica")

    response = client.get("/")

    assert texts_by_class(response, "article-card-title") == ["Exercises for Sciatica"]


def test_home_page_links_the_articles_index(client, db):
    make_guide(title="Exercises for Sciatica")

    response = client.get("/")

    assert '<a href="/articles/">All guides to sciatica and back pain</a>' in (
        response.content.decode()
    )


def test_home_page_without_guides_shows_no_guides_section(client, db):
    response = client.get("/")

    assert "guides-heading" not in response.content.decode()


def _between(html, start, end):
    return html.split(start, 1)[1].split(end, 1)[0]


def test_header_navigation_links_the_guides_without_any_menu(client, db):
    html = client.get("/").content.decode()

    navigation = _between(html, '<nav class="container main-nav"', "</nav>")
    assert '<a href="/articles/">Guides</a>' in navigation


def test_footer_links_the_guides(client, db):
    html = client.get("/").content.decode()

    footer = _between(html, '<footer class="site-footer">', "</footer>")
    assert '<a href="/articles/">Guides to sciatica and back pain</a>' in footer

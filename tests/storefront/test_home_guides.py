"""The guides are reachable from the store: home page, navbar and footer."""

import yaml

from tests.fixtures.demo import demo_catalog_dir

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


def _demo_menu_urls(slug):
    menus = yaml.safe_load(
        (demo_catalog_dir() / "menus.yaml").read_text(encoding="utf-8")
    )["menus"]
    (menu,) = [menu for menu in menus if menu["slug"] == slug]
    return [item.get("url") for item in menu["items"]]


def test_demo_navbar_links_the_articles_index():
    assert "/articles/" in _demo_menu_urls("navbar")


def test_demo_footer_links_the_articles_index():
    assert "/articles/" in _demo_menu_urls("footer")

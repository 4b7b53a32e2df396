"""Saleor's storefront documents, run against the demo store, answer right.

Expected values are the demo catalog's (content/catalog/*.yaml): names,
slugs, prices in USD, stock summed over the Reno and Columbus warehouses,
Spanish translations.
"""

import pytest
from graphql_relay import to_global_id

from backend.channel.models import Channel
from backend.product.models import Category, Product, ProductTranslation
from tests import factories

from .documents import query_text

CHANNEL = "default-channel"


pytestmark = pytest.mark.usefixtures("demo_store", "db")


def _gid(model, **lookup) -> str:
    return to_global_id(model.__name__, str(model.objects.get(**lookup).pk))


def _run(api, name, **variables):
    result = api(query_text(name), variables)
    assert "errors" not in result, result["errors"]
    return result["data"]


def _range(start, stop):
    return {
        "start": {"gross": {"amount": start, "currency": "USD"}},
        "stop": {"gross": {"amount": stop, "currency": "USD"}},
    }


# Price range and undiscounted range of every demo product (products.yaml).
PRICES = {
    "loop-stretch-strap": ((19.99, 22.99), (19.99, 22.99)),
    "d-ring-stretch-strap": ((16.99, 18.99), (16.99, 18.99)),
    "cotton-yoga-strap": ((12.99, 16.99), (12.99, 16.99)),
    "pulseease-tens-unit": ((39.99, 54.99), (39.99, 64.99)),
    "pulseease-pro-tens-ems": ((69.99, 89.99), (69.99, 89.99)),
    "wireless-tens-mini": ((44.99, 79.99), (44.99, 79.99)),
    "self-adhesive-electrode-pads": ((9.99, 24.99), (9.99, 24.99)),
    "lumbar-butterfly-electrode-pads": ((13.99, 23.99), (13.99, 23.99)),
    "high-density-foam-roller": ((19.99, 34.99), (19.99, 34.99)),
    "textured-grid-foam-roller": ((29.99, 32.99), (29.99, 32.99)),
    "peanut-massage-ball": ((12.99, 13.99), (12.99, 13.99)),
    "lacrosse-massage-ball-set": ((9.99, 11.99), (9.99, 11.99)),
    "spiky-massage-ball": ((8.99, 10.99), (8.99, 10.99)),
    "moist-heat-pack": ((22.99, 39.99), (22.99, 39.99)),
    "microwavable-flaxseed-wrap": ((26.99, 29.99), (26.99, 29.99)),
    "electric-heating-pad": ((39.99, 49.99), (39.99, 59.99)),
    "gel-hot-cold-pack": ((11.99, 19.99), (11.99, 19.99)),
    "memory-foam-lumbar-cushion": ((39.99, 42.99), (39.99, 42.99)),
    "sciatica-relief-bundle": ((79.99, 79.99), (104.96, 104.96)),
}
VARIANT_COUNTS = {
    "loop-stretch-strap": 4,
    "cotton-yoga-strap": 3,
    "d-ring-stretch-strap": 2,
    "high-density-foam-roller": 3,
    "memory-foam-lumbar-cushion": 3,
    "microwavable-flaxseed-wrap": 2,
    "pulseease-pro-tens-ems": 2,
    "pulseease-tens-unit": 2,
    "sciatica-relief-bundle": 1,
}


def _assert_list_item_prices(node):
    price, undiscounted = PRICES[node["slug"]]
    assert node["pricing"] == {
        "priceRange": _range(*price),
        "priceRangeUndiscounted": _range(*undiscounted),
    }


def _slugs(connection):
    return [edge["node"]["slug"] for edge in connection["edges"]]


def test_channels_list_answers_the_demo_channel_to_staff(api):
    api.login(factories.UserFactory(is_staff=True))

    data = _run(api, "ChannelsList")

    assert data == {
        "channels": [
            {
                "id": _gid(Channel, slug=CHANNEL),
                "name": "Lumbar US",
                "slug": CHANNEL,
                "isActive": True,
                "currencyCode": "USD",
            }
        ]
    }


def test_channels_list_is_refused_without_a_staff_token_as_on_saleor(api):
    result = api(query_text("ChannelsList"))

    assert result["data"] == {"channels": None}
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"


def test_categories_by_slug_resolves_slugs_to_ids(api):
    data = _run(api, "CategoriesBySlug", slugs=["tens-units", "heat-packs"])

    nodes = sorted((edge["node"] for edge in data["categories"]["edges"]), key=str)
    assert sorted(nodes, key=lambda node: node["slug"]) == [
        {
            "id": _gid(Category, slug="heat-packs"),
            "slug": "heat-packs",
            "name": "Heat Packs",
        },
        {
            "id": _gid(Category, slug="tens-units"),
            "slug": "tens-units",
            "name": "TENS Units",
        },
    ]


def test_menu_get_by_slug_answers_the_navbar_tree_in_spanish(api):
    data = _run(api, "MenuGetBySlug", slug="navbar", channel=CHANNEL, languageCode="ES")

    items = data["menu"]["items"]
    assert [(item["name"], item["level"]) for item in items] == [
        ("Stretching & Mobility", 0),
        ("Pain Relief Devices", 0),
        ("Heat & Cold", 0),
        ("Support", 0),
        ("Bundles", 0),
    ]
    assert [item["category"]["slug"] for item in items] == [
        "stretching-and-mobility",
        "pain-relief-devices",
        "heat-and-cold-therapy",
        "support-and-posture",
        "bundles",
    ]
    assert [item["translation"] for item in items[:3]] == [
        None,
        {"name": "Dispositivos para el dolor"},
        {"name": "Frío y calor"},
    ]
    assert items[0]["category"]["translation"] == {
        "name": "Estiramiento y movilidad",
        "slug": "estiramiento-y-movilidad",
    }
    children = items[0]["children"]
    assert [(c["name"], c["level"], c["category"]["slug"]) for c in children] == [
        ("Stretch Straps", 1, "stretch-straps"),
        ("Foam Rollers & Massage Balls", 1, "foam-rollers-and-massage-balls"),
    ]
    assert children[0]["category"]["translation"] == {
        "name": "Correas de estiramiento",
        "slug": "correas-de-estiramiento",
    }


def test_menu_get_by_slug_links_the_footer_to_published_collections(api):
    data = _run(api, "MenuGetBySlug", slug="footer", channel=CHANNEL, languageCode="ES")

    shop = data["menu"]["items"][0]
    assert shop["name"] == "Shop"
    assert shop["url"] is None
    assert [(c["name"], c["collection"]["slug"]) for c in shop["children"]] == [
        ("Featured Products", "featured-products"),
        ("Sciatica Essentials", "sciatica-essentials"),
        ("Desk Worker Relief", "desk-worker-relief"),
    ]
    assert shop["children"][0]["collection"]["translation"] == {
        "name": "Productos destacados",
        "slug": "productos-destacados",
    }


def test_product_details_answers_the_tens_unit_page(api):
    data = _run(
        api,
        "ProductDetails",
        slug="pulseease-tens-unit",
        channel=CHANNEL,
        languageCode="ES",
    )

    product = data["product"]
    assert product["id"] == _gid(Product, slug="pulseease-tens-unit")
    assert product["name"] == "PulseEase TENS Unit"
    assert product["seoTitle"] == "PulseEase TENS Unit for sciatica and back pain"
    assert product["isAvailable"] is True
    assert product["translation"]["name"] == "Unidad TENS PulseEase"
    assert product["translation"]["slug"] == "unidad-tens-pulseease"
    assert product["category"]["slug"] == "tens-units"
    assert product["productType"] == {"slug": "tens-unit"}
    assert product["productVariants"] == {"totalCount": 2}
    assert product["thumbnail"]["alt"] == (
        "Handheld TENS unit with a display and two lead wires"
    )
    assert [m["type"] for m in product["media"]] == ["IMAGE"]
    assert product["pricing"] == {"priceRange": _range(39.99, 54.99)}
    assert product["bestseller"] == {"value": True}
    assert product["assignedAttributes"] == [
        {
            "attribute": {
                "name": "Conditions",
                "slug": "conditions",
                "translation": {"name": "Afecciones"},
            },
            "choices": [
                {"name": "Sciatica", "slug": "sciatica", "translation": "Ciática"},
                {
                    "name": "Low back pain",
                    "slug": "low-back-pain",
                    "translation": "Dolor lumbar",
                },
                {
                    "name": "Herniated disc",
                    "slug": "herniated-disc",
                    "translation": "Hernia discal",
                },
                {
                    "name": "Muscle tension",
                    "slug": "muscle-tension",
                    "translation": "Tensión muscular",
                },
            ],
        },
        {
            "attribute": {
                "name": "Therapy",
                "slug": "therapy",
                "translation": {"name": "Terapia"},
            },
            "choices": [
                {
                    "name": "Electrotherapy",
                    "slug": "electrotherapy",
                    "translation": "Electroterapia",
                }
            ],
        },
        {
            "attribute": {
                "name": "Bestseller",
                "slug": "bestseller",
                "translation": None,
            },
            "boolean": True,
        },
        {
            "attribute": {
                "name": "Intensity levels",
                "slug": "intensity-levels",
                "translation": None,
            },
            "numeric": 20.0,
        },
        {
            "attribute": {
                "name": "FDA cleared",
                "slug": "fda-cleared",
                "translation": None,
            },
            "boolean": True,
        },
        {
            "attribute": {
                "name": "Model number",
                "slug": "model-number",
                "translation": None,
            },
            "plainText": "PE-200",
            "plainTextTranslation": None,
        },
        {
            "attribute": {
                "name": "Care instructions",
                "slug": "care-instructions",
                "translation": None,
            },
        },
    ]


@pytest.mark.parametrize(
    ("slug", "flag"),
    [
        ("pulseease-tens-unit", {"value": True}),
        ("spiky-massage-ball", {"value": False}),
        ("d-ring-stretch-strap", {"value": None}),
    ],
)
def test_product_details_reads_the_bestseller_flag_by_slug(api, slug, flag):
    data = _run(api, "ProductDetails", slug=slug, channel=CHANNEL, languageCode="EN")

    assert data["product"]["bestseller"] == flag
    assert data["product"]["pulseBestseller"] is None


def test_locale_slug_translations_answer_each_language_s_slug(api):
    product = Product.objects.get(slug="loop-stretch-strap")
    ProductTranslation.objects.create(
        product=product, language_code="pl", name="Pasek", slug="pasek-z-petlami"
    )

    data = _run(
        api, "ProductDetails", slug=product.slug, channel=CHANNEL, languageCode="PL"
    )

    found = {key: data["product"][key] for key in data["product"] if key[:4] == "slug"}
    assert found == {
        "slug": "loop-stretch-strap",
        "slugEN": None,
        "slugPL": {"slug": "pasek-z-petlami"},
        "slugDE": None,
        "slugFR": None,
        "slugFI": None,
        "slugNB": None,
        "slugJA": None,
        "slugKO": None,
    }


def test_product_list_answers_products_with_their_prices(api):
    data = _run(api, "ProductList", channel=CHANNEL, languageCode="EN", first=3)

    nodes = [edge["node"] for edge in data["products"]["edges"]]
    assert len({node["slug"] for node in nodes}) == 3
    for node in nodes:
        _assert_list_item_prices(node)


def test_product_list_item_carries_variant_selection_swatches(api):
    data = _run(
        api,
        "ProductListByCategory",
        slug="stretch-straps",
        channel=CHANNEL,
        languageCode="EN",
        first=10,
    )

    nodes = {
        e["node"]["slug"]: e["node"] for e in data["category"]["products"]["edges"]
    }
    strap = nodes["loop-stretch-strap"]["productVariants"]
    assert strap["totalCount"] == 4
    first = strap["edges"][0]["node"]["selectionAttributes"]
    assert [(a["attribute"]["slug"], a["attribute"]["inputType"]) for a in first] == [
        ("length", "DROPDOWN"),
        ("color", "SWATCH"),
    ]
    assert [(v["slug"], v["value"]) for a in first for v in a["values"]] == [
        ("6-ft", ""),
        ("ocean-blue", "#1f6f9f"),
    ]


def test_product_list_by_category_answers_the_stretch_straps(api):
    data = _run(
        api,
        "ProductListByCategory",
        slug="stretch-straps",
        channel=CHANNEL,
        languageCode="ES",
        first=10,
    )

    category = data["category"]
    assert category["name"] == "Stretch Straps"
    assert category["translation"]["name"] == "Correas de estiramiento"
    assert category["translation"]["slug"] == "correas-de-estiramiento"
    products = category["products"]
    assert products["totalCount"] == 3
    assert sorted(_slugs(products)) == [
        "cotton-yoga-strap",
        "d-ring-stretch-strap",
        "loop-stretch-strap",
    ]
    assert products["pageInfo"]["hasNextPage"] is False
    for edge in products["edges"]:
        _assert_list_item_prices(edge["node"])
        variants = edge["node"]["productVariants"]["totalCount"]
        assert variants == VARIANT_COUNTS[edge["node"]["slug"]]


def test_product_list_by_collection_answers_the_featured_products(api):
    data = _run(
        api,
        "ProductListByCollection",
        slug="featured-products",
        channel=CHANNEL,
        languageCode="ES",
        first=10,
    )

    collection = data["collection"]
    assert collection["name"] == "Featured Products"
    assert collection["translation"]["name"] == "Productos destacados"
    assert collection["products"]["totalCount"] == 7
    assert sorted(_slugs(collection["products"])) == [
        "high-density-foam-roller",
        "loop-stretch-strap",
        "memory-foam-lumbar-cushion",
        "microwavable-flaxseed-wrap",
        "pulseease-pro-tens-ems",
        "pulseease-tens-unit",
        "sciatica-relief-bundle",
    ]
    for edge in collection["products"]["edges"]:
        _assert_list_item_prices(edge["node"])


def test_product_list_paginated_walks_every_product_once(api):
    seen = []
    after = None
    for _ in range(4):
        data = _run(
            api,
            "ProductListPaginated",
            channel=CHANNEL,
            languageCode="EN",
            first=5,
            after=after,
        )
        products = data["products"]
        assert products["totalCount"] == 19
        seen += _slugs(products)
        after = products["pageInfo"]["endCursor"]

    assert products["pageInfo"]["hasNextPage"] is False
    assert sorted(seen) == sorted(PRICES)


def test_search_products_finds_the_flaxseed_wrap_and_the_bundle(api):
    data = _run(
        api,
        "SearchProducts",
        search="flaxseed",
        sortBy="NAME",
        sortDirection="ASC",
        channel=CHANNEL,
        languageCode="EN",
        first=10,
    )

    products = data["products"]
    assert products["totalCount"] == 2
    assert [e["node"]["name"] for e in products["edges"]] == [
        "Microwavable Flaxseed Heat Wrap",
        "Sciatica Relief Bundle",
    ]
    for edge in products["edges"]:
        _assert_list_item_prices(edge["node"])


def test_product_variant_for_pdp_answers_a_discounted_variant(api):
    data = _run(
        api,
        "ProductVariantForPdp",
        sku="LMB-TENS-PE-4CH",
        channel=CHANNEL,
        languageCode="EN",
    )

    variant = data["productVariant"]
    assert variant["name"] == "4 channels"
    assert variant["quantityAvailable"] == 15
    assert variant["pricing"] == {
        "price": {"gross": {"currency": "USD", "amount": 54.99}},
        "priceUndiscounted": {"gross": {"currency": "USD", "amount": 64.99}},
    }
    assert variant["product"]["slug"] == "pulseease-tens-unit"
    assert [
        (a["attribute"]["slug"], [v["slug"] for v in a["values"]])
        for a in variant["selectionAttributes"]
    ] == [("channels", ["4-channels"])]


def test_variant_details_split_selection_and_other_attributes(api):
    data = _run(
        api,
        "ProductVariantForPdp",
        sku="LMB-CUSH-SND-FRM",
        channel=CHANNEL,
        languageCode="EN",
    )

    variant = data["productVariant"]
    assert variant["quantityAvailable"] == 0
    assert variant["selectionAttributes"] == [
        {
            "values": [
                {
                    "name": "Sand",
                    "slug": "sand",
                    "value": "#d8c3a5",
                    "translation": None,
                    "file": None,
                }
            ],
            "attribute": {
                "name": "Color",
                "slug": "color",
                "inputType": "SWATCH",
                "translation": None,
            },
        }
    ]
    assert [
        (a["attribute"]["slug"], [v["name"] for v in a["values"]])
        for a in variant["nonSelectionAttributes"]
    ] == [("density", ["Firm"])]


def test_product_variants_for_pdp_pages_through_the_strap_variants(api):
    data = _run(
        api,
        "ProductVariantsForPdp",
        slug="loop-stretch-strap",
        channel=CHANNEL,
        languageCode="EN",
        first=2,
    )

    variants = data["product"]["productVariants"]
    assert variants["totalCount"] == 4
    assert variants["pageInfo"]["hasNextPage"] is True
    nodes = [edge["node"] for edge in variants["edges"]]
    assert [(n["sku"], n["name"], n["quantityAvailable"]) for n in nodes] == [
        ("LMB-STR-LOOP-6-BLU", "6 ft / Ocean blue", 50),
        ("LMB-STR-LOOP-6-GRA", "6 ft / Graphite", 25),
    ]
    assert [n["pricing"]["price"]["gross"]["amount"] for n in nodes] == [19.99, 19.99]

    rest = _run(
        api,
        "ProductVariantsForPdp",
        slug="loop-stretch-strap",
        channel=CHANNEL,
        languageCode="EN",
        first=2,
        after=variants["pageInfo"]["endCursor"],
    )["product"]["productVariants"]
    assert [
        (e["node"]["sku"], e["node"]["quantityAvailable"]) for e in rest["edges"]
    ] == [
        ("LMB-STR-LOOP-8-BLU", 50),
        ("LMB-STR-LOOP-8-GRA", 0),
    ]
    assert rest["pageInfo"]["hasNextPage"] is False

"""Catalog listing selectors: filters, sort, stock state and query counts."""

from decimal import Decimal

from prices import Money

from backend.product.models import ProductMedia
from backend.product.selectors import (
    CatalogFilters,
    product_first_images,
    products_for_listing,
)
from backend.warehouse.selectors import StockState, catalog_page
from tests import factories
from tests.fixtures.catalog import make_published_product


def _page(channel, **kwargs):
    filters = CatalogFilters(**kwargs.pop("filters", {}))
    return catalog_page(
        queryset=products_for_listing(channel_slug=channel.slug),
        channel_slug=channel.slug,
        filters=filters,
        page_size=kwargs.pop("page_size", 24),
        **kwargs,
    )


def _names(page):
    return [row.product.name for row in page.rows]


def _tag(product, attribute, value_slug):
    value, _ = attribute.values.get_or_create(
        slug=value_slug, defaults={"name": value_slug.title()}
    )
    factories.AssignedProductAttributeValueFactory(value=value, product=product)


def test_rows_carry_price_range_and_stock_state(channel, warehouse):
    make_published_product(
        channel=channel,
        warehouse=warehouse,
        name="Strap",
        price=Decimal("10"),
        variants=2,
        quantity=2,
    )

    (row,) = _page(channel).rows

    assert row.product.price_range.start == Money("10", "USD")
    assert row.product.price_range.stop == Money("11", "USD")
    assert row.product.has_price_range
    assert row.stock.label == "Only 4 left"


def test_stock_state_labels():
    assert StockState(quantity=0).label == "Out of stock"
    assert StockState(quantity=5).label == "Only 5 left"
    assert StockState(quantity=6).label == "In stock"


def test_attribute_filter_matches_any_value_of_one_attribute(channel, warehouse):
    therapy = factories.AttributeFactory(slug="therapy", name="Therapy")
    heat = make_published_product(channel=channel, warehouse=warehouse, name="Heat")
    cold = make_published_product(channel=channel, warehouse=warehouse, name="Cold")
    massage = make_published_product(channel=channel, warehouse=warehouse, name="Ball")
    _tag(heat, therapy, "heat")
    _tag(cold, therapy, "cold")
    _tag(massage, therapy, "massage")

    page = _page(channel, filters={"attribute_values": {"therapy": ("heat", "cold")}})

    assert _names(page) == ["Cold", "Heat"]


def test_attribute_filter_matches_a_value_on_a_product_or_on_its_variant(
    channel, warehouse
):
    therapy = factories.AttributeFactory(slug="therapy", name="Therapy")
    heat, _ = therapy.values.get_or_create(slug="heat", defaults={"name": "Heat"})
    on_product = make_published_product(
        channel=channel, warehouse=warehouse, name="Wrap"
    )
    on_variant = make_published_product(
        channel=channel, warehouse=warehouse, name="Pad", variants=2
    )
    on_both = make_published_product(channel=channel, warehouse=warehouse, name="Belt")
    make_published_product(channel=channel, warehouse=warehouse, name="Ball")
    factories.AssignedProductAttributeValueFactory(value=heat, product=on_product)
    for variant in on_variant.variants.all():
        factories.AssignedVariantAttributeValueFactory(value=heat, variant=variant)
    factories.AssignedProductAttributeValueFactory(value=heat, product=on_both)
    factories.AssignedVariantAttributeValueFactory(
        value=heat, variant=on_both.variants.first()
    )

    page = _page(channel, filters={"attribute_values": {"therapy": ("heat",)}})

    # Each match once, however many of its variants carry the value.
    assert _names(page) == ["Belt", "Pad", "Wrap"]
    assert page.page.paginator.count == 3


def test_price_range_and_in_stock_filters(channel, warehouse):
    make_published_product(
        channel=channel, warehouse=warehouse, name="Cheap", price=Decimal("5")
    )
    make_published_product(
        channel=channel, warehouse=warehouse, name="Mid", price=Decimal("20")
    )
    make_published_product(
        channel=channel,
        warehouse=warehouse,
        name="Mid empty",
        price=Decimal("21"),
        quantity=0,
    )

    page = _page(
        channel,
        filters={"price_min": Decimal("10"), "price_max": Decimal("30")},
        in_stock_only=True,
    )

    assert _names(page) == ["Mid"]


def test_sort_by_price_descending(channel, warehouse):
    for name, price in [("A", "30"), ("B", "10"), ("C", "20")]:
        make_published_product(
            channel=channel, warehouse=warehouse, name=name, price=Decimal(price)
        )

    page = _page(channel, filters={"sort": "-price"})

    assert _names(page) == ["A", "C", "B"]


def test_page_past_the_end_gives_the_last_page(channel, warehouse):
    for index in range(3):
        make_published_product(channel=channel, warehouse=warehouse, name=f"P{index}")

    page = _page(channel, page_size=2, page_number=999)

    assert page.page.number == 2
    assert _names(page) == ["P2"]


def test_a_page_number_past_any_database_offset_gives_the_last_page(channel, warehouse):
    for index in range(3):
        make_published_product(channel=channel, warehouse=warehouse, name=f"P{index}")

    page = _page(channel, page_size=2, page_number="99999999999999999999")

    assert (page.page.number, _names(page)) == (2, ["P2"])


def test_listing_reads_a_page_in_four_queries(
    channel, warehouse, django_assert_num_queries
):
    for index in range(12):
        make_published_product(
            channel=channel, warehouse=warehouse, name=f"P{index}", variants=2
        )

    with django_assert_num_queries(4):
        page = _page(channel, filters={"sort": "price"}, in_stock_only=True)

    assert len(page.rows) == 12


def test_a_products_first_image_is_its_lowest_in_gallery_order_with_its_own_fields(
    channel, warehouse
):
    strap = make_published_product(channel=channel, warehouse=warehouse, name="Strap")
    ProductMedia.objects.create(
        product=strap, image="products/back.png", alt="Back", sort_order=7
    )
    front = ProductMedia.objects.create(
        product=strap, image="products/front.png", alt="Front", sort_order=3
    )

    (first,) = product_first_images(product_ids=[strap.pk]).values()

    assert (first.pk, first.product_id, first.sort_order, first.alt) == (
        front.pk,
        strap.pk,
        3,
        "Front",
    )

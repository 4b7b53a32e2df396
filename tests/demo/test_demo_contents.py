"""What the demo store holds once loaded (one load for the whole module)."""

from decimal import Decimal

from PIL import Image

from backend.account.models import User
from backend.attribute.models import AttributeInputType, AttributeValue
from backend.core.permissions import PermissionEnum
from backend.menu.models import Menu
from backend.product.models import (
    Category,
    Collection,
    Product,
    ProductMedia,
    ProductVariant,
    ProductVariantChannelListing,
)
from backend.product.thumbnails import encode_instance_id, thumbnail_get_or_create
from backend.warehouse.models import Warehouse
from backend.warehouse.selectors import variant_quantities_available


def test_demo_has_19_products_and_46_variants(demo_store, db):
    assert Product.objects.count() == 19
    assert ProductVariant.objects.count() == 46


def test_every_demo_product_is_published_in_the_default_channel(demo_store, db):
    published = Product.objects.visible_in_listings("default-channel")

    assert published.distinct().count() == 19


def test_demo_has_reno_and_columbus_warehouses_in_the_channel(demo_store, db):
    warehouses = Warehouse.objects.filter(channels__slug="default-channel")

    assert sorted(warehouses.values_list("address__city", "address__country_area")) == [
        ("COLUMBUS", "OH"),
        ("RENO", "NV"),
    ]


def test_every_variant_has_a_price_and_cost_in_usd(demo_store, db):
    listings = ProductVariantChannelListing.objects.filter(
        channel__slug="default-channel"
    )

    assert listings.count() == 46
    assert not listings.filter(price_amount__isnull=True).exists()
    assert set(listings.values_list("currency", flat=True)) == {"USD"}
    strap = listings.get(variant__sku="LMB-STR-LOOP-6-BLU")
    assert (strap.price_amount, strap.cost_price_amount) == (
        Decimal("19.99"),
        Decimal("6.40"),
    )


def test_some_variants_are_sold_out_and_some_are_low(demo_store, db):
    sku_of = dict(ProductVariant.objects.values_list("pk", "sku"))

    quantities = variant_quantities_available(
        variant_ids=list(sku_of), channel_slug="default-channel"
    )

    available = {sku_of[pk]: quantity for pk, quantity in quantities.items()}
    assert {sku for sku, quantity in available.items() if quantity == 0} == {
        "LMB-STR-LOOP-8-GRA",
        "LMB-PAD-BFLY-4",
        "LMB-CUSH-SND-FRM",
    }
    assert {sku for sku, quantity in available.items() if 0 < quantity <= 5} == {
        "LMB-STR-YOGA-10-SND",
        "LMB-TENS-PRO-4CH",
        "LMB-TENS-MINI-2",
        "LMB-PAD-2X4-20",
        "LMB-HEAT-ELEC-XL",
        "LMB-GEL-LG",
    }


def test_every_product_has_an_image_that_makes_a_thumbnail(demo_store, db):
    assert ProductMedia.objects.count() == 19
    media = ProductMedia.objects.get(product__slug="pulseease-tens-unit")

    thumbnail = thumbnail_get_or_create(
        instance_id=encode_instance_id("ProductMedia", media.pk),
        size=256,
        format="WEBP",
    )

    with thumbnail.image.open("rb") as handle, Image.open(handle) as picture:
        assert (picture.format, picture.size) == ("WEBP", (256, 256))


def test_every_category_has_a_background_image_that_makes_a_thumbnail(demo_store, db):
    assert not Category.objects.filter(background_image="").exists()
    category = Category.objects.get(slug="tens-units")

    thumbnail = thumbnail_get_or_create(
        instance_id=encode_instance_id("Category", category.pk),
        size=512,
        format="AVIF",
    )

    assert category.background_image_alt == "TENS Units"
    with thumbnail.image.open("rb") as handle, Image.open(handle) as picture:
        assert (picture.format, picture.size) == ("AVIF", (512, 205))


def test_bestseller_flag_is_set_on_five_products(demo_store, db):
    flagged = Product.objects.filter(
        attributevalues__value__attribute__slug="bestseller",
        attributevalues__value__boolean=True,
    )

    assert sorted(flagged.values_list("slug", flat=True)) == [
        "lacrosse-massage-ball-set",
        "loop-stretch-strap",
        "memory-foam-lumbar-cushion",
        "microwavable-flaxseed-wrap",
        "pulseease-tens-unit",
    ]


def test_every_attribute_input_type_of_the_demo_is_used(demo_store, db):
    used = set(
        AttributeValue.objects.filter(productvalueassignment__isnull=False)
        .values_list("attribute__input_type", flat=True)
        .union(
            AttributeValue.objects.filter(
                variantvalueassignment__isnull=False
            ).values_list("attribute__input_type", flat=True)
        )
    )

    assert used == {
        AttributeInputType.DROPDOWN,
        AttributeInputType.MULTISELECT,
        AttributeInputType.NUMERIC,
        AttributeInputType.BOOLEAN,
        AttributeInputType.RICH_TEXT,
        AttributeInputType.PLAIN_TEXT,
        AttributeInputType.SWATCH,
        AttributeInputType.REFERENCE,
    }


def test_products_carry_conditions_and_therapy(demo_store, db):
    strap = Product.objects.get(slug="loop-stretch-strap")
    values = strap.attributevalues.order_by("value__attribute__slug", "sort_order")

    assert [
        (row.value.attribute.slug, row.value.slug)
        for row in values
        if row.value.attribute.slug in {"conditions", "therapy"}
    ] == [
        ("conditions", "sciatica"),
        ("conditions", "piriformis-syndrome"),
        ("conditions", "tight-hamstrings"),
        ("conditions", "low-back-pain"),
        ("therapy", "stretching"),
        ("therapy", "mobility"),
    ]


def test_bundle_references_the_products_it_includes(demo_store, db):
    bundle = Product.objects.get(slug="sciatica-relief-bundle")
    references = bundle.attributevalues.filter(
        value__attribute__slug="bundle-includes"
    ).order_by("sort_order")

    assert [row.value.reference_product.slug for row in references] == [
        "loop-stretch-strap",
        "pulseease-tens-unit",
        "self-adhesive-electrode-pads",
        "microwavable-flaxseed-wrap",
    ]


def test_featured_collection_lists_its_products_in_file_order(demo_store, db):
    featured = Collection.objects.get(slug="featured-products")

    assert featured.channel_listings.get(channel__slug="default-channel").is_published
    assert featured.background_image.name.startswith("collection-backgrounds/")
    assert featured.background_image_alt == "Featured Products"
    assert list(
        featured.collectionproduct.order_by("sort_order").values_list(
            "product__slug", flat=True
        )
    ) == [
        "loop-stretch-strap",
        "pulseease-tens-unit",
        "pulseease-pro-tens-ems",
        "high-density-foam-roller",
        "microwavable-flaxseed-wrap",
        "memory-foam-lumbar-cushion",
        "sciatica-relief-bundle",
    ]


def test_navbar_and_footer_menus_link_categories_and_collections(demo_store, db):
    navbar = Menu.objects.get(slug="navbar")
    footer = Menu.objects.get(slug="footer")

    top = navbar.items.filter(parent=None).order_by("sort_order")
    assert [item.category.slug for item in top] == [
        "stretching-and-mobility",
        "pain-relief-devices",
        "heat-and-cold-therapy",
        "support-and-posture",
        "bundles",
    ]
    assert footer.items.filter(collection__slug="featured-products").exists()


def test_category_tree_has_five_roots_and_six_children(demo_store, db):
    assert Category.objects.filter(parent=None).count() == 5
    assert set(
        Category.objects.get(slug="heat-and-cold-therapy").children.values_list(
            "slug", flat=True
        )
    ) == {"heat-packs", "hot-and-cold-packs"}
    assert Category.objects.filter(parent__isnull=False).count() == 6


def test_spanish_translations_of_products_and_categories(demo_store, db):
    product = Product.objects.get(slug="pulseease-tens-unit")
    category = Category.objects.get(slug="stretching-and-mobility")

    assert product.translations.get(language_code="es").name == "Unidad TENS PulseEase"
    assert category.translations.get(language_code="es").slug == (
        "estiramiento-y-movilidad"
    )


def test_staff_users_are_in_their_groups_with_saleor_permissions(demo_store, db):
    merch = User.objects.get(email="merch@example.com")
    ops = User.objects.get(email="ops@example.com")
    admin = User.objects.get(email="admin@example.com")

    assert (merch.is_staff, ops.is_staff, admin.is_staff) == (True, True, True)
    assert list(merch.groups.values_list("name", flat=True)) == ["Merchandisers"]
    assert list(ops.groups.values_list("name", flat=True)) == ["Operations"]
    assert merch.has_perm(PermissionEnum.MANAGE_PRODUCTS.codename)
    assert not merch.has_perm(PermissionEnum.MANAGE_ORDERS.codename)
    assert ops.has_perm(PermissionEnum.MANAGE_ORDERS.codename)
    assert not ops.has_perm(PermissionEnum.MANAGE_PRODUCTS.codename)
    assert admin.is_superuser


def test_staff_passwords_are_the_ones_the_loader_prints(demo_store, db):
    printed = {login.email: login.password for login in demo_store.logins}

    assert printed == {
        "admin@example.com": "lumbar-admin-demo",
        "merch@example.com": "lumbar-merch-demo",
        "ops@example.com": "lumbar-ops-demo",
    }
    for email, password in printed.items():
        assert User.objects.get(email=email).check_password(password)

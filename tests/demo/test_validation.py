"""The catalog checks: each bad value is named with its file and entry."""

import shutil
from pathlib import Path

import pytest

from backend.demo.loader import DemoDataError
from backend.demo.loader.validate import catalog_validate
from tests.fixtures.demo import demo_catalog_dir


@pytest.fixture
def catalog_copy(tmp_path) -> Path:
    target = tmp_path / "catalog"
    shutil.copytree(demo_catalog_dir(), target)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refusal(catalog_dir: Path) -> str:
    with pytest.raises(DemoDataError) as error:
        catalog_validate(catalog_dir=catalog_dir)
    return str(error.value).replace(f"{catalog_dir}/", "")


def test_committed_catalog_passes_every_check():
    catalog = catalog_validate(catalog_dir=demo_catalog_dir())

    assert len(catalog.products) == 19
    assert sum(len(product["variants"]) for product in catalog.products) == 46


def test_unknown_attribute_value_is_named(catalog_copy):
    replace_in(
        catalog_copy / "products.yaml", "therapy: [electrotherapy]", "therapy: [yoga]"
    )

    assert refusal(catalog_copy) == (
        'products.yaml: product "pulseease-tens-unit": '
        'therapy: "yoga" is not one of the attribute\'s values'
    )


def test_unquoted_price_is_refused_as_a_float(catalog_copy):
    replace_in(catalog_copy / "products.yaml", 'price: "39.99"', "price: 39.99")

    assert refusal(catalog_copy) == (
        'products.yaml: product "pulseease-tens-unit": variant "LMB-TENS-PE-2CH": '
        'price 39.99 must be a quoted decimal string ("39.99")'
    )


def test_negative_stock_is_refused(catalog_copy):
    replace_in(catalog_copy / "products.yaml", "reno-nv: 64", "reno-nv: -4")

    assert refusal(catalog_copy) == (
        'products.yaml: product "loop-stretch-strap": variant "LMB-STR-LOOP-6-BLU": '
        "reno-nv -4 is not a whole number of at least 0"
    )


def test_missing_image_file_is_named(catalog_copy):
    (catalog_copy / "images" / "spiky-massage-ball.png").unlink()

    assert refusal(catalog_copy) == (
        'products.yaml: product "spiky-massage-ball": image: '
        'image file "images/spiky-massage-ball.png" is missing'
    )


def test_broken_yaml_names_the_line(catalog_copy):
    replace_in(catalog_copy / "menus.yaml", "  - slug: footer", "  - slug: [footer")

    assert refusal(catalog_copy).startswith("menus.yaml: not valid YAML: line ")


def test_duplicate_sku_is_refused(catalog_copy):
    replace_in(catalog_copy / "products.yaml", "sku: LMB-GEL-MD", "sku: LMB-GEL-SM")

    assert refusal(catalog_copy) == (
        'products.yaml: product "gel-hot-cold-pack": variant "LMB-GEL-SM": '
        "the SKU is given twice"
    )


def test_unknown_staff_group_is_refused(catalog_copy):
    replace_in(catalog_copy / "staff.yaml", "groups: [Operations]", "groups: [Ops]")

    assert refusal(catalog_copy) == (
        'staff.yaml: user "ops@example.com": '
        'group "Ops" is not one of Merchandisers, Operations'
    )


def test_shipping_method_with_minimum_above_maximum_is_refused(catalog_copy):
    replace_in(
        catalog_copy / "shipping.yaml",
        "minimum_delivery_days: 4",
        "minimum_delivery_days: 9",
    )

    assert refusal(catalog_copy) == (
        'shipping.yaml: zone "Canada": method "International Tracked": '
        "minimum_delivery_days 9 is above maximum_delivery_days 8"
    )


def test_shipping_price_for_an_unknown_channel_is_refused(catalog_copy):
    replace_in(
        catalog_copy / "shipping.yaml",
        'default-channel: {price: "14.99"}',
        'eu-channel: {price: "14.99"}',
    )

    assert refusal(catalog_copy) == (
        'shipping.yaml: zone "United States": method "Express": '
        'channel "eu-channel": the channel is not in channels.yaml'
    )

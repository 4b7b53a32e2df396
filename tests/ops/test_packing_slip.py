"""The packing slip: the store, its return address, the method and the bins."""

import base64
import re
import zlib

import pytest

from backend.checkout.complete import checkout_complete
from tests import factories
from tests.fixtures.catalog import make_published_product
from tests.fixtures.checkout import make_ready_checkout, paid_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def reno(channel):
    return factories.WarehouseFactory(
        channels=[channel],
        name="Reno Fulfillment Center",
        company_name="Lumbar Supply Co.",
        address=factories.AddressFactory(
            first_name="",
            last_name="",
            street_address_1="4950 Longley Lane",
            postal_code="89502",
        ),
    )


def place(channel, shipping_method, products):
    checkout = make_ready_checkout(
        channel=channel,
        shipping_method=shipping_method,
        lines=[(product.default_variant, quantity) for product, quantity in products],
    )
    return checkout_complete(
        checkout_token=checkout.token, payment=paid_with("tok_success")
    ).order


@pytest.fixture
def order(channel, reno, shipping_method):
    """Two straps from bin B-02-1 and one ball from A-01-3, held in Reno."""
    strap = make_published_product(channel=channel, warehouse=reno, name="Strap")
    ball = make_published_product(channel=channel, warehouse=reno, name="Ball")
    strap.default_variant.stocks.update(bin_location="B-02-1")
    ball.default_variant.stocks.update(bin_location="A-01-3")
    return place(channel, shipping_method, [(strap, 2), (ball, 1)])


def slip(client, order) -> str:
    return client.get(f"/ops/orders/{order.number}/packing-slip/").content.decode()


def rows(page: str) -> list[list[str]]:
    return [
        re.findall(r"<td>(.*?)</td>", row)
        for row in re.findall(r"<tr><td>.*?</tr>", page)
    ]


def test_the_slip_names_the_store_and_the_warehouses_return_address(ops_client, order):
    page = slip(ops_client, order)

    assert '<p class="store-name"><strong>Lumbar</strong></p>' in page
    assert (
        '<address class="return-address" aria-label="Return address">'
        "Lumbar Supply Co.<br>4950 Longley Lane<br>RENO, NV 89502<br>UNITED STATES"
        "</address>"
    ) in page


def test_the_slip_names_the_shipping_method(ops_client, order, shipping_method):
    page = slip(ops_client, order)

    assert f'<dd class="shipping-method">{shipping_method.name}</dd>' in page


def test_each_line_on_the_slip_shows_the_bin_it_is_picked_from(ops_client, order):
    page = slip(ops_client, order)

    assert [row[:2] for row in rows(page)] == [["2", "B-02-1"], ["1", "A-01-3"]]


def test_an_order_held_in_two_warehouses_gets_a_slip_from_each(
    ops_client, channel, reno, shipping_method
):
    far = factories.WarehouseFactory(
        channels=[channel],
        name="Columbus Distribution Hub",
        address=factories.AddressFactory(
            first_name="",
            last_name="",
            street_address_1="2180 Rickenbacker Parkway West",
            city="COLUMBUS",
            postal_code="43217",
            country_area="OH",
        ),
    )
    strap = make_published_product(channel=channel, warehouse=reno, name="Strap")
    mat = make_published_product(channel=channel, warehouse=far, name="Mat")
    order = place(channel, shipping_method, [(strap, 1), (mat, 1)])

    page = slip(ops_client, order)

    assert page.count('<article class="packing-slip"') == 2
    columbus = page.split('data-warehouse="Columbus Distribution Hub"')[1]
    assert "2180 Rickenbacker Parkway West" in columbus.split("</article>")[0]
    assert "Mat" in columbus.split("</article>")[0]
    assert "Strap" not in columbus.split("</article>")[0]


def pdf_text(pdf: bytes) -> str:
    """Return the PDF's page streams, unpacked (reportlab: ASCII85, Flate)."""
    streams = re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.DOTALL)
    text = []
    for stream in streams:
        data = stream.strip()
        if data.endswith(b"~>"):
            data = base64.a85decode(data, adobe=True)
        try:
            data = zlib.decompress(data)
        except zlib.error:
            pass
        text.append(data.decode("latin-1"))
    return "".join(text)


def test_the_pdf_slip_carries_the_store_return_address_method_and_bins(
    ops_client, order, shipping_method
):
    response = ops_client.get(f"/ops/orders/{order.number}/packing-slip.pdf")

    text = pdf_text(response.content)
    for expected in (
        "(Lumbar)",
        "(4950 Longley Lane)",
        f"(Shipping method: {shipping_method.name})",
        "(B-02-1)",
        "(A-01-3)",
    ):
        assert expected in text


def test_a_pick_sheet_of_one_unit_says_one_unit(ops_client, channel, reno, order):
    single = place(
        channel,
        order.shipping_method,
        [(make_published_product(channel=channel, warehouse=reno, name="Pad"), 1)],
    )

    page = ops_client.get(f"/ops/pick-list/?order={single.number}").content.decode()

    assert '<span class="count">1 unit</span>' in page

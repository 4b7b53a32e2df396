"""Pick lists per warehouse sorted by bin, and packing slips in HTML and PDF."""

import pytest

from backend.checkout.complete import checkout_complete
from tests import factories
from tests.fixtures.catalog import make_published_product
from tests.fixtures.checkout import make_ready_checkout, paid_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_orders(channel, warehouse, shipping_method):
    """Order A: 2 straps + 1 ball; order B: 1 strap. Bins set on the shelf."""
    strap = make_published_product(channel=channel, warehouse=warehouse, name="Strap")
    ball = make_published_product(channel=channel, warehouse=warehouse, name="Ball")
    strap.default_variant.stocks.update(bin_location="B-02-1")
    ball.default_variant.stocks.update(bin_location="A-01-3")
    orders = []
    for lines in ([(strap, 2), (ball, 1)], [(strap, 1)]):
        checkout = make_ready_checkout(
            channel=channel,
            shipping_method=shipping_method,
            lines=[(product.default_variant, qty) for product, qty in lines],
        )
        orders.append(
            checkout_complete(
                checkout_token=checkout.token, payment=paid_with("tok_success")
            ).order
        )
    return orders, strap, ball


def sheet_rows(page: str) -> list[list[str]]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = []
    for row in body.split("<tr>")[1:]:
        cells = [cell.split("</td>", 1)[0] for cell in row.split("<td>")[1:]]
        rows.append(cells[:4])
    return rows


def test_pick_list_adds_up_each_sku_and_sorts_by_bin(ops_client, two_orders):
    (first, second), strap, ball = two_orders

    page = ops_client.get(
        f"/ops/pick-list/?order={first.number}&order={second.number}"
    ).content.decode()

    assert sheet_rows(page) == [
        [
            "A-01-3",
            ball.default_variant.sku,
            f"Ball ({ball.default_variant.name})",
            "1",
        ],
        [
            "B-02-1",
            strap.default_variant.sku,
            f"Strap ({strap.default_variant.name})",
            "3",
        ],
    ]


def test_pick_list_makes_one_sheet_per_warehouse(
    ops_client, two_orders, channel, shipping_method
):
    far = factories.WarehouseFactory(channels=[channel], name="Far Away")
    mat = make_published_product(channel=channel, warehouse=far, name="Mat")
    checkout = make_ready_checkout(
        channel=channel,
        shipping_method=shipping_method,
        lines=[(mat.default_variant, 1)],
    )
    third = checkout_complete(
        checkout_token=checkout.token, payment=paid_with("tok_success")
    ).order
    (first, _), _, _ = two_orders

    page = ops_client.get(
        f"/ops/pick-list/?order={first.number}&order={third.number}"
    ).content.decode()

    assert page.count('class="pick-sheet"') == 2
    assert 'data-warehouse="Far Away"' in page


def test_packing_slip_lists_lines_and_ship_to(ops_client, two_orders):
    (first, _), _, _ = two_orders

    page = ops_client.get(f"/ops/orders/{first.number}/packing-slip/").content.decode()

    assert f"Packing slip — order #{first.number}" in page
    assert "1 Main St" in page
    assert page.count("<tr><td>") == 2


def test_packing_slip_pdf_is_a_pdf_naming_the_order(ops_client, two_orders):
    (first, _), _, _ = two_orders

    response = ops_client.get(f"/ops/orders/{first.number}/packing-slip.pdf")

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert f"packing-slip-{first.number}.pdf" in response["Content-Disposition"]


@pytest.mark.parametrize("who", ["merch_client", "customer_client"])
def test_others_cannot_print_pick_lists_or_slips(who, request, two_orders):
    client = request.getfixturevalue(who)
    (first, _), _, _ = two_orders

    assert client.get(f"/ops/pick-list/?order={first.number}").status_code == 403
    assert client.get(f"/ops/orders/{first.number}/packing-slip.pdf").status_code == 403

"""Packing slips: one per warehouse an order leaves from, in HTML and PDF.

A slip names the store and the warehouse's return address, the ship-to
address and method, and each line with the bin it is picked from.
"""

import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas

from backend.warehouse.models import Allocation, Stock, Warehouse
from backend.warehouse.selectors import operations_time_zone, warehouse_main

from .emails import address_lines
from .models import FulfillmentLine, FulfillmentStatus, Order

STORE_NAME = "Lumbar"
QR_SIZE = 1.3 * inch


@dataclass(frozen=True)
class SlipLine:
    quantity: int
    name: str
    sku: str
    bin_location: str


@dataclass(frozen=True)
class PackingSlip:
    store_name: str
    warehouse_name: str
    return_address: list[str]
    order_number: int
    placed_at: datetime
    shipping_method: str
    ship_to: list[str]
    lines: list[SlipLine]


def _return_address(warehouse: Warehouse | None) -> list[str]:
    if warehouse is None:
        return []
    lines = address_lines(warehouse.address)
    company = warehouse.company_name or warehouse.address.company_name
    if company and company not in lines:
        lines.insert(0, company)
    return lines


def packing_slips(*, order: Order) -> list[PackingSlip]:
    """Return one slip per warehouse holding or sending the order's lines.

    Units neither held nor sent anywhere go on the main warehouse's slip.
    """
    order_lines = list(order.lines.order_by("created_at", "pk"))
    placed: dict[tuple, int] = defaultdict(int)  # (line id, stock) -> units
    stocks: dict[int, Stock] = {}
    held = Allocation.objects.filter(
        order_line__order=order, quantity_allocated__gt=0
    ).select_related("stock__warehouse__address")
    sent = FulfillmentLine.objects.filter(
        fulfillment__order=order, stock__isnull=False
    ).exclude(fulfillment__status=FulfillmentStatus.CANCELED)
    for allocation in held:
        stocks[allocation.stock_id] = allocation.stock
        placed[(allocation.order_line_id, allocation.stock_id)] += (
            allocation.quantity_allocated
        )
    for line in sent.select_related("stock__warehouse__address"):
        stocks[line.stock_id] = line.stock
        placed[(line.order_line_id, line.stock_id)] += line.quantity
    main = warehouse_main()
    main_stocks = {}
    if main is not None:
        main_stocks = {
            stock.product_variant_id: stock
            for stock in Stock.objects.filter(
                warehouse=main,
                product_variant_id__in=[line.variant_id for line in order_lines],
            )
        }
    by_warehouse: dict[int | None, list[SlipLine]] = defaultdict(list)
    warehouses: dict[int | None, Warehouse | None] = {None: main}
    for line in order_lines:
        name = line.product_name
        if line.variant_name:
            name = f"{name} ({line.variant_name})"
        left = line.quantity
        for (line_id, stock_id), quantity in placed.items():
            if line_id != line.pk:
                continue
            stock = stocks[stock_id]
            warehouses[stock.warehouse_id] = stock.warehouse
            by_warehouse[stock.warehouse_id].append(
                SlipLine(quantity, name, line.product_sku or "", stock.bin_location)
            )
            left -= quantity
        if left > 0:
            shelf = main_stocks.get(line.variant_id)
            by_warehouse[None].append(
                SlipLine(
                    left,
                    name,
                    line.product_sku or "",
                    shelf.bin_location if shelf else "",
                )
            )
    ship_to = address_lines(order.shipping_address)
    method = order.shipping_method_name or ""
    return [
        PackingSlip(
            store_name=STORE_NAME,
            warehouse_name=warehouses[key].name if warehouses[key] else "",
            return_address=_return_address(warehouses[key]),
            order_number=order.number,
            placed_at=order.created_at,
            shipping_method=method,
            ship_to=ship_to,
            lines=lines,
        )
        for key, lines in sorted(
            by_warehouse.items(),
            key=lambda item: warehouses[item[0]].name if warehouses[item[0]] else "",
        )
    ]


def _draw_slip(pdf: canvas.Canvas, slip: PackingSlip, zone: ZoneInfo) -> None:
    width, height = LETTER
    left = 0.75 * inch
    top = height - 0.75 * inch

    qr = QrCodeWidget(f"LUMBAR-ORDER-{slip.order_number}")
    x0, y0, x1, y1 = qr.getBounds()
    drawing = Drawing(
        QR_SIZE,
        QR_SIZE,
        transform=[QR_SIZE / (x1 - x0), 0, 0, QR_SIZE / (y1 - y0), 0, 0],
    )
    drawing.add(qr)
    renderPDF.draw(drawing, pdf, width - left - QR_SIZE, top - QR_SIZE)

    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(left, top - 12, slip.store_name)
    pdf.setFont("Helvetica", 9)
    y = top - 24
    for line in slip.return_address:
        pdf.drawString(left, y, line)
        y -= 11
    y -= 14
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawString(left, y, f"Packing slip — order #{slip.order_number}")
    pdf.setFont("Helvetica", 10)
    placed = slip.placed_at.astimezone(zone)
    y -= 16
    pdf.drawString(left, y, f"Placed {placed:%a %d %b %Y}")
    if slip.shipping_method:
        y -= 13
        pdf.drawString(left, y, f"Shipping method: {slip.shipping_method}")
    y = min(y, top - QR_SIZE) - 24
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(left, y, "Ship to")
    pdf.setFont("Helvetica", 11)
    for line in slip.ship_to:
        y -= 14
        pdf.drawString(left, y, line)
    y -= 30
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(left, y, "Qty")
    pdf.drawString(1.3 * inch, y, "Bin")
    pdf.drawString(2.1 * inch, y, "Item")
    pdf.drawString(6.0 * inch, y, "SKU")
    pdf.setFont("Helvetica", 11)
    for line in slip.lines:
        y -= 16
        if y < 0.75 * inch:
            pdf.showPage()
            pdf.setFont("Helvetica", 11)
            y = top
        pdf.drawString(left, y, str(line.quantity))
        pdf.drawString(1.3 * inch, y, line.bin_location or "—")
        pdf.drawString(2.1 * inch, y, line.name[:60])
        pdf.drawString(6.0 * inch, y, line.sku)
    pdf.showPage()


def packing_slip_pdf(*, order: Order) -> bytes:
    """Return a Letter PDF with one page (or more) per warehouse's slip."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=LETTER)
    pdf.setTitle(f"Packing slip #{order.number}")
    zone = operations_time_zone()
    for slip in packing_slips(order=order):
        _draw_slip(pdf, slip, zone)
    pdf.save()
    return buffer.getvalue()

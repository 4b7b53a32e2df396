"""The packing slip as a PDF: lines, quantities, ship-to and a QR code."""

import io

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas

from .models import Order

QR_SIZE = 1.3 * inch


def ship_to_lines(order: Order) -> list[str]:
    address = order.shipping_address
    if address is None:
        return []
    lines = [
        f"{address.first_name} {address.last_name}".strip(),
        address.company_name,
        address.street_address_1,
        address.street_address_2,
        f"{address.city}, {address.country_area} {address.postal_code}".strip(", "),
        address.country.name,
    ]
    return [line for line in lines if line]


def packing_slip_pdf(*, order: Order) -> bytes:
    """Return a one-page (or longer) Letter PDF for the order's parcel."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=LETTER)
    pdf.setTitle(f"Packing slip #{order.number}")
    width, height = LETTER
    top = height - 0.75 * inch

    qr = QrCodeWidget(f"LUMBAR-ORDER-{order.number}")
    left, bottom, right, upper = qr.getBounds()
    drawing = Drawing(
        QR_SIZE,
        QR_SIZE,
        transform=[QR_SIZE / (right - left), 0, 0, QR_SIZE / (upper - bottom), 0, 0],
    )
    drawing.add(qr)
    renderPDF.draw(drawing, pdf, width - 0.75 * inch - QR_SIZE, top - QR_SIZE)

    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawString(0.75 * inch, top - 14, f"Packing slip — order #{order.number}")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(0.75 * inch, top - 32, f"Placed {order.created_at:%a %d %b %Y}")
    y = top - 60
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(0.75 * inch, y, "Ship to")
    pdf.setFont("Helvetica", 11)
    for line in ship_to_lines(order):
        y -= 14
        pdf.drawString(0.75 * inch, y, line)
    y = min(y, top - QR_SIZE) - 30
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(0.75 * inch, y, "Qty")
    pdf.drawString(1.4 * inch, y, "Item")
    pdf.drawString(5.6 * inch, y, "SKU")
    pdf.setFont("Helvetica", 11)
    for line in order.lines.order_by("created_at", "pk"):
        y -= 16
        if y < 0.75 * inch:
            pdf.showPage()
            pdf.setFont("Helvetica", 11)
            y = top
        name = line.product_name
        if line.variant_name:
            name = f"{name} ({line.variant_name})"
        pdf.drawString(0.75 * inch, y, str(line.quantity))
        pdf.drawString(1.4 * inch, y, name[:70])
        pdf.drawString(5.6 * inch, y, line.product_sku or "")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()

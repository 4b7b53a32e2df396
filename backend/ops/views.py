"""Ops pages: the ship-by queue, an order, and the doors onto fulfilment."""

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from backend.core.admin_permissions import validation_messages
from backend.core.permissions import PermissionEnum, user_has_any_permission
from backend.order.carriers import tracking_url
from backend.order.fulfillments import (
    FulfilLine,
    fulfillment_approve,
    fulfillment_cancel,
    fulfillment_return,
    order_fulfil,
    orders_fulfil_bulk,
)
from backend.order.models import Fulfillment, Order
from backend.order.packing_slip import packing_slip_pdf, packing_slips
from backend.order.picking import pick_sheets
from backend.order.queue import Lane, ship_queue
from backend.order.services import order_note_add
from backend.payment.refunds import order_refund
from backend.shipping.models import ShippingMethod
from backend.warehouse.models import Stock, Warehouse
from backend.warehouse.selectors import LOW_STOCK_THRESHOLD, stocks_low
from backend.warehouse.services import stock_adjust, stock_bin_location_set

from .access import operations_required
from .forms import CARRIERS, FROM_TRACKING_NUMBER, FulfilForm, StockAdjustForm
from .queue_rows import queue_rows_shown

# Rows the low-stock page lists; the emptiest come first.
LOW_STOCK_PAGE_SIZE = 200
# A lane's pick list covers at most this many orders: a picker's cart.
MAX_PICK_ORDERS = 200


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@operations_required
def queue(request):
    """Open orders by lane, soonest ship-by first, filterable."""
    warehouse_id = _int_or_none(request.GET.get("warehouse"))
    method_id = _int_or_none(request.GET.get("method"))
    now = timezone.now()
    zone = timezone.get_current_timezone()  # ops zone: operations_required
    result = ship_queue(
        now=now, zone=zone, warehouse_id=warehouse_id, shipping_method_id=method_id
    )
    template = (
        "ops/_lanes.html"
        if request.GET.get("fragment") == "lanes"
        else "ops/queue.html"
    )
    return render(
        request,
        template,
        {
            "lanes": [
                (
                    lane,
                    queue_rows_shown(rows=result.rows[lane], zone=zone),
                    result.counts[lane],
                    lane in result.more,
                )
                for lane in Lane
            ],
            "total": result.total,
            "total_is_more": result.total_is_more,
            "now": now,
            "warehouses": Warehouse.objects.order_by("name").only("pk", "name"),
            "methods": ShippingMethod.objects.order_by("name").only("pk", "name"),
            "warehouse_id": warehouse_id,
            "method_id": method_id,
        },
    )


def _order(number: int) -> Order:
    order = (
        Order.objects.select_related("shipping_address", "channel")
        .filter(number=number)
        .first()
    )
    if order is None:
        raise Http404("No such order.")
    return order


def _warehouse_choices(order: Order, lines) -> dict[str, list[tuple[int, str]]]:
    """Per line, the warehouses holding its variant, the allocated one first."""
    allocated = defaultdict(set)
    for line in lines:
        for allocation in line.allocations.all():
            allocated[str(line.pk)].add(allocation.stock.warehouse_id)
    stocks = Stock.objects.filter(
        product_variant_id__in=[line.variant_id for line in lines if line.variant_id]
    ).select_related("warehouse")
    by_variant = defaultdict(list)
    for stock in stocks:
        by_variant[stock.product_variant_id].append(stock)
    choices = {}
    for line in lines:
        options = sorted(
            by_variant[line.variant_id],
            key=lambda s: (
                s.warehouse_id not in allocated[str(line.pk)],
                s.warehouse.name,
            ),
        )
        choices[str(line.pk)] = [
            (
                stock.warehouse_id,
                f"{stock.warehouse.name} ({stock.quantity} on hand)",
            )
            for stock in options
        ]
    return choices


def _order_context(order: Order, form: FulfilForm | None = None) -> dict:
    lines = list(
        order.lines.prefetch_related("allocations__stock__warehouse").order_by(
            "created_at", "pk"
        )
    )
    if form is None:
        form = FulfilForm(lines=lines, warehouses=_warehouse_choices(order, lines))
    return {
        "order": order,
        "lines": lines,
        "form": form,
        "fulfillments": [
            (
                fulfillment,
                tracking_url(
                    carrier=fulfillment.carrier,
                    tracking_number=fulfillment.tracking_number,
                ),
            )
            for fulfillment in order.fulfillments.prefetch_related("lines__order_line")
        ],
        "events": order.events.select_related("user").order_by("date", "pk"),
    }


@operations_required
def order_detail(request, number: int):
    order = _order(number)
    return render(request, "ops/order.html", _order_context(order))


@operations_required
@require_POST
def order_fulfil_view(request, number: int):
    order = _order(number)
    lines = list(order.lines.prefetch_related("allocations__stock"))
    form = FulfilForm(
        request.POST, lines=lines, warehouses=_warehouse_choices(order, lines)
    )
    if form.is_valid():
        try:
            order_fulfil(
                order_id=order.pk,
                lines=[
                    FulfilLine(line_id, quantity, warehouse_id)
                    for line_id, quantity, warehouse_id in form.fulfil_lines()
                ],
                user=request.user,
                tracking_number=form.cleaned_data["tracking_number"],
                carrier=form.cleaned_data["carrier"],
                notify_customer=form.cleaned_data["notify_customer"],
            )
        except ValidationError as error:
            for message in validation_messages(error):
                form.add_error(None, message)
        else:
            messages.success(request, f"Order #{order.number} fulfilled.")
            return redirect("ops:order", number=order.number)
    return render(request, "ops/order.html", _order_context(order, form), status=400)


def _fulfillment_action(request, number: int, fulfillment_id: int, action, done: str):
    order = _order(number)
    if not Fulfillment.objects.filter(pk=fulfillment_id, order=order).exists():
        raise Http404("No such fulfillment on this order.")
    try:
        action(fulfillment_id=fulfillment_id, user=request.user)
    except ValidationError as error:
        for message in validation_messages(error):
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("ops:order", number=order.number)


@operations_required
@require_POST
def fulfillment_cancel_view(request, number: int, fulfillment_id: int):
    return _fulfillment_action(
        request,
        number,
        fulfillment_id,
        fulfillment_cancel,
        "Fulfillment canceled; its items are back in stock.",
    )


@operations_required
@require_POST
def fulfillment_approve_view(request, number: int, fulfillment_id: int):
    return _fulfillment_action(
        request, number, fulfillment_id, fulfillment_approve, "Fulfillment approved."
    )


@operations_required
def pick_list(request):
    """Printable pick sheets for the ticked orders, or for a whole lane."""
    numbers = [n for n in (_int_or_none(v) for v in request.GET.getlist("order")) if n]
    lane = request.GET.get("lane")
    if numbers:
        order_ids = list(
            Order.objects.filter(number__in=numbers).values_list("pk", flat=True)
        )
        title = f"{len(order_ids)} selected orders"
    elif lane in {choice.value for choice in Lane}:
        result = ship_queue(
            now=timezone.now(),
            zone=timezone.get_current_timezone(),  # ops zone: operations_required
            warehouse_id=_int_or_none(request.GET.get("warehouse")),
            shipping_method_id=_int_or_none(request.GET.get("method")),
            page_size=MAX_PICK_ORDERS,
        )
        rows = result.rows[Lane(lane)]
        order_ids = [row.order_id for row in rows]
        numbers = [row.number for row in rows]
        title = f"lane “{Lane(lane).title}”"
    else:
        order_ids, title = [], ""
    return render(
        request,
        "ops/pick_list.html",
        {
            "sheets": pick_sheets(order_ids=order_ids) if order_ids else [],
            "title": title,
            "numbers": sorted(numbers),
        },
    )


@operations_required
def packing_slip(request, number: int):
    order = _order(number)
    return render(
        request,
        "ops/packing_slip.html",
        {"order": order, "slips": packing_slips(order=order)},
    )


@operations_required
def packing_slip_pdf_view(request, number: int):
    order = _order(number)
    response = HttpResponse(
        packing_slip_pdf(order=order), content_type="application/pdf"
    )
    response["Content-Disposition"] = (
        f'inline; filename="packing-slip-{order.number}.pdf"'
    )
    return response


@operations_required
def stock_low(request):
    """Stock at or under the low mark, emptiest first, per warehouse."""
    warehouse_id = _int_or_none(request.GET.get("warehouse"))
    return render(
        request,
        "ops/stock_low.html",
        {
            "rows": stocks_low(warehouse_id=warehouse_id)[:LOW_STOCK_PAGE_SIZE],
            "warehouses": Warehouse.objects.order_by("name").only("pk", "name"),
            "warehouse_id": warehouse_id,
            "threshold": LOW_STOCK_THRESHOLD,
        },
    )


def _stock(stock_id: int) -> Stock:
    stock = (
        Stock.objects.select_related("warehouse", "product_variant__product")
        .filter(pk=stock_id)
        .first()
    )
    if stock is None:
        raise Http404("No such stock.")
    return stock


@operations_required
def stock_detail(request, stock_id: int):
    """A stock level, its history, and the form to change it with a reason."""
    stock = _stock(stock_id)
    form = StockAdjustForm(request.POST or None, initial={"quantity": stock.quantity})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                stock_adjust(
                    stock_id=stock.pk,
                    quantity=form.cleaned_data["quantity"],
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                    user=request.user,
                )
            except ValidationError as error:
                for message in validation_messages(error):
                    form.add_error(None, message)
            else:
                messages.success(request, "Stock updated.")
                return redirect("ops:stock", stock_id=stock.pk)
        status = 400
    return render(
        request,
        "ops/stock.html",
        {
            "stock": stock,
            "form": form,
            "history": stock.adjustments.select_related("user")[:50],
        },
        status=status,
    )


@operations_required
@require_POST
def stock_bin_view(request, stock_id: int):
    """Move a stock to another bin: where pickers and packers find it."""
    stock = _stock(stock_id)
    try:
        stock_bin_location_set(
            stock_id=stock.pk, bin_location=request.POST.get("bin_location", "")
        )
    except ValidationError as error:
        for message in validation_messages(error):
            messages.error(request, message)
    else:
        messages.success(request, "Bin saved.")
    return redirect("ops:stock", stock_id=stock.pk)


@operations_required
def bulk_fulfil(request):
    """Fulfil ticked orders in one go, each with its own tracking number."""
    source = request.POST if request.method == "POST" else request.GET
    numbers = [n for n in (_int_or_none(v) for v in source.getlist("order")) if n]
    orders = list(
        Order.objects.filter(number__in=numbers[:MAX_PICK_ORDERS])
        .select_related("shipping_address")
        .order_by("number")
    )
    errors: dict[int, list[str]] = {}
    carrier = request.POST.get("carrier", "")
    # What was typed, shown again beside a refused order.
    typed = {
        order.number: request.POST.get(f"tracking_{order.number}", "")
        for order in orders
    }
    if request.method == "POST":
        parcels = [(order.pk, typed[order.number]) for order in orders]
        results = orders_fulfil_bulk(
            parcels=parcels, carrier=carrier, user=request.user
        )
        number_of = {order.pk: order.number for order in orders}
        sent = [
            number_of[pk] for pk, result in results.items() if isinstance(result, list)
        ]
        for pk, result in results.items():
            if isinstance(result, ValidationError):
                errors[number_of[pk]] = validation_messages(result)
        if sent:
            messages.success(
                request,
                "Fulfilled " + ", ".join(f"#{number}" for number in sent) + ".",
            )
        if not errors:
            return redirect("ops:queue")
        orders = [order for order in orders if order.number in errors]
    return render(
        request,
        "ops/bulk_fulfil.html",
        {
            "orders": orders,
            "errors": errors,
            "typed": typed,
            "carrier": carrier,
            "carriers": CARRIERS,
            "from_tracking_number": FROM_TRACKING_NUMBER,
        },
        status=400 if errors else 200,
    )


@operations_required
@require_POST
def order_note_view(request, number: int):
    order = _order(number)
    try:
        order_note_add(
            order_id=order.pk,
            message=request.POST.get("message", ""),
            user=request.user,
        )
    except ValidationError as error:
        for message in validation_messages(error):
            messages.error(request, message)
    else:
        messages.success(request, "Note added.")
    return redirect("ops:order", number=order.number)


@operations_required
@require_POST
def fulfillment_return_view(request, number: int, fulfillment_id: int):
    restock = request.POST.get("restock") == "on"
    return _fulfillment_action(
        request,
        number,
        fulfillment_id,
        lambda **kwargs: fulfillment_return(restock=restock, **kwargs),
        "Marked returned" + ("; the items are back on the shelf." if restock else "."),
    )


@operations_required
@require_POST
def order_refund_view(request, number: int):
    order = _order(number)
    if not user_has_any_permission(request.user, PermissionEnum.HANDLE_PAYMENTS):
        raise PermissionDenied("Refunds need the HANDLE_PAYMENTS permission.")
    try:
        order_refund(
            order_id=order.pk, amount=request.POST.get("amount"), user=request.user
        )
    except ValidationError as error:
        for message in validation_messages(error):
            messages.error(request, message)
    else:
        messages.success(request, "Refunded.")
    return redirect("ops:order", number=order.number)

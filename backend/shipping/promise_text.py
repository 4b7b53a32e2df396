"""The words a page prints for a delivery promise. Pure formatting."""

from datetime import date, datetime, timedelta

from .promise import DeliveryPromise, PromiseReason

COUNTDOWN_LIMIT = timedelta(hours=24)


def day_label(day: date) -> str:
    """Return a short date as shoppers read it: "Thu 26 Nov"."""
    return f"{day:%a} {day.day} {day:%b}"


def arrival_text(promise: DeliveryPromise) -> str:
    if promise.earliest == promise.latest:
        return f"get it {day_label(promise.latest)}"
    return f"get it by {day_label(promise.latest)}"


def deadline_text(order_by: datetime, *, now: datetime) -> str:
    """Return "Order within 2 h 13 min" or, further off, "Order by Mon 2:00 PM EST"."""
    remaining = order_by - now
    if remaining < COUNTDOWN_LIMIT:
        minutes = max(int(remaining.total_seconds() // 60), 1)
        hours, minutes = divmod(minutes, 60)
        span = f"{hours} h {minutes} min" if hours else f"{minutes} min"
        return f"Order within {span}"
    clock = f"{order_by:%I:%M %p}".lstrip("0")
    return f"Order by {order_by:%a} {clock} {order_by:%Z}"


def promise_line(promise: DeliveryPromise, *, now: datetime) -> str:
    """Return the product page's line, or why there is no date."""
    if not promise.deliverable:
        if PromiseReason.POSTAL_CODE_EXCLUDED in promise.reasons:
            return "We cannot deliver to this postal code with our usual method."
        return ""
    return f"{deadline_text(promise.order_by, now=now)}, {arrival_text(promise)}"


def promise_short(promise: DeliveryPromise) -> str:
    """Return a block's short line: "Get it by Fri 27 Nov"."""
    if not promise.deliverable:
        return ""
    text = arrival_text(promise)
    return text[0].upper() + text[1:]

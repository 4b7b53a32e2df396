"""Warn operations about orders about to miss their ship-by deadline."""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils.dateformat import format as date_format
from django.utils.translation import ngettext

from backend.core.permissions import PermissionEnum
from backend.warehouse.selectors import operations_time_zone

from .models import Order
from .queue import OPEN_STATUSES

# Orders due to leave within this window and still not sent are at risk.
AT_RISK_WINDOW = timedelta(hours=3)
# Alerts claimed per run; each is one row update and one email.
ALERT_BATCH_SIZE = 200
# As the ops pages show a time: "Tue 17 Nov, 1:00 PM PST".
SHIP_BY_FORMAT = "D j M, g:i A T"


def _local(moment: datetime, zone) -> str:
    return date_format(moment.astimezone(zone), SHIP_BY_FORMAT)


def operations_emails() -> list[str]:
    """Active staff holding MANAGE_ORDERS, as the ops pages ask."""
    users = get_user_model().objects.filter(is_active=True, is_staff=True)
    return sorted(
        user.email
        for user in users
        if user.has_perm(PermissionEnum.MANAGE_ORDERS.codename)
    )


def orders_at_risk_alert(*, now: datetime) -> list[int]:
    """Claim the open orders about to miss ship-by, once each; email ops on commit.

    Rows are claimed under SKIP LOCKED, so two beat runs at once never alert
    the same order twice. Returns the order numbers alerted.
    """
    with transaction.atomic():
        claimed = list(
            Order.objects.select_for_update(skip_locked=True)
            .filter(
                status__in=OPEN_STATUSES,
                ship_by__isnull=False,
                ship_by__lte=now + AT_RISK_WINDOW,
                ship_by_alert_sent_at__isnull=True,
            )
            .order_by("ship_by", "pk")
            .values_list("pk", "number", "ship_by")[:ALERT_BATCH_SIZE]
        )
        if not claimed:
            return []
        Order.objects.filter(pk__in=[pk for pk, _, _ in claimed]).update(
            ship_by_alert_sent_at=now
        )
        numbers = [number for _, number, _ in claimed]
        zone = operations_time_zone()
        lines = [
            f"#{number}: ship by {_local(ship_by, zone)}"
            for _, number, ship_by in claimed
        ]
        subject = ngettext(
            "%(count)d order is about to miss its ship-by time",
            "%(count)d orders are about to miss their ship-by time",
            len(numbers),
        ) % {"count": len(numbers)}
        recipients = operations_emails()
        if recipients:
            transaction.on_commit(
                lambda: send_mail(
                    subject=subject,
                    message="These orders have not left yet:\n\n"
                    + "\n".join(lines)
                    + "\n\nOpen the queue: /ops/",
                    from_email=None,
                    recipient_list=recipients,
                )
            )
    return numbers

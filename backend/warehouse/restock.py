"""Back-in-stock emails: a shopper asks, the beat tells them once it's back.

Any door may refill stock (the admin, /ops/, the API, an import), so the
send does not hang on one of them: a beat job finds pending alerts whose
variant a shopper can buy again and emails each once.
"""

from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from backend.account.models import User
from backend.channel.models import Channel
from backend.product.models import ProductVariant

from .models import RestockAlert
from .selectors import variant_quantities_available

# Pending alerts one address may hold: enough for any shopper, too few to
# turn the form into a way of mailing a stranger about the whole catalog.
MAX_PENDING_PER_EMAIL = 20
# Alerts read per beat run; each is one small email.
SEND_BATCH = 200


def _email_clean(email: str) -> str:
    email = User.objects.normalize_email((email or "").strip()).lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            {"email": ValidationError("Enter a valid email address.", code="invalid")}
        ) from None
    return email


def restock_alert_subscribe(
    *, variant_id: int, channel_slug: str, email: str
) -> RestockAlert:
    """Ask to be emailed when a sold-out variant can be bought again."""
    email = _email_clean(email)
    variant = (
        ProductVariant.objects.select_related("product")
        .filter(pk=variant_id, channel_listings__channel__slug=channel_slug)
        .first()
    )
    channel = Channel.objects.filter(slug=channel_slug, is_active=True).first()
    if variant is None or channel is None:
        raise ValidationError(
            {
                "variant": ValidationError(
                    "This product is not sold here.", code="not_found"
                )
            }
        )
    available = variant_quantities_available(
        variant_ids=[variant.pk], channel_slug=channel_slug
    )
    if available.get(variant.pk, 0) > 0:
        raise ValidationError(
            {
                "variant": ValidationError(
                    "Good news: it is in stock now, so you can add it to your cart.",
                    code="in_stock",
                )
            }
        )
    pending = RestockAlert.objects.filter(email=email, sent_at__isnull=True)
    existing = pending.filter(variant=variant, channel=channel).first()
    if existing is not None:
        return existing
    if pending.count() >= MAX_PENDING_PER_EMAIL:
        raise ValidationError(
            {
                "email": ValidationError(
                    f"This address already waits for {MAX_PENDING_PER_EMAIL} "
                    "products; we will write when they are back.",
                    code="limit",
                )
            }
        )
    try:
        with transaction.atomic():
            return RestockAlert.objects.create(
                variant=variant, channel=channel, email=email
            )
    except IntegrityError:  # the same request, twice at once
        return pending.get(variant=variant, channel=channel)


def _restock_email(alert: RestockAlert) -> EmailMultiAlternatives:
    variant = alert.variant
    path = reverse("storefront:product", args=[variant.product.slug])
    context = {
        "product_name": variant.product.name,
        "variant_name": variant.name
        if variant.name and variant.name != variant.product.name
        else "",
        "url": f"{settings.PUBLIC_URL}{path}?variant={variant.pk}",
    }
    message = EmailMultiAlternatives(
        subject=f"{variant.product.name} is back in stock",
        body=render_to_string("warehouse/emails/restock.txt", context),
        to=[alert.email],
    )
    message.attach_alternative(
        render_to_string("warehouse/emails/restock.html", context), "text/html"
    )
    return message


def restock_alerts_send(*, limit: int = SEND_BATCH) -> int:
    """Email the pending alerts whose variant can be bought again; each once.

    The row lock (skip locked) lets two runs share the work without sending
    an alert twice; a failed send rolls its mark back for the next run.
    """
    pending = list(
        RestockAlert.objects.filter(sent_at__isnull=True)
        .select_related("channel")
        .values_list("pk", "variant_id", "channel__slug")[:limit]
    )
    by_channel: dict[str, set[int]] = defaultdict(set)
    for _, variant_id, channel_slug in pending:
        by_channel[channel_slug].add(variant_id)
    back = {
        (channel_slug, variant_id)
        for channel_slug, variant_ids in by_channel.items()
        for variant_id, quantity in variant_quantities_available(
            variant_ids=list(variant_ids), channel_slug=channel_slug
        ).items()
        if quantity > 0
    }
    sent = 0
    for pk, variant_id, channel_slug in pending:
        if (channel_slug, variant_id) not in back:
            continue
        with transaction.atomic():
            alert = (
                RestockAlert.objects.select_for_update(skip_locked=True)
                .select_related("variant__product")
                .filter(pk=pk, sent_at__isnull=True)
                .first()
            )
            if alert is None:
                continue
            _restock_email(alert).send()
            alert.sent_at = timezone.now()
            alert.save(update_fields=["sent_at"])
            sent += 1
    return sent

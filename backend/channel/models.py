from django.conf import settings
from django.db import models
from django_countries.fields import CountryField

from backend.core.models import ModelWithMetadata


class ChannelQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Channel(ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True)
    is_active = models.BooleanField(default=False)
    currency_code = models.CharField(max_length=settings.DEFAULT_CURRENCY_CODE_LENGTH)
    default_country = CountryField()
    # The header's delivery claim, shown only while the rules keep it.
    delivery_promise_text = models.CharField(
        max_length=120, default="Fast Delivery: 1-2 Days on All Orders"
    )
    delivery_promise_max_days = models.PositiveSmallIntegerField(default=2)
    # Saleor's order settings: a fulfillment needs a second person's approval
    # unless auto-approved; unpaid orders may be fulfilled only if allowed.
    automatically_approve_fulfillments = models.BooleanField(default=True)
    allow_unpaid_fulfillments = models.BooleanField(default=True)
    # Saleor's paymentSettings.defaultTransactionFlowStrategy: a payment
    # with no action asked charges at once, or only authorizes for staff to
    # capture later (Stripe's manual capture).
    default_transaction_flow_strategy = models.CharField(
        max_length=255,
        choices=[("charge", "Charge"), ("authorization", "Authorization")],
        default="charge",
    )

    objects = ChannelQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.slug

"""What Lumbar keeps of Stripe's webhooks: each event id, once."""

from django.db import models


class StripeWebhookEvent(models.Model):
    """A Stripe event already handled; its id stops a replay."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=255)
    received_at = models.DateTimeField(auto_now_add=True)
    # The PaymentIntent the event was about, if any.
    psp_reference = models.CharField(max_length=512, blank=True, default="")

    class Meta:
        app_label = "payment"
        ordering = ("pk",)

    def __str__(self) -> str:
        return f"{self.type} {self.event_id}"

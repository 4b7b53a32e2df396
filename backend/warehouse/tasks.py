"""Background jobs of the warehouse domain."""

from celery import shared_task

from .restock import restock_alerts_send


@shared_task(
    name="warehouse.send_restock_alerts",
    ignore_result=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
    # A beat run that waited longer than the next one adds nothing.
    expires=5 * 60,
)
def send_restock_alerts() -> int:
    """Email the shoppers whose sold-out product is back; each once."""
    return restock_alerts_send()

"""The order confirmation email: queued on commit, complete, sent once."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError

from backend import celery_app
from backend.checkout.complete import checkout_complete
from backend.checkout.promo_codes import checkout_promo_code_add
from backend.order.emails import order_confirmation_send
from backend.order.models import Order, OrderEvent, OrderEvents
from backend.order.tasks import send_order_confirmation_email
from tests.fixtures.checkout import paid_with
from tests.on_commit import without_version_bumps


@pytest.fixture
def eager_tasks():
    """Run queued tasks in this process, as ``make run`` does."""
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False


def _place(checkout, token="tok_success"):
    return checkout_complete(checkout_token=checkout.token, payment=paid_with(token))


def _placed_order(checkout, *, code=None):
    if code:
        checkout_promo_code_add(checkout_token=checkout.token, promo_code=code)
    return _place(checkout).order


def test_placing_an_order_queues_one_confirmation_on_commit(
    ready_checkout, django_capture_on_commit_callbacks, eager_tasks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        order = _place(ready_checkout).order

    assert len(without_version_bumps(callbacks)) == 1
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["buyer@example.com"], f"Your Lumbar order #{order.number}")
    ]


def test_a_declined_payment_queues_nothing(
    ready_checkout, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        with pytest.raises(ValidationError):
            _place(ready_checkout, token="tok_decline")

    assert callbacks == []


def test_a_payment_waiting_for_3d_secure_queues_nothing(
    ready_checkout, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        result = _place(ready_checkout, token="tok_3ds")

    assert result.order is None
    assert callbacks == []


def test_completing_a_completed_checkout_again_queues_nothing(
    ready_checkout, django_capture_on_commit_callbacks
):
    _place(ready_checkout)

    with django_capture_on_commit_callbacks() as callbacks:
        _place(ready_checkout)

    assert callbacks == []


@time_machine.travel(
    datetime.datetime(2026, 11, 17, 10, tzinfo=ZoneInfo("America/New_York")),
    tick=False,
)
@pytest.mark.usefixtures("published_long_ago")
def test_the_text_email_lists_lines_totals_address_promise_and_link(
    ready_checkout, variant, welcome10, settings
):
    settings.PUBLIC_URL = "https://shop.example"
    welcome10.voucher.start_date = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    welcome10.voucher.save(update_fields=["start_date"])
    order = _placed_order(ready_checkout, code="WELCOME10")

    order_confirmation_send(order_id=order.pk)

    body = mail.outbox[0].body
    assert f"2 × Stretch Strap ({variant.name}), SKU {variant.sku}" in body
    assert "$19.99 each, $39.98" in body
    assert "Subtotal: $39.98" in body
    assert "Discount (WELCOME10): -$4.00" in body
    assert "Shipping (Ground): $5.00" in body
    assert "Total: $40.98" in body
    assert "Ada Lovelace\n1 Main St\nRENO, NV 89501\nUNITED STATES" in body
    assert "Arrives between Wed 18 Nov and Thu 19 Nov with Ground." in body
    assert f"https://shop.example/orders/{order.token}/" in body


def test_an_order_without_promised_dates_gives_the_methods_days(
    ready_checkout, variant
):
    order = _placed_order(ready_checkout)
    Order.objects.filter(pk=order.pk).update(
        promised_earliest=None, promised_latest=None
    )

    order_confirmation_send(order_id=order.pk)

    assert "Estimated delivery: 1–2 days with Ground." in mail.outbox[0].body


def test_the_html_email_has_a_row_per_line_and_the_status_link(
    ready_checkout, variant, settings
):
    settings.PUBLIC_URL = "https://shop.example"
    order = _placed_order(ready_checkout)

    order_confirmation_send(order_id=order.pk)

    html, mime = mail.outbox[0].alternatives[0]
    assert mime == "text/html"
    assert html.count('<tr class="line">') == 1
    assert f"<td>{variant.sku}</td>" in html
    assert "<strong>$44.98</strong>" in html
    assert "Discount" not in html
    assert f'href="https://shop.example/orders/{order.token}/"' in html


def test_the_email_escapes_product_names_in_html(ready_checkout):
    order = _placed_order(ready_checkout)
    order.lines.update(product_name="<script>x</script>")

    order_confirmation_send(order_id=order.pk)

    html = mail.outbox[0].alternatives[0][0]
    assert "<script>x</script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_running_the_task_twice_sends_one_email(ready_checkout):
    order = _placed_order(ready_checkout)

    first = send_order_confirmation_email(order.pk)
    second = send_order_confirmation_email(order.pk)

    assert (first, second) == (True, False)
    assert len(mail.outbox) == 1
    events = OrderEvent.objects.filter(order=order, type=OrderEvents.EMAIL_SENT)
    assert [event.parameters for event in events] == [
        {"email": "buyer@example.com", "email_type": "order_confirmation"}
    ]


def test_a_missing_order_sends_nothing(db):
    assert send_order_confirmation_email(999999) is False
    assert mail.outbox == []

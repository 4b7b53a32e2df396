"""The worker dies mid-email: the task runs again and sends one email."""

import os
import signal

import pytest

from backend.order.models import Order, OrderEvent, OrderEvents

from .conftest import (
    app_environment,
    complete_over_http,
    pay_over_http,
    wait_for,
    wait_ready,
)

pytestmark = pytest.mark.faults


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_while_sending_the_confirmation_sends_it_once_on_retry(
    private_redis, smtp_server, start_web, start_worker, ready_checkout
):
    # The first connection to the mail server hangs: the task is mid-send.
    smtp_server.stall_first = True
    env = app_environment(
        redis_url=private_redis.url,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_server.port),
    )
    web, worker = start_web(env), start_worker(env)
    wait_ready(web, worker)
    pay_over_http(web, ready_checkout)
    status, placed = complete_over_http(web, ready_checkout)
    assert status == 200, placed
    order = Order.objects.get(checkout_token=str(ready_checkout.token))

    wait_for(lambda: smtp_server.stalled.is_set(), 20, "the task to start sending")
    [child] = worker.children()
    os.kill(child, signal.SIGKILL)
    sent = OrderEvent.objects.filter(order=order, type=OrderEvents.EMAIL_SENT)
    wait_for(sent.exists, 20, f"the re-run task\n{worker.output()[-2000:]}")

    assert smtp_server.subjects() == [f"Your Lumbar order #{order.number}"]
    assert smtp_server.connections == 2
    assert sent.count() == 1
    assert "WorkerLostError" in worker.output()

"""Redis stops mid-run: pages and orders go on, the email follows its return."""

import pytest

from backend import celery_app
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
def test_without_redis_pages_serve_orders_place_and_the_email_follows_its_return(
    private_redis, smtp_server, start_web, start_worker, published_product,
    ready_checkout,
):  # fmt: skip
    env = app_environment(
        redis_url=private_redis.url,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_server.port),
    )
    web, worker = start_web(env), start_worker(env)
    wait_ready(web, worker)
    product_path = f"/products/{published_product.slug}/"
    assert web.get(product_path)[0] == 200  # the cache is warm

    private_redis.stop()
    home = web.get("/")
    product = web.get(product_path)
    pay_over_http(web, ready_checkout)
    status, placed = complete_over_http(web, ready_checkout)

    assert (home[0], product[0]) == (200, 200)
    assert published_product.name in product[1]
    assert status == 200, placed
    payload = placed["data"]["checkoutComplete"]
    assert payload["errors"] == []
    order = Order.objects.get(checkout_token=str(ready_checkout.token))
    assert payload["order"]["number"] == str(order.number)
    assert smtp_server.subjects() == []  # the queue was down with Redis

    # Redis returns, empty; the beat job finds the unsent confirmation.
    private_redis.start()
    with celery_app.connection_for_write(private_redis.url) as broker:
        celery_app.send_task(
            "order.send_unsent_confirmations",
            kwargs={"grace_seconds": 0},
            connection=broker,
        )
    sent = OrderEvent.objects.filter(order=order, type=OrderEvents.EMAIL_SENT)
    wait_for(sent.exists, 20, "the confirmation email")

    assert smtp_server.subjects() == [f"Your Lumbar order #{order.number}"]
    assert sent.count() == 1

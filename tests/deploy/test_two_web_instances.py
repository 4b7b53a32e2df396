"""Two gunicorn instances, one database and one Redis: any instance serves anyone.

A load balancer may send each request to a different web process. The
shopper's cookies are all that travels (one cookie jar for both ports, as a
browser behind one host name): the session, the cart, the CSRF token and the
login live in the database and Redis, never in a process. Two Celery workers
consume the same broker; the confirmation email is still sent once.
"""

import http.cookiejar
import os
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
import redis
from django.contrib.auth.hashers import make_password

from backend.order.models import Order, OrderEvent, OrderEvents
from tests import factories
from tests.faults.conftest import (
    BIN,
    Process,
    RedisServer,
    WebServer,
    Worker,
    app_environment,
    stop_all,
    wait_for,
    wait_ready,
)
from tests.faults.smtp import SmtpServer
from tests.fixtures.catalog import make_published_product

PASSWORD = "Secret-pass-123"  # the factory's
US_ADDRESS = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "street_address_1": "1 Main St",
    "city": "Reno",
    "country": "US",
    "country_area": "NV",
    "postal_code": "89501",
    "phone": "+17755550100",
}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One shopper's cookie jar, sending each request to the instance named."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)

    def request(self, web: WebServer, path: str, data: dict | None = None):
        """Return (status, Location or body) of a GET, or of a form POST."""
        headers = {}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "X-CSRFToken": self.cookie("csrftoken") or "",
            }
        request = urllib.request.Request(web.url + path, data=body, headers=headers)
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            if error.code in (301, 302, 303):
                return error.code, error.headers["Location"]
            return error.code, error.read().decode()

    def get(self, web, path):
        return self.request(web, path)

    def post(self, web, path, data):
        return self.request(web, path, data)


class NamedWorker(Worker):
    """A Celery worker with its own node name: two of them share the broker."""

    def __init__(self, env, log, number: int):
        Process.__init__(
            self,
            [
                str(BIN / "celery"), "--app", "backend", "worker",
                "--pool", "prefork", "--concurrency", "1", "--loglevel", "INFO",
                "--hostname", f"two-web-{os.getpid()}-{number}@%h",
                "--without-gossip", "--without-mingle", "--without-heartbeat",
            ],
            env,
            log,
        )  # fmt: skip


@pytest.fixture(scope="module")
def shared_redis(tmp_path_factory):
    server = RedisServer(tmp_path_factory.mktemp("two-web-redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def smtp_server():
    server = SmtpServer()
    yield server
    server.close()


def broker_url(server: RedisServer) -> str:
    """Return the Redis database the broker uses: not the cache's, kept."""
    return f"redis://127.0.0.1:{server.port}/1"


@pytest.fixture(scope="module")
def _web_pair(django_db_setup, shared_redis, tmp_path_factory):
    """Web A and web B for the whole module: booting a pair takes seconds."""
    logs = tmp_path_factory.mktemp("two-web")
    env = app_environment(
        redis_url=shared_redis.url, CELERY_BROKER_URL=broker_url(shared_redis)
    )
    web_a = WebServer(env, logs / "web-a.log")
    web_b = WebServer(env, logs / "web-b.log")
    try:
        wait_ready(web_a, web_b)
        yield web_a, web_b
    finally:
        stop_all([web_a, web_b])


@pytest.fixture
def two_instances(_web_pair, shared_redis):
    """Web A and web B on one database and Redis, its cache empty as if new.

    The broker's database is kept: the instances declared its queues once.
    """
    with redis.Redis.from_url(shared_redis.url) as client:
        client.flushdb()
    return _web_pair


@pytest.fixture
def two_workers(two_instances, tmp_path, shared_redis, smtp_server):
    """Two Celery workers on the instances' broker, sending mail to the server."""
    env = app_environment(
        redis_url=shared_redis.url,
        CELERY_BROKER_URL=broker_url(shared_redis),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_server.port),
    )
    workers = [NamedWorker(env, tmp_path / f"worker-{n}.log", n) for n in (1, 2)]
    try:
        wait_ready(*workers)
        yield workers
    finally:
        stop_all(workers)


@pytest.fixture
def strap(channel, warehouse):
    return make_published_product(
        channel=channel, warehouse=warehouse, name="Stretch Strap", quantity=5
    )


@pytest.mark.django_db(transaction=True)
def test_a_cart_started_on_one_instance_is_completed_on_the_other_into_one_order(
    two_instances, two_workers, strap, shipping_method, smtp_server
):
    web_a, web_b = two_instances
    shopper = Browser()
    variant = strap.default_variant

    # Instance A: the product page (the CSRF cookie) and add to cart.
    assert shopper.get(web_a, f"/products/{strap.slug}/")[0] == 200
    assert shopper.cookie("csrftoken")
    status, location = shopper.post(
        web_a, "/cart/add/", {"variant": variant.pk, "quantity": 2}
    )
    assert (status, location) == (302, "/cart/")

    # Instance B: the same cookies find the same cart and check it out.
    status, cart_page = shopper.get(web_b, "/cart/")
    assert status == 200
    assert "Stretch Strap" in cart_page
    steps = [
        ("/checkout/contact/", {"email": "ada@example.com"}, "/checkout/address/"),
        ("/checkout/address/", US_ADDRESS, "/checkout/delivery/"),
        (
            "/checkout/delivery/",
            {"shipping_method": shipping_method.pk},
            "/checkout/review/",
        ),
    ]
    for path, data, next_path in steps:
        assert shopper.post(web_b, path, data) == (302, next_path)
    status, location = shopper.post(
        web_b, "/checkout/review/", {"card_token": "tok_success"}
    )

    order = Order.objects.get()
    assert status == 302
    assert location == f"/checkout/confirmation/{order.token}/"
    assert [(line.variant_id, line.quantity) for line in order.lines.all()] == [
        (variant.pk, 2)
    ]
    # Back on A: the confirmation, and the cart is gone from the session.
    status, confirmation = shopper.get(web_a, location)
    assert status == 200
    assert str(order.number) in confirmation
    status, cart_page = shopper.get(web_a, "/cart/")
    assert "Stretch Strap" not in cart_page
    # Paying again anywhere places nothing more.
    shopper.post(web_a, "/checkout/review/", {"card_token": "tok_success"})
    assert Order.objects.count() == 1
    # One of the two workers sent the confirmation, once.
    sent = OrderEvent.objects.filter(order=order, type=OrderEvents.EMAIL_SENT)
    wait_for(sent.exists, 30, "the confirmation email")
    assert sent.count() == 1
    assert smtp_server.subjects() == [f"Your Lumbar order #{order.number}"]


@pytest.mark.django_db(transaction=True)
def test_a_login_made_on_one_instance_is_valid_on_the_other(two_instances):
    web_a, web_b = two_instances
    # The instances run the real settings: PBKDF2, not the suite's MD5.
    user = factories.UserFactory(email="ada@example.com")
    user.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    user.save(update_fields=["password"])
    shopper = Browser()

    assert shopper.get(web_a, "/account/login/")[0] == 200
    status, location = shopper.post(
        web_a,
        "/account/login/",
        {"email": "ada@example.com", "password": PASSWORD},
    )
    assert status == 302, location

    status, page = shopper.get(web_b, "/account/")
    assert status == 200
    assert "ada@example.com" in page
    # A stranger's jar is sent to the login page by the same instance.
    assert Browser().get(web_b, "/account/")[0] == 302
    # Logging out on B ends the session on A too.
    assert shopper.post(web_b, "/account/logout/", {})[0] == 302
    assert shopper.get(web_a, "/account/")[0] == 302


def test_the_shopper_state_lives_in_the_database_and_redis():
    from django.conf import settings

    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    assert re.match(r"redis://", settings.CELERY_BROKER_URL)

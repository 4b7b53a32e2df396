"""Emailed links go only to allowed hosts, read as a browser reads the URL.

Every mutation that takes a redirectUrl refuses one a browser would open
on another host (or could not open as a web page) with Saleor's INVALID
on redirectUrl, and sends no email and changes nothing.
"""

import pytest

from backend.account.models import User
from tests.account.helpers import PASSWORD as NEW_PASSWORD

from ..redirect_urls import HOSTILE_URLS

pytestmark = pytest.mark.django_db

ALLOWED_URLS = {
    "allowed host with a port": (
        "http://localhost:3000/confirm",
        "http://localhost:3000/confirm",
    ),
    "uppercase allowed host": ("HTTP://LOCALHOST/reset", "http://localhost/reset"),
    "public url's host": (
        "https://127.0.0.1:8000/account/",
        "https://127.0.0.1:8000/account/",
    ),
    "configured subdomain": (
        "https://shop.example.org/reset?from=mail",
        "https://shop.example.org/reset?from=mail",
    ),
}
REFUSED = {"field": "redirectUrl", "code": "INVALID"}

REGISTER = """
mutation($url: String, $password: String!) {
  accountRegister(input: {email: "new@example.com", password: $password,
                          redirectUrl: $url}) {
    errors { field code }
  }
}"""
RESET = """
mutation($url: String!) {
  requestPasswordReset(email: "ann@example.com", redirectUrl: $url) {
    errors { field code }
  }
}"""
DELETE = """
mutation($url: String!) {
  accountRequestDeletion(redirectUrl: $url) { errors { field code } }
}"""


@pytest.fixture(autouse=True)
def client_hosts(settings):
    settings.PUBLIC_URL = "http://127.0.0.1:8000"
    settings.ALLOWED_CLIENT_HOSTS = ["localhost", ".example.org"]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Return a context that runs the email tasks queued in it, in process."""
    from backend.celery import app as celery_app

    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield lambda: django_capture_on_commit_callbacks(execute=True)
    celery_app.conf.task_always_eager = before


def errors_of(result: dict, mutation: str) -> list[dict]:
    return result["data"][mutation]["errors"]


def emailed_link(message) -> str:
    return next(word for word in message.body.split() if "token=" in word)


@pytest.mark.parametrize("url", HOSTILE_URLS.values(), ids=HOSTILE_URLS.keys())
def test_register_refuses_a_hostile_redirect_and_creates_no_account(
    api, committed, mailoutbox, url
):
    with committed():
        result = api(REGISTER, {"url": url, "password": NEW_PASSWORD})

    assert errors_of(result, "accountRegister") == [REFUSED]
    assert not User.objects.filter(email="new@example.com").exists()
    assert mailoutbox == []


@pytest.mark.parametrize("url", HOSTILE_URLS.values(), ids=HOSTILE_URLS.keys())
def test_password_reset_refuses_a_hostile_redirect_and_sends_no_email(
    api, customer, committed, mailoutbox, url
):
    with committed():
        result = api(RESET, {"url": url})

    assert errors_of(result, "requestPasswordReset") == [REFUSED]
    assert User.objects.get(pk=customer.pk).last_password_reset_request is None
    assert mailoutbox == []


@pytest.mark.parametrize("url", HOSTILE_URLS.values(), ids=HOSTILE_URLS.keys())
def test_deletion_request_refuses_a_hostile_redirect_and_sends_no_email(
    customer_api, customer, committed, mailoutbox, url
):
    with committed():
        result = customer_api(DELETE, {"url": url})

    assert errors_of(result, "accountRequestDeletion") == [REFUSED]
    assert User.objects.filter(pk=customer.pk).exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("url", "link_start"), ALLOWED_URLS.values(), ids=ALLOWED_URLS.keys()
)
def test_register_emails_a_link_to_an_allowed_host(
    api, committed, mailoutbox, url, link_start
):
    with committed():
        result = api(REGISTER, {"url": url, "password": NEW_PASSWORD})

    assert errors_of(result, "accountRegister") == []
    assert emailed_link(mailoutbox[0]).startswith(link_start)


@pytest.mark.parametrize(
    ("url", "link_start"), ALLOWED_URLS.values(), ids=ALLOWED_URLS.keys()
)
def test_password_reset_emails_a_link_to_an_allowed_host(
    api, customer, committed, mailoutbox, url, link_start
):
    with committed():
        result = api(RESET, {"url": url})

    assert errors_of(result, "requestPasswordReset") == []
    assert emailed_link(mailoutbox[0]).startswith(link_start)


@pytest.mark.parametrize(
    ("url", "link_start"), ALLOWED_URLS.values(), ids=ALLOWED_URLS.keys()
)
def test_deletion_request_emails_a_link_to_an_allowed_host(
    customer_api, committed, mailoutbox, url, link_start
):
    with committed():
        result = customer_api(DELETE, {"url": url})

    assert errors_of(result, "accountRequestDeletion") == []
    assert emailed_link(mailoutbox[0]).startswith(link_start)


def test_the_refusal_names_the_host_and_the_setting(api, customer):
    result = api(
        'mutation { requestPasswordReset(email: "ann@example.com",'
        ' redirectUrl: "https://evil.example/reset") { errors { message } } }'
    )

    assert errors_of(result, "requestPasswordReset") == [
        {
            "message": "evil.example is not allowed. Please check "
            "`ALLOWED_CLIENT_HOSTS` configuration."
        }
    ]


def test_the_host_of_the_issue_is_refused_as_browsers_read_it(api, customer):
    result = api(
        'mutation { requestPasswordReset(email: "ann@example.com", redirectUrl:'
        ' "http://evil.example\\\\@localhost/reset") { errors { field code } } }'
    )

    assert errors_of(result, "requestPasswordReset") == [REFUSED]

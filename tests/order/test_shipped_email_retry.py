"""The shipped email is retried with backoff when the mail server fails.

A real SMTP conversation on a local socket: the first session is refused
with 421 (the server is busy), the next is accepted. A real Celery worker
runs the task over the Redis broker.
"""

import socket
import threading
import time

import pytest
from celery.contrib.testing.worker import start_worker

from backend import celery_app
from backend.checkout.complete import checkout_complete
from backend.order.fulfillments import FulfilLine, order_fulfil
from backend.order.tasks import send_order_shipped_email
from tests.fixtures.checkout import paid_with


class FlakySmtpServer:
    """Refuse the first `failures` sessions with 421, then accept mail."""

    def __init__(self, *, failures: int):
        self.failures = failures
        self.sessions = 0
        self.subjects: list[str] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self._closed = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self._closed.set()
        self._listener.close()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.sessions += 1
            with conn:
                if self.sessions <= self.failures:
                    conn.sendall(b"421 busy, try again later\r\n")
                    continue
                self._converse(conn)

    def _converse(self, conn: socket.socket) -> None:
        reader = conn.makefile("rb")
        conn.sendall(b"220 local ESMTP\r\n")
        while line := reader.readline():
            verb = line[:4].upper()
            if verb == b"DATA":
                conn.sendall(b"354 go ahead\r\n")
                data = b"".join(iter(reader.readline, b".\r\n"))
                for header in data.split(b"\r\n"):
                    if header.startswith(b"Subject: "):
                        self.subjects.append(header[9:].decode())
                conn.sendall(b"250 queued\r\n")
            elif verb == b"QUIT":
                conn.sendall(b"221 bye\r\n")
                return
            else:
                conn.sendall(b"250 ok\r\n")


@pytest.fixture
def flaky_smtp(settings):
    server = FlakySmtpServer(failures=1)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.close()


@pytest.mark.django_db(transaction=True)
def test_a_failing_mail_server_is_retried_and_the_email_sent_once(
    flaky_smtp, ready_checkout, warehouse
):
    order = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order
    celery_app.control.purge()

    with start_worker(celery_app, perform_ping_check=False, shutdown_timeout=10):
        (fulfillment,) = order_fulfil(
            order_id=order.pk,
            lines=[FulfilLine(order.lines.get().pk, 2, warehouse.pk)],
            tracking_number="1Z999AA10123456784",
            carrier="UPS",
        )
        # Backoff waits up to a second (with jitter) before the first retry.
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            fulfillment.refresh_from_db()
            if fulfillment.shipped_email_sent_at is not None:
                break
            time.sleep(0.1)
        time.sleep(0.5)  # a stray extra send would land now

    assert send_order_shipped_email.retry_backoff is True
    assert fulfillment.shipped_email_sent_at is not None
    assert flaky_smtp.sessions == 2  # refused once, then delivered
    assert flaky_smtp.subjects == [f"Your Lumbar order #{order.number} has shipped"]

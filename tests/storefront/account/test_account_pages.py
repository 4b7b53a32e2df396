"""Account pages: sign up, confirm, log in (the cart follows), log out, orders."""

import pytest
from django.core import mail

from backend.account.models import User
from backend.checkout.models import Checkout
from backend.checkout.services import checkout_create
from backend.storefront.views.account import CHECKOUT_SESSION_KEY
from tests import factories
from tests.api.order.conftest import place_order

from .helpers import PASSWORD, emailed_link_params


def test_signing_up_says_check_your_email_and_mails_a_link_to_the_confirm_page(
    client, django_capture_on_commit_callbacks, tasks_in_process, db
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/account/signup/",
            {"email": "new@example.com", "first_name": "Nia", "password": PASSWORD},
        )

    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    user = User.objects.get(email="new@example.com")
    assert user.is_confirmed is False
    (message,) = mail.outbox
    link = next(word for word in message.body.split() if word.startswith("http"))
    assert "/account/confirm/?" in link


def test_signing_up_with_a_weak_password_shows_the_error_and_creates_nobody(client, db):
    response = client.post(
        "/account/signup/", {"email": "new@example.com", "password": "123"}
    )

    assert response.status_code == 400
    assert 'class="field-error"' in response.content.decode()
    assert not User.objects.filter(email="new@example.com").exists()


def test_the_emailed_link_confirms_the_account_after_a_click(
    client, django_capture_on_commit_callbacks, tasks_in_process, db
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/account/signup/", {"email": "new@example.com", "password": PASSWORD}
        )
    params = emailed_link_params(mail.outbox[0])

    landing = client.get("/account/confirm/", params)
    response = client.post("/account/confirm/", params)

    assert landing.status_code == 200
    assert "Confirm my account" in landing.content.decode()
    assert User.objects.get(email="new@example.com").is_confirmed is True
    assert "Your account is confirmed" in response.content.decode()


def test_a_forged_confirm_token_is_refused_on_the_page(client, db):
    user = factories.UserFactory(email="new@example.com", is_confirmed=False)

    response = client.post(
        "/account/confirm/", {"email": user.email, "token": "forged-token"}
    )

    assert response.status_code == 400
    assert "Invalid or expired token." in response.content.decode()
    user.refresh_from_db()
    assert user.is_confirmed is False


def test_logging_in_takes_the_customer_to_their_orders(client, confirmed_customer):
    response = client.post(
        "/account/login/", {"email": "ann@example.com", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/account/orders/"
    assert client.session["_auth_user_id"] == str(confirmed_customer.pk)


def test_a_wrong_password_shows_an_error_and_logs_nobody_in(client, confirmed_customer):
    response = client.post(
        "/account/login/", {"email": "ann@example.com", "password": "wrong-one"}
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "The email address or the password is not right." in page
    assert "_auth_user_id" not in client.session


def test_login_never_redirects_off_site(client, confirmed_customer):
    response = client.post(
        "/account/login/",
        {
            "email": "ann@example.com",
            "password": PASSWORD,
            "next": "https://evil.example.com/",
        },
    )

    assert response["Location"] == "/account/orders/"


def test_the_guest_cart_is_merged_into_the_customers_on_login(
    client, confirmed_customer, channel, variant
):
    mine = checkout_create(
        channel=channel, lines=[(variant, 1)], user=confirmed_customer
    )
    guest = checkout_create(channel=channel, lines=[(variant, 2)])
    session = client.session
    session[CHECKOUT_SESSION_KEY] = str(guest.token)
    session.save()

    client.post("/account/login/", {"email": "ann@example.com", "password": PASSWORD})

    assert client.session[CHECKOUT_SESSION_KEY] == str(mine.token)
    assert mine.lines.get().quantity == 3
    assert not Checkout.objects.filter(pk=guest.pk).exists()


def test_logging_out_ends_the_session(client, confirmed_customer):
    client.force_login(confirmed_customer)

    response = client.post("/account/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_logout_by_get_is_refused(client, confirmed_customer):
    client.force_login(confirmed_customer)

    response = client.get("/account/logout/")

    assert response.status_code == 405
    assert client.session["_auth_user_id"] == str(confirmed_customer.pk)


def test_order_history_lists_only_the_customers_orders_newest_first(
    client, confirmed_customer, other_customer, channel, shipping_method, variant
):
    other = other_customer
    first = place_order(
        channel=channel,
        shipping_method=shipping_method,
        variant=variant,
        user=confirmed_customer,
        quantity=1,
    )
    theirs = place_order(
        channel=channel, shipping_method=shipping_method, variant=variant, user=other
    )
    second = place_order(
        channel=channel,
        shipping_method=shipping_method,
        variant=variant,
        user=confirmed_customer,
        quantity=1,
    )
    client.force_login(confirmed_customer)

    page = client.get("/account/orders/").content.decode()

    assert page.index(f"#{second.number}") < page.index(f"#{first.number}")
    assert f"#{theirs.number}<" not in page
    assert "$24.99" in page


def test_order_history_needs_a_login(client, db):
    response = client.get("/account/orders/")

    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


@pytest.mark.parametrize("count", [1, 5])
def test_order_history_takes_the_same_queries_for_any_number_of_orders(
    count,
    client,
    confirmed_customer,
    channel,
    shipping_method,
    variant,
    django_assert_max_num_queries,
):
    for _ in range(count):
        place_order(
            channel=channel,
            shipping_method=shipping_method,
            variant=variant,
            user=confirmed_customer,
            quantity=1,
        )
    client.force_login(confirmed_customer)

    with django_assert_max_num_queries(10):
        response = client.get("/account/orders/")

    assert response.status_code == 200


def test_the_header_links_to_log_in_or_the_account(client, confirmed_customer):
    anonymous = client.get("/account/login/").content.decode()
    client.force_login(confirmed_customer)
    signed_in = client.get("/account/orders/").content.decode()

    assert '<a class="account-link" href="/account/login/">Log in</a>' in anonymous
    assert '<a class="account-link" href="/account/">Account</a>' in signed_in


def test_a_guest_order_appears_in_the_account_confirmed_with_its_email(
    client,
    django_capture_on_commit_callbacks,
    tasks_in_process,
    channel,
    shipping_method,
    variant,
):
    order = place_order(
        channel=channel, shipping_method=shipping_method, variant=variant
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/account/signup/", {"email": "buyer@example.com", "password": PASSWORD}
        )
    client.post("/account/confirm/", emailed_link_params(mail.outbox[-1]))
    client.post("/account/login/", {"email": "buyer@example.com", "password": PASSWORD})

    response = client.get("/account/orders/")

    assert f"#{order.number}" in response.content.decode()

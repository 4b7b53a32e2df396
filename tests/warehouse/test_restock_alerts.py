"""Back-in-stock alerts: asked for while sold out, emailed once it's back."""

import pytest
from django.core.exceptions import ValidationError

from backend.warehouse.models import RestockAlert
from backend.warehouse.restock import (
    MAX_PENDING_PER_EMAIL,
    restock_alert_subscribe,
    restock_alerts_send,
)
from backend.warehouse.tasks import send_restock_alerts
from tests.fixtures.catalog import make_published_product


@pytest.fixture
def sold_out(channel, warehouse):
    product = make_published_product(
        channel=channel, warehouse=warehouse, name="PulseEase TENS Unit", quantity=0
    )
    return product.default_variant


def subscribe(variant, email="ann@example.com", channel_slug="default-channel"):
    return restock_alert_subscribe(
        variant_id=variant.pk, channel_slug=channel_slug, email=email
    )


def restock(variant, quantity=5):
    variant.stocks.update(quantity=quantity)


def test_a_sold_out_variant_takes_an_alert_for_the_email(sold_out):
    alert = subscribe(sold_out, email=" Ann@Example.com ")

    assert (alert.variant, alert.email, alert.sent_at) == (
        sold_out,
        "ann@example.com",
        None,
    )


def test_asking_twice_keeps_one_alert(sold_out):
    first = subscribe(sold_out)

    second = subscribe(sold_out, email="ANN@example.com")

    assert first.pk == second.pk
    assert RestockAlert.objects.count() == 1


def test_an_in_stock_variant_says_so_instead(channel, warehouse):
    variant = make_published_product(
        channel=channel, warehouse=warehouse
    ).default_variant

    with pytest.raises(ValidationError) as caught:
        subscribe(variant)

    assert caught.value.error_dict["variant"][0].code == "in_stock"
    assert not RestockAlert.objects.exists()


def test_a_bad_email_is_refused_and_nothing_is_kept(sold_out):
    with pytest.raises(ValidationError) as caught:
        subscribe(sold_out, email="not-an-email")

    assert caught.value.error_dict["email"][0].message == "Enter a valid email address."
    assert not RestockAlert.objects.exists()


def test_a_variant_not_sold_in_the_channel_is_refused(sold_out):
    with pytest.raises(ValidationError) as caught:
        subscribe(sold_out, channel_slug="another-channel")

    assert caught.value.error_dict["variant"][0].code == "not_found"


def test_one_address_may_wait_for_a_bounded_number_of_products(channel, warehouse):
    variants = [
        make_published_product(
            channel=channel, warehouse=warehouse, quantity=0
        ).default_variant
        for _ in range(MAX_PENDING_PER_EMAIL + 1)
    ]
    for variant in variants[:-1]:
        subscribe(variant)

    with pytest.raises(ValidationError) as caught:
        subscribe(variants[-1])

    assert caught.value.error_dict["email"][0].code == "limit"


def test_nothing_is_sent_while_it_is_still_sold_out(sold_out, mailoutbox):
    subscribe(sold_out)

    assert restock_alerts_send() == 0
    assert mailoutbox == []


def test_once_restocked_the_shopper_gets_one_email_with_the_link(sold_out, mailoutbox):
    alert = subscribe(sold_out)
    restock(sold_out)

    assert send_restock_alerts() == 1

    (message,) = mailoutbox
    assert message.to == ["ann@example.com"]
    assert message.subject == "PulseEase TENS Unit is back in stock"
    assert f"/products/{sold_out.product.slug}/?variant={sold_out.pk}" in message.body
    alert.refresh_from_db()
    assert alert.sent_at is not None


def test_a_second_run_sends_nothing_more(sold_out, mailoutbox):
    subscribe(sold_out)
    restock(sold_out)
    restock_alerts_send()

    assert restock_alerts_send() == 0
    assert len(mailoutbox) == 1


def test_after_the_email_the_shopper_may_ask_again(sold_out):
    subscribe(sold_out)
    restock(sold_out)
    restock_alerts_send()
    restock(sold_out, quantity=0)

    again = subscribe(sold_out)

    assert again.sent_at is None
    assert RestockAlert.objects.count() == 2


def test_stock_held_by_orders_does_not_count_as_back(sold_out, mailoutbox):
    subscribe(sold_out)
    sold_out.stocks.update(quantity=3, quantity_allocated=3)

    assert restock_alerts_send() == 0
    assert mailoutbox == []

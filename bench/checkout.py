"""Measure checkout completion throughput on PostgreSQL with concurrent clients.

Usage: python bench/checkout.py [--clients 4] [--orders 100]

Domain level, not HTTP: each client is its own process with its own
PostgreSQL connection and calls ``checkout_complete`` (the function the
checkoutComplete mutation and the storefront call) on checkouts it prepared
beforehand through the domain services, all clients released at once. The
test gateway takes the payment; the confirmation email is queued to the
Redis broker on commit, as in production (no worker drains it here).

Creates a fresh database (lumbar_bench_checkout) with the demo store, gives
its variants plenty of stock, then prints orders per second and p50/p99
latency, once for plain carts and once with every cart using one promo
code (one voucher row, so completions queue on its lock).
"""

import argparse
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Keep bench/ itself off the import path: a script's name must never
# shadow an installed package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
PYTHON = sys.executable
BENCH_DB = "lumbar_bench_checkout"
STOCK = 1_000_000
PROMO_CODE = "BENCH10"
ADDRESS = {
    "first_name": "Bench",
    "last_name": "Buyer",
    "street_address_1": "1 Main St",
    "city": "Reno",
    "postal_code": "89501",
    "country": "US",
    "country_area": "NV",
}


def fail(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(1)


def recreate_database(base_url: str) -> str:
    import psycopg

    admin_url = base_url.rsplit("/", 1)[0]
    with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{BENCH_DB}"')
    return f"{admin_url}/{BENCH_DB}"


def manage(*args: str) -> None:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode != 0:
        fail(f"manage.py {' '.join(args)} failed: {result.stderr.strip()[-400:]}")


def django_setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
    import django

    django.setup()


def prepare_store() -> dict:
    """Give the demo's variants stock, add a promo code; return what clients need."""
    from decimal import Decimal

    from backend.channel.models import Channel
    from backend.discount.models import Voucher, VoucherChannelListing, VoucherCode
    from backend.product.models import ProductVariantChannelListing
    from backend.shipping.models import ShippingMethod
    from backend.warehouse.models import Stock

    channel = Channel.objects.get(slug="default-channel")
    Stock.objects.update(quantity=STOCK, quantity_allocated=0)
    variant_ids = sorted(
        ProductVariantChannelListing.objects.filter(
            channel=channel,
            price_amount__isnull=False,
            variant__stocks__isnull=False,
            variant__product__channel_listings__channel=channel,
            variant__product__channel_listings__is_published=True,
        )
        .values_list("variant_id", flat=True)
        .distinct()
    )
    method = ShippingMethod.objects.get(name="Express", shipping_zone__countries="US")
    voucher = Voucher.objects.create(name="Bench 10%", discount_value_type="percentage")
    VoucherChannelListing.objects.create(
        voucher=voucher, channel=channel, discount_value=Decimal(10), currency="USD"
    )
    VoucherCode.objects.create(voucher=voucher, code=PROMO_CODE)
    if len(variant_ids) < 2:
        fail("the demo store has fewer than two sellable variants")
    return {"variant_ids": variant_ids, "method_id": method.pk}


def client(index, orders, store, promo, barrier, results) -> None:
    """Prepare ``orders`` checkouts, wait for the others, then complete them."""
    django_setup()
    from backend.channel.models import Channel
    from backend.checkout.complete import checkout_complete
    from backend.checkout.details import (
        checkout_billing_address_update,
        checkout_delivery_method_update,
        checkout_shipping_address_update,
    )
    from backend.checkout.payment import PaymentInput
    from backend.checkout.promo_codes import checkout_promo_code_add
    from backend.checkout.services import checkout_create
    from backend.payment.gateways.test_gateway import TEST_GATEWAY_ID, TOKEN_SUCCESS

    channel = Channel.objects.get(slug="default-channel")
    variants = store["variant_ids"]
    tokens = []
    for number in range(orders):
        # Two different variants a cart, spread so carts share some stock rows.
        first = variants[(index * orders + number) % len(variants)]
        second = variants[(index * orders + number * 7 + 1) % len(variants)]
        lines = [(first, 1)] if first == second else [(first, 1), (second, 2)]
        checkout = checkout_create(
            channel=channel,
            lines=lines,
            email=f"bench{index}-{number}@example.com",
        )
        checkout_shipping_address_update(checkout_token=checkout.token, address=ADDRESS)
        checkout_billing_address_update(checkout_token=checkout.token, address=ADDRESS)
        checkout_delivery_method_update(
            checkout_token=checkout.token, shipping_method_id=store["method_id"]
        )
        if promo:
            checkout_promo_code_add(
                checkout_token=checkout.token, promo_code=PROMO_CODE
            )
        tokens.append(checkout.token)
    payment = PaymentInput(gateway_id=TEST_GATEWAY_ID, token=TOKEN_SUCCESS)
    latencies, failures, first_error = [], 0, ""
    barrier.wait()
    started = time.perf_counter()
    for token in tokens:
        call_started = time.perf_counter()
        try:
            result = checkout_complete(checkout_token=token, payment=payment)
            if result.order is None:
                failures += 1
        except Exception as error:  # noqa: BLE001 - counted and reported
            failures += 1
            first_error = first_error or repr(error)
            continue
        latencies.append(time.perf_counter() - call_started)
    results.put((started, time.perf_counter(), latencies, failures, first_error))


def run(*, clients: int, orders: int, store: dict, promo: bool) -> dict:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(clients)
    results = context.Queue()
    processes = [
        context.Process(
            target=client, args=(index, orders, store, promo, barrier, results)
        )
        for index in range(clients)
    ]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=600) for _ in processes]
    for process in processes:
        process.join()
    started = min(outcome[0] for outcome in outcomes)
    ended = max(outcome[1] for outcome in outcomes)
    latencies = sorted(value for outcome in outcomes for value in outcome[2])
    failures = sum(outcome[3] for outcome in outcomes)
    errors = {outcome[4] for outcome in outcomes if outcome[4]}
    if errors:
        print(f"bench: completions failed, e.g. {sorted(errors)[0]}", file=sys.stderr)
    if not latencies:
        fail("no checkout completed")
    p99_index = max(0, round(len(latencies) * 0.99) - 1)
    return {
        "orders": len(latencies),
        "failures": failures,
        "rate": len(latencies) / (ended - started),
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[p99_index] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--orders", type=int, default=100, help="per client a row")
    args = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        fail("set DATABASE_URL to a PostgreSQL server (make bench does)")
    if not os.environ.get("REDIS_URL", "").startswith("redis"):
        fail("set REDIS_URL (make bench does)")
    os.environ.update(
        DATABASE_URL=recreate_database(base_url),
        DEBUG="false",
        SECRET_KEY="bench-only-" + "k3y" * 20,
        ALLOWED_HOSTS="127.0.0.1",
        CELERY_TASK_ALWAYS_EAGER="false",
        PAYMENT_TEST_GATEWAY_ENABLED="true",
        VAR_DIR=str(ROOT / "var" / "bench"),
        LOG_LEVEL="ERROR",
    )
    manage("migrate", "--noinput")
    manage("load_demo")
    django_setup()
    from django.db import connections

    from backend import celery_app
    from backend.order.models import Order

    store = prepare_store()
    connections.close_all()
    print(
        f"checkout_complete() (domain level, no HTTP), {args.clients} client "
        f"processes each with its own PostgreSQL connection, {args.orders} orders "
        f"each, test gateway, confirmation email queued to Redis\n"
    )
    print(f"{'what':36} {'orders/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'failed':>7}")
    for label, promo in (
        ("carts of 1-2 lines", False),
        (f"same, all with promo code {PROMO_CODE}", True),
    ):
        row = run(clients=args.clients, orders=args.orders, store=store, promo=promo)
        print(
            f"{label:36} {row['rate']:9.1f} {row['p50']:8.1f} {row['p99']:8.1f} "
            f"{row['failures']:7d}"
        )
    placed = Order.objects.count()
    expected = 2 * args.clients * args.orders
    print(f"\norders in the database: {placed} (expected {expected})")
    celery_app.control.purge()
    if placed != expected:
        fail("some completions did not place an order")


if __name__ == "__main__":
    main()

"""Time the ops ship-by queue page with 5,000 open orders on PostgreSQL.

Usage: python bench/ops_queue.py [--orders 5000] [--rounds 30]

Creates a fresh database (lumbar_bench_ops), writes the open orders in bulk
(one line each, ship-by moments spread over the four lanes), then renders
/ops/ in-process for a logged-in operations user, as the page is served,
and prints the mean and p95 render time and the SQL queries per page.
Target: under 300 ms.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Keep bench/ itself off the import path: a script's name must never
# shadow an installed package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))
BENCH_DB = "lumbar_bench_ops"


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


def write_orders(count: int) -> None:
    import datetime
    from decimal import Decimal

    from django.utils import timezone

    from backend.account.models import Address
    from backend.channel.models import Channel
    from backend.order.models import Order, OrderLine

    channel = Channel.objects.create(
        name="Bench", slug="default-channel", currency_code="USD", default_country="US"
    )
    address = Address.objects.create(
        first_name="Bench",
        last_name="Buyer",
        street_address_1="1 Main St",
        city="RENO",
        postal_code="89501",
        country="US",
        country_area="NV",
    )
    now = timezone.now()
    orders = [
        Order(
            number=index + 1,
            channel=channel,
            user_email=f"buyer{index}@example.com",
            shipping_address=address,
            shipping_method_name="Standard",
            currency="USD",
            # From 12 hours late to 4 days ahead: every lane gets its share.
            ship_by=now + datetime.timedelta(minutes=(index % 96) * 60 - 720),
        )
        for index in range(count)
    ]
    Order.objects.bulk_create(orders, batch_size=1000)
    OrderLine.objects.bulk_create(
        (
            OrderLine(
                order=order,
                product_name="Stretch Strap",
                quantity=1 + order.number % 3,
                currency="USD",
                unit_price_amount=Decimal("19.99"),
                total_price_amount=Decimal("19.99"),
            )
            for order in orders
        ),
        batch_size=1000,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        fail("set DATABASE_URL to a PostgreSQL server (make bench does)")
    os.environ.update(
        DATABASE_URL=recreate_database(base_url),
        DEBUG="false",
        SECURE_TLS="false",
        ALLOWED_HOSTS="testserver",
        SECRET_KEY="bench-only-" + "k3y" * 20,
        LOG_LEVEL="ERROR",
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from backend.account.models import User
    from backend.account.staff import staff_groups_sync

    call_command("migrate", verbosity=0)
    write_orders(args.orders)
    user = User.objects.create_user(email="ops@example.com", is_staff=True)
    user.groups.add(staff_groups_sync()["Operations"])
    client = Client()
    client.force_login(user)
    client.get("/ops/")  # warm: templates compiled, connections open
    timings = []
    for _ in range(args.rounds):
        began = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/ops/")
        timings.append((time.perf_counter() - began) * 1000)
        if response.status_code != 200:
            fail(f"/ops/ answered {response.status_code}")
    timings.sort()
    p95 = timings[max(int(len(timings) * 0.95) - 1, 0)]
    print(f"ops queue page, {args.orders} open orders, {args.rounds} renders")
    print(
        f"  mean {statistics.fmean(timings):.1f} ms   p95 {p95:.1f} ms   "
        f"{len(queries)} queries   (target: under 300 ms)"
    )


if __name__ == "__main__":
    main()

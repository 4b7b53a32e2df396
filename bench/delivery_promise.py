"""Time the delivery promise for a 10-line cart (target: under 1 ms each).

Usage: python bench/delivery_promise.py [--rounds 20000]

Pure arithmetic, no database: it measures what every page pays per promise
once the rules are loaded. Prints the mean and p99 per call.
"""

import argparse
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from backend.shipping.promise import (  # noqa: E402
    MethodSchedule,
    PromiseLine,
    WarehouseSchedule,
    delivery_promise,
)

HOLIDAYS = frozenset({date(2026, 11, 26), date(2026, 12, 25), date(2027, 1, 1)})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20000)
    rounds = parser.parse_args().rounds
    warehouses = [
        WarehouseSchedule(
            warehouse_id=wid,
            name=f"Warehouse {wid}",
            time_zone=zone,
            cutoffs={day: clock(14) for day in range(5)},
            holidays=HOLIDAYS,
        )
        for wid, zone in ((1, "America/New_York"), (2, "America/Los_Angeles"))
    ]
    method = MethodSchedule(
        method_id=1, name="Standard", minimum_days=1, maximum_days=2, holidays=HOLIDAYS
    )
    # Half the lines only in the far warehouse: the slow path, two shipments.
    lines = [
        PromiseLine(variant_id=i, quantity=1, available={1: i % 2 * 5, 2: 5})
        for i in range(10)
    ]
    start = datetime(2026, 11, 20, 15, tzinfo=UTC)
    timings = []
    for index in range(rounds):
        now = start + timedelta(minutes=index % 10080)
        began = time.perf_counter()
        delivery_promise(
            now=now,
            lines=lines,
            postal_code="43215",
            method=method,
            warehouses=warehouses,
            claim_max_days=2,
        )
        timings.append(time.perf_counter() - began)
    timings.sort()
    mean_ms = statistics.fmean(timings) * 1000
    p99_ms = timings[int(len(timings) * 0.99)] * 1000
    print(f"delivery_promise, 10-line cart, {rounds} calls")
    print(f"  mean {mean_ms:.3f} ms   p99 {p99_ms:.3f} ms   (target: mean < 1 ms)")


if __name__ == "__main__":
    main()

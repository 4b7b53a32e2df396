"""Print the slowest tests of one or more pytest JUnit XML reports.

make test runs the suite in two groups (parallel, then serial), each writing
a report; this prints one table across both. A test's time is its setup,
call and teardown together, as pytest reports it.

    python scripts/slowest_tests.py 15 var/test-results/*.xml
"""

import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path


def test_times(report: Path) -> list[tuple[float, str]]:
    """Return (seconds, test id) for every test case in the report."""
    times = []
    for case in ElementTree.parse(report).iter("testcase"):
        name = f"{case.get('classname', '')}::{case.get('name', '')}"
        times.append((float(case.get("time") or 0), name))
    return times


def main(argv: list[str]) -> int:
    if len(argv) < 2 or not argv[0].isdigit():
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    count = int(argv[0])
    reports = [Path(name) for name in argv[1:] if Path(name).exists()]
    times = sorted(
        (item for report in reports for item in test_times(report)), reverse=True
    )
    total = sum(seconds for seconds, _ in times)
    print(
        f"slowest {min(count, len(times))} of {len(times)} tests "
        f"({', '.join(report.stem for report in reports)}; "
        f"{total:.0f} s of test time in all):"
    )
    for seconds, name in times[:count]:
        print(f"{seconds:8.2f}s  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Print the search quality table and how long each search page takes.

Usage: DATABASE_URL=... python bench/search.py [--runs 20]

Reads the database DATABASE_URL names, which must hold the demo store and
the synced articles (``manage.py load_demo`` then ``manage.py
sync_content``). For each of the twenty queries of
tests/storefront/test_search_quality.py it prints the top guide, the first
three products, the "did you mean" correction and whether the expected
results came first; then the median and p95 time of GET /search/?q=...
through Django's test client (no network, page cache off for this page).
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from backend.page.selectors.search import site_search
    from tests.storefront.test_search_quality import CASES, GUIDE, top_results

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    print("| query | first guide | first products | did you mean | ok | p50 ms |")
    print("| --- | --- | --- | --- | --- | --- |")
    timings_all = []
    for case in CASES:
        found = site_search(text=case.query, channel_slug=settings.DEFAULT_CHANNEL_SLUG)
        products = list(
            found.products.order_by("-search_rank", "name", "pk").values_list(
                "name", flat=True
            )[:3]
        )
        guide = found.articles[0].title if found.articles else "—"
        ok = top_results(case) == tuple(sorted(case.expected))
        timings = []
        for _ in range(args.runs):
            started = time.perf_counter()
            response = client.get("/search/", {"q": case.query})
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
        timings_all.extend(timings)
        shown = guide if case.kind == GUIDE else "; ".join(products) or "—"
        print(
            f"| `{case.query}` | {guide} | {'; '.join(products) or '—'} | "
            f"{found.suggestion or '—'} | {'yes' if ok else 'NO: ' + shown} | "
            f"{statistics.median(timings):.1f} |"
        )
    timings_all.sort()
    p95 = timings_all[int(len(timings_all) * 0.95) - 1]
    print(
        f"\nAll {len(timings_all)} requests: median "
        f"{statistics.median(timings_all):.1f} ms, p95 {p95:.1f} ms"
    )


if __name__ == "__main__":
    main()

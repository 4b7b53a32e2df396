"""Send the same storefront queries to two GraphQL endpoints; compare them.

Usage: python bench/compare_graphql.py URL_A URL_B [--duration 10]
                                       [--connections 8] [--channel default-channel]

For instance Lumbar against a Saleor server a reviewer runs beside it:

    python bench/compare_graphql.py http://127.0.0.1:8000/graphql/ \\
        http://127.0.0.1:8001/graphql/

The queries are Saleor's storefront's own documents (ProductList,
ProductDetails, ProductListByCategory, SearchProducts, with the fragments
they spread), read at run time from
``$LUMBAR_SHARED_DIR/saleor/clients/storefront/`` when that folder exists,
else built-in equivalents. Each endpoint gets slugs from its own catalog
(the first product ProductList returns and its category). Every query runs
against A then B with wrk (2 threads, ``--connections``), or with a Python
load generator in a separate process when wrk is absent, after a warm-up;
the table shows requests per second, p50 and p99 for each, and A/B ratios
(throughput above 1 and latency below 1 mean A is faster).
"""

import argparse
import json
import os
import shutil
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Keep bench/ itself off the import path: a script's name must never
# shadow an installed package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("LUMBAR_SHARED_DIR", "/work/shared"))
STOREFRONT = SHARED / "saleor" / "clients" / "storefront"
PREFIX = "src__graphql__"
OPERATIONS = (
    "ProductList",
    "ProductDetails",
    "ProductListByCategory",
    "SearchProducts",
)

BUILT_IN = {
    "ProductList": """
query ProductList($first: Int = 9, $channel: String!) {
  products(first: $first, channel: $channel) {
    edges { node { id name slug
      pricing { priceRange { start { gross { amount currency } }
                             stop { gross { amount currency } } } }
      category { id name slug }
      thumbnail(size: 1024, format: WEBP) { url alt } } }
  }
}""",
    "ProductDetails": """
query ProductDetails($slug: String!, $channel: String!) {
  product(slug: $slug, channel: $channel) {
    id name slug description seoTitle seoDescription
    thumbnail(size: 1024, format: WEBP) { url alt }
    category { id name slug }
    variants { id name quantityAvailable
      attributes { attribute { slug name } values { name } }
      pricing { price { gross { amount currency } } } }
    pricing { priceRange { start { gross { amount currency } } } }
  }
}""",
    "ProductListByCategory": """
query ProductListByCategory($slug: String!, $channel: String!) {
  category(slug: $slug) { name description
    products(first: 100, channel: $channel) {
      edges { node { id name slug category { id name }
        pricing { priceRange { start { gross { amount currency } } } }
        thumbnail(size: 1024, format: WEBP) { url alt } } } } }
}""",
    "SearchProducts": """
query SearchProducts($search: String!, $first: Int, $channel: String!) {
  products(first: $first, channel: $channel, filter: {search: $search}) {
    totalCount
    edges { node { id name slug
      pricing { priceRange { start { gross { amount currency } } } }
      thumbnail(size: 1024, format: WEBP) { url alt } } }
  }
}""",
}


def fail(message: str) -> None:
    print(f"compare_graphql: {message}", file=sys.stderr)
    sys.exit(1)


def storefront_documents() -> tuple[dict[str, str], str]:
    """The operations' texts (with their fragments) and where they came from."""
    if not STOREFRONT.is_dir():
        return dict(BUILT_IN), "built-in equivalents"
    from graphql import parse

    from bench.storefront_documents import (
        definitions,
        document_text,
        spread_fragments,
    )

    fragments, _ = definitions(*STOREFRONT.glob(f"{PREFIX}*.graphql"))
    texts = {}
    for name in OPERATIONS:
        path = STOREFRONT / f"{PREFIX}{name}.graphql"
        if not path.exists():
            texts[name] = BUILT_IN[name]
            continue
        document = parse(path.read_text())
        needed = spread_fragments(document, fragments, missing_ok=True)
        texts[name] = document_text(document, needed)
    return texts, f"Saleor storefront documents from {STOREFRONT}"


def post(url: str, query: str, variables: dict) -> dict:
    body = json.dumps({"query": query, "variables": variables}).encode()
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def variables_for(url: str, texts: dict, channel: str) -> dict[str, dict]:
    """Each operation's variables, with slugs from this endpoint's own catalog."""
    common = {"channel": channel, "languageCode": "EN_US", "first": 20}
    listed = post(url, texts["ProductList"], common)
    edges = ((listed.get("data") or {}).get("products") or {}).get("edges") or []
    if not edges:
        fail(f"{url} lists no product in channel {channel}: {listed.get('errors')}")
    product = edges[0]["node"]
    slug = product["slug"]
    if not (product.get("category") or {}).get("slug"):
        detail = post(url, BUILT_IN["ProductDetails"], {**common, "slug": slug})
        product = (detail.get("data") or {}).get("product") or product
    category = (product.get("category") or {}).get("slug", "")
    word = product["name"].split()[0]
    return {
        "ProductList": common,
        "ProductDetails": {**common, "slug": slug},
        "ProductListByCategory": {**common, "slug": category},
        "SearchProducts": {
            **common,
            "search": word,
            "sortBy": "RANK",
            "sortDirection": "ASC",
        },
    }


def measure(url: str, body: bytes, *, duration: int, connections: int) -> dict:
    from bench import serve

    return serve.drive(
        url,
        duration=duration,
        connections=connections,
        lua=serve.post_lua(body),
        requests=[("POST", body, {"Content-Type": "application/json"})],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url_a")
    parser.add_argument("url_b")
    parser.add_argument("--duration", type=int, default=10, help="seconds per run")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--channel", default="default-channel")
    args = parser.parse_args()
    texts, source = storefront_documents()
    endpoints = {
        "A": (args.url_a, variables_for(args.url_a, texts, args.channel)),
        "B": (args.url_b, variables_for(args.url_b, texts, args.channel)),
    }
    tool = "wrk" if shutil.which("wrk") else "Python client processes"
    print(
        f"A = {args.url_a}\nB = {args.url_b}\n{source}; {tool}, "
        f"{args.connections} connections, {args.duration}s a run\n"
    )
    print(
        f"{'query':24} {'A req/s':>8} {'B req/s':>8} {'A p50':>7} {'B p50':>7} "
        f"{'A p99':>7} {'B p99':>7} {'A/B rps':>8} {'A/B p99':>8}"
    )
    for name in OPERATIONS:
        figures = {}
        for label, (url, variables) in endpoints.items():
            body = json.dumps(
                {"query": texts[name], "variables": variables[name]}
            ).encode()
            answer = post(url, texts[name], variables[name])
            if answer.get("errors"):
                fail(f"{name} on {label}: {answer['errors'][0].get('message')}")
            for _ in range(10):  # warm up
                post(url, texts[name], variables[name])
            figures[label] = measure(
                url, body, duration=args.duration, connections=args.connections
            )
        a, b = figures["A"], figures["B"]
        print(
            f"{name:24} {a['rps']:8.1f} {b['rps']:8.1f} {a['p50']:7.1f} "
            f"{b['p50']:7.1f} {a['p99']:7.1f} {b['p99']:7.1f} "
            f"{a['rps'] / b['rps']:8.2f} {a['p99'] / max(b['p99'], 0.001):8.2f}"
            + ("  (errors)" if a["errors"] or b["errors"] else "")
        )


if __name__ == "__main__":
    main()

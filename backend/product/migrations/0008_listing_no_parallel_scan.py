"""Listings are read a page at a time: no parallel scan of their table.

A price-sorted page walks product_listing_price and stops after 21 rows,
but it must read the whole first price (193 products tie at the cheapest
price at 50,000 products). PostgreSQL then chose a Gather Merge over a
parallel index scan, whose worker start-up cost 20-40 ms where the plain
scan runs in 8-15 ms. No listing query reads enough rows to gain from a
worker (bench/scale.py fails on a whole-table read).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("product", "0007_name_vector"),
    ]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE product_productchannellisting SET (parallel_workers = 0)",
            reverse_sql="ALTER TABLE product_productchannellisting "
            "RESET (parallel_workers)",
        ),
    ]

"""Row counts that stay cheap when a table holds a million rows.

An exact COUNT reads every row it counts; past ESTIMATE_ABOVE rows a whole
table's size is taken from PostgreSQL's statistics instead (``reltuples``,
refreshed by ANALYZE and autovacuum, so within a few percent). One query
either way, so a page costs the same queries on any catalog.
"""

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property

ESTIMATE_ABOVE = 10_000


def table_count(queryset: QuerySet, *, above: int = ESTIMATE_ABOVE) -> int:
    """Return the queryset's count, or its table's estimated size past ``above``.

    The estimate ignores the queryset's filters: use it where a whole table
    is counted or an upper bound will do.
    """
    queryset = queryset.order_by()
    connection = connections[queryset.db]
    inner, params = queryset.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        # The exact count is an InitPlan: PostgreSQL runs it only when the
        # CASE reaches it, i.e. for a table under ``above`` rows.
        cursor.execute(
            "SELECT CASE WHEN c.reltuples >= %s THEN c.reltuples::bigint "
            f"ELSE (SELECT count(*) FROM ({inner}) counted) END "
            "FROM pg_class c WHERE c.oid = %s::regclass",
            [above, *params, queryset.model._meta.db_table],
        )
        (count,) = cursor.fetchone()
    return count


def bounded_counts(querysets: dict[str, QuerySet], *, limit: int) -> dict[str, int]:
    """Return each queryset's count, stopping at ``limit + 1`` (one query).

    A count above ``limit`` means "more than limit": each count reads at
    most ``limit + 1`` rows, however many match. Order each queryset as an
    index does, so PostgreSQL reads its range of that index.
    """
    if not querysets:
        return {}
    parts, params = [], []
    db = None
    for queryset in querysets.values():
        db = queryset.db
        inner, inner_params = queryset.values("pk")[: limit + 1].query.sql_with_params()
        parts.append(f"(SELECT count(*) FROM ({inner}) bounded)")
        params.extend(inner_params)
    with connections[db].cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", params)
        row = cursor.fetchone()
    return dict(zip(querysets, row, strict=True))


class EstimatedCountPaginator(Paginator):
    """A paginator that counts a large table, unfiltered, from its statistics.

    A filtered listing is counted exactly. The last page of an estimated
    listing may come out a little short, or empty.
    """

    @cached_property
    def count(self) -> int:
        rows = self.object_list
        if isinstance(rows, QuerySet) and not rows.query.where:
            return table_count(rows)
        return super().count

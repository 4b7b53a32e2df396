"""Bench-only instrumentation, installed only when settings.BENCH is on."""

from django.db import connection


class QueryCountMiddleware:
    """Report how many SQL queries a request ran in the X-Bench-Queries header.

    ``bench/serve.py`` sets BENCH=true for the gunicorn it measures and reads
    the header of a warm request per row; production never loads this class.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counted(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counted):
            response = self.get_response(request)
        response["X-Bench-Queries"] = str(count)
        return response

"""runserver that answers a kept-alive connection without a 40 ms stall.

Django's development server (the stdlib's wsgiref underneath) writes a
response's headers and its body in two sends. On a connection the browser
keeps alive, Nagle's algorithm holds the body until the client acknowledges
the headers, and the client delays that acknowledgement by up to 40 ms: every
page, stylesheet and image after a connection's first waits that long
(python/cpython#108736). Sending at once (TCP_NODELAY) removes the wait.

It extends staticfiles' runserver, so static files are served as before;
backend.core is listed before django.contrib.staticfiles for this command to
be the one `manage.py runserver` finds.
"""

import socket

from django.contrib.staticfiles.management.commands.runserver import (
    Command as StaticFilesRunserver,
)
from django.core.servers.basehttp import WSGIServer


class NoDelayWSGIServer(WSGIServer):
    def get_request(self):
        connection, address = super().get_request()
        if connection.family in (socket.AF_INET, socket.AF_INET6):
            connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return connection, address


class Command(StaticFilesRunserver):
    server_cls = NoDelayWSGIServer

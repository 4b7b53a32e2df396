"""`manage.py runserver` (what `make run` serves with) sends without delay."""

import socket

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import get_commands, load_command_class
from django.core.servers.basehttp import WSGIRequestHandler

from backend.core.management.commands.runserver import NoDelayWSGIServer


def test_manage_py_runserver_is_the_no_delay_server_that_serves_static_files():
    command = load_command_class(get_commands()["runserver"], "runserver")

    assert command.server_cls is NoDelayWSGIServer
    assert isinstance(
        command.get_handler(use_static_handler=True, insecure_serving=True),
        StaticFilesHandler,
    )


def test_an_accepted_connection_sends_without_waiting_for_acknowledgement():
    server = NoDelayWSGIServer(("127.0.0.1", 0), WSGIRequestHandler)
    try:
        with socket.create_connection(server.server_address[:2]):
            accepted, _ = server.get_request()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        server.server_close()

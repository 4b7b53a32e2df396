"""make e2e's log scan: what in a server's log fails the run."""

import importlib.util
from pathlib import Path

import pytest

LOGSCAN = Path(__file__).resolve().parents[2] / "e2e" / "logscan.py"


@pytest.fixture
def logscan():
    spec = importlib.util.spec_from_file_location("e2e_logscan", LOGSCAN)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_error_answered_behind_a_200_fails_the_run(logscan, tmp_path):
    (tmp_path / "gunicorn.log").write_text(
        '127.0.0.1 - - "POST /graphql/ HTTP/1.1" 200 81\n'
        "GraphQL error PermissionDenied at ['checkout']: You need one of the "
        "following permissions: MANAGE_CHECKOUTS\n"
    )

    (found,) = logscan.graphql_errors(tmp_path)

    assert found.startswith("gunicorn.log:2: GraphQL error PermissionDenied")


def test_a_clean_access_log_passes(logscan, tmp_path):
    (tmp_path / "gunicorn.log").write_text(
        '127.0.0.1 - - "POST /graphql/ HTTP/1.1" 200 81\n'
        '127.0.0.1 - - "GET /healthz/ HTTP/1.1" 200 2\n'
    )

    assert logscan.graphql_errors(tmp_path) == []


def test_saleors_own_refusal_of_checkout_user_is_expected_not_counted(
    logscan, tmp_path
):
    (tmp_path / "gunicorn.log").write_text(
        "GraphQL error PermissionDenied at ['checkout', 'user']: To access this "
        "path, you need one of the following permissions: MANAGE_USERS\n"
    )

    assert logscan.graphql_errors(tmp_path) == []
    assert logscan.expected_errors(tmp_path) == [
        "Saleor refuses Checkout.user without the owner's token too (1x)"
    ]


def test_a_refusal_elsewhere_in_the_checkout_still_fails(logscan, tmp_path):
    (tmp_path / "gunicorn.log").write_text(
        "GraphQL error PermissionDenied at ['checkout', 'lines']: nope\n"
    )

    assert len(logscan.graphql_errors(tmp_path)) == 1


def test_an_error_in_a_restarted_servers_log_fails_the_run(logscan, tmp_path):
    (tmp_path / "gunicorn.log").write_text(
        '127.0.0.1 - - "POST /graphql/ HTTP/1.1" 200 81\n'
    )
    (tmp_path / "gunicorn-stripe.log").write_text(
        '127.0.0.1 - - "POST /graphql/ HTTP/1.1" 500 81\n'
    )

    (found,) = logscan.graphql_errors(tmp_path)

    assert found.startswith("gunicorn-stripe.log:1: ")


def test_expected_refusals_are_counted_across_restarts(logscan, tmp_path):
    refusal = (
        "GraphQL error PermissionDenied at ['checkout', 'user']: To access this "
        "path, you need one of the following permissions: MANAGE_USERS\n"
    )
    (tmp_path / "gunicorn.log").write_text(refusal)
    (tmp_path / "gunicorn-stripe.log").write_text(refusal)

    assert logscan.expected_errors(tmp_path) == [
        "Saleor refuses Checkout.user without the owner's token too (2x)"
    ]


REFUSAL_LINE = (
    "GraphQL error PermissionDenied at ['orderMarkAsPaid']: To access this path, "
    "you need one of the following permissions: MANAGE_ORDERS\n"
)


def test_a_refusal_the_dashboard_drive_asked_for_is_not_counted(logscan, tmp_path):
    (tmp_path / "expected-refusals.txt").write_text(
        "PermissionDenied at ['orderMarkAsPaid']\n"
    )
    (tmp_path / "gunicorn.log").write_text(REFUSAL_LINE)

    assert logscan.graphql_errors(tmp_path) == []
    assert logscan.expected_errors(tmp_path) == [
        "asked for by the dashboard drive: PermissionDenied at ['orderMarkAsPaid'] (1x)"
    ]


def test_an_asked_refusal_excuses_only_as_many_errors_as_were_asked(logscan, tmp_path):
    (tmp_path / "expected-refusals.txt").write_text(
        "PermissionDenied at ['orderMarkAsPaid']\n"
    )
    (tmp_path / "gunicorn.log").write_text(REFUSAL_LINE * 2)

    (found,) = logscan.graphql_errors(tmp_path)

    assert found.startswith("gunicorn.log:2: GraphQL error PermissionDenied")


def test_an_asked_refusal_does_not_excuse_another_path(logscan, tmp_path):
    (tmp_path / "expected-refusals.txt").write_text(
        "PermissionDenied at ['orderMarkAsPaid']\n"
    )
    (tmp_path / "gunicorn.log").write_text(
        "GraphQL error PermissionDenied at ['orderFulfill']: nope\n"
    )

    assert len(logscan.graphql_errors(tmp_path)) == 1


def test_the_product_doctors_refusal_of_shipping_zones_is_expected(logscan, tmp_path):
    (tmp_path / "gunicorn.log").write_text(
        "GraphQL error PermissionDenied at ['shippingZones']: You need one of "
        "the following permissions: MANAGE_SHIPPING\n"
    )

    assert logscan.graphql_errors(tmp_path) == []
    assert logscan.expected_errors(tmp_path) == [
        "the product doctor reads shippingZones (MANAGE_SHIPPING) and shows "
        "a permission state to a merchandiser (1x)"
    ]


def test_a_refusal_inside_shipping_zones_still_fails(logscan, tmp_path):
    (tmp_path / "gunicorn.log").write_text(
        "GraphQL error PermissionDenied at ['shippingZones', 'edges', 0, 'node', "
        "'warehouses']: You need one of the following permissions: "
        "MANAGE_SHIPPING\n"
    )

    assert len(logscan.graphql_errors(tmp_path)) == 1


BAD_REQUEST = '127.0.0.1 - - "POST /graphql/ HTTP/1.1" 400 166\n'


def test_a_known_steps_bad_request_excuses_one_access_line(logscan, tmp_path):
    (tmp_path / "expected-refusals.txt").write_text("HTTP 400\n")
    (tmp_path / "gunicorn.log").write_text(BAD_REQUEST * 2)

    (found,) = logscan.graphql_errors(tmp_path)

    assert found.startswith("gunicorn.log:2: ")

"""Apps, plugins and webhooks: Saleor's empty state, refused as Saleor refuses."""

import pytest
from graphql_relay import to_global_id

from tests import factories
from tests.api.dashboard_documents import dashboard_document

DENIED = "PermissionDenied"


@pytest.fixture
def admin(db):
    return factories.UserFactory(is_staff=True, is_superuser=True)


def _code(answer) -> str:
    return answer["errors"][0]["extensions"]["exception"]["code"]


def test_the_admin_finds_no_installed_apps(api, admin):
    answer = api.login(admin)(
        dashboard_document("extensions/queries.ts", "InstalledApps"),
        {"first": 20, "filter": {"type": "THIRDPARTY"}},
    )

    assert answer == {
        "data": {
            "apps": {
                "pageInfo": {
                    "hasNextPage": False,
                    "hasPreviousPage": False,
                    "startCursor": None,
                    "endCursor": None,
                },
                "totalCount": 0,
                "edges": [],
            }
        }
    }


def test_no_app_installation_is_running(api, admin):
    answer = api.login(admin)(
        dashboard_document("extensions/queries.ts", "AppsInstallations")
    )

    assert answer == {"data": {"appsInstallations": []}}


def test_no_plugin_is_configured(api, admin):
    answer = api.login(admin)(
        dashboard_document("extensions/queries.ts", "Plugins"), {"first": 20}
    )

    assert answer["data"]["plugins"]["edges"] == []


def test_a_channel_has_no_payment_apps(api, admin):
    answer = api.login(admin)(
        dashboard_document("channels/queries.ts", "ChannelPaymentApps")
    )

    assert answer == {
        "data": {"apps": {"pageInfo": {"hasNextPage": False}, "edges": []}}
    }


def test_an_app_webhook_or_plugin_looked_up_is_null(api, admin):
    answer = api.login(admin)(
        """query($app: ID!, $hook: ID!) {
          app(id: $app) { id } webhook(id: $hook) { id }
          plugin(id: "mirumee.payments.dummy") { id }
          shop { availableTaxApps { id } }
        }""",
        {"app": to_global_id("App", "1"), "hook": to_global_id("Webhook", "1")},
    )

    assert answer == {
        "data": {
            "app": None,
            "webhook": None,
            "plugin": None,
            "shop": {"availableTaxApps": []},
        }
    }


def test_an_app_id_of_another_type_is_saleors_invalid_id_error(api, admin):
    answer = api.login(admin)(
        "query($id: ID!) { app(id: $id) { id } }",
        {"id": to_global_id("Product", "1")},
    )

    assert answer["data"] == {"app": None}
    assert answer["errors"][0]["message"].startswith("Invalid ID:")


def test_staff_without_manage_plugins_are_refused_plugins(api, staff_user):
    answer = api.login(staff_user)("{ plugins(first: 5) { edges { node { id } } } }")

    assert answer["data"] == {"plugins": None}
    assert _code(answer) == DENIED


def test_staff_without_manage_apps_are_refused_installations(api, staff_user):
    answer = api.login(staff_user)("{ appsInstallations { id } }")

    assert answer["data"] is None
    assert _code(answer) == DENIED


def test_a_customer_is_refused_apps(api, customer_user):
    answer = api.login(customer_user)("{ apps(first: 5) { edges { node { id } } } }")

    assert answer["data"] == {"apps": None}
    assert _code(answer) == DENIED


def test_an_anonymous_caller_is_refused_app_extensions(api, db):
    answer = api("{ appExtensions(first: 5) { edges { node { id } } } }")

    assert answer["data"] == {"appExtensions": None}
    assert _code(answer) == DENIED

"""Saleor storefront's account documents validate and run against our API."""

import pytest
from graphql import parse, validate

from backend.graphql.api import schema as lumbar_schema
from tests.api.storefront_compat.documents import document
from tests.shared_assets import STOREFRONT_DOCUMENTS, require_shared

from .conftest import PASSWORD

# Documents that need only the account API (the order ones wait for Order).
ACCOUNT_DOCUMENTS = (
    "AccountAddressCreate",
    "AccountAddressDelete",
    "AccountAddressUpdate",
    "AccountRequestDeletion",
    "AccountSetDefaultAddress",
    "AccountUpdate",
    "CurrentUser",
    "CurrentUserProfile",
    "PasswordChange",
)
OTHER_FILES = (
    "src__app__api__auth__register__route__AccountRegister.graphql",
    "src__app__api__auth__reset-password__route__RequestPasswordReset.graphql",
    "src__app__checkout__actions__AccountRegister.graphql",
    "src__lib__auth__confirm-account__ConfirmAccount.graphql",
)


@pytest.mark.parametrize("name", ACCOUNT_DOCUMENTS)
def test_account_document_validates(name):
    assert validate(lumbar_schema.graphql_schema, document(name)) == []


@pytest.mark.parametrize("filename", OTHER_FILES)
def test_app_and_lib_document_validates(filename):
    text = (require_shared(STOREFRONT_DOCUMENTS) / filename).read_text()
    assert validate(lumbar_schema.graphql_schema, parse(text)) == []


def test_current_user_profile_runs_for_a_customer(customer_api, customer):
    from graphql import print_ast

    result = customer_api(print_ast(document("CurrentUserProfile")))

    assert "errors" not in result
    assert result["data"]["me"]["email"] == "ann@example.com"
    assert result["data"]["me"]["addresses"] == []
    assert result["data"]["me"]["avatar"] is None


def test_password_change_document_runs(customer_api, customer):
    from graphql import print_ast

    result = customer_api(
        print_ast(document("PasswordChange")),
        {"oldPassword": PASSWORD, "newPassword": "Brand-new-pass-77"},
    )

    assert result == {"data": {"passwordChange": {"errors": []}}}

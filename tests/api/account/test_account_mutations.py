"""Register, confirm, passwords and the address book through the API."""

import pytest
from graphql_relay import to_global_id

from backend.account.models import Address, User
from backend.account.services import account_address_create
from backend.account.tasks import send_account_confirmation_email
from backend.account.tokens import access_token_create
from tests.account.helpers import link_params
from tests.api.order.conftest import place_order
from tests.factories import UserFactory

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

REDIRECT = "http://localhost:3000/confirm"
RENO = {
    "firstName": "Ann",
    "lastName": "Reader",
    "streetAddress1": "1 Main St",
    "city": "Reno",
    "postalCode": "89501",
    "country": "US",
    "countryArea": "NV",
}
REGISTER = """
mutation($input: AccountRegisterInput!) {
  accountRegister(input: $input) {
    requiresConfirmation user { id email } errors { field code message }
  }
}"""
CREATE = """
mutation($input: AddressInput!, $type: AddressTypeEnum) {
  accountAddressCreate(input: $input, type: $type) {
    address { id city postalCode country { code } }
    user { defaultShippingAddress { id } }
    errors { field code }
  }
}"""


def test_register_then_confirm_by_the_emailed_link(api, mailoutbox):
    result = api(
        REGISTER,
        {
            "input": {
                "email": "new@example.com",
                "password": PASSWORD,
                "redirectUrl": REDIRECT,
            }
        },
    )["data"]["accountRegister"]
    assert result == {
        "requiresConfirmation": True,
        "user": {"id": "", "email": "new@example.com"},
        "errors": [],
    }
    user = User.objects.get(email="new@example.com")
    send_account_confirmation_email(user.pk, REDIRECT)
    params = link_params(mailoutbox[0])

    confirmed = api(
        "mutation($email: String!, $token: String!) { confirmAccount(email: $email,"
        " token: $token) { user { email isConfirmed isActive } errors { code } } }",
        params,
    )["data"]["confirmAccount"]

    assert confirmed == {
        "user": {"email": "new@example.com", "isConfirmed": True, "isActive": True},
        "errors": [],
    }


def test_register_without_redirect_url_is_required_and_writes_nothing(api):
    result = api(
        REGISTER, {"input": {"email": "new@example.com", "password": PASSWORD}}
    )

    assert result["data"]["accountRegister"]["errors"] == [
        {
            "field": "redirectUrl",
            "code": "REQUIRED",
            "message": "This field is required.",
        }
    ]
    assert not User.objects.exists()


def test_register_with_a_short_password_says_why(api):
    result = api(
        REGISTER,
        {
            "input": {
                "email": "new@example.com",
                "password": "x9!",
                "redirectUrl": REDIRECT,
            }
        },
    )

    codes = [e["code"] for e in result["data"]["accountRegister"]["errors"]]
    assert "PASSWORD_TOO_SHORT" in codes
    assert not User.objects.exists()


def test_password_change_refuses_anonymous(api):
    result = api(
        'mutation { passwordChange(newPassword: "Whatever-123", oldPassword: "x")'
        " { errors { code } } }"
    )

    assert result["data"] == {"passwordChange": None}
    assert result["errors"][0]["extensions"]["exception"] == {
        "code": "PermissionDenied",
        "permissions": ["AUTHENTICATED_USER"],
    }


def test_password_change_with_a_wrong_old_password_changes_nothing(
    customer_api, customer
):
    result = customer_api(
        'mutation { passwordChange(newPassword: "Whatever-12345", oldPassword: "x")'
        " { errors { field code } } }"
    )

    assert result["data"]["passwordChange"]["errors"] == [
        {"field": "oldPassword", "code": "INVALID_PASSWORD"}
    ]
    assert User.objects.get(pk=customer.pk).check_password(PASSWORD)


def test_address_create_validates_and_sets_the_default(customer_api, customer):
    result = customer_api(CREATE, {"input": RENO})["data"]["accountAddressCreate"]

    address = Address.objects.get()
    gid = to_global_id("Address", address.pk)
    assert result == {
        "address": {
            "id": gid,
            "city": "RENO",
            "postalCode": "89501",
            "country": {"code": "US"},
        },
        "user": {"defaultShippingAddress": {"id": gid}},
        "errors": [],
    }


def test_address_create_with_a_bad_postal_code_writes_nothing(customer_api):
    result = customer_api(CREATE, {"input": {**RENO, "postalCode": "XYZ"}})

    assert result["data"]["accountAddressCreate"]["errors"] == [
        {"field": "postalCode", "code": "INVALID"}
    ]
    assert not Address.objects.exists()


def test_address_create_refuses_anonymous(api):
    result = api(CREATE, {"input": RENO})

    assert result["data"] == {"accountAddressCreate": None}
    assert result["errors"][0]["extensions"]["exception"]["code"] == "PermissionDenied"
    assert not Address.objects.exists()


def test_a_customer_cannot_edit_or_delete_anothers_address(customer_api):
    other = UserFactory()
    address = account_address_create(
        user=other,
        data={
            "street_address_1": "1 Main St",
            "city": "Reno",
            "postal_code": "89501",
            "country": "US",
            "country_area": "NV",
        },
    )
    gid = to_global_id("Address", address.pk)

    update = customer_api(
        "mutation($id: ID!, $input: AddressInput!) { accountAddressUpdate(id: $id,"
        " input: $input) { errors { field code } } }",
        {"id": gid, "input": {**RENO, "city": "Sparks", "postalCode": "89431"}},
    )["data"]["accountAddressUpdate"]
    delete = customer_api(
        "mutation($id: ID!) { accountAddressDelete(id: $id)"
        " { errors { field code } } }",
        {"id": gid},
    )["data"]["accountAddressDelete"]

    assert update["errors"] == [{"field": "id", "code": "NOT_FOUND"}]
    assert delete["errors"] == [{"field": "id", "code": "NOT_FOUND"}]
    assert Address.objects.get(pk=address.pk).city == "RENO"


def test_set_default_billing_address(customer_api, customer):
    first = customer_api(CREATE, {"input": RENO})["data"]["accountAddressCreate"]
    second = customer_api(CREATE, {"input": {**RENO, "streetAddress1": "9 Elm St"}})[
        "data"
    ]["accountAddressCreate"]

    result = customer_api(
        "mutation($id: ID!) { accountSetDefaultAddress(id: $id, type: BILLING) {"
        " user { defaultBillingAddress { id } defaultShippingAddress { id } }"
        " errors { code } } }",
        {"id": second["address"]["id"]},
    )["data"]["accountSetDefaultAddress"]

    assert result == {
        "user": {
            "defaultBillingAddress": {"id": second["address"]["id"]},
            "defaultShippingAddress": {"id": first["address"]["id"]},
        },
        "errors": [],
    }


def test_request_password_reset_for_an_unknown_channel_is_not_found(api, customer):
    result = api(
        'mutation { requestPasswordReset(email: "ann@example.com", channel: "nope",'
        f' redirectUrl: "{REDIRECT}") {{ errors {{ field code }} }} }}'
    )

    assert result["data"]["requestPasswordReset"]["errors"] == [
        {"field": "channel", "code": "NOT_FOUND"}
    ]
    assert User.objects.get(pk=customer.pk).last_password_reset_request is None


def test_address_validation_rules_for_the_us(api):
    result = api(
        "{ addressValidationRules(countryCode: US) { countryCode countryName"
        " requiredFields postalCodeExamples countryAreaChoices { raw verbose } } }"
    )["data"]["addressValidationRules"]

    assert result["countryCode"] == "US"
    assert "postalCode" in result["requiredFields"]
    assert {"raw": "NV", "verbose": "Nevada"} in result["countryAreaChoices"]


def test_me_with_addresses_takes_the_same_queries_for_one_and_five(
    customer_api, customer, django_assert_max_num_queries
):
    query = (
        "{ me { email addresses { id city country { code } } defaultShippingAddress"
        " { id } defaultBillingAddress { id } metadata { key value } } }"
    )
    customer_api(CREATE, {"input": RENO})
    with django_assert_max_num_queries(3):
        one = customer_api(query)["data"]["me"]
    for number in range(4):
        customer_api(CREATE, {"input": {**RENO, "streetAddress1": f"{number} Oak St"}})
    with django_assert_max_num_queries(3):
        five = customer_api(query)["data"]["me"]

    assert (len(one["addresses"]), len(five["addresses"])) == (1, 5)


def test_confirm_account_gives_the_account_its_guest_orders(
    api, mailoutbox, channel, shipping_method, variant
):
    order = place_order(
        channel=channel, shipping_method=shipping_method, variant=variant
    )
    api(
        REGISTER,
        {
            "input": {
                "email": "buyer@example.com",
                "password": PASSWORD,
                "redirectUrl": REDIRECT,
            }
        },
    )
    user = User.objects.get(email="buyer@example.com")
    send_account_confirmation_email(user.pk, REDIRECT)
    api(
        "mutation($email: String!, $token: String!) { confirmAccount(email: $email,"
        " token: $token) { errors { code } } }",
        link_params(mailoutbox[0]),
    )
    api.token = access_token_create(user=user)

    me = api("{ me { orders(first: 5) { edges { node { number } } } } }")["data"]["me"]

    assert me["orders"]["edges"] == [{"node": {"number": str(order.number)}}]

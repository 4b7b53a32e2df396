import pytest

from backend.checkout.complete import checkout_complete
from tests.api.checkout.conftest import (  # noqa: F401 - shared fixtures
    customer_api,
    other_customer,
)
from tests.fixtures.checkout import make_ready_checkout, paid_with


def place_order(*, channel, shipping_method, variant, user=None, quantity=2):
    """Place an order through checkout_complete, as a shopper would."""
    checkout = make_ready_checkout(
        channel=channel, shipping_method=shipping_method, lines=[(variant, quantity)]
    )
    if user is not None:
        checkout.user = user
        checkout.save(update_fields=["user"])
    return checkout_complete(
        checkout_token=checkout.token, payment=paid_with("tok_success")
    ).order


@pytest.fixture
def guest_order(channel, shipping_method, variant):
    return place_order(
        channel=channel, shipping_method=shipping_method, variant=variant
    )


@pytest.fixture
def customer_order(channel, shipping_method, variant, customer_user):
    return place_order(
        channel=channel,
        shipping_method=shipping_method,
        variant=variant,
        user=customer_user,
    )


@pytest.fixture
def ops_api(api, staff_user):
    """Operations staff: they manage orders."""
    from backend.core.permissions import PermissionEnum
    from tests.api.checkout.conftest import grant

    return api.login(grant(staff_user, PermissionEnum.MANAGE_ORDERS))


@pytest.fixture
def merchandiser_api(api, db):
    """Staff who manage products, shipping and checkouts, but not orders."""
    from backend.core.permissions import PermissionEnum
    from tests import factories
    from tests.api.mutations.conftest import grant

    user = factories.UserFactory(email="merch@example.com", is_staff=True)
    user = grant(
        user,
        PermissionEnum.MANAGE_PRODUCTS,
        PermissionEnum.MANAGE_SHIPPING,
        PermissionEnum.MANAGE_CHECKOUTS,
    )
    return api.login(user)


@pytest.fixture
def payments_api(api, db):
    """Operations staff who may also move money (HANDLE_PAYMENTS)."""
    from backend.core.permissions import PermissionEnum
    from tests import factories
    from tests.api.mutations.conftest import grant

    user = factories.UserFactory(email="cashier@example.com", is_staff=True)
    user = grant(user, PermissionEnum.MANAGE_ORDERS, PermissionEnum.HANDLE_PAYMENTS)
    return api.login(user)

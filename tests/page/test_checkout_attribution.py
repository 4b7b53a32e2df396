"""checkout_attribution_set: the article and block that sent the shopper."""

import pytest
from django.core.exceptions import ValidationError

from backend.checkout.complete import checkout_complete
from backend.checkout.models import Checkout
from backend.page.services.attribution import ATTRIBUTION_METADATA_KEY
from backend.page.services.checkout_attribution import checkout_attribution_set
from tests import factories
from tests.fixtures.checkout import paid_with
from tests.fixtures.content import make_article_page


@pytest.fixture
def heat(db):
    return make_article_page(slug="heat", conditions=())


def _stored(checkout):
    return Checkout.objects.get(pk=checkout.pk).metadata.get(ATTRIBUTION_METADATA_KEY)


def _refusal(checkout, attribution) -> tuple[str, str]:
    with pytest.raises(ValidationError) as excinfo:
        checkout_attribution_set(checkout_token=checkout.token, attribution=attribution)
    ((field, errors),) = excinfo.value.error_dict.items()
    return field, errors[0].code


@pytest.mark.parametrize(
    ("block", "stored"), [(2, "2"), ("2", "2"), ("end", "end"), (0, "0")]
)
def test_the_session_attribution_is_stored_in_the_checkout_metadata(
    ready_checkout, heat, block, stored
):
    checkout_attribution_set(
        checkout_token=ready_checkout.token,
        attribution={"article": "heat", "block": block},
    )

    assert _stored(ready_checkout) == {"article": "heat", "block": stored}


def test_other_metadata_is_kept(ready_checkout, heat):
    Checkout.objects.filter(pk=ready_checkout.pk).update(metadata={"gift": "yes"})

    checkout_attribution_set(
        checkout_token=ready_checkout.token, attribution={"article": "heat", "block": 1}
    )

    assert Checkout.objects.get(pk=ready_checkout.pk).metadata == {
        "gift": "yes",
        ATTRIBUTION_METADATA_KEY: {"article": "heat", "block": "1"},
    }


def test_the_last_attribution_wins(ready_checkout, heat):
    make_article_page(slug="tens", conditions=())
    for slug in ("heat", "tens"):
        checkout_attribution_set(
            checkout_token=ready_checkout.token,
            attribution={"article": slug, "block": 0},
        )

    assert _stored(ready_checkout) == {"article": "tens", "block": "0"}


@pytest.mark.parametrize(
    "attribution",
    [
        {"article": "no-such-article", "block": 1},
        {"article": "", "block": 1},
        {"block": 1},
        {"article": "heat", "block": -1},
        {"article": "heat", "block": 10000},
        {"article": "heat", "block": "1; DROP"},
        {"article": "heat", "block": True},
        {"article": "heat"},
        "heat",
    ],
)
def test_a_bad_attribution_is_refused_and_nothing_is_stored(
    ready_checkout, heat, attribution
):
    assert _refusal(ready_checkout, attribution) == ("attribution", "INVALID")
    assert _stored(ready_checkout) is None


def test_a_page_that_is_not_an_article_is_refused(ready_checkout, heat):
    factories.PageFactory(slug="about", page_type=heat.page_type)

    assert _refusal(ready_checkout, {"article": "about", "block": 1}) == (
        "attribution",
        "INVALID",
    )


def test_an_unknown_checkout_is_not_found(heat):
    with pytest.raises(ValidationError) as excinfo:
        checkout_attribution_set(
            checkout_token="6f1c9f5e-0000-4000-8000-000000000000",
            attribution={"article": "heat", "block": 1},
        )

    assert excinfo.value.error_dict["id"][0].code == "NOT_FOUND"


def test_the_order_carries_the_checkouts_attribution(ready_checkout, heat):
    checkout_attribution_set(
        checkout_token=ready_checkout.token, attribution={"article": "heat", "block": 3}
    )

    order = checkout_complete(
        checkout_token=ready_checkout.token, payment=paid_with("tok_success")
    ).order

    assert order.metadata[ATTRIBUTION_METADATA_KEY] == {"article": "heat", "block": "3"}

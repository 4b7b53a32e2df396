"""Articles, comments and the four roles of the moderation tests."""

from dataclasses import dataclass

from backend.account.models import User
from backend.account.services import staff_groups_sync
from backend.page.models import Page, PageComment, PageCommentStatus
from tests import factories
from tests.fixtures.content import make_article_page


def article(slug: str = "heat-or-ice-for-sciatica") -> Page:
    """Return a published article with no shop blocks or conditions."""
    return make_article_page(slug=slug, conditions=())


def comment(page: Page, **fields) -> PageComment:
    """Save a comment directly, pending unless told otherwise."""
    values = {
        "name": "Sam Reader",
        "email": "sam@example.com",
        "body": "The nerve glides helped me a lot.",
        "status": PageCommentStatus.PENDING,
        "ip_hash": "0" * 64,
        **fields,
    }
    return PageComment.objects.create(page=page, **values)


@dataclass(frozen=True)
class Roles:
    customer: User
    merchandiser: User
    operations: User


def roles() -> Roles:
    """Create a customer and a staff member of each group."""
    groups = staff_groups_sync()
    merchandiser = factories.UserFactory(email="merch@example.com", is_staff=True)
    merchandiser.groups.add(groups["Merchandisers"])
    operations = factories.UserFactory(email="ops@example.com", is_staff=True)
    operations.groups.add(groups["Operations"])
    customer = factories.UserFactory(email="customer@example.com")
    return Roles(customer=customer, merchandiser=merchandiser, operations=operations)


def statuses(*comments: PageComment) -> list[str]:
    """Return the comments' statuses as the database has them now."""
    by_pk = dict(
        PageComment.objects.filter(pk__in=[c.pk for c in comments]).values_list(
            "pk", "status"
        )
    )
    return [by_pk[c.pk] for c in comments]

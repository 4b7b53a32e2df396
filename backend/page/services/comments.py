"""Reader comments on articles: posting, triage flags and moderation."""

import hashlib
import hmac
import html
import re
from collections.abc import Iterable

import nh3
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from backend.core import cache_versions
from backend.core.permissions import PermissionEnum, user_has_any_permission

from ..models import Page, PageComment, PageCommentStatus

NAME_MAX_LENGTH = 80
BODY_MIN_LENGTH = 2
BODY_MAX_LENGTH = 3000
# Each pass removes one layer of entity-encoded markup; deeper layers stay
# encoded, as text.
MAX_CLEAN_PASSES = 4
# Five comments per address in ten minutes is more than a reader writes.
RATE_LIMIT_COUNT = 5
RATE_LIMIT_WINDOW_SECONDS = 10 * 60
RATE_LIMIT_MESSAGE = (
    "You have posted several comments in a short time. "
    "Please wait a few minutes and try again."
)

LINK_PATTERN = re.compile(
    r"https?://|\bwww\.|\]\(|<\s*a\b|\bhref\s*=|"
    # A bare domain such as "example.com/path" or "cheap-pills.net".
    r"\b[a-z0-9-]+\.(?:com|net|org|info|biz|ru|cn|io|co|uk|xyz|top|shop)\b",
    re.IGNORECASE,
)
# Phrases of a reader asking for advice about their own case, which a
# comment thread must not give; a moderator points them to a clinician.
MEDICAL_ADVICE_PATTERN = re.compile(
    r"\bshould i\b|\bcan i (?:take|use|do|try|still)\b|\bmy (?:doctor|gp|physio|"
    r"physiotherapist|surgeon|mri|x-ray|scan|diagnosis|medication|"
    r"prescription)\b|\bis it safe (?:for me|to)\b|\bsafe for me\b|"
    r"\bhow (?:much|many|often) (?:should|can|do) i\b|\bdos(?:e|age|ing)\b|"
    r"\b\d+\s?mg\b|\bi(?:'m| am) (?:taking|on)\b",
    re.IGNORECASE,
)


def comment_has_links(body: str) -> bool:
    """Return whether the text holds a web address or a link."""
    return bool(LINK_PATTERN.search(body))


def comment_asks_medical_advice(body: str) -> bool:
    """Return whether the text reads like a request for personal advice."""
    return bool(MEDICAL_ADVICE_PATTERN.search(body))


def comment_plain_text(text: str) -> str:
    """Return the text with every tag removed and whitespace tidied."""
    # nh3 with no tags allowed keeps text and drops markup, including the
    # contents of <script>; its output is escaped text, which we decode.
    # Encoded markup ("&lt;script&gt;") decodes into markup, so clean
    # again until nothing changes: what is stored holds no tag at all.
    plain = text
    for _ in range(MAX_CLEAN_PASSES):
        cleaned = html.unescape(
            nh3.clean(plain, tags=set(), attributes={}, strip_comments=True)
        )
        if cleaned == plain:
            break
        plain = cleaned
    else:
        # Still decoding: keep the last layer encoded rather than risk a tag.
        plain = nh3.clean(plain, tags=set(), attributes={}, strip_comments=True)
    plain = plain.replace("\xa0", " ").replace("\r\n", "\n").replace("\r", "\n")
    lines = [" ".join(line.split()) for line in plain.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def comment_ip_hash(ip_address: str | None) -> str:
    """Return a keyed hash of the address; the address itself is not kept."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, (ip_address or "").encode(), hashlib.sha256).hexdigest()


def _rate_limit_take(ip_hash: str) -> bool:
    """Count one post for the address; return False past the limit."""
    key = f"page-comment-rate:{ip_hash}"
    # add() starts the window only if none is open; incr() is atomic.
    cache.add(key, 0, timeout=RATE_LIMIT_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # the window closed between add() and incr()
        cache.set(key, 1, timeout=RATE_LIMIT_WINDOW_SECONDS)
        count = 1
    return count <= RATE_LIMIT_COUNT


def _clean_fields(*, name: str, email: str, body: str) -> tuple[str, str, str]:
    errors: dict[str, ValidationError] = {}
    name = comment_plain_text(name).replace("\n", " ")
    body = comment_plain_text(body)
    email = (email or "").strip()
    if not name:
        errors["name"] = ValidationError("Enter your name.", code="REQUIRED")
    elif len(name) > NAME_MAX_LENGTH:
        errors["name"] = ValidationError(
            f"Keep your name under {NAME_MAX_LENGTH} characters.", code="INVALID"
        )
    if not email:
        errors["email"] = ValidationError("Enter your email address.", code="REQUIRED")
    else:
        try:
            PageComment._meta.get_field("email").run_validators(email)
        except ValidationError:
            errors["email"] = ValidationError(
                "Enter a valid email address.", code="INVALID"
            )
    if len(body) < BODY_MIN_LENGTH:
        errors["body"] = ValidationError("Write a comment.", code="REQUIRED")
    elif len(body) > BODY_MAX_LENGTH:
        errors["body"] = ValidationError(
            f"Keep your comment under {BODY_MAX_LENGTH} characters.", code="INVALID"
        )
    if errors:
        raise ValidationError(errors)
    return name, email, body


def comment_post(
    *,
    page: Page,
    name: str,
    email: str,
    body: str,
    ip_address: str | None,
    honeypot: str = "",
) -> PageComment:
    """Save a reader's comment as pending and tell the moderators.

    A filled honeypot saves it as spam, with no notification: the bot sees
    the same answer as a reader. Raises ValidationError on bad input, an
    unpublished article or too many comments from one address.
    """
    if not Page.objects.published().filter(pk=page.pk).exists():
        raise ValidationError(
            {
                "page": ValidationError(
                    "Comments are closed on this article.", code="NOT_PUBLISHED"
                )
            }
        )
    # Flags read the text as sent: sanitising drops an <a href> it held.
    raw_body = body
    name, email, body = _clean_fields(name=name, email=email, body=body)
    ip_hash = comment_ip_hash(ip_address)
    if not _rate_limit_take(ip_hash):
        raise ValidationError(
            {"__all__": ValidationError(RATE_LIMIT_MESSAGE, code="RATE_LIMITED")}
        )
    is_spam = bool(honeypot and honeypot.strip())
    with transaction.atomic():
        comment = PageComment.objects.create(
            page=page,
            name=name,
            email=email,
            body=body,
            status=PageCommentStatus.SPAM if is_spam else PageCommentStatus.PENDING,
            has_links=comment_has_links(raw_body),
            medical_advice_request=comment_asks_medical_advice(body),
            ip_hash=ip_hash,
        )
        if not is_spam:
            _notify_on_commit(comment.pk)
    return comment


def _notify_on_commit(comment_id: int) -> None:
    # Imported here: the tasks module imports these services.
    from ..tasks import comment_notify_moderators

    transaction.on_commit(lambda: comment_notify_moderators.delay(comment_id))


@transaction.atomic
def comment_moderate(*, comments: Iterable[PageComment], status: str, moderator) -> int:
    """Set the comments' status as the moderator decides; return how many changed.

    Only staff holding MANAGE_PAGES may moderate (Saleor's code for pages).
    Moves the versions of the articles whose comments changed.
    """
    if not (
        getattr(moderator, "is_staff", False)
        and user_has_any_permission(moderator, PermissionEnum.MANAGE_PAGES)
    ):
        raise PermissionDenied("You need the MANAGE_PAGES permission.")
    if status not in PageCommentStatus.values or status == PageCommentStatus.PENDING:
        raise ValidationError(
            {
                "status": ValidationError(
                    "Choose approve, reject or spam.", code="INVALID"
                )
            }
        )
    ids = [comment.pk for comment in comments]
    locked = (
        PageComment.objects.select_for_update()
        .filter(pk__in=ids)
        .exclude(status=status)
        .order_by("pk")
    )
    changed_rows = list(locked.values_list("pk", "page_id"))
    changed = [pk for pk, _ in changed_rows]
    if changed_rows:
        cache_versions.page_edited(
            {page_id for _, page_id in changed_rows}, listed=False
        )
    PageComment.objects.filter(pk__in=changed).update(
        status=status, moderated_at=timezone.now(), moderated_by=moderator
    )
    return len(changed)


def comment_moderators() -> list:
    """Return the active staff who may moderate comments (MANAGE_PAGES)."""
    app_label, codename = PermissionEnum.MANAGE_PAGES.codename.split(".")
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    )
    holders = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=permission)
            | Q(groups__permissions__in=permission)
        )
        .distinct()
        .order_by("email")
    )
    return list(holders)


def comment_moderators_notify(*, comment_id: int) -> int:
    """Email the moderators about a pending comment once; return emails sent.

    The comment stays locked while the mail goes out and is marked only
    after, so a failed send is retried and a finished one is not repeated.
    """
    with transaction.atomic():
        comment = (
            PageComment.objects.select_for_update(of=("self",))
            .select_related("page")
            .filter(pk=comment_id)
            .first()
        )
        if (
            comment is None
            or comment.moderators_notified_at is not None
            or comment.status != PageCommentStatus.PENDING
        ):
            return 0
        recipients = [user.email for user in comment_moderators() if user.email]
        sent = get_connection().send_messages(
            [
                EmailMessage(
                    subject=f"Comment awaiting approval: {comment.page.title}",
                    body=_notification_text(comment),
                    to=[recipient],
                )
                for recipient in recipients
            ]
        )
        comment.moderators_notified_at = timezone.now()
        comment.save(update_fields=["moderators_notified_at"])
    return sent or 0


def _notification_text(comment: PageComment) -> str:
    flags = [
        label
        for label, flagged in (
            ("holds links", comment.has_links),
            ("asks for personal medical advice", comment.medical_advice_request),
        )
        if flagged
    ]
    admin_path = reverse("admin:page_pagecomment_change", args=[comment.pk])
    return "\n".join(
        [
            f'{comment.name} commented on "{comment.page.title}".',
            f"Flagged: {', '.join(flags)}." if flags else "Not flagged.",
            "",
            comment.body,
            "",
            f"Approve, reject or mark it spam: {settings.PUBLIC_URL}{admin_path}",
        ]
    )

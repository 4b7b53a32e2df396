"""Pages and page types in the admin.

Saleor guards pages with MANAGE_PAGES and page types with
MANAGE_PAGE_TYPES_AND_ATTRIBUTES; anyone who edits pages may read types.
An article's text belongs to its file under content/articles/, which
``sync_content`` brings in, so the admin shows it read only.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.text import Truncator

from backend.attribute.models import AttributePage
from backend.core.admin_permissions import (
    SaleorModelAdmin,
    SaleorStackedInline,
    SaleorTabularInline,
    validation_messages,
)
from backend.core.permissions import PermissionEnum

from .models import Article, Page, PageComment, PageCommentStatus, PageType
from .services import comment_moderate

# What sync_content writes from an article's file.
SYNCED_PAGE_FIELDS = ["page_type", "title", "slug", "content"]


class ArticleInline(SaleorStackedInline):
    """Where an article comes from; read only, the file owns it."""

    model = Article
    permissions = (PermissionEnum.MANAGE_PAGES,)
    fields = ["source_path", "summary", "series_slug", "series_order", "synced_at"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = "article (edit its file in content/articles/)"

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Page)
class PageAdmin(SaleorModelAdmin):
    permissions = (PermissionEnum.MANAGE_PAGES,)
    list_display = ["title", "slug", "page_type", "is_published", "published_at"]
    list_select_related = ["page_type"]
    list_filter = ["page_type", "is_published"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["page_type"]
    fields = [
        "page_type",
        "title",
        "slug",
        "content",
        "is_published",
        "published_at",
        "seo_title",
        "seo_description",
    ]

    inlines = [ArticleInline]

    def get_prepopulated_fields(self, request, obj=None):
        if "slug" in self.get_readonly_fields(request, obj):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and Article.objects.filter(page=obj).exists():
            return SYNCED_PAGE_FIELDS
        return ["page_type"] if obj else []


class PageAttributeInline(SaleorTabularInline):
    model = AttributePage
    permissions = (PermissionEnum.MANAGE_PAGE_TYPES_AND_ATTRIBUTES,)
    fields = ["attribute"]
    autocomplete_fields = ["attribute"]
    extra = 0
    verbose_name = "attribute"


@admin.register(PageType)
class PageTypeAdmin(SaleorModelAdmin):
    permissions = (PermissionEnum.MANAGE_PAGE_TYPES_AND_ATTRIBUTES,)
    view_permissions = (PermissionEnum.MANAGE_PAGES,)
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug"]
    inlines = [PageAttributeInline]


MODERATION_STATUSES = {
    PageCommentStatus.APPROVED: "approved",
    PageCommentStatus.REJECTED: "rejected",
    PageCommentStatus.SPAM: "marked as spam",
}


@admin.register(PageComment)
class PageCommentAdmin(SaleorModelAdmin):
    """Moderation: flagged comments first; every decision goes through
    ``comment_moderate``, singly from a comment's page or in bulk."""

    permissions = (PermissionEnum.MANAGE_PAGES,)
    change_form_template = "admin/page/pagecomment/change_form.html"
    list_display = [
        "name",
        "excerpt",
        "page",
        "status",
        "has_links",
        "medical_advice_request",
        "created_at",
    ]
    list_select_related = ["page"]
    list_filter = ["status", "has_links", "medical_advice_request", "page"]
    search_fields = ["name", "email", "body", "page__title"]
    fields = [
        "page",
        "name",
        "email",
        "body",
        "status",
        "has_links",
        "medical_advice_request",
        "created_at",
        "moderated_at",
        "moderated_by",
    ]
    readonly_fields = fields
    actions = ["approve", "reject", "mark_spam"]
    list_per_page = 50

    @admin.display(description="comment")
    def excerpt(self, comment: PageComment) -> str:
        return Truncator(comment.body).chars(80)

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_urls(self):
        moderate = self.admin_site.admin_view(self.moderate_view)
        return [
            path(
                "<path:object_id>/moderate/",
                moderate,
                name="page_pagecomment_moderate",
            ),
            *super().get_urls(),
        ]

    def _moderate(self, request, comments, status: str) -> None:
        try:
            changed = comment_moderate(
                comments=comments, status=status, moderator=request.user
            )
        except PermissionDenied as error:
            self.message_user(request, str(error), messages.ERROR)
            return
        except ValidationError as error:
            for message in validation_messages(error):
                self.message_user(request, message, messages.ERROR)
            return
        noun = "comment" if changed == 1 else "comments"
        self.message_user(
            request,
            f"{changed} {noun} {MODERATION_STATUSES[status]}.",
            messages.SUCCESS,
        )

    @admin.action(description="Approve selected comments", permissions=["change"])
    def approve(self, request, queryset):
        self._moderate(request, queryset, PageCommentStatus.APPROVED)

    @admin.action(description="Reject selected comments", permissions=["change"])
    def reject(self, request, queryset):
        self._moderate(request, queryset, PageCommentStatus.REJECTED)

    @admin.action(description="Mark selected comments as spam", permissions=["change"])
    def mark_spam(self, request, queryset):
        self._moderate(request, queryset, PageCommentStatus.SPAM)

    def moderate_view(self, request, object_id):
        """Approve, reject or mark spam one comment from its page (POST)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        comment = self.get_object(request, unquote(object_id))
        if comment is None:
            raise Http404("No such comment.")
        if not self.has_change_permission(request, comment):
            raise PermissionDenied
        status = request.POST.get("status", "")
        if status not in MODERATION_STATUSES:
            self.message_user(
                request, "Choose approve, reject or spam.", messages.ERROR
            )
        else:
            self._moderate(request, [comment], status)
        return HttpResponseRedirect(
            reverse("admin:page_pagecomment_change", args=[comment.pk])
        )

    def render_change_form(self, request, context, *args, **kwargs):
        context["moderation_statuses"] = [
            (PageCommentStatus.APPROVED, "Approve"),
            (PageCommentStatus.REJECTED, "Reject"),
            (PageCommentStatus.SPAM, "Mark as spam"),
        ]
        return super().render_change_form(request, context, *args, **kwargs)

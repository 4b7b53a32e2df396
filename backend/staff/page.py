"""Pages and page types in the admin.

Saleor guards pages with MANAGE_PAGES and page types with
MANAGE_PAGE_TYPES_AND_ATTRIBUTES; anyone who edits pages may read types.
An article's text belongs to its file under content/articles/, which
``sync_content`` brings in, so the admin shows it read only; the products
it features are the merchandiser's, edited here through ``page_tag_products``
as ``pageUpdate`` does.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import Truncator

from backend.attribute.models import (
    AssignedPageAttributeValue,
    AttributePage,
    AttributeValue,
)
from backend.core.admin_permissions import (
    SaleorModelAdmin,
    SaleorStackedInline,
    SaleorTabularInline,
    validation_messages,
)
from backend.core.permissions import PermissionEnum
from backend.page.models import Article, Page, PageComment, PageCommentStatus, PageType
from backend.page.services import (
    FEATURED_PRODUCTS_SLUG,
    comment_moderate,
    page_tag_products,
)
from backend.page.services.tagging import FEATURED_SEEN_KEY
from backend.product.models import Product, ProductChannelListing
from backend.warehouse.selectors import products_in_stock

from .article_preview import article_preview_html

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


# The page's private metadata key holding the products it featured when a
# merchandiser last saved them, so a product deleted since can be named.


class FeaturedProductSelect(AutocompleteSelect):
    """Autocomplete that labels a row's saved product without a query.

    The inline reads each row's product with the row, so the change page
    costs the same for 5 featured products as for 50.
    """

    known: dict[str, str]

    def optgroups(self, name, value, attr=None):
        selected = {str(v) for v in value if v not in (None, "")}
        known = getattr(self, "known", {})
        if not selected or not selected <= set(known):
            return super().optgroups(name, value, attr)
        options = [self.create_option(name, "", "", False, 0)]
        for pk in sorted(selected):
            options.append(self.create_option(name, pk, known[pk], True, len(options)))
        return [(None, options, 0)]


class FeaturedProductForm(forms.ModelForm):
    """One featured product and its place; saved by ``PageAdmin``, not here."""

    product = forms.ModelChoiceField(
        queryset=Product.objects.all(),
        required=False,
        widget=FeaturedProductSelect(
            AttributeValue._meta.get_field("reference_product"), admin.site
        ),
        error_messages={
            "invalid_choice": "This product no longer exists; remove it.",
        },
    )
    position = forms.IntegerField(
        min_value=1,
        required=False,
        widget=forms.NumberInput(attrs={"class": "vSmallField featured-position"}),
        help_text="1 shows first.",
    )

    class Meta:
        model = AssignedPageAttributeValue
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            product = self.instance.value.reference_product
            self.initial["product"] = product.pk
            self.initial["position"] = self.instance.sort_order + 1
            self.fields["product"].widget.known = {str(product.pk): str(product)}


class FeaturedProductFormSet(forms.BaseInlineFormSet):
    def kept_forms(self) -> list[forms.Form]:
        """Return the forms naming a product and not marked for removal."""
        return [
            form
            for form in self.forms
            if form.cleaned_data.get("product") is not None
            and not self._should_delete_form(form)
        ]

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        products = [form.cleaned_data["product"] for form in self.kept_forms()]
        if len(products) != len(set(products)):
            raise ValidationError("Each product can be featured once.")

    def product_ids(self) -> list[int]:
        """Return the chosen product ids by position, then by row."""
        ranked = sorted(
            enumerate(self.kept_forms()),
            key=lambda row: (row[1].cleaned_data.get("position") or 10**6, row[0]),
        )
        return [form.cleaned_data["product"].pk for _, form in ranked]


class FeaturedProductInline(SaleorTabularInline):
    """The article's Featured products, in the order the end block shows."""

    model = AssignedPageAttributeValue
    permissions = (PermissionEnum.MANAGE_PAGES,)
    form = FeaturedProductForm
    formset = FeaturedProductFormSet
    fields = ["product", "position"]
    extra = 1
    verbose_name = "featured product"
    verbose_name_plural = "featured products (shown in this order)"

    class Media:
        # Drag to reorder; the position numbers work without it.
        js = ["page/admin/featured_order.js"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(value__attribute__slug=FEATURED_PRODUCTS_SLUG)
            .select_related("value__reference_product")
            .order_by("sort_order", "pk")
        )


def featured_product_warnings(page: Page) -> list[str]:
    """Return what keeps the page's featured products from selling as shown.

    A product unpublished in the default channel, out of stock there, or
    deleted since a merchandiser last saved the list (the reference goes
    with the product, so the saved names tell which).
    """
    channel_slug = settings.DEFAULT_CHANNEL_SLUG
    products = list(
        Product.objects.filter(
            references__attribute__slug=FEATURED_PRODUCTS_SLUG,
            references__pagevalueassignment__page=page,
        ).order_by("references__pagevalueassignment__sort_order")
    )
    ids = [product.pk for product in products]
    now = timezone.now()
    published = set(
        ProductChannelListing.objects.filter(
            product_id__in=ids, channel__slug=channel_slug, is_published=True
        )
        .exclude(published_at__gt=now)
        .values_list("product_id", flat=True)
    )
    in_stock = products_in_stock(product_ids=ids, channel_slug=channel_slug)
    warnings = []
    for product in products:
        if product.pk not in published:
            warnings.append(
                f"Featured product “{product.name}” is not published in the "
                f"{channel_slug} channel; shoppers cannot see it."
            )
        elif product.pk not in in_stock:
            warnings.append(
                f"Featured product “{product.name}” is out of stock; "
                "the article marks it so."
            )
    seen = (page.private_metadata or {}).get(FEATURED_SEEN_KEY, {})
    existing = set(
        Product.objects.filter(pk__in=[int(pk) for pk in seen]).values_list(
            "pk", flat=True
        )
    )
    for product_id, name in seen.items():
        if int(product_id) not in existing:
            warnings.append(
                f"Featured product “{name}” was deleted; the article no longer "
                "shows it."
            )
    return warnings


def _features_products(page: Page) -> bool:
    return AttributePage.objects.filter(
        attribute__slug=FEATURED_PRODUCTS_SLUG, page_type_id=page.page_type_id
    ).exists()


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

    inlines = [ArticleInline, FeaturedProductInline]

    def get_inlines(self, request, obj):
        if obj is None or not _features_products(obj):
            return [ArticleInline]
        return self.inlines

    def save_formset(self, request, form, formset, change):
        if formset.model is not AssignedPageAttributeValue:
            return super().save_formset(request, form, formset, change)
        page = form.instance
        page_tag_products(page=page, product_ids=formset.product_ids())
        formset.new_objects, formset.changed_objects, formset.deleted_objects = (
            [],
            [],
            [],
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            page = self.get_object(request, unquote(object_id))
            if page is not None and self.has_view_permission(request, page):
                for warning in featured_product_warnings(page):
                    messages.warning(request, warning)
        return super().change_view(request, object_id, form_url, extra_context)

    def get_prepopulated_fields(self, request, obj=None):
        if "slug" in self.get_readonly_fields(request, obj):
            return {}
        return super().get_prepopulated_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if _article_of(obj) is not None:
            return [*SYNCED_PAGE_FIELDS, "article_preview"]
        return ["page_type"] if obj else []

    def get_fields(self, request, obj=None):
        # An article shows what shoppers read, not its stored EditorJS JSON.
        fields = super().get_fields(request, obj)
        if _article_of(obj) is not None:
            return [
                "article_preview" if name == "content" else name
                for name in fields
                if name != "article_preview"
            ]
        return [name for name in fields if name != "article_preview"]

    @admin.display(description="Article")
    def article_preview(self, page: Page):
        article = _article_of(page)
        return article_preview_html(article) if article else ""


def _article_of(page: Page | None) -> Article | None:
    """Return the page's article, read once per page object."""
    if page is None:
        return None
    if not hasattr(page, "_admin_article"):
        page._admin_article = (
            Article.objects.select_related("page").filter(page=page).first()
        )
    return page._admin_article


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

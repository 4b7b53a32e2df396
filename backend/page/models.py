from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.utils import timezone

from backend.core.models import ModelWithMetadata, SeoModel, TranslationModel
from backend.core.search import PREFIX_CONFIG, SEARCH_CONFIG


class PageType(ModelWithMetadata):
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)

    class Meta:
        ordering = ("slug",)

    def __str__(self) -> str:
        return self.name


class PageQuerySet(models.QuerySet):
    def published(self, *, now=None):
        now = now or timezone.now()
        return self.filter(
            models.Q(published_at__lte=now) | models.Q(published_at__isnull=True),
            is_published=True,
        )


class Page(ModelWithMetadata, SeoModel):
    """An education article or any other content page (Saleor's Page)."""

    page_type = models.ForeignKey(
        PageType, related_name="pages", on_delete=models.CASCADE
    )
    title = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, unique=True, allow_unicode=True)
    content = models.JSONField(blank=True, null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    is_published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    # Weighted tsvector (title A, article summary B, article body C);
    # written by services.search.page_search_vector_update.
    search_vector = SearchVectorField(null=True, blank=True, editable=False)
    # The title's words alone (stemmed and as typed): its GIN index finds
    # the articles a search names without reading every body's vector.
    title_vector = models.GeneratedField(
        expression=SearchVector("title", config=SEARCH_CONFIG)
        + SearchVector("title", config=PREFIX_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ("slug",)
        indexes = [
            GinIndex(fields=["search_vector"], name="page_search_vector"),
            GinIndex(fields=["title_vector"], name="page_title_vector"),
            # The next scheduled publication: the first moment after now.
            models.Index(fields=["published_at"], name="page_published_at"),
        ]

    def __str__(self) -> str:
        return self.title


class PageTranslation(SeoModel, TranslationModel):
    page = models.ForeignKey(
        Page, related_name="translations", on_delete=models.CASCADE
    )
    title = models.CharField(max_length=255, blank=True, null=True)
    slug = models.SlugField(max_length=255, blank=True, null=True, allow_unicode=True)
    content = models.JSONField(blank=True, null=True)

    class Meta:
        unique_together = (("language_code", "page"),)


class Article(models.Model):
    """What an article file says beyond Saleor's Page fields.

    ``manage.py sync_content`` owns every field here; merchandisers edit the
    page's attributes (featured products) and never these.
    """

    page = models.OneToOneField(
        Page, primary_key=True, related_name="article", on_delete=models.CASCADE
    )
    # The file it came from, relative to CONTENT_DIR.
    source_path = models.CharField(max_length=255)
    summary = models.CharField(max_length=300)
    author_name = models.CharField(max_length=255)
    reviewer_name = models.CharField(max_length=255)
    reviewed_on = models.DateField()
    series_slug = models.SlugField(max_length=255, db_index=True)
    series_order = models.PositiveIntegerField()
    # Path under CONTENT_DIR/articles, e.g. "images/tens-for-sciatica.png".
    hero_image = models.CharField(max_length=255)
    hero_image_alt = models.CharField(max_length=255)
    # Condition value slugs as the file lists them; the page's Conditions
    # attribute is set from them only when this list changes.
    conditions = models.JSONField(default=list)
    body_markdown = models.TextField()
    # Sanitised HTML; shop blocks are <div data-shop-block="N"></div>.
    body_html = models.TextField()
    # [{"level": 2, "id": "...", "text": "..."}] for the table of contents.
    headings = models.JSONField(default=list)
    # One spec per "::: shop" directive, in order; see page.content.blocks.
    shop_blocks = models.JSONField(default=list)
    word_count = models.PositiveIntegerField(default=0)
    content_hash = models.CharField(max_length=64)
    synced_at = models.DateTimeField()

    class Meta:
        ordering = ("series_slug", "series_order", "page_id")
        constraints = [
            models.UniqueConstraint(
                fields=["series_slug", "series_order"],
                name="article_series_order",
                # A sync may swap two articles' places in one transaction.
                deferrable=models.Deferrable.DEFERRED,
            )
        ]

    def __str__(self) -> str:
        return self.source_path


class ArticleSource(models.Model):
    """A reference an article cites, in the order the file lists them."""

    article = models.ForeignKey(
        Article, related_name="sources", on_delete=models.CASCADE
    )
    sort_order = models.PositiveIntegerField()
    title = models.CharField(max_length=500)
    publisher = models.CharField(max_length=255)
    url = models.URLField(max_length=500)
    accessed_on = models.DateField()

    class Meta:
        ordering = ("article", "sort_order")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "sort_order"], name="article_source_order"
            )
        ]

    def __str__(self) -> str:
        return self.title


class PageCommentStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    SPAM = "spam", "Spam"


class PageCommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=PageCommentStatus.APPROVED)

    def flagged(self):
        return self.filter(
            models.Q(has_links=True) | models.Q(medical_advice_request=True)
        )


class PageComment(models.Model):
    """A reader's comment on an article; shown only once a moderator approves.

    The email is for moderators alone and is never rendered to readers.
    """

    page = models.ForeignKey(Page, related_name="comments", on_delete=models.CASCADE)
    name = models.CharField(max_length=80)
    email = models.EmailField(max_length=254)
    # Plain text: every tag is stripped before saving; templates escape it.
    body = models.TextField(max_length=3000)
    status = models.CharField(
        max_length=16,
        choices=PageCommentStatus.choices,
        default=PageCommentStatus.PENDING,
    )
    has_links = models.BooleanField(default=False)
    medical_advice_request = models.BooleanField(default=False)
    # A keyed hash, so the rate limit and spam triage work without storing
    # the reader's address.
    ip_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        related_name="+",
        on_delete=models.SET_NULL,
    )

    # Set once the moderators are told, so a retried task emails once.
    moderators_notified_at = models.DateTimeField(null=True, blank=True)

    objects = PageCommentQuerySet.as_manager()

    class Meta:
        # Triage order: comments flagged for a closer look come first.
        ordering = ("-medical_advice_request", "-has_links", "-created_at", "-pk")
        indexes = [
            models.Index(
                fields=["page", "status", "created_at"], name="page_comment_shown"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} on {self.page_id}"


class ShopBlockClick(models.Model):
    """A reader's click on a product in an article's shop block.

    ``block`` is the block's number on the page ("0", "1", ...), "end" for
    the block after the article, or "unknown" when the link was tampered
    with. The session key is kept only as a keyed hash.
    """

    page = models.ForeignKey(
        Page, related_name="shop_block_clicks", on_delete=models.CASCADE
    )
    product = models.ForeignKey(
        "product.Product",
        related_name="shop_block_clicks",
        null=True,
        on_delete=models.SET_NULL,
    )
    block = models.CharField(max_length=16)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    session_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return f"{self.page_id} block {self.block}"


class ArticleSalesReport(Page):
    """The admin's per-article report of clicks, carts, orders and revenue."""

    class Meta:
        proxy = True
        verbose_name = "article sales report"
        verbose_name_plural = "article sales report"
